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
} from "./chunk-KF5ZAZJL.js";
import "./chunk-MTBIIRLF.js";
import "./chunk-TNB3DE2D.js";
import "./chunk-64TALR3W.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  MANIFEST_VERSION,
  buildManifest,
  canonicalManifestBytes,
  manifestFromEntries,
  parseManifest
};
