import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  LocalDirectorySource,
  completeFrom
} from "./chunk-TMRNAW5R.js";
import "./chunk-R3Z2I67N.js";
import "./chunk-WNFLZQE4.js";
import "./chunk-K64C7Y5M.js";
import "./chunk-TA4GRHBR.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-64TALR3W.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  LocalDirectorySource,
  completeFrom
};
