import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  receiptFileName,
  receiptFileText,
  writeReceipts
} from "./chunk-NXDSCDM4.js";
import "./chunk-DIAMBRWZ.js";
import "./chunk-3FPLHB7U.js";
import "./chunk-67CPZEZ6.js";
import "./chunk-RN7MAYEV.js";
import "./chunk-HJX6ZJ5B.js";
import "./chunk-V4VES5YC.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  receiptFileName,
  receiptFileText,
  writeReceipts
};
