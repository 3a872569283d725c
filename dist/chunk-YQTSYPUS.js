import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/sigstore/identity-policy.ts
var FULCIO_OID_PREFIX = "1.3.6.1.4.1.57264.1.";
var V2_CLAIMS = {
  8: "issuer",
  9: "buildSignerUri",
  10: "buildSignerDigest",
  11: "runnerEnvironment",
  12: "sourceRepositoryUri",
  13: "sourceRepositoryDigest",
  14: "sourceRepositoryRef",
  15: "sourceRepositoryId",
  16: "sourceRepositoryOwnerUri",
  17: "sourceRepositoryOwnerId",
  18: "buildConfigUri",
  19: "buildConfigDigest",
  20: "buildTrigger",
  21: "runInvocationUri",
  22: "sourceRepositoryVisibility"
};
function decodeDerUtf8String(value) {
  if (value.length < 2 || value[0] !== 12) return void 0;
  let len = value[1];
  let offset = 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0 || n > 4 || value.length < 2 + n) return void 0;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + value[2 + i];
    if (len < 128) return void 0;
    offset = 2 + n;
  }
  if (offset + len !== value.length) return void 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(value.subarray(offset));
  } catch {
    return void 0;
  }
}
function githubClaims(oids) {
  const claims = {};
  for (const { oid, value } of oids ?? []) {
    const id = oid?.id?.join(".") ?? "";
    if (!id.startsWith(FULCIO_OID_PREFIX)) continue;
    const arc = Number(id.slice(FULCIO_OID_PREFIX.length));
    const key = V2_CLAIMS[arc];
    if (key === void 0) continue;
    const text = decodeDerUtf8String(value);
    if (text !== void 0) claims[key] = text;
  }
  return claims;
}
function anchoredRegExp(source) {
  try {
    new RegExp(source, "u");
    return new RegExp(`^(?:${source})$`, "u");
  } catch (e) {
    throw new QprovError("POLICY_INVALID", `invalid identity regexp: ${String(e)}`, { cause: e });
  }
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function checkPolicyShape(p) {
  if (p.identity === void 0 === (p.identityRegExp === void 0))
    throw new QprovError("POLICY_INVALID", "give exactly one of an identity or an identity regexp");
  if (p.identity === "" || p.identityRegExp === "")
    throw new QprovError("POLICY_INVALID", "the certificate identity must not be empty");
  if (!p.issuer) throw new QprovError("POLICY_INVALID", "the certificate OIDC issuer is required");
  if (p.identityRegExp !== void 0) anchoredRegExp(p.identityRegExp);
}
function sanMatcher(p) {
  return p.identity !== void 0 ? new RegExp(`^${escapeRegExp(p.identity)}$`, "u") : anchoredRegExp(p.identityRegExp);
}
function policyFindingText(f) {
  return f.ok ? `${f.requirement} ${JSON.stringify(f.actual)}` : `${f.requirement}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`;
}
function evaluatePolicy(p, signer) {
  const san = signer.identity?.subjectAlternativeName;
  const claims = githubClaims(signer.identity?.oids);
  const issuer = signer.identity?.extensions?.issuer;
  const findings = [];
  const exact = (requirement, want, got) => {
    if (want !== void 0)
      findings.push({ requirement, ok: got === want, expected: want, actual: got });
  };
  if (p.identity !== void 0) exact("identity", p.identity, san);
  else
    findings.push({
      requirement: "identity",
      ok: san !== void 0 && sanMatcher(p).test(san),
      expected: `^(?:${p.identityRegExp})$`,
      actual: san
    });
  exact("issuer", p.issuer, issuer);
  exact("source-repository", p.sourceRepository, claims.sourceRepositoryUri);
  exact("source-ref", p.sourceRef, claims.sourceRepositoryRef);
  exact("source-digest", p.sourceDigest, claims.sourceRepositoryDigest);
  exact("build-config-uri", p.buildConfigUri, claims.buildConfigUri);
  exact("build-signer-uri", p.buildSignerUri, claims.buildSignerUri);
  if (p.denySelfHosted) exact("runner-environment", "github-hosted", claims.runnerEnvironment);
  return findings;
}

// src/sigstore/profiles.ts
var PROFILE_NAMES = ["public-good", "github", "custom"];
var PUBLIC_GOOD_PROFILE = {
  name: "public-good",
  thresholds: { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 }
};
var GITHUB_PROFILE = {
  name: "github",
  thresholds: { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 1 }
};
var NAMED = {
  "public-good": PUBLIC_GOOD_PROFILE,
  github: GITHUB_PROFILE
};
var KEYS = { tlog: "tlogThreshold", ctlog: "ctlogThreshold", timestamp: "timestampThreshold" };
var MAX = 9;
var invalid = (message) => new QprovError("POLICY_INVALID", message);
function parseThresholds(text) {
  const seen = {};
  for (const part of text.split(",")) {
    const m = /^(tlog|ctlog|timestamp)=([0-9])$/.exec(part.trim());
    if (m === null)
      throw invalid(
        `thresholds take tlog=N,ctlog=N,timestamp=N with N from 0 to ${MAX}, got ${JSON.stringify(text)}`
      );
    const key = m[1];
    if (seen[key] !== void 0) throw invalid(`threshold ${key} is given twice`);
    seen[key] = Number(m[2]);
  }
  const missing = Object.keys(KEYS).filter((k) => seen[k] === void 0);
  if (missing.length > 0) throw invalid(`thresholds lack ${missing.join(", ")}`);
  return checkThresholds({
    tlogThreshold: seen.tlog,
    ctlogThreshold: seen.ctlog,
    timestampThreshold: seen.timestamp
  });
}
function checkThresholds(t) {
  for (const k of Object.values(KEYS)) {
    const v = t?.[k];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX)
      throw invalid(`threshold ${k} must be an integer from 0 to ${MAX}`);
  }
  if (t.timestampThreshold < 1)
    throw invalid("the timestamp threshold must be at least 1: a signature needs a verified time");
  return { ...t };
}
function selectProfile(name, thresholds) {
  if (!PROFILE_NAMES.includes(name))
    throw invalid(`profile must be one of ${PROFILE_NAMES.join(", ")}, got ${JSON.stringify(name)}`);
  if (name === "custom") {
    if (thresholds === void 0)
      throw invalid("profile custom takes its thresholds explicitly (tlog=N,ctlog=N,timestamp=N)");
    return { name, thresholds: parseThresholds(thresholds) };
  }
  if (thresholds !== void 0)
    throw invalid(`thresholds are fixed by profile ${name}; give them only with profile custom`);
  return NAMED[name];
}
function checkProfile(p) {
  if (p?.name === "custom") return checkThresholds(p.thresholds);
  const named = NAMED[p?.name];
  if (named === void 0) throw invalid(`unknown verification profile ${String(p?.name)}`);
  const t = p.thresholds;
  if (t?.tlogThreshold !== named.thresholds.tlogThreshold || t.ctlogThreshold !== named.thresholds.ctlogThreshold || t.timestampThreshold !== named.thresholds.timestampThreshold)
    throw invalid(`profile ${p.name} has other thresholds than its own`);
  return { ...t };
}

export {
  githubClaims,
  escapeRegExp,
  checkPolicyShape,
  policyFindingText,
  evaluatePolicy,
  PROFILE_NAMES,
  PUBLIC_GOOD_PROFILE,
  selectProfile,
  checkProfile
};
