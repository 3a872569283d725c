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
  optionName
} from "./chunk-RICWK33N.js";
import {
  PROFILE_NAMES,
  PUBLIC_GOOD_PROFILE,
  selectProfile
} from "./chunk-YQTSYPUS.js";
import {
  READ_LIMITS,
  readBoundedText
} from "./chunk-SW4PFA3Z.js";
import {
  refuseUrlCredentials
} from "./chunk-M4WF4K2E.js";
import {
  QprovError,
  isQprovError
} from "./chunk-U5PWNO2I.js";

// src/settings/verification.ts
function profileSettings(c, caller = "cli") {
  const option = (flag) => optionName(flag, caller);
  const name = c.profile ?? PUBLIC_GOOD_PROFILE.name;
  if (!PROFILE_NAMES.includes(name))
    throw new QprovError(
      "USAGE",
      `${option("profile")} must be one of ${PROFILE_NAMES.join(", ")}, got ${JSON.stringify(name)}`
    );
  if (name === "custom" && c.thresholds === void 0)
    throw new QprovError(
      "USAGE",
      `${option("profile")} custom needs ${option("thresholds")} tlog=N,ctlog=N,timestamp=N`
    );
  if (name !== "custom" && c.thresholds !== void 0)
    throw new QprovError(
      "USAGE",
      `${option("thresholds")} is only for ${option("profile")} custom; ${name} fixes its own`
    );
  if (name === "github" && c.trustedRoot === void 0)
    throw new QprovError(
      "USAGE",
      `${option("profile")} github needs ${option("trusted-root")}: GitHub's root is not embedded (\`gh attestation trusted-root > roots.jsonl\` prints it)`
    );
  try {
    return selectProfile(name, c.thresholds);
  } catch (e) {
    if (isQprovError(e))
      throw new QprovError(e.code, `${option("thresholds")}: ${e.message}`, { cause: e });
    throw e;
  }
}
function verificationSettings(choice, caller = "cli") {
  const c = withSandbox(choice);
  const option = (flag) => optionName(flag, caller);
  if (c.identity === void 0 === (c.identityRegExp === void 0))
    throw new QprovError(
      "USAGE",
      `give exactly one of ${option("certificate-identity")} / ${option("certificate-identity-regexp")}`
    );
  if (c.issuer === void 0)
    throw new QprovError("USAGE", `${option("certificate-oidc-issuer")} is required`);
  refuseUrlCredentials(c.issuer, option("certificate-oidc-issuer"));
  const profile = profileSettings(c, caller);
  const policy = c.identity !== void 0 ? { identity: c.identity, issuer: c.issuer } : { identityRegExp: c.identityRegExp, issuer: c.issuer };
  return {
    policy,
    profile,
    sandboxRoot: choice.sandbox !== void 0 && choice.trustedRoot === void 0,
    ...c.trustedRoot !== void 0 ? {
      trustedRoot: readBoundedText(c.trustedRoot, READ_LIMITS.trustedRoot),
      trustedRootSource: c.trustedRoot
    } : {}
  };
}
function withSandbox(c) {
  if (c.sandbox === void 0) return c;
  const explicitSigner = c.identity !== void 0 || c.identityRegExp !== void 0;
  if (c.trustedRoot !== void 0 && explicitSigner && c.issuer !== void 0) return c;
  const sb = sandboxSigning(c.sandbox);
  return {
    ...c,
    trustedRoot: c.trustedRoot ?? sb.trustedRoot,
    ...explicitSigner ? {} : { identity: sb.identity },
    issuer: c.issuer ?? sb.issuer
  };
}

export {
  profileSettings,
  verificationSettings
};
