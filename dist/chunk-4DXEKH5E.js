import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);

// src/untrusted-text.ts
var UNSAFE_CHARS = String.raw`\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}`;
var UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, "gu");
var ANY_UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, "u");
var UNSAFE_EXCEPT_LF = new RegExp(`(?!\\n)[${UNSAFE_CHARS}]`, "gu");
var REPLACEMENT = "\uFFFD";
function hasUnsafeText(text) {
  return ANY_UNSAFE.test(text);
}
function cleanText(text) {
  return String(text).replace(UNSAFE, REPLACEMENT);
}
function cleanLines(text) {
  return String(text).replace(UNSAFE_EXCEPT_LF, REPLACEMENT);
}
function cleanDeep(value) {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[cleanText(k)] = cleanDeep(v);
    return out;
  }
  return value;
}
function cutText(text, max) {
  if (text.length <= max) return text;
  if (max < 1) return "";
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end--;
  return `${text.slice(0, end)}\u2026`;
}

export {
  UNSAFE_EXCEPT_LF,
  REPLACEMENT,
  hasUnsafeText,
  cleanText,
  cleanLines,
  cleanDeep,
  cutText
};
