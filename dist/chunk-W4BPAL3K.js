import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  filesVerifier,
  verifyProofBundles
} from "./chunk-OLRVCOLQ.js";
import "./chunk-QOHRWGCX.js";
import "./chunk-Y2YMOFT2.js";
import "./chunk-WHD5NT4E.js";
import "./chunk-LDSVAMDG.js";
import "./chunk-R3Z2I67N.js";
import "./chunk-VMOE3OKY.js";
import "./chunk-O72AMCDW.js";
import "./chunk-WNFLZQE4.js";
import "./chunk-B5C4WRIF.js";
import "./chunk-7W4FK6ST.js";
import "./chunk-K64C7Y5M.js";
import "./chunk-TA4GRHBR.js";
import "./chunk-KF5ZAZJL.js";
import "./chunk-MTBIIRLF.js";
import "./chunk-VY4IG5ZV.js";
import "./chunk-BXEEZACO.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-AYSE4LOE.js";
import "./chunk-ODPBFWXV.js";
import "./chunk-N66GVQD5.js";
import "./chunk-TNB3DE2D.js";
import "./chunk-XBAMMUXC.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-BZNYSJDT.js";
import "./chunk-RN7MAYEV.js";
import "./chunk-HJX6ZJ5B.js";
import "./chunk-64TALR3W.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  filesVerifier,
  verifyProofBundles
};
