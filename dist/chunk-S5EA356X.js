import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  DEFAULT_API_KEY_ENV,
  resolveConnection
} from "./chunk-5SMPPS2D.js";
import "./chunk-HHHPTG3X.js";
import "./chunk-RICWK33N.js";
import "./chunk-NGTBCPG4.js";
import "./chunk-O3OZEMSW.js";
import "./chunk-RCN3TL6S.js";
import "./chunk-M4WF4K2E.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  DEFAULT_API_KEY_ENV,
  resolveConnection
};
