import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  prepareTrustMaterial,
  verifyBundle
} from "./chunk-FBYFY6L7.js";
import "./chunk-WERL3RUE.js";
import "./chunk-VADMPDA4.js";
import "./chunk-YQTSYPUS.js";
import "./chunk-XJJHODDG.js";
import "./chunk-SW4PFA3Z.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  prepareTrustMaterial,
  verifyBundle
};
