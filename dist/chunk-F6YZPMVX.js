import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  MAX_PROOF_FILE_BYTES,
  PROOF_FILE_NAMES,
  REQUIRED_PROOF_FILE_NAMES,
  defaultBundleFileName,
  expandBundlePaths,
  jobIdOfFileName,
  loadProofBundle,
  packProofBundle,
  readBoundedFile,
  readProofDirectory,
  unpackProofBundle
} from "./chunk-BWSBA4KN.js";
import "./chunk-TVPTIO2N.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  MAX_PROOF_FILE_BYTES,
  PROOF_FILE_NAMES,
  REQUIRED_PROOF_FILE_NAMES,
  defaultBundleFileName,
  expandBundlePaths,
  jobIdOfFileName,
  loadProofBundle,
  packProofBundle,
  readBoundedFile,
  readProofDirectory,
  unpackProofBundle
};
