import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  verifiedResultsOf
} from "./chunk-UDZ6ALGH.js";
import "./chunk-4XYONISL.js";
import "./chunk-I22LZPDT.js";
import "./chunk-WNFLZQE4.js";
import "./chunk-BWSBA4KN.js";
import "./chunk-5FAHOQUQ.js";
import "./chunk-TVPTIO2N.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  verifiedResultsOf
};
