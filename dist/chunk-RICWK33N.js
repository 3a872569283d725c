import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);

// src/option-names.ts
var INPUT_OF_FLAG = {
  out: "out-dir",
  job: "job-id",
  attestation: "attestation-dir",
  // the `sigstore` input names the instance the bundles were signed on, hence the profile
  profile: "sigstore"
};
function optionName(flag, caller = "cli") {
  return caller === "cli" ? `--${flag}` : `input ${INPUT_OF_FLAG[flag] ?? flag}`;
}

export {
  optionName
};
