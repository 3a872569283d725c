import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  BINDING_PREDICATE_TYPE,
  BINDING_SCHEMA_ID,
  PROOF_BUNDLE_MEDIA_TYPE,
  PROOF_BUNDLE_SUFFIX,
  PROOF_FILES,
  RESULTS_FILES,
  RESULTS_PREDICATE_TYPE
} from "./chunk-TVPTIO2N.js";
import "./chunk-TR6SGTEF.js";
export {
  BINDING_PREDICATE_TYPE,
  BINDING_SCHEMA_ID,
  PROOF_BUNDLE_MEDIA_TYPE,
  PROOF_BUNDLE_SUFFIX,
  PROOF_FILES,
  RESULTS_FILES,
  RESULTS_PREDICATE_TYPE
};
