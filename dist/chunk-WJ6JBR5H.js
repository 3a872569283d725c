import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  writeReceipts
} from "./chunk-NXDSCDM4.js";
import "./chunk-DIAMBRWZ.js";
import "./chunk-3FPLHB7U.js";
import {
  outputPath
} from "./chunk-67CPZEZ6.js";
import {
  generateReceipts
} from "./chunk-TP7A65EM.js";
import "./chunk-X3TANSDR.js";
import "./chunk-JHKQVXEF.js";
import "./chunk-BZNYSJDT.js";
import "./chunk-RN7MAYEV.js";
import "./chunk-HJX6ZJ5B.js";
import "./chunk-V4VES5YC.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";

// src/action/modes/receipt.ts
var SUMMARY_ROWS = 50;
async function runReceipt(inputs, report) {
  if (inputs.commit && inputs.commitRange)
    throw new QprovError("USAGE", "give either input commit or input commit-range, not both");
  const outDir = outputPath(inputs.outDir, inputs.workspace, "out-dir");
  const what = inputs.commitRange ?? inputs.commit ?? "HEAD";
  report.info(`generating AIIR receipts for ${what}`);
  const receipts = await generateReceipts({
    repoDir: inputs.workspace,
    ...inputs.commitRange ? { range: inputs.commitRange } : { commit: inputs.commit ?? "HEAD" },
    declareAi: inputs.declareAi,
    generator: "qprov.action"
  });
  const paths = await writeReceipts(outDir, receipts);
  const ai = receipts.filter((r) => aiOf(r)?.is_ai_authored === true).length;
  report.info(`wrote ${paths.length} receipts into ${outDir} (${ai} declare AI involvement)`);
  report.output("receipt-count", String(receipts.length));
  report.output("ai-commit-count", String(ai));
  report.output("out-dir", outDir);
  const rows = receipts.slice(0, SUMMARY_ROWS).map((r) => [commitOf(r)?.sha.slice(0, 12) ?? "?", describe(r)]);
  if (receipts.length > SUMMARY_ROWS)
    rows.push(["\u2026", `${receipts.length - SUMMARY_ROWS} more receipts in ${outDir}`]);
  rows.push(["receipts", String(receipts.length)], ["declaring AI involvement", String(ai)]);
  await report.summary({ title: `qprov receipts for ${what}`, rows });
}
function aiOf(r) {
  return r.ai_attestation;
}
function commitOf(r) {
  return r.commit;
}
function describe(r) {
  const a = aiOf(r);
  const signals = a && a.signals_detected.length > 0 ? ` (${a.signals_detected.join(", ")})` : "";
  return `${a?.authorship_class ?? "unknown"}${signals}: ${commitOf(r)?.subject ?? ""}`;
}
export {
  runReceipt
};
