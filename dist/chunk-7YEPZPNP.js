import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  cleanText
} from "./chunk-4DXEKH5E.js";

// src/verify/html-escape.ts
import { createHash } from "node:crypto";
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text) {
  return cleanText(String(text)).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
function reportCsp(style) {
  return [
    "default-src 'none'",
    `style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'`,
    "img-src 'none'",
    "font-src 'none'",
    "script-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join("; ");
}

export {
  escapeHtml,
  reportCsp
};
