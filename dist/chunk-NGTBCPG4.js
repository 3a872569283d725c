import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  redactUrlCredentials
} from "./chunk-M4WF4K2E.js";

// src/secrets.ts
var secrets = /* @__PURE__ */ new Set();
var masker;
function setSecretMasker(fn) {
  masker = fn;
  if (fn) for (const s of secrets) fn(s);
}
function registerSecret(value) {
  if (!value || value.length < 6 || secrets.has(value)) return;
  secrets.add(value);
  masker?.(value);
}
function redact(text) {
  let out = redactUrlCredentials(text);
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join("***");
  return out;
}

export {
  setSecretMasker,
  registerSecret,
  redact
};
