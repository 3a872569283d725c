import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  OUTPUT_NAMES,
  attestWorkload
} from "./chunk-D57H2723.js";
import "./chunk-5GLAQFBH.js";
import "./chunk-AKBHZDGU.js";
import "./chunk-DIAMBRWZ.js";
import "./chunk-WWN2PSTT.js";
import "./chunk-RUP7DB6U.js";
import "./chunk-VMYWTYTI.js";
import "./chunk-RICWK33N.js";
import "./chunk-3L3KJC2L.js";
import "./chunk-R6PTAEVD.js";
import "./chunk-KF5ZAZJL.js";
import "./chunk-MTBIIRLF.js";
import "./chunk-VY4IG5ZV.js";
import "./chunk-BXEEZACO.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-AYSE4LOE.js";
import "./chunk-ODPBFWXV.js";
import "./chunk-TNB3DE2D.js";
import "./chunk-XBAMMUXC.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-E7SSTOLF.js";
import "./chunk-7EKZCAKX.js";
import "./chunk-KNIFMNVX.js";
import "./chunk-MDKV2HAP.js";
import "./chunk-GCT3TW3A.js";
import "./chunk-JHKQVXEF.js";
import "./chunk-BZNYSJDT.js";
import "./chunk-RN7MAYEV.js";
import "./chunk-HJX6ZJ5B.js";
import "./chunk-BDJR5CXH.js";
import "./chunk-64TALR3W.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  OUTPUT_NAMES,
  attestWorkload
};
