import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QPROV_TOOL,
  RECEIPT_SCHEMA,
  generateReceipts,
  splitNamesBySha
} from "./chunk-TP7A65EM.js";
import "./chunk-X3TANSDR.js";
import "./chunk-JHKQVXEF.js";
import "./chunk-BZNYSJDT.js";
import "./chunk-RN7MAYEV.js";
import "./chunk-HJX6ZJ5B.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  QPROV_TOOL,
  RECEIPT_SCHEMA,
  generateReceipts,
  splitNamesBySha
};
