import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/sigstore/rekor-entry.ts
import { createHash } from "node:crypto";
function rekorEntryUUID(canonicalizedBody) {
  return createHash("sha256").update(Buffer.from([0])).update(canonicalizedBody).digest("hex");
}
var V2_KINDS = /* @__PURE__ */ new Set(["hashedrekord/0.0.2", "dsse/0.0.2"]);
function rekorApiVersion(entry) {
  const kv = entry?.kindVersion;
  return V2_KINDS.has(`${String(kv?.kind)}/${String(kv?.version)}`) ? 2 : 1;
}
function indexOf(v, logged) {
  if (typeof v === "number") return String(v);
  if (v === void 0 && logged) return "0";
  return typeof v === "string" && /^(0|[1-9]\d*)$/.test(v) ? v : void 0;
}
function rekorEntryOf(bundle) {
  const entries = bundle?.verificationMaterial?.tlogEntries;
  if (!Array.isArray(entries) || entries.length === 0) return void 0;
  if (entries[0] === null || typeof entries[0] !== "object")
    throw new QprovError("BUNDLE_INVALID", "the bundle tlog entry is not an object");
  const e = entries[0];
  const logged = typeof e.canonicalizedBody === "string";
  const logIndex = indexOf(e.logIndex, logged);
  if (logIndex === void 0 || !logged)
    throw new QprovError(
      "BUNDLE_INVALID",
      "the bundle tlog entry lacks logIndex or canonicalizedBody"
    );
  if (rekorApiVersion(e) === 1)
    return {
      apiVersion: 1,
      logIndex,
      uuid: rekorEntryUUID(Buffer.from(e.canonicalizedBody, "base64"))
    };
  const keyId = e.logId?.keyId;
  const logId = typeof keyId === "string" ? Buffer.from(keyId, "base64") : Buffer.alloc(0);
  if (logId.length !== 32)
    throw new QprovError("BUNDLE_INVALID", "the Rekor v2 entry lacks a 32-byte logId.keyId");
  if (indexOf(e.inclusionProof?.logIndex, true) !== logIndex)
    throw new QprovError(
      "BUNDLE_INVALID",
      "the Rekor v2 entry logIndex differs from its inclusion proof logIndex"
    );
  return { apiVersion: 2, logIndex, logId: logId.toString("hex") };
}
function trustedLogURL(roots, logIdHex) {
  for (const root of roots) {
    const tlogs = root?.tlogs;
    if (!Array.isArray(tlogs)) continue;
    for (const t of tlogs) {
      const keyId = t?.logId?.keyId;
      if (typeof keyId === "string" && typeof t?.baseUrl === "string") {
        if (Buffer.from(keyId, "base64").toString("hex") === logIdHex) return t.baseUrl;
      }
    }
  }
  return void 0;
}
function rekorTagRefs(entry) {
  if (entry === void 0) return {};
  return entry.apiVersion === 1 ? { rekorLogIndex: entry.logIndex, rekorUuid: entry.uuid } : { rekorLogIndex: entry.logIndex, rekorLogId: entry.logId };
}

export {
  rekorEntryOf,
  trustedLogURL,
  rekorTagRefs
};
