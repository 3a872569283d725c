import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/binding/audit-report.ts
import { createHash } from "node:crypto";
var AUDIT_MEDIA_TYPE = "application/vnd.qprov.audit+json;version=1";
var AUDIT_CLASSES = [
  "verified",
  "failed",
  "missing",
  "untagged",
  "results-missing"
];
var RESULTS_CHECKS = ["results-signature", "results-content"];
function shardOf(jobId, count) {
  return createHash("sha256").update(jobId).digest().readUInt32BE(0) % count;
}
function parseShard(value) {
  const m = /^([1-9][0-9]{0,3})\/([1-9][0-9]{0,3})$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index > count || count > 1e3)
    throw new QprovError("USAGE", `--shard takes I/N with 1 <= I <= N <= 1000, got ${value}`);
  return { index, count };
}
function failedRow(r) {
  const x = r.rejection;
  switch (x.kind) {
    case "not-verified": {
      const c = x.checks[0];
      if (c === void 0) return { check: "verdict", finding: "not-verified" };
      return { check: c.check, finding: c.status === "fail" ? c.finding : c.reason };
    }
    case "other-job":
      return { check: "runtime-record", finding: "other-job" };
    case "no-signed-time":
      return { check: "binding-signature", finding: "no-signed-time" };
    case "incomplete":
      return { check: "bundle-files", finding: "incomplete" };
  }
}
function hasResults(v) {
  return v !== void 0 && RESULTS_CHECKS.every((name) => v.checks.some((c) => c.name === name && c.status === "pass"));
}
function classify(base, search, requireResults) {
  const ok = search.valid[0];
  if (ok !== void 0) {
    const row = { ...base, class: "verified", location: ok.found.location };
    if (requireResults && !hasResults(ok.verdict))
      return { ...row, class: "results-missing", detail: "the bundle carries no verified results" };
    return row;
  }
  const first = search.rejected[0];
  if (first !== void 0)
    return {
      ...base,
      class: "failed",
      ...failedRow(first),
      location: first.location,
      detail: first.detail
    };
  return { ...base, class: "missing", detail: "no proof bundle in any source" };
}
var byCreation = (a, b) => (a.created ?? "").localeCompare(b.created ?? "") || a.jobId.localeCompare(b.jobId);
function buildReport(scope, policy, shard, rows) {
  const counts = Object.fromEntries(AUDIT_CLASSES.map((c) => [c, 0]));
  for (const r of rows) counts[r.class]++;
  const total = rows.length;
  return {
    mediaType: AUDIT_MEDIA_TYPE,
    scope,
    policy,
    shard,
    total,
    counts,
    coverage: total === 0 ? null : Math.round(counts.verified / total * 1e4) / 100,
    rows: [...rows].sort(byCreation)
  };
}
function auditPassed(r) {
  return r.total > 0 && r.counts.verified === r.total;
}

export {
  AUDIT_MEDIA_TYPE,
  AUDIT_CLASSES,
  RESULTS_CHECKS,
  shardOf,
  parseShard,
  classify,
  buildReport,
  auditPassed
};
