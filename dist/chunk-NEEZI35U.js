import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  attestClosureCheck,
  checkManifestClosure,
  checkPackageClosure
} from "./chunk-VZNLKQ4P.js";
import "./chunk-7W4FK6ST.js";
import "./chunk-BNCY3CL7.js";
import "./chunk-67CPZEZ6.js";
import "./chunk-SW4PFA3Z.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  attestClosureCheck,
  checkManifestClosure,
  checkPackageClosure
};
