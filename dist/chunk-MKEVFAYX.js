import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  MANIFEST_VERSION,
  buildManifest,
  canonicalManifestBytes,
  manifestFromEntries,
  parseManifest
} from "./chunk-BG4X6T6Z.js";
import "./chunk-BNCY3CL7.js";
import "./chunk-67CPZEZ6.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  MANIFEST_VERSION,
  buildManifest,
  canonicalManifestBytes,
  manifestFromEntries,
  parseManifest
};
