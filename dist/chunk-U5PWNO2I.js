import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  cleanText
} from "./chunk-4DXEKH5E.js";

// src/errors.ts
var ERROR_CODES = {
  USAGE: { exit: 2, category: "usage" },
  INPUT_NOT_FOUND: { exit: 2, category: "input" },
  INPUT_SYMLINK: { exit: 2, category: "input" },
  INPUT_TOO_LARGE: { exit: 2, category: "input" },
  INPUT_NOT_JSON: { exit: 2, category: "input" },
  INPUT_INVALID: { exit: 2, category: "input" },
  BAD_REF: { exit: 2, category: "input" },
  NOT_A_GIT_REPO: { exit: 2, category: "input" },
  WORKLOAD_INVALID: { exit: 2, category: "input" },
  JOB_SPEC_INVALID: { exit: 2, category: "input" },
  TARGET_MISMATCH: { exit: 2, category: "input" },
  BACKEND_UNKNOWN: { exit: 2, category: "input" },
  TAGS_INVALID: { exit: 2, category: "input" },
  TRUSTED_ROOT_INVALID: { exit: 2, category: "input" },
  POLICY_INVALID: { exit: 2, category: "input" },
  CONFIG_INVALID: { exit: 2, category: "input" },
  OIDC_UNAVAILABLE: { exit: 2, category: "input" },
  PROOF_BUNDLE_INVALID: { exit: 2, category: "input" },
  OUTPUT_UNUSABLE: { exit: 2, category: "input" },
  ATTESTATION_MISMATCH: { exit: 2, category: "input" },
  URL_CREDENTIALS: { exit: 2, category: "input" },
  OUTPUT_WRITE_FAILED: { exit: 1, category: "output" },
  GIT_ERROR: { exit: 1, category: "git" },
  RECEIPT_INVALID: { exit: 1, category: "receipt" },
  OIDC_REQUEST_FAILED: { exit: 1, category: "signing" },
  SIGNING_FAILED: { exit: 1, category: "signing" },
  BUNDLE_INVALID: { exit: 1, category: "verification" },
  VERIFY_FAILED: { exit: 1, category: "verification" },
  ARTIFACT_MISMATCH: { exit: 1, category: "verification" },
  SUBJECT_MISMATCH: { exit: 1, category: "verification" },
  STATEMENT_INVALID: { exit: 1, category: "verification" },
  BINDING_INVALID: { exit: 1, category: "proof" },
  PROOF_NOT_FOUND: { exit: 1, category: "proof" },
  PROOF_MISMATCH: { exit: 1, category: "proof" },
  RUNTIME_AUTH: { exit: 1, category: "runtime" },
  RUNTIME_HTTP: { exit: 1, category: "runtime" },
  RUNTIME_RATE_LIMITED: { exit: 1, category: "runtime" },
  RUNTIME_TIMEOUT: { exit: 1, category: "runtime" },
  RUNTIME_NETWORK: { exit: 1, category: "runtime" },
  RUNTIME_BAD_RESPONSE: { exit: 1, category: "runtime" },
  RUNTIME_TAGS_REJECTED: { exit: 1, category: "runtime" },
  RUNTIME_RESPONSE_TOO_LARGE: { exit: 1, category: "runtime" },
  RUNTIME_JOB_NOT_COMPLETED: { exit: 1, category: "runtime" },
  RUNTIME_JOB_PENDING: { exit: 1, category: "runtime" },
  GITHUB_API: { exit: 1, category: "github" },
  PUBLISH_FAILED: { exit: 1, category: "github" },
  RELEASE_IMMUTABLE: { exit: 1, category: "github" },
  NODE_UNSUPPORTED: { exit: 1, category: "environment" },
  INTERNAL: { exit: 1, category: "internal" }
};
function exitCodeOf(code) {
  return ERROR_CODES[code].exit;
}
var SIGSTORE_VERIFY_CODES = [
  "TLOG_ERROR",
  "TLOG_INCLUSION_PROOF_ERROR",
  "TLOG_INCLUSION_PROMISE_ERROR",
  "TLOG_MISSING_INCLUSION_ERROR",
  "TLOG_BODY_ERROR",
  "CERTIFICATE_ERROR",
  "PUBLIC_KEY_ERROR",
  "SIGNATURE_ERROR",
  "TIMESTAMP_ERROR",
  "UNTRUSTED_SIGNER_ERROR"
];
function isSigstoreVerifyCode(code) {
  return SIGSTORE_VERIFY_CODES.includes(code);
}
var QprovError = class extends Error {
  code;
  exitCode;
  details;
  constructor(code, message, options = {}) {
    super(cleanText(message), options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "QprovError";
    this.code = code;
    this.exitCode = exitCodeOf(code);
    this.details = options.details ?? {};
  }
};
function isQprovError(e) {
  return e instanceof QprovError;
}
function oneLine(e) {
  const msg = e instanceof Error ? e.message : String(e);
  return cleanText(msg.replace(/\s*[\r\n]+\s*/g, " ").trim());
}

export {
  isSigstoreVerifyCode,
  QprovError,
  isQprovError,
  oneLine
};
