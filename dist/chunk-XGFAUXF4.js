import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/runtime/job-listing.ts
var PAGE_LIMIT = 200;
async function listInstanceJobs(api, filter, opts = {}) {
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 2));
  const page = (offset) => api.listJobs({ ...filter, sort: "ASC", limit: PAGE_LIMIT, offset });
  const first = await page(0);
  const count = first.count;
  if (!Number.isInteger(count) || count < 0)
    throw new QprovError("RUNTIME_BAD_RESPONSE", `list jobs: count ${count} is not a job count`);
  const offsets = [];
  for (let o = first.jobs.length; o < count && first.jobs.length > 0; o += PAGE_LIMIT)
    offsets.push(o);
  const pages = new Array(offsets.length);
  let next = 0;
  let read = first.jobs.length;
  const worker = async () => {
    while (next < offsets.length) {
      const i = next++;
      const p = await page(offsets[i]);
      pages[i] = p.jobs;
      read += p.jobs.length;
      opts.onProgress?.(`listed ${Math.min(read, count)} of ${count} jobs`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, offsets.length) }, worker));
  const seen = /* @__PURE__ */ new Set();
  const jobs = [];
  for (const j of [first.jobs, ...pages].flat()) {
    if (seen.has(j.id)) continue;
    seen.add(j.id);
    jobs.push(j);
  }
  return jobs;
}
function isoInstant(value, flag) {
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/.exec(value);
  const ms = m ? Date.parse(m[2] ? value : `${m[1]}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms))
    throw new QprovError(
      "USAGE",
      `${flag} takes a date (YYYY-MM-DD) or a UTC date-time (YYYY-MM-DDTHH:MM:SSZ), got ${value}`
    );
  const iso = new Date(ms).toISOString();
  if (iso.slice(0, 10) !== m[1])
    throw new QprovError("USAGE", `${flag}: ${value} is not a calendar date`);
  return iso;
}

export {
  PAGE_LIMIT,
  listInstanceJobs,
  isoInstant
};
