import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  MAX_SERVED_BYTES
} from "./chunk-JJLRPZBH.js";
import {
  realSleep
} from "./chunk-ZR6I2UEQ.js";
import {
  describeReason
} from "./chunk-IWH4RI3D.js";
import {
  signStatement
} from "./chunk-WXX5DDHP.js";
import {
  resultsStatementBytes
} from "./chunk-DCUO6CLS.js";
import {
  parseBinding,
  sha256Digest
} from "./chunk-I22LZPDT.js";
import {
  readBoundedFile
} from "./chunk-BWSBA4KN.js";
import {
  PROOF_FILES,
  RESULTS_FILES
} from "./chunk-TVPTIO2N.js";
import {
  writeFilesAtomically
} from "./chunk-V4VES5YC.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/runtime/job-outputs.ts
var seg = encodeURIComponent;
function objectOf(bytes, what) {
  let v;
  try {
    v = JSON.parse(bytes.toString("utf8"));
  } catch {
    v = void 0;
  }
  if (typeof v !== "object" || v === null || Array.isArray(v))
    throw new QprovError(
      "RUNTIME_BAD_RESPONSE",
      `${what} returned a body that is not a JSON object`
    );
  return v;
}
async function fetchResultsBytes(api, jobId, maxBytes = MAX_SERVED_BYTES) {
  const what = `get results of job ${jobId}`;
  const r = await api.readServed(what, `/jobs/${seg(jobId)}/results`, maxBytes);
  if (r.status === 204 || r.bytes.length === 0) return void 0;
  return r.bytes;
}
var isoOrNull = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v)) ? v : null;
async function fetchJobMetrics(api, jobId, maxBytes = MAX_SERVED_BYTES) {
  const what = `get metrics of job ${jobId}`;
  const { bytes } = await api.readServed(what, `/jobs/${seg(jobId)}/metrics`, maxBytes);
  const o = objectOf(bytes, what);
  const t = typeof o.timestamps === "object" && o.timestamps !== null ? o.timestamps : {};
  const u = typeof o.usage === "object" && o.usage !== null ? o.usage : {};
  const seconds = u.qpu_charge_time_seconds;
  return {
    bytes,
    created: isoOrNull(t.created),
    running: isoOrNull(t.running),
    finished: isoOrNull(t.finished),
    usage: {
      qpu_charge_time_seconds: typeof seconds === "number" && Number.isFinite(seconds) ? seconds : null,
      status: typeof u.status === "string" ? u.status : null
    }
  };
}
async function fetchCalibrationSnapshot(api, backend, updatedBefore, maxBytes = MAX_SERVED_BYTES) {
  const what = `get properties of backend ${backend} before ${updatedBefore}`;
  const qs = new URLSearchParams({ updated_before: updatedBefore });
  const { bytes } = await api.readServed(
    what,
    `/backends/${seg(backend)}/properties?${qs}`,
    maxBytes
  );
  const o = objectOf(bytes, what);
  if (typeof o.last_update_date !== "string" || Number.isNaN(Date.parse(o.last_update_date)))
    throw new QprovError(
      "RUNTIME_BAD_RESPONSE",
      `${what}: the properties carry no last_update_date`
    );
  return { bytes, lastUpdateDate: o.last_update_date };
}

// src/runtime/job-wait.ts
var FINAL_STATES = /* @__PURE__ */ new Set(["Completed", "Failed", "Cancelled"]);
var FIRST_PAUSE_MS = 1e3;
var LONGEST_PAUSE_MS = 3e4;
function pollPauseMs(poll) {
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, poll - 1));
}
async function waitForFinalState(api, jobId, opts) {
  const sleep = opts.sleep ?? realSleep;
  const now = opts.now ?? Date.now;
  const start = now();
  let last;
  for (let poll = 1; ; poll++) {
    const job = await api.getJob(jobId);
    if (job.status !== last) opts.onState?.(job, now() - start);
    last = job.status;
    if (FINAL_STATES.has(job.status)) return job;
    const waited = now() - start;
    const pause = pollPauseMs(poll);
    if (!opts.wait || opts.timeoutMs !== void 0 && waited + pause > opts.timeoutMs)
      throw new QprovError(
        "RUNTIME_JOB_PENDING",
        opts.wait ? `job ${jobId} is still ${job.status} after ${Math.round(waited / 1e3)} s; run qprov results --job ${jobId} --wait again later` : `job ${jobId} is ${job.status}, not final; add --wait to wait for it`,
        { details: { jobId } }
      );
    await sleep(pause);
  }
}
function requireCompleted(job) {
  if (job.status === "Completed") return;
  const reason = describeReason(job);
  throw new QprovError(
    "RUNTIME_JOB_NOT_COMPLETED",
    `job ${job.id} ended ${job.statusDetail ?? job.status}${reason ? `: ${reason}` : " (IBM gave no reason)"}`,
    { details: { jobId: job.id } }
  );
}

