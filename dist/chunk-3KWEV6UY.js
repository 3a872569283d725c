import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  cleanText
} from "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";

// src/verify/render.ts
var MARK = { pass: "pass", fail: "FAIL", skip: "skip" };
function renderText(verdicts) {
  const blocks = verdicts.map((v) => {
    const lines = [`${cleanText(v.bundle)}${v.jobId ? ` (job ${cleanText(v.jobId)})` : ""}`];
    const width = Math.max(...v.checks.map((c) => c.name.length));
    for (const c of v.checks)
      lines.push(`  ${MARK[c.status]}  ${c.name.padEnd(width)}  ${cleanText(c.detail)}`);
    const skipped = v.checks.filter((c) => c.status === "skip").map((c) => c.name);
    const failed = v.checks.filter((c) => c.status === "fail").map((c) => c.name);
    lines.push(
      v.ok ? `  verified${skipped.length ? ` (skipped: ${skipped.join(", ")})` : ""}` : `  NOT verified: ${failed.length ? `failed ${failed.join(", ")}` : `not run ${skipped.join(", ")}`}`
    );
    return lines.join("\n");
  });
  if (verdicts.length > 1) {
    const ok = verdicts.filter((v) => v.ok).length;
    blocks.push(`${ok} of ${verdicts.length} proof bundles verified`);
  }
  return blocks.join("\n\n");
}
export {
  renderText
};
