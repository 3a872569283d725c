import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  renderHtmlReport
} from "./chunk-DU3GINGV.js";
import "./chunk-7YEPZPNP.js";
import "./chunk-JHKQVXEF.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  renderHtmlReport
};
