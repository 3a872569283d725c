import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  verifyBundle
} from "./chunk-FBYFY6L7.js";
import "./chunk-WERL3RUE.js";
import "./chunk-VADMPDA4.js";
import "./chunk-YQTSYPUS.js";
import "./chunk-XJJHODDG.js";
import {
  READ_LIMITS,
  readBoundedSync
} from "./chunk-SW4PFA3Z.js";
import "./chunk-GIKLMXQE.js";
import {
  oneLine
} from "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";

// src/attest/receipt-signature.ts
async function verifyReceiptSignature(fileBytes, bundleJson, policy, trustedRootPath) {
  let trustedRoot;
  if (trustedRootPath !== void 0) {
    try {
      trustedRoot = readBoundedSync(trustedRootPath, READ_LIMITS.trustedRoot);
    } catch (e) {
      return { verified: false, code: "TRUSTED_ROOT_INVALID", error: oneLine(e) };
    }
  }
  const r = verifyBundle({
    bundle: bundleJson,
    artifact: { bytes: fileBytes },
    trustedRoot,
    policy: { kind: "identity", identity: policy.identity, issuer: policy.issuer }
  });
  const out = {
    verified: r.verified,
    identity: r.signer?.identity,
    issuer: r.signer?.issuer,
    logIndex: r.tlog?.[0]?.logIndex
  };
  if (r.verified && r.content !== "messageSignature")
    return {
      verified: false,
      code: "BUNDLE_INVALID",
      error: "receipt bundle is not a message signature"
    };
  if (!r.verified) {
    out.code = r.code;
    out.error = r.error;
  }
  return out;
}
export {
  verifyReceiptSignature
};