// src/binding/witness-results.ts
import { join } from "node:path";
function bundleFile(dir, name) {
  const bytes = readBoundedFile(join(dir, name));
  if (bytes === void 0)
    throw new QprovError(
      "INPUT_NOT_FOUND",
      `${dir} has no ${name}: is it a proof bundle directory?`
    );
  return bytes;
}
async function witnessResults(opts) {
  const bindingBytes = bundleFile(opts.bundleDir, PROOF_FILES.binding);
  const statement = bundleFile(opts.bundleDir, PROOF_FILES.statement);
  const binding = parseBinding(bindingBytes);
  if (binding.runtime.job_id !== opts.jobId)
    throw new QprovError(
      "INPUT_INVALID",
      `${opts.bundleDir} binds job ${binding.runtime.job_id}, not ${opts.jobId}`
    );
  const job = await waitForFinalState(opts.api, opts.jobId, {
    wait: opts.wait,
    ...opts.timeoutMs !== void 0 ? { timeoutMs: opts.timeoutMs } : {},
    ...opts.onState ? { onState: opts.onState } : {},
    ...opts.now ? { now: opts.now } : {},
    ...opts.sleep ? { sleep: opts.sleep } : {}
  });
  requireCompleted(job);
  const backend = job.backend ?? binding.runtime.backend;
  if (!backend || binding.runtime.backend && backend !== binding.runtime.backend)
    throw new QprovError(
      "PROOF_MISMATCH",
      `job ${job.id} ran on ${backend ?? "no backend"}, the binding names ${binding.runtime.backend}`
    );
  opts.onProgress?.(`fetching the results, metrics and calibration of job ${job.id}`);
  const results = await fetchResultsBytes(opts.api, job.id);
  if (results === void 0)
    throw new QprovError("RUNTIME_BAD_RESPONSE", `job ${job.id} is Completed but has no results`);
  const metrics = await fetchJobMetrics(opts.api, job.id);
  const ranAt = metrics.running ?? metrics.finished;
  if (ranAt === null)
    throw new QprovError("RUNTIME_BAD_RESPONSE", `the metrics of job ${job.id} say no running time`);
  const snapshot = await fetchCalibrationSnapshot(opts.api, backend, ranAt);
  const data = [
    [RESULTS_FILES.results, results],
    [RESULTS_FILES.jobMetrics, metrics.bytes],
    [RESULTS_FILES.backendProperties, snapshot.bytes]
  ];
  const predicate = {
    job_id: job.id,
    binding: sha256Digest(bindingBytes),
    workload_statement: sha256Digest(statement),
    backend,
    status: job.status,
    timestamps: { created: metrics.created, running: metrics.running, finished: metrics.finished },
    usage: metrics.usage,
    calibration: { last_update_date: snapshot.lastUpdateDate },
    fetched_at: new Date((opts.now ?? Date.now)()).toISOString(),
    files: {
      "results.json": sha256Digest(results),
      "job-metrics.json": sha256Digest(metrics.bytes),
      "backend-properties.json": sha256Digest(snapshot.bytes)
    }
  };
  const payload = resultsStatementBytes(predicate);
  opts.onProgress?.(`signing the results statement of job ${job.id}`);
  const signed = await signStatement(payload, await opts.plan(), { onProgress: opts.onProgress });
  const out = [
    ...data,
    [RESULTS_FILES.statement, payload],
    [RESULTS_FILES.bundle, Buffer.from(`${JSON.stringify(signed.bundle)}
`)]
  ];
  const files = await writeFilesAtomically(opts.bundleDir, out);
  return {
    jobId: job.id,
    predicate,
    statementDigest: sha256Digest(payload),
    ...signed.rekor ? { rekor: signed.rekor } : {},
    files,
    digests: Object.fromEntries(out.map(([n, b]) => [n, sha256Digest(b)]))
  };
}

export {
  witnessResults
};
