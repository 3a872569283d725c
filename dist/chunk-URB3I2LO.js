import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  NumberLiteral
} from "./chunk-HJX6ZJ5B.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/proof/predicate-value.ts
var rawJSON = JSON.rawJSON;
function predicateValue(value) {
  if (value instanceof NumberLiteral) {
    if (!Number.isFinite(Number(value.literal)))
      throw new QprovError(
        "RECEIPT_INVALID",
        `receipt holds ${value.literal}, which JSON cannot carry`
      );
    return rawJSON(value.literal);
  }
  if (Array.isArray(value)) return value.map(predicateValue);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, predicateValue(v)]));
  return value;
}

export {
  predicateValue
};
