import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  RUNTIME_JOB_KIND,
  parseRuntimeJob
} from "./chunk-NEPZQSOJ.js";
import "./chunk-WNFLZQE4.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  RUNTIME_JOB_KIND,
  parseRuntimeJob
};
