import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/runtime/job-state.ts
var REASONS = {
  1305: "the job ran longer than its maximum execution time (max_execution_time / cost)",
  1517: "the circuits are not ISA for the backend: transpile them for its target",
  1003: "the service could not transpile the job for the backend"
};
function describeReason(job) {
  if (job.reason === void 0 && job.reasonCode === void 0) return void 0;
  const known = job.reasonCode === void 0 ? void 0 : REASONS[job.reasonCode];
  const code = job.reasonCode === void 0 ? "" : `error code ${job.reasonCode}; `;
  const text = (job.reason ?? "").replace(/\s+/g, " ").trim();
  return `${code}${known ? `${known}${text ? ` (${text})` : ""}` : text}`;
}
var RAN_TOO_LONG = "Cancelled - Ran too long";
function toRuntimeJob(o, what) {
  if (typeof o.id !== "string")
    throw new QprovError("RUNTIME_BAD_RESPONSE", `${what}: job has no id`);
  const state = typeof o.state === "object" && o.state !== null ? o.state : {};
  const top = typeof o.status === "string" ? o.status : void 0;
  const status = typeof state.status === "string" ? state.status : top;
  if (typeof status !== "string")
    throw new QprovError("RUNTIME_BAD_RESPONSE", `${what}: job ${o.id} has no status`);
  const tags = Array.isArray(o.tags) ? o.tags.filter((t) => typeof t === "string") : [];
  const program = o.program?.id;
  const code = state.reason_code ?? state.reasonCode;
  const reasonCode = typeof code === "number" && Number.isInteger(code) ? code : void 0;
  return {
    id: o.id,
    status,
    ...top !== void 0 && top !== status ? { statusDetail: top } : {},
    ranTooLong: top === RAN_TOO_LONG || status === "Cancelled" && reasonCode === 1305,
    backend: typeof o.backend === "string" ? o.backend : void 0,
    tags,
    session_id: typeof o.session_id === "string" ? o.session_id : void 0,
    created: typeof o.created === "string" ? o.created : void 0,
    program: typeof program === "string" ? program : void 0,
    reasonCode,
    reason: typeof state.reason === "string" ? state.reason : void 0,
    ...typeof o.params === "object" && o.params !== null && !Array.isArray(o.params) ? { params: o.params } : {},
    raw: o
  };
}

export {
  describeReason,
  toRuntimeJob
};
