import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);

// src/github/artifact-name.ts
function defaultArtifactName(jobId) {
  return `qprov-proof-${jobId.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}

export {
  defaultArtifactName
};
