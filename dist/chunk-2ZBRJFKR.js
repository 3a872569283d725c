import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  listInstanceJobs
} from "./chunk-XGFAUXF4.js";
import {
  searchProof
} from "./chunk-S5RT7TPM.js";
import "./chunk-GDY23A2B.js";
import {
  buildReport,
  classify,
  shardOf
} from "./chunk-DGDYWWIG.js";
import "./chunk-MPGA6B5B.js";
import "./chunk-POQYBPIV.js";
import "./chunk-JYO2AIQN.js";
import "./chunk-FBYFY6L7.js";
import "./chunk-MBCS6YYH.js";
import "./chunk-NEPZQSOJ.js";
import "./chunk-DCUO6CLS.js";
import "./chunk-I22LZPDT.js";
import "./chunk-O3OZEMSW.js";
import "./chunk-WNFLZQE4.js";
import {
  parseTags
} from "./chunk-TWZN2JUN.js";
import "./chunk-7W4FK6ST.js";
import "./chunk-BWSBA4KN.js";
import "./chunk-BG4X6T6Z.js";
import "./chunk-BNCY3CL7.js";
import "./chunk-VY4IG5ZV.js";
import "./chunk-URB3I2LO.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-WTSU7EZI.js";
import "./chunk-WERL3RUE.js";
import "./chunk-VADMPDA4.js";
import "./chunk-YQTSYPUS.js";
import "./chunk-QI5HYATW.js";
import "./chunk-TVPTIO2N.js";
import "./chunk-67CPZEZ6.js";
import "./chunk-XJJHODDG.js";
import "./chunk-SW4PFA3Z.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-RCN3TL6S.js";
import "./chunk-M4WF4K2E.js";
import "./chunk-BZNYSJDT.js";
import "./chunk-RN7MAYEV.js";
import "./chunk-HJX6ZJ5B.js";
import "./chunk-V4VES5YC.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";
import {
  cleanDeep
} from "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";

// src/binding/audit.ts
var PROGRESS_EVERY = 50;
function baseOf(job) {
  return { jobId: job.id, created: job.created ?? null, backend: job.backend ?? null };
}
async function auditJob(job, opts) {
  const base = baseOf(job);
  let tagged;
  try {
    tagged = parseTags(job.tags).refs !== void 0;
  } catch (e) {
    if (!(e instanceof QprovError) || e.code !== "TAGS_INVALID") throw e;
    return {
      ...base,
      class: "failed",
      check: "job-tags",
      finding: "tags-invalid",
      detail: e.message
    };
  }
  if (!tagged) return { ...base, class: "untagged" };
  const search = await searchProof({
    jobId: job.id,
    api: opts.api,
    sources: opts.sources,
    verification: opts.verification
  });
  return classify(base, search, opts.policy.requireResults);
}
async function runAudit(opts) {
  const { scope } = opts;
  const listed = await listInstanceJobs(
    opts.api,
    {
      ...scope.tags.length ? { tags: scope.tags } : {},
      ...scope.backend !== null ? { backend: scope.backend } : {},
      ...scope.since !== null ? { createdAfter: scope.since } : {},
      ...scope.until !== null ? { createdBefore: scope.until } : {}
    },
    { concurrency: Math.min(opts.workers, 4), onProgress: opts.onProgress }
  );
  const shard = opts.shard;
  const jobs = shard ? listed.filter((j) => shardOf(j.id, shard.count) === shard.index - 1) : listed;
  opts.onProgress?.(
    shard ? `listed ${listed.length} jobs; shard ${shard.index}/${shard.count} audits ${jobs.length}` : `listed ${jobs.length} jobs`
  );
  const rows = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      rows[i] = await auditJob(jobs[i], opts);
      done++;
      if (done % PROGRESS_EVERY === 0 || done === jobs.length)
        opts.onProgress?.(`audited ${done} of ${jobs.length} jobs`);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(opts.workers, jobs.length)) }, worker)
  );
  return cleanDeep(buildReport(scope, opts.policy, shard ?? null, rows));
}
export {
  runAudit
};
