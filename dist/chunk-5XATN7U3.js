import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  VERIFICATION_MEDIA_TYPE,
  isLocalRoot,
  trustedRootRef,
  verificationDocument,
  verificationPolicy
} from "./chunk-HXZ34EQT.js";
import "./chunk-VADMPDA4.js";
import "./chunk-XJJHODDG.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";
export {
  VERIFICATION_MEDIA_TYPE,
  isLocalRoot,
  trustedRootRef,
  verificationDocument,
  verificationPolicy
};
