import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  obtainReceipt,
  receiptSource
} from "./chunk-HGHTOB4Y.js";
import "./chunk-NXDSCDM4.js";
import "./chunk-DIAMBRWZ.js";
import "./chunk-HJH7G7YB.js";
import "./chunk-3FPLHB7U.js";
import "./chunk-RICWK33N.js";
import "./chunk-VY4IG5ZV.js";
import "./chunk-URB3I2LO.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-67CPZEZ6.js";
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
  obtainReceipt,
  receiptSource
};
