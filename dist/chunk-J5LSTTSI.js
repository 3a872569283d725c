import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  CLIENT_APPLICATION,
  HttpRuntimeApi,
  IBM_API_VERSION,
  MAX_SERVED_BYTES,
  createRuntimeClient
} from "./chunk-JJLRPZBH.js";
import "./chunk-ZR6I2UEQ.js";
import "./chunk-IWH4RI3D.js";
import "./chunk-NGTBCPG4.js";
import "./chunk-O3OZEMSW.js";
import "./chunk-M4WF4K2E.js";
import "./chunk-JHKQVXEF.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  CLIENT_APPLICATION,
  HttpRuntimeApi,
  IBM_API_VERSION,
  MAX_SERVED_BYTES,
  createRuntimeClient
};
