import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  connect,
  publishOrKeep,
  runLinks
} from "./chunk-WS7AZDT3.js";
import "./chunk-L47USBSO.js";
import {
  decodeResults
} from "./chunk-4XYONISL.js";
import "./chunk-5SMPPS2D.js";
import "./chunk-PEAZU4HJ.js";
import "./chunk-MOPQURXA.js";
import "./chunk-ODXWJCTE.js";
import "./chunk-PXRCH4PE.js";
import {
  witnessForAction
} from "./chunk-GTD4GLKM.js";
import "./chunk-ATBILRZA.js";
import "./chunk-JJLRPZBH.js";
import "./chunk-ZR6I2UEQ.js";
import "./chunk-YRWIUVAI.js";
import "./chunk-QODLDESX.js";
import "./chunk-VZNLKQ4P.js";
import "./chunk-IWH4RI3D.js";
import "./chunk-HGHTOB4Y.js";
import "./chunk-NXDSCDM4.js";
import "./chunk-DIAMBRWZ.js";
import "./chunk-HJH7G7YB.js";
import "./chunk-WXX5DDHP.js";
import "./chunk-FPECTI7Y.js";
import "./chunk-UVEIJ55Y.js";
import "./chunk-7337S5RF.js";
import "./chunk-QNEGL426.js";
import "./chunk-STCT3TBI.js";
import "./chunk-HHHPTG3X.js";
import "./chunk-3FPLHB7U.js";
import "./chunk-RICWK33N.js";
import "./chunk-3L3KJC2L.js";
import "./chunk-NGTBCPG4.js";
import "./chunk-MBCS6YYH.js";
import "./chunk-NEPZQSOJ.js";
import "./chunk-DCUO6CLS.js";
import {
  sha256Digest
} from "./chunk-I22LZPDT.js";
import "./chunk-O3OZEMSW.js";
import "./chunk-WNFLZQE4.js";
import "./chunk-TWZN2JUN.js";
import "./chunk-7W4FK6ST.js";
import {
  readProofDirectory
} from "./chunk-BWSBA4KN.js";
import "./chunk-BG4X6T6Z.js";
import "./chunk-BNCY3CL7.js";
import "./chunk-VY4IG5ZV.js";
import "./chunk-URB3I2LO.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-WTSU7EZI.js";
import "./chunk-WERL3RUE.js";
import "./chunk-VADMPDA4.js";
import "./chunk-QI5HYATW.js";
import {
  RESULTS_FILES
} from "./chunk-TVPTIO2N.js";
import "./chunk-67CPZEZ6.js";
import "./chunk-XJJHODDG.js";
import "./chunk-SW4PFA3Z.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-E7SSTOLF.js";
import "./chunk-7EKZCAKX.js";
import "./chunk-RCN3TL6S.js";
import "./chunk-M4WF4K2E.js";
import "./chunk-TP7A65EM.js";
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

// src/action/modes/results.ts
import { resolve } from "node:path";
async function runResults(inputs, report, gh, env = process.env) {
  if (!inputs.jobId) throw new QprovError("USAGE", "input job-id is required for mode results");
  if (inputs.bundle.length > 1)
    throw new QprovError("USAGE", "mode results takes one bundle directory");
  const dir = resolve(inputs.workspace, inputs.bundle[0] ?? inputs.outDir);
  const w = await witnessForAction(inputs, report, connect(inputs, env), inputs.jobId, dir, env);
  report.output("job-id", w.result.jobId);
  report.output("bundle-path", dir);
  report.output("out-dir", dir);
  const files = await readProofDirectory(dir);
  const digests = Object.fromEntries(Object.entries(files).map(([n, b]) => [n, sha256Digest(b)]));
  for (const [n, d] of Object.entries(w.digests))
    if (digests[n] !== d)
      throw new QprovError("PUBLISH_FAILED", `${n} changed after this run wrote it`);
  const bindingDigest = digests["binding.json"];
  if (bindingDigest === void 0)
    throw new QprovError("INPUT_NOT_FOUND", `${dir} holds no binding.json`);
  const published = await publishOrKeep(
    inputs,
    w.result.jobId,
    dir,
    { bindingDigest, digests },
    gh,
    report
  );
  const resultsBytes = files[RESULTS_FILES.results];
  await report.summary({
    title: "qprov results",
    rows: [["job ID", w.result.jobId], ...w.rows, ["proof bundle", dir], ...published.rows],
    chain: { jobId: w.result.jobId, bindingDigest },
    ...resultsBytes ? { results: decodeResults(resultsBytes) } : {},
    links: [...published.links, ...runLinks(gh)]
  });
}
export {
  runResults
};
