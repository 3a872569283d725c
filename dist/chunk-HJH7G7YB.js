import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  JsonSyntaxError,
  parseJsonLiteral
} from "./chunk-HJX6ZJ5B.js";
import {
  QprovError,
  oneLine
} from "./chunk-U5PWNO2I.js";

// src/receipt/ingest.ts
import { constants } from "node:fs";
import { lstat, open, readdir } from "node:fs/promises";
import { join } from "node:path";
var MAX_FILE_BYTES = 52428800;
var MAX_ARRAY_ITEMS = 1e3;
var OVERFLOW_MARKER = "OVERFLOW";
async function readReceiptText(path) {
  let fh;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = e.code;
    if (code === "ELOOP")
      throw new QprovError(
        "INPUT_SYMLINK",
        `Receipt file is a symlink (refusing to verify): ${path}`
      );
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new QprovError("INPUT_NOT_FOUND", `File not found: ${path}`);
    throw new QprovError("INPUT_INVALID", `Cannot open ${path}: ${oneLine(e)}`);
  }
  let bytes;
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new QprovError("INPUT_INVALID", `Not a regular file: ${path}`);
    if (st.size > MAX_FILE_BYTES) throw tooLarge(st.size);
    bytes = await readCapped(fh, st.size);
  } finally {
    await fh.close();
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, bytes };
  } catch {
    throw new QprovError("INPUT_NOT_JSON", `Invalid JSON: ${path} is not valid UTF-8`);
  }
}
function tooLarge(size) {
  return new QprovError("INPUT_TOO_LARGE", `File too large (${size} bytes, max ${MAX_FILE_BYTES})`);
}
async function readCapped(fh, size) {
  const chunks = [];
  let total = 0;
  let want = size + 1;
  for (; ; ) {
    const buf = Buffer.allocUnsafe(Math.min(Math.max(want, 65536), MAX_FILE_BYTES + 1 - total));
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
    if (total > MAX_FILE_BYTES) throw tooLarge(total);
    want = 65536;
  }
  return Buffer.concat(chunks, total);
}
var BOM_MESSAGE = "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)";
function parseReceiptJson(text, where) {
  if (text.startsWith("\uFEFF"))
    throw new QprovError("INPUT_NOT_JSON", `Invalid JSON: ${where}: ${BOM_MESSAGE}`);
  try {
    return parseJsonLiteral(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    throw new QprovError("INPUT_NOT_JSON", `Invalid JSON: ${where}: ${e.message}`);
  }
}
function receiptsFromDocument(doc, path) {
  if (!Array.isArray(doc)) return [{ path, index: 0, receipt: doc, container: "object" }];
  if (doc.length > MAX_ARRAY_ITEMS)
    throw new QprovError(
      "INPUT_INVALID",
      `Receipt array too large (${doc.length} items, max ${MAX_ARRAY_ITEMS})`
    );
  return doc.map((receipt, index) => ({ path, index, receipt, container: "array" }));
}
function receiptsFromLedger(text, path) {
  const out = [];
  text.split("\n").forEach((line, n) => {
    if (isBlankLine(line)) return;
    const receipt = parseReceiptJson(line, `${path}:${n + 1}`);
    out.push({ path, index: out.length, receipt, container: "ledger" });
  });
  return out;
}
function isBlankLine(line) {
  return !line.includes("\uFEFF") && line.trim() === "";
}
async function loadReceipts(path) {
  let st;
  try {
    st = await lstat(path);
  } catch {
    throw new QprovError("INPUT_NOT_FOUND", `File not found: ${path}`);
  }
  if (st.isDirectory()) return loadDirectory(path);
  return (await loadReceiptFile(path)).receipts;
}
async function loadReceiptFile(path) {
  const { text, bytes } = await readReceiptText(path);
  return { receipts: receiptsFromText(text, path), bytes };
}
function receiptsFromText(text, path) {
  if (path.endsWith(".jsonl")) return receiptsFromLedger(text, path);
  return receiptsFromDocument(parseReceiptJson(text, path), path);
}
async function loadDirectory(dir) {
  const names = (await readdir(dir, { withFileTypes: true })).filter((d) => !d.isDirectory() && /^receipt_.*\.json$/.test(d.name)).map((d) => d.name).sort();
  if (names.length === 0) {
    for (const ledger of [join(dir, "receipts.jsonl"), join(dir, ".aiir", "receipts.jsonl")]) {
      const found = await lstat(ledger).then(
        () => true,
        () => false
      );
      if (found) return (await loadReceiptFile(ledger)).receipts;
    }
    throw new QprovError("INPUT_NOT_FOUND", `No receipt_*.json files in directory: ${dir}`);
  }
  const out = [];
  for (const n of names) out.push(...(await loadReceiptFile(join(dir, n))).receipts);
  return out;
}
async function receiptsFromActionOutput(value, fallbackDir) {
  if (value.trim() === OVERFLOW_MARKER) {
    if (fallbackDir === void 0)
      throw new QprovError(
        "INPUT_INVALID",
        "receipts_json is OVERFLOW (more than 1 MB); pass the AIIR output directory instead"
      );
    return loadReceipts(fallbackDir);
  }
  const doc = parseReceiptJson(value, "receipts_json");
  if (!Array.isArray(doc))
    throw new QprovError("INPUT_INVALID", "receipts_json must be a JSON array of receipts");
  return receiptsFromDocument(doc, "receipts_json");
}

export {
  MAX_FILE_BYTES,
  MAX_ARRAY_ITEMS,
  OVERFLOW_MARKER,
  readReceiptText,
  parseReceiptJson,
  receiptsFromDocument,
  receiptsFromLedger,
  loadReceipts,
  loadReceiptFile,
  receiptsFromText,
  receiptsFromActionOutput
};
