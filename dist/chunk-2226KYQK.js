import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  DEFAULT_API_KEY_ENV,
  resolveConnection
} from "./chunk-RKFJMVEI.js";
import "./chunk-DZPP6RAZ.js";
import "./chunk-RICWK33N.js";
import "./chunk-R6PTAEVD.js";
import "./chunk-VMOE3OKY.js";
import "./chunk-HI4SLY7O.js";
import "./chunk-KNIFMNVX.js";
import "./chunk-64TALR3W.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  DEFAULT_API_KEY_ENV,
  resolveConnection
};
