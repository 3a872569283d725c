import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  registerSecret
} from "./chunk-NGTBCPG4.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/env-var-name.ts
var ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function looksLikeSecretName(name) {
  return name.length > 40 || /[a-z]/.test(name) && name.length > 20;
}
var PLATFORM_PREFIXES = ["GITHUB_", "ACTIONS_", "RUNNER_"];
var PLATFORM_NAMES = /* @__PURE__ */ new Set([
  "CI_JOB_TOKEN",
  "CI_JOB_JWT",
  "CI_JOB_JWT_V1",
  "CI_JOB_JWT_V2",
  "SYSTEM_ACCESSTOKEN"
]);
function isPlatformSecretName(name, holds) {
  const upper = name.toUpperCase();
  return PLATFORM_PREFIXES.some((p) => upper.startsWith(p)) || PLATFORM_NAMES.has(upper) || holds === "key" && upper === "SIGSTORE_ID_TOKEN";
}
function checkEnvVarName(name, option, holds) {
  if (looksLikeSecretName(name)) registerSecret(name);
  if (!ENV_VAR_NAME.test(name))
    throw new QprovError(
      "USAGE",
      `${option} takes the NAME of an environment variable, not a ${holds}`
    );
  if (isPlatformSecretName(name, holds))
    throw new QprovError(
      "USAGE",
      `${option} names ${name}, a credential of the CI platform; qprov would send its value to ${holds === "key" ? "IBM's IAM service" : "the Fulcio CA"}. Name the variable you set from your ${holds === "key" ? "IBM Cloud API key" : "identity token"} secret`
    );
  return name;
}

export {
  looksLikeSecretName,
  checkEnvVarName
};
