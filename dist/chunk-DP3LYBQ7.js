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
  createRuntimeClient
} from "./chunk-GUJ5HPZN.js";
import "./chunk-UIJ7AX4J.js";
import "./chunk-SW6O3BZF.js";
import "./chunk-R6PTAEVD.js";
import "./chunk-VMOE3OKY.js";
import "./chunk-KNIFMNVX.js";
import "./chunk-JHKQVXEF.js";
import "./chunk-64TALR3W.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  CLIENT_APPLICATION,
  HttpRuntimeApi,
  IBM_API_VERSION,
  createRuntimeClient
};
