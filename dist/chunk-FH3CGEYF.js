import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  planSigning,
  signStatement
} from "./chunk-RUP7DB6U.js";
import "./chunk-RICWK33N.js";
import "./chunk-3L3KJC2L.js";
import "./chunk-R6PTAEVD.js";
import "./chunk-AYSE4LOE.js";
import "./chunk-ODPBFWXV.js";
import "./chunk-XBAMMUXC.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-E7SSTOLF.js";
import "./chunk-7EKZCAKX.js";
import "./chunk-KNIFMNVX.js";
import "./chunk-64TALR3W.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  planSigning,
  signStatement
};
