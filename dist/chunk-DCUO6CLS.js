import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  STATEMENT_TYPE,
  parseStatement
} from "./chunk-WERL3RUE.js";
import {
  RESULTS_FILES,
  RESULTS_PREDICATE_TYPE
} from "./chunk-TVPTIO2N.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/proof/results-statement.ts
var RESULTS_DATA_FILES = [
  RESULTS_FILES.results,
  RESULTS_FILES.jobMetrics,
  RESULTS_FILES.backendProperties
];
var DIGEST = /^sha256:[0-9a-f]{64}$/;
var hex = (d) => d.slice("sha256:".length);
function ordered(p) {
  return {
    job_id: p.job_id,
    binding: p.binding,
    workload_statement: p.workload_statement,
    backend: p.backend,
    status: p.status,
    timestamps: {
      created: p.timestamps.created,
      running: p.timestamps.running,
      finished: p.timestamps.finished
    },
    usage: { qpu_charge_time_seconds: p.usage.qpu_charge_time_seconds, status: p.usage.status },
    calibration: { last_update_date: p.calibration.last_update_date },
    fetched_at: p.fetched_at,
    files: Object.fromEntries(
      RESULTS_DATA_FILES.map((n) => [n, p.files[n]])
    )
  };
}
function buildResultsStatement(p) {
  return {
    _type: STATEMENT_TYPE,
    subject: [RESULTS_FILES.results, RESULTS_FILES.backendProperties].map((name) => ({
      name,
      digest: { sha256: hex(p.files[name]) }
    })),
    predicateType: RESULTS_PREDICATE_TYPE,
    predicate: ordered(p)
  };
}
function resultsStatementBytes(p) {
  return Buffer.from(JSON.stringify(buildResultsStatement(p)), "utf8");
}
function bad(msg) {
  throw new QprovError("STATEMENT_INVALID", `results statement: ${msg}`);
}
function exactKeys(o, keys, where) {
  if (o === null || typeof o !== "object" || Array.isArray(o)) bad(`${where} is not an object`);
  const got = Object.keys(o).sort();
  const want = [...keys].sort();
  if (got.join() !== want.join())
    bad(`${where} has members ${got.join(", ")}, not ${want.join(", ")}`);
  return o;
}
var str = (v, where) => typeof v === "string" && v !== "" ? v : bad(`${where} is not a string`);
var strOrNull = (v, where) => v === null ? null : str(v, where);
var date = (v, where) => Number.isNaN(Date.parse(str(v, where))) ? bad(`${where} is not a date`) : v;
var dateOrNull = (v, where) => v === null ? null : date(v, where);
var digest = (v, where) => DIGEST.test(str(v, where)) ? v : bad(`${where} is not sha256:<64 hex>`);
function parseResultsStatement(payload) {
  const s = parseStatement(payload);
  if (s.predicateType !== RESULTS_PREDICATE_TYPE)
    bad(`predicate type ${s.predicateType}, expected ${RESULTS_PREDICATE_TYPE}`);
  const o = exactKeys(s.predicate, Object.keys(ordered(EXAMPLE)), "predicate");
  const t = exactKeys(o.timestamps, ["created", "running", "finished"], "timestamps");
  const u = exactKeys(o.usage, ["qpu_charge_time_seconds", "status"], "usage");
  const c = exactKeys(o.calibration, ["last_update_date"], "calibration");
  const f = exactKeys(o.files, RESULTS_DATA_FILES, "files");
  const seconds = u.qpu_charge_time_seconds;
  if (seconds !== null && (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0))
    bad("usage.qpu_charge_time_seconds is not a number");
  const p = {
    job_id: str(o.job_id, "job_id"),
    binding: digest(o.binding, "binding"),
    workload_statement: digest(o.workload_statement, "workload_statement"),
    backend: str(o.backend, "backend"),
    status: str(o.status, "status"),
    timestamps: {
      created: dateOrNull(t.created, "timestamps.created"),
      running: dateOrNull(t.running, "timestamps.running"),
      finished: dateOrNull(t.finished, "timestamps.finished")
    },
    usage: { qpu_charge_time_seconds: seconds, status: strOrNull(u.status, "usage.status") },
    calibration: { last_update_date: date(c.last_update_date, "calibration.last_update_date") },
    fetched_at: date(o.fetched_at, "fetched_at"),
    files: Object.fromEntries(
      RESULTS_DATA_FILES.map((n) => [n, digest(f[n], `files.${n}`)])
    )
  };
  if (!resultsStatementBytes(p).equals(payload)) bad("not in the form qprov writes");
  return p;
}
var Z = `sha256:${"0".repeat(64)}`;
var EXAMPLE = {
  job_id: "",
  binding: Z,
  workload_statement: Z,
  backend: "",
  status: "",
  timestamps: { created: null, running: null, finished: null },
  usage: { qpu_charge_time_seconds: null, status: null },
  calibration: { last_update_date: "" },
  fetched_at: "",
  files: { "results.json": Z, "job-metrics.json": Z, "backend-properties.json": Z }
};

export {
  RESULTS_DATA_FILES,
  resultsStatementBytes,
  parseResultsStatement
};
