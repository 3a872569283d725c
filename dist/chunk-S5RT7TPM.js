import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  completeFrom
} from "./chunk-GDY23A2B.js";
import {
  filesVerifier
} from "./chunk-MPGA6B5B.js";
import {
  describeRejection
} from "./chunk-POQYBPIV.js";
import {
  CHECK_RULES
} from "./chunk-JYO2AIQN.js";
import {
  parseBinding
} from "./chunk-I22LZPDT.js";
import {
  parseTags
} from "./chunk-TWZN2JUN.js";
import {
  PROOF_FILE_NAMES,
  REQUIRED_PROOF_FILE_NAMES
} from "./chunk-BWSBA4KN.js";
import {
  require_dist
} from "./chunk-WERL3RUE.js";
import {
  require_dist as require_dist2
} from "./chunk-VADMPDA4.js";
import {
  PROOF_FILES
} from "./chunk-TVPTIO2N.js";
import {
  checkJobId
} from "./chunk-RCN3TL6S.js";
import {
  writeFilesAtomically
} from "./chunk-V4VES5YC.js";
import {
  QprovError,
  oneLine
} from "./chunk-U5PWNO2I.js";
import {
  cleanDeep
} from "./chunk-4DXEKH5E.js";
import {
  __toESM
} from "./chunk-TR6SGTEF.js";

// src/sigstore/signed-time.ts
var import_bundle = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist2(), 1);
function signedTimeOf(bundleJson) {
  let times;
  try {
    const entity = (0, import_verify.toSignedEntity)((0, import_bundle.bundleFromJSON)(bundleJson));
    times = entity.timestamps.flatMap(
      (t) => t.$case === "timestamp-authority" ? [t.timestamp.signingTime.getTime()] : t.tlogEntry.inclusionPromise !== void 0 ? [Number(t.tlogEntry.integratedTime) * 1e3] : []
    );
  } catch {
    return void 0;
  }
  const valid = times.filter(Number.isFinite);
  return valid.length > 0 ? new Date(Math.min(...valid)) : void 0;
}

// src/binding/candidates.ts
async function judge(found, order, jobId, verifier) {
  const verdict = await verifier.verify({
    path: found.location,
    form: "directory",
    files: found.files
  });
  const reject = (rejection, detail) => ({
    valid: false,
    verdict,
    rejected: { source: found.source, location: found.location, rejection, detail }
  });
  if (!verdict.ok) {
    const unpassed = verdict.checks.flatMap(
      (c) => c.status === "fail" ? [
        {
          check: c.name,
          status: "fail",
          finding: c.finding,
          ...c.code ? { code: c.code } : {}
        }
      ] : c.status === "skip" && !CHECK_RULES[c.name].optionalWhen.includes(c.reason) && c.reason !== "prerequisite-failed" ? [{ check: c.name, status: "skip", reason: c.reason }] : []
    );
    const first = verdict.checks.find((c) => c.status === "fail");
    return reject({ kind: "not-verified", checks: unpassed }, first?.detail ?? "no check passed");
  }
  if (verdict.jobId !== jobId)
    return reject({ kind: "other-job", jobId: verdict.jobId }, `it binds job ${verdict.jobId}`);
  let signedAt;
  try {
    signedAt = signedTimeOf(
      JSON.parse(found.files[PROOF_FILES.bindingBundle].toString("utf8"))
    );
  } catch (e) {
    const why = e instanceof SyntaxError ? "its binding bundle is not JSON" : oneLine(e);
    return reject({ kind: "no-signed-time" }, why);
  }
  if (signedAt === void 0)
    return reject({ kind: "no-signed-time" }, "its binding bundle carries no signed time");
  return { valid: true, verdict, candidate: { found, signedAt, order, verdict } };
}
function rankCandidates(valid) {
  return [...valid].sort((a, b) => b.signedAt.getTime() - a.signedAt.getTime() || a.order - b.order);
}

