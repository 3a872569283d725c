import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  encodeSidecar
} from "./chunk-DIAMBRWZ.js";
import {
  checkOutputDir
} from "./chunk-3FPLHB7U.js";
import {
  writeFileAtomic
} from "./chunk-V4VES5YC.js";

// src/receipt/writer.ts
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
function receiptFileName(receipt) {
  const commit = receipt.commit;
  const sha = typeof commit?.sha === "string" ? commit.sha : "unknown";
  const hash = typeof receipt.content_hash === "string" ? receipt.content_hash.replace(":", "") : "";
  return `receipt_${sha.slice(0, 12)}_${hash.slice(2, 18)}.json`;
}
function receiptFileText(receipt) {
  return `${JSON.stringify(receipt, null, 2)}
`;
}
async function writeReceipts(dir, receipts) {
  checkOutputDir(dir, { what: "receipt directory" });
  await mkdir(dir, { recursive: true });
  const paths = [];
  for (const r of receipts) {
    const path = join(dir, receiptFileName(r));
    await writeFileAtomic(path, receiptFileText(r));
    await writeFileAtomic(`${path.slice(0, -".json".length)}.cbor`, encodeSidecar(r));
    paths.push(path);
  }
  return paths;
}

export {
  receiptFileName,
  receiptFileText,
  writeReceipts
};
