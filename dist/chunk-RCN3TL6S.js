import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  checkEndpointURL
} from "./chunk-M4WF4K2E.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/runtime/input-checks.ts
var JOB_ID = /^[A-Za-z0-9_-]{1,1000}$/;
var BACKEND = /^[A-Za-z0-9_.-]{1,200}$/;
var MAX_TIMEOUT_MS = 2 ** 31 - 1;
function checkJobId(id, what = "--job") {
  if (!JOB_ID.test(id))
    throw new QprovError(
      "USAGE",
      `${what} must be a Runtime job ID (1 to 1000 letters, digits, '_' or '-')`
    );
  return id;
}
function checkBackend(name, what = "--backend") {
  if (!BACKEND.test(name))
    throw new QprovError(
      "USAGE",
      `${what} must be a backend name (letters, digits, '_', '.' or '-'), e.g. ibm_torino`
    );
  return name;
}
function checkHttpURL(value, what) {
  return checkEndpointURL(value, what);
}
function parseTimeoutMs(value, fallback) {
  if (value === void 0) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_TIMEOUT_MS)
    throw new QprovError("USAGE", `--timeout-ms must be an integer from 1 to ${MAX_TIMEOUT_MS}`);
  return n;
}

export {
  MAX_TIMEOUT_MS,
  checkJobId,
  checkBackend,
  checkHttpURL,
  parseTimeoutMs
};
