import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  fetchProof,
  searchProof
} from "./chunk-S5RT7TPM.js";
import "./chunk-GDY23A2B.js";
import "./chunk-MPGA6B5B.js";
import "./chunk-POQYBPIV.js";
import "./chunk-JYO2AIQN.js";
import "./chunk-FBYFY6L7.js";
import "./chunk-MBCS6YYH.js";
import "./chunk-NEPZQSOJ.js";
import "./chunk-DCUO6CLS.js";
import "./chunk-I22LZPDT.js";
import "./chunk-O3OZEMSW.js";
import "./chunk-WNFLZQE4.js";
import "./chunk-TWZN2JUN.js";
import "./chunk-7W4FK6ST.js";
import "./chunk-BWSBA4KN.js";
import "./chunk-BG4X6T6Z.js";
import "./chunk-BNCY3CL7.js";
import "./chunk-VY4IG5ZV.js";
import "./chunk-URB3I2LO.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-WTSU7EZI.js";
import "./chunk-WERL3RUE.js";
import "./chunk-VADMPDA4.js";
import "./chunk-YQTSYPUS.js";
import "./chunk-QI5HYATW.js";
import "./chunk-TVPTIO2N.js";
import "./chunk-67CPZEZ6.js";
import "./chunk-XJJHODDG.js";
import "./chunk-SW4PFA3Z.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-RCN3TL6S.js";
import "./chunk-M4WF4K2E.js";
import "./chunk-BZNYSJDT.js";
import "./chunk-RN7MAYEV.js";
import "./chunk-HJX6ZJ5B.js";
import "./chunk-V4VES5YC.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  fetchProof,
  searchProof
};
