import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  sidecarMatches
} from "./chunk-DIAMBRWZ.js";
import {
  loadReceiptFile,
  loadReceipts
} from "./chunk-HJH7G7YB.js";
import {
  verifyReceipt
} from "./chunk-VY4IG5ZV.js";
import "./chunk-5FAHOQUQ.js";
import {
  readBoundedSync
} from "./chunk-SW4PFA3Z.js";
import "./chunk-RN7MAYEV.js";
import "./chunk-HJX6ZJ5B.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";

// src/receipt/verify-file.ts
import { lstat } from "node:fs/promises";
var MAX_SIDECAR_BYTES = 10 * 1024 * 1024;
async function verifyReceiptPath(path) {
  return verifyLoadedReceipts(await loadReceipts(path), path);
}
async function verifyReceiptFile(path) {
  const { receipts, bytes } = await loadReceiptFile(path);
  return { verdicts: await verifyLoadedReceipts(receipts, path), bytes };
}
async function verifyLoadedReceipts(loaded, path) {
  if (loaded.length === 0) throw new QprovError("INPUT_INVALID", `No receipts found in ${path}`);
  const out = [];
  for (const item of loaded) out.push(await verifyLoaded(item));
  return out;
}
async function verifyLoaded(item) {
  const v = {
    path: item.path,
    index: item.index,
    ...verifyReceipt(item.receipt),
    cbor_sidecar: "absent"
  };
  if (item.container !== "object" || !item.path.endsWith(".json")) return v;
  if (item.receipt === null || typeof item.receipt !== "object") return v;
  v.cbor_sidecar = await checkSidecar(
    `${item.path.slice(0, -".json".length)}.cbor`,
    item.receipt
  );
  if (v.cbor_sidecar === "failed") {
    v.errors.push("CBOR sidecar verification failed");
    v.valid = false;
    delete v.expected_content_hash;
    delete v.expected_receipt_id;
  }
  return v;
}
async function checkSidecar(path, receipt) {
  try {
    await lstat(path);
  } catch {
    return "absent";
  }
  let bytes;
  try {
    const limit = { what: "CBOR sidecar", maxBytes: MAX_SIDECAR_BYTES };
    bytes = readBoundedSync(path, limit, { noFollow: true, allowPipe: false });
  } catch {
    return "failed";
  }
  return sidecarMatches(bytes, receipt) ? "ok" : "failed";
}
async function verifyReceiptPaths(paths) {
  const out = [];
  for (const p of paths) out.push(...await verifyReceiptPath(p));
  return out;
}
export {
  MAX_SIDECAR_BYTES,
  verifyReceiptFile,
  verifyReceiptPath,
  verifyReceiptPaths
};
