import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  NumberLiteral
} from "./chunk-HJX6ZJ5B.js";

// src/receipt/hashes.ts
import { createHash, timingSafeEqual } from "node:crypto";

// src/receipt/canonical-json.ts
var MAX_CORE_DEPTH = 64;
var CanonicalJsonError = class extends Error {
};
function compareCodePoints(a, b) {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (; ; ) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}
function escapeString(s) {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
function nestingDepth(value, limit) {
  let max = 0;
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop();
    if (v === null || typeof v !== "object" || v instanceof NumberLiteral) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}
function canonicalJson(value) {
  if (nestingDepth(value, MAX_CORE_DEPTH) > MAX_CORE_DEPTH)
    throw new CanonicalJsonError("receipt structure too deeply nested");
  return encode(value);
}
function unsupportedNumberReason(literal) {
  const shown = literal.length > 40 ? `${literal.slice(0, 40)}\u2026 (${literal.length} characters)` : literal;
  const digits = literal.replace(/^-/, "");
  if (/^\d+$/.test(digits)) {
    if (digits.length > 4300)
      return `Exceeds the limit (4300 digits) for integer string conversion: value has ${digits.length} digits`;
    return `unsupported number: integer ${shown} is outside \xB1(2^53 \u2212 1), which qprov cannot hash exactly`;
  }
  const n = Number(literal);
  if (!Number.isFinite(n)) {
    const repr = Number.isNaN(n) ? "nan" : n > 0 ? "inf" : "-inf";
    return `Out of range float values are not JSON compliant: ${repr}`;
  }
  return `unsupported number: ${shown} is not an integer; only integers are canonicalised`;
}
function encode(v) {
  if (v === null || typeof v === "boolean") return String(v);
  if (typeof v === "number") {
    if (!Number.isSafeInteger(v)) throw new CanonicalJsonError(unsupportedNumberReason(String(v)));
    return String(v);
  }
  if (typeof v === "string") return escapeString(v);
  if (v instanceof NumberLiteral) throw new CanonicalJsonError(unsupportedNumberReason(v.literal));
  if (Array.isArray(v)) return `[${v.map(encode).join(",")}]`;
  if (typeof v === "object") {
    const o = v;
    const keys = Object.keys(o).sort(compareCodePoints);
    return `{${keys.map((k) => `${escapeString(k)}:${encode(o[k])}`).join(",")}}`;
  }
  throw new CanonicalJsonError(`unsupported value of type ${typeof v}`);
}

// src/receipt/hashes.ts
var CORE_KEYS = ["type", "schema", "version", "commit", "ai_attestation", "provenance"];
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}
function receiptCore(receipt) {
  const core = {};
  for (const k of CORE_KEYS) if (Object.hasOwn(receipt, k)) core[k] = receipt[k];
  return core;
}
function coreHashes(core) {
  const canonical = canonicalJson(core);
  const hex = sha256Hex(canonical);
  return { canonical, contentHash: `sha256:${hex}`, receiptId: `g1-${hex.slice(0, 32)}` };
}
function constantTimeEqual(a, b) {
  const da = createHash("sha256").update(a, "utf8").digest();
  const db = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

export {
  CanonicalJsonError,
  receiptCore,
  coreHashes,
  constantTimeEqual
};
