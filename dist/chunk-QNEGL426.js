import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  sandboxSigning
} from "./chunk-STCT3TBI.js";
import {
  checkEnvVarName
} from "./chunk-HHHPTG3X.js";
import {
  optionName
} from "./chunk-RICWK33N.js";
import {
  SIGSTORE_INSTANCES
} from "./chunk-3L3KJC2L.js";
import {
  READ_LIMITS,
  readBoundedText
} from "./chunk-SW4PFA3Z.js";
import {
  checkEndpointURL
} from "./chunk-M4WF4K2E.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/settings/signing.ts
function rekorVersionOf(text, option) {
  if (text === void 0) return void 0;
  if (text !== "1" && text !== "2")
    throw new QprovError("USAGE", `${option("rekor-version")} must be 1 or 2, got "${text}"`);
  return Number(text);
}
function readSigningConfig(path, option) {
  const text = readBoundedText(path, READ_LIMITS.signingConfig);
  try {
    return { source: `${option("signing-config")} ${path}`, json: JSON.parse(text) };
  } catch {
    throw new QprovError("INPUT_NOT_JSON", `${option("signing-config")} ${path} is not JSON`);
  }
}
function signingSettings(c, caller = "cli") {
  const option = (flag) => optionName(flag, caller);
  const instance = c.instance;
  if (instance && !SIGSTORE_INSTANCES.includes(instance))
    throw new QprovError("USAGE", `unknown ${option("sigstore")} "${instance}"`);
  if (c.identityTokenEnv !== void 0)
    checkEnvVarName(c.identityTokenEnv, option("identity-token-env"), "token");
  const urls = { fulcioURL: c.fulcioURL, rekorURL: c.rekorURL, tsaURL: c.tsaURL };
  for (const [k, v] of Object.entries(urls))
    if (v !== void 0) checkEndpointURL(v, option(`${k.slice(0, -3)}-url`));
  let rekorVersion = rekorVersionOf(c.rekorVersion, option);
  const signingConfig = c.signingConfig !== void 0 ? readSigningConfig(c.signingConfig, option) : void 0;
  let signing;
  if (c.sandbox) {
    const sb = sandboxSigning(c.sandbox);
    for (const k of [
      "fulcioURL",
      "rekorURL",
      "rekorV2URL",
      "tsaURL",
      "actionsIdTokenRequestURL"
    ]) {
      const url = sb[k];
      if (url !== void 0) checkEndpointURL(url, `${k} in ${c.sandbox}/sandbox.json`);
    }
    if (sb.rekorURL === void 0 && instance === "public-good" && urls.rekorURL === void 0)
      throw new QprovError(
        "USAGE",
        `the sandbox in ${c.sandbox} stands in for GitHub's instance (no Rekor): sign with ${option("sigstore")} github or custom, or give ${option("rekor-url")}`
      );
    rekorVersion ??= sb.rekorVersion;
    if (rekorVersion === 2 && sb.rekorV2URL === void 0 && urls.rekorURL === void 0)
      throw new QprovError(
        "CONFIG_INVALID",
        `${c.sandbox}/sandbox.json names no Rekor v2 shard (rekorV2URL): restart \`qprov sandbox\``
      );
    const own = signingConfig ? {} : {
      fulcioURL: sb.fulcioURL,
      rekorURL: rekorVersion === 2 ? sb.rekorV2URL : sb.rekorURL,
      tsaURL: sb.tsaURL
    };
    signing = {
      instance: instance ?? "custom",
      fulcioURL: urls.fulcioURL ?? own.fulcioURL,
      rekorURL: urls.rekorURL ?? own.rekorURL,
      tsaURL: urls.tsaURL ?? own.tsaURL,
      trustedRootFile: sb.trustedRoot,
      actionsOidc: {
        requestURL: sb.actionsIdTokenRequestURL,
        requestToken: sb.actionsIdTokenRequestToken
      }
    };
  } else {
    signing = { instance: instance ?? "public-good" };
    for (const [k, v] of Object.entries(urls))
      if (v !== void 0) signing[k] = v;
  }
  for (const k of ["fulcioURL", "rekorURL", "tsaURL"])
    if (signing[k] === void 0) delete signing[k];
  if (rekorVersion !== void 0) signing.rekorVersion = rekorVersion;
  if (signingConfig) signing.signingConfig = signingConfig;
  if (c.trustedRoot !== void 0) signing.trustedRootFile = c.trustedRoot;
  if (c.identityTokenEnv) signing.identityTokenEnv = c.identityTokenEnv;
  if (caller !== "cli") signing.caller = caller;
  return signing;
}

export {
  signingSettings
};
