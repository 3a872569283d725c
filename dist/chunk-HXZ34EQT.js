import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  parseTrustedRoots,
  publicGoodTrustedRoot
} from "./chunk-VADMPDA4.js";

// src/verify/verification-document.ts
import { createHash } from "node:crypto";
var VERIFICATION_MEDIA_TYPE = "application/vnd.qprov.verification+json;version=1";
function verificationPolicy(p) {
  const t = p.profile.thresholds;
  return {
    ...p.policy.identity !== void 0 ? { identity: p.policy.identity } : {},
    ...p.policy.identityRegExp !== void 0 ? { identityRegExp: p.policy.identityRegExp } : {},
    issuer: p.policy.issuer,
    ...p.policy.sourceRepository !== void 0 ? { sourceRepository: p.policy.sourceRepository } : {},
    profile: p.profile.name,
    thresholds: { tlog: t.tlogThreshold, ctlog: t.ctlogThreshold, timestamp: t.timestampThreshold },
    aiPolicy: p.aiPolicy ?? "any",
    ...p.jobId !== void 0 ? { jobId: p.jobId } : {},
    ...p.workload?.length ? { workload: [...p.workload] } : {},
    online: p.online === true
  };
}
var LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost)$/i;
function serviceUrls(root) {
  const r = root;
  const urls = [];
  for (const key of ["certificateAuthorities", "timestampAuthorities", "tlogs", "ctlogs"]) {
    const list = r?.[key];
    if (!Array.isArray(list)) continue;
    for (const item of list)
      for (const field of ["uri", "baseUrl"])
        if (typeof item?.[field] === "string") urls.push(item[field]);
  }
  return urls;
}
function isLocalRoot(text) {
  let roots;
  try {
    roots = parseTrustedRoots(text);
  } catch {
    return false;
  }
  return roots.some(
    (r) => serviceUrls(r).some((u) => {
      try {
        return LOOPBACK.test(new URL(u).hostname);
      } catch {
        return false;
      }
    })
  );
}
var sha256 = (text) => createHash("sha256").update(text).digest("hex");
function trustedRootRef(text, source, fromSandbox = false) {
  if (text === void 0)
    return {
      source: "embedded:public-good",
      sha256: sha256(JSON.stringify(publicGoodTrustedRoot())),
      sandbox: false
    };
  return {
    source: source ?? "(given)",
    sha256: sha256(text),
    sandbox: fromSandbox || isLocalRoot(text)
  };
}
function verificationDocument(verdicts, policy, trustedRoot) {
  return {
    mediaType: VERIFICATION_MEDIA_TYPE,
    ok: verdicts.length > 0 && verdicts.every((v) => v.ok),
    policy,
    trustedRoot,
    verdicts
  };
}

export {
  VERIFICATION_MEDIA_TYPE,
  verificationPolicy,
  isLocalRoot,
  trustedRootRef,
  verificationDocument
};
