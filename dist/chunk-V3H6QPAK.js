import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  connect,
  publishOrKeep,
  runLinks,
  runSubmit,
  runTag
} from "./chunk-WS7AZDT3.js";
import "./chunk-L47USBSO.js";
import "./chunk-5SMPPS2D.js";
import "./chunk-PEAZU4HJ.js";
import "./chunk-MOPQURXA.js";
import "./chunk-ODXWJCTE.js";
import "./chunk-PXRCH4PE.js";
import "./chunk-JJLRPZBH.js";
import "./chunk-ZR6I2UEQ.js";
import "./chunk-YRWIUVAI.js";
import "./chunk-QODLDESX.js";
import "./chunk-VZNLKQ4P.js";
import "./chunk-IWH4RI3D.js";
import "./chunk-HGHTOB4Y.js";
import "./chunk-NXDSCDM4.js";
import "./chunk-DIAMBRWZ.js";
import "./chunk-HJH7G7YB.js";
import "./chunk-WXX5DDHP.js";
import "./chunk-FPECTI7Y.js";
import "./chunk-UVEIJ55Y.js";
import "./chunk-7337S5RF.js";
import "./chunk-QNEGL426.js";
import "./chunk-STCT3TBI.js";
import "./chunk-HHHPTG3X.js";
import "./chunk-3FPLHB7U.js";
import "./chunk-RICWK33N.js";
import "./chunk-3L3KJC2L.js";
import "./chunk-NGTBCPG4.js";
import "./chunk-MBCS6YYH.js";
import "./chunk-NEPZQSOJ.js";
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
import "./chunk-QI5HYATW.js";
import "./chunk-TVPTIO2N.js";
import "./chunk-67CPZEZ6.js";
import "./chunk-XJJHODDG.js";
import "./chunk-SW4PFA3Z.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-E7SSTOLF.js";
import "./chunk-7EKZCAKX.js";
import "./chunk-RCN3TL6S.js";
import "./chunk-M4WF4K2E.js";
import "./chunk-TP7A65EM.js";
import "./chunk-X3TANSDR.js";
import "./chunk-JHKQVXEF.js";
import "./chunk-BZNYSJDT.js";
import "./chunk-RN7MAYEV.js";
import "./chunk-HJX6ZJ5B.js";
import "./chunk-V4VES5YC.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  connect,
  publishOrKeep,
  runLinks,
  runSubmit,
  runTag
};
