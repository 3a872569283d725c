import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  REPLACEMENT,
  UNSAFE_EXCEPT_LF,
  cleanLines,
  cleanText
} from "./chunk-4DXEKH5E.js";

// src/log-text.ts
function defuse(line) {
  return line.replace(/^(\s*):(?=:)/, `$1${REPLACEMENT}`).replace(/#(?=#\[)/g, REPLACEMENT);
}
function logLine(text) {
  return defuse(cleanText(text));
}
function logLines(text) {
  return cleanLines(text).split("\n").map(defuse).join("\n");
}
function logJson(json) {
  const u = (s) => Array.from(
    { length: s.length },
    (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, "0")}`
  ).join("");
  return json.replace(UNSAFE_EXCEPT_LF, u).replace(/##\[/g, "##\\u005b");
}

export {
  logLine,
  logLines,
  logJson
};
