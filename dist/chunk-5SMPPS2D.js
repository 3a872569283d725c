import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  checkEnvVarName,
  looksLikeSecretName
} from "./chunk-HHHPTG3X.js";
import {
  optionName
} from "./chunk-RICWK33N.js";
import {
  registerSecret
} from "./chunk-NGTBCPG4.js";
import {
  iamBaseURL,
  parseInstanceCrn,
  runtimeBaseURL
} from "./chunk-O3OZEMSW.js";
import {
  checkHttpURL
} from "./chunk-RCN3TL6S.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/runtime/connection.ts
var DEFAULT_API_KEY_ENV = "QISKIT_IBM_TOKEN";
function setVariableAdvice(name, caller) {
  if (looksLikeSecretName(name))
    return `${optionName("api-key-env", caller)} takes the NAME of an environment variable set from a secret, not a key`;
  return caller === "action" ? `set the ${name} environment variable from a secret (env: ${name}: \${{ secrets.\u2026 }})` : `set the ${name} environment variable`;
}
function resolveConnection(settings, env = process.env) {
  const caller = settings.caller ?? "cli";
  const option = (flag) => optionName(flag, caller);
  const instanceCRN = settings.instance;
  if (!instanceCRN)
    throw new QprovError(
      "USAGE",
      settings.sandboxFile ? `${option("instance")} is required (${settings.sandboxFile} has no instanceCRN)` : `${option("instance")} (the Runtime instance CRN) is required`
    );
  const crn = parseInstanceCrn(instanceCRN);
  const envName = checkEnvVarName(
    settings.apiKeyEnv ?? DEFAULT_API_KEY_ENV,
    option("api-key-env"),
    "key"
  );
  const apiKey = settings.apiKeyEnv === void 0 && settings.sandboxApiKey ? settings.sandboxApiKey : env[envName];
  if (!apiKey)
    throw new QprovError(
      "USAGE",
      `no IBM Cloud API key: ${setVariableAdvice(envName, caller)}${settings.sandboxFile || caller !== "cli" ? "" : " (or use --sandbox DIR)"}`
    );
  registerSecret(apiKey);
  const url = (value, option2) => value === void 0 ? void 0 : checkHttpURL(value, option2);
  return {
    runtimeURL: url(settings.runtimeURL, option("runtime-url")) ?? runtimeBaseURL(crn),
    iamURL: url(settings.iamURL, option("iam-url")) ?? iamBaseURL(crn),
    apiKey,
    instanceCRN: crn.crn
  };
}

export {
  DEFAULT_API_KEY_ENV,
  resolveConnection
};
