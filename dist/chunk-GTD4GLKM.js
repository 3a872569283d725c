import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  witnessResults
} from "./chunk-ATBILRZA.js";
import {
  actionSigning
} from "./chunk-YRWIUVAI.js";
import {
  planSigning
} from "./chunk-WXX5DDHP.js";

// src/action/modes/results-witness.ts
async function witnessForAction(inputs, report, target, jobId, bundleDir, env) {
  const signing = actionSigning(inputs, env);
  const result = await witnessResults({
    api: target().api,
    jobId,
    bundleDir,
    wait: true,
    ...inputs.resultsTimeout !== void 0 ? { timeoutMs: inputs.resultsTimeout * 1e3 } : {},
    plan: () => planSigning(signing, env),
    onState: (job, ms) => report.info(`job ${job.id}: ${job.statusDetail ?? job.status} (${Math.round(ms / 1e3)} s)`),
    onProgress: (m) => report.info(m)
  });
  report.output("results-digest", result.predicate.files["results.json"]);
  report.output("results-statement-digest", result.statementDigest);
  return {
    result,
    digests: result.digests,
    rows: [
      ["results", `${result.predicate.status}: ${result.predicate.files["results.json"]}`],
      ["calibration snapshot", result.predicate.calibration.last_update_date],
      ["results statement", result.statementDigest]
    ]
  };
}

export {
  witnessForAction
};