// src/binding/fetch-proof.ts
var isComplete = (f) => REQUIRED_PROOF_FILE_NAMES.every((n) => f.files[n] !== void 0);
function liveJob(job, api) {
  return {
    getResultsBytes: (id) => api.getResultsBytes(id),
    getJob: (id) => {
      if (id !== job.id)
        return Promise.reject(
          new QprovError("PROOF_MISMATCH", `fetch read job ${job.id}, not ${id}`)
        );
      return Promise.resolve(job);
    }
  };
}
async function searchProof(opts) {
  checkJobId(opts.jobId);
  const job = await opts.api.getJob(opts.jobId, { params: true });
  const refs = parseTags(job.tags).refs;
  if (refs === void 0)
    throw new QprovError("PROOF_NOT_FOUND", `job ${job.id} carries no qprov tags; nothing binds it`);
  const query = { jobId: job.id, ...refs };
  opts.onProgress?.(`job ${job.id} is tagged with statement ${refs.statementDigest}`);
  const verifier = filesVerifier({
    ...opts.verification,
    jobId: query.jobId,
    aiPolicy: "any",
    online: { api: liveJob(job, opts.api) }
  });
  const valid = [];
  const rejected = [];
  const skipped = [];
  let partials = [];
  let order = 0;
  const verify = async (found, at) => {
    opts.onProgress?.(`verifying ${found.location}`);
    const j = await judge(found, at, query.jobId, verifier);
    if (j.valid) valid.push(j.candidate);
    else rejected.push(j.rejected);
  };
  for (const source of opts.sources) {
    opts.onProgress?.(`searching ${source.name}`);
    const candidates = await source.find(query);
    skipped.push(...source.skipped ?? []);
    for (const found of candidates) {
      const at = order++;
      for (const p of partials) completeFrom(p.found, found);
      const done = partials.filter((p) => isComplete(p.found));
      partials = partials.filter((p) => !isComplete(p.found));
      for (const p of done) await verify(p.found, p.order);
      if (isComplete(found)) await verify(found, at);
      else partials.push({ found, order: at });
    }
  }
  for (const { found } of partials)
    rejected.push({
      source: found.source,
      location: found.location,
      rejection: {
        kind: "incomplete",
        missing: REQUIRED_PROOF_FILE_NAMES.filter((n) => found.files[n] === void 0)
      },
      detail: "missing files"
    });
  return { job, query, valid: rankCandidates(valid), rejected, skipped };
}
async function fetchProof(opts) {
  const { job, query, valid: ranked, rejected, skipped } = await searchProof(opts);
  const chosen = ranked[0];
  if (chosen === void 0)
    throw nothingVerified(job.id, query.statementDigest, opts, rejected, skipped);
  const bytes = chosen.found.files;
  if (parseBinding(bytes[PROOF_FILES.binding]).runtime.job_id !== query.jobId)
    throw new QprovError(
      "PROOF_MISMATCH",
      `refusing to write a binding for another job than ${query.jobId}`
    );
  const files = await writeFilesAtomically(
    opts.outDir,
    // The results layer comes along when the chosen candidate has one (it was verified with it).
    PROOF_FILE_NAMES.filter((n) => bytes[n] !== void 0).map((n) => [n, bytes[n]])
  );
  return cleanDeep({ query, chosen, valid: ranked, rejected, skipped, files });
}
function nothingVerified(jobId, statementDigest, opts, rejected, skipped) {
  if (rejected.length > 0)
    return new QprovError(
      "PROOF_MISMATCH",
      `refusing to write a proof bundle for job ${jobId}: no candidate verified: ${rejected.map((r) => `${r.location}: ${describeRejection(r)}`).join("; ")}`,
      { details: { jobId, rejected, skipped } }
    );
  return new QprovError(
    "PROOF_NOT_FOUND",
    `no proof bundle for job ${jobId} (statement ${statementDigest}) in ${opts.sources.map((s) => s.name).join(", ")}`,
    { details: { jobId } }
  );
}

export {
  searchProof,
  fetchProof
};
