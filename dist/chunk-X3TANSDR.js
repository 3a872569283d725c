import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/receipt/refs.ts
var FORBIDDEN = /[;&|$`!><{}()\0\r\n]/;
var MAX_COMMITS = 1e3;
function checkRef(ref) {
  if (ref === "" || ref.length > 1024 || ref.startsWith("-") || FORBIDDEN.test(ref) || ref.includes("/../"))
    throw new QprovError("BAD_REF", `invalid git ref: ${JSON.stringify(ref)}`);
  return ref;
}
function checkRange(range) {
  checkRef(range);
  const parts = range.split("..");
  if (parts.length !== 2 || parts.some((p) => p === "" || p.startsWith(".")))
    throw new QprovError(
      "BAD_REF",
      `invalid commit range (expected A..B): ${JSON.stringify(range)}`
    );
  parts.forEach(checkRef);
  return range;
}

export {
  MAX_COMMITS,
  checkRef,
  checkRange
};
