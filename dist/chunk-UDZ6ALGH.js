import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  decodeResults
} from "./chunk-4XYONISL.js";
import {
  sha256Digest
} from "./chunk-I22LZPDT.js";
import {
  loadProofBundle
} from "./chunk-BWSBA4KN.js";
import {
  RESULTS_FILES
} from "./chunk-TVPTIO2N.js";

// src/verify/verified-results.ts
async function verifiedResultsOf(verdicts) {
  return Promise.all(verdicts.map(resultsOf));
}
async function resultsOf(v) {
  const signed = v.facts.results?.digest;
  if (signed === void 0) return void 0;
  try {
    const bytes = (await loadProofBundle(v.bundle)).files[RESULTS_FILES.results];
    if (bytes === void 0 || sha256Digest(bytes) !== signed) return void 0;
    return decodeResults(bytes);
  } catch {
    return void 0;
  }
}

export {
  verifiedResultsOf
};
