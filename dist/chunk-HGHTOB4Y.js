import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  receiptFileName,
  receiptFileText
} from "./chunk-NXDSCDM4.js";
import {
  encodeSidecar
} from "./chunk-DIAMBRWZ.js";
import {
  loadReceipts,
  receiptsFromActionOutput
} from "./chunk-HJH7G7YB.js";
import {
  optionName
} from "./chunk-RICWK33N.js";
import {
  verifyReceipt
} from "./chunk-VY4IG5ZV.js";
import {
  predicateValue
} from "./chunk-URB3I2LO.js";
import {
  generateReceipts,
  git
} from "./chunk-TP7A65EM.js";
import {
  checkRef
} from "./chunk-X3TANSDR.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/attest/receipt-source.ts
function receiptSource(c, caller = "cli") {
  const names = {
    receipt: optionName("receipt", caller),
    receiptsJson: optionName("receipts-json", caller),
    commit: optionName("commit", caller)
  };
  const declareAi = c.declareAi?.length ? { declareAi: c.declareAi } : {};
  const keep = c.keep ? { keep: true } : {};
  if (c.receipt) {
    if (c.receiptsJson)
      throw new QprovError(
        "USAGE",
        `give either ${names.receipt} or ${names.receiptsJson}, not both`
      );
    if (c.commit)
      throw new QprovError("USAGE", `give either ${names.receipt} or ${names.commit}, not both`);
    if (c.declareAi?.length)
      throw new QprovError(
        "USAGE",
        `AI involvement is declared when a receipt is generated, not with ${names.receipt}`
      );
    return { from: "file", path: c.receipt };
  }
  const commit = c.commit || "HEAD";
  if (c.receiptsJson) return { from: "receipts-json", json: c.receiptsJson, commit, ...keep };
  return {
    from: "git",
    commit,
    ...declareAi,
    ...c.generator ? { generator: c.generator } : {},
    ...keep
  };
}
function only(loaded, what) {
  if (loaded.length !== 1)
    throw new QprovError(
      "INPUT_INVALID",
      `${what} holds ${loaded.length} receipts; attest wraps exactly one`
    );
  return loaded[0]?.receipt;
}
async function fromActionOutput(json, commit, cwd) {
  const ref = checkRef(commit);
  const sha = (await git(cwd, ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`])).toString("utf8").trim();
  const loaded = await receiptsFromActionOutput(json);
  const mine = loaded.filter((l) => l.receipt.commit?.sha === sha);
  if (mine.length === 0)
    throw new QprovError(
      "INPUT_INVALID",
      `receipts-json holds ${loaded.length} receipts, none for commit ${sha}`
    );
  if (mine.length > 1)
    throw new QprovError(
      "INPUT_INVALID",
      `receipts-json holds ${mine.length} receipts for commit ${sha}; expected one`
    );
  return mine[0]?.receipt;
}
async function obtainReceipt(source, cwd, onProgress) {
  let receipt;
  let origin;
  if (source.from === "file") {
    receipt = only(await loadReceipts(source.path), source.path);
    origin = source.path;
  } else if (source.from === "receipts-json") {
    receipt = await fromActionOutput(source.json, source.commit, cwd);
    origin = `the receipts-json entry for ${source.commit}`;
  } else {
    onProgress?.(`generating an AIIR receipt for ${source.commit}`);
    const generated = await generateReceipts({
      repoDir: cwd,
      commit: source.commit,
      ...source.declareAi ? { declareAi: source.declareAi } : {},
      ...source.generator ? { generator: source.generator } : {}
    });
    if (generated.length !== 1)
      throw new QprovError(
        "INTERNAL",
        `expected one receipt for ${source.commit}, got ${generated.length}`
      );
    receipt = generated[0];
    origin = `the receipt generated for ${source.commit}`;
  }
  const verdict = verifyReceipt(receipt);
  if (!verdict.valid)
    throw new QprovError(
      "RECEIPT_INVALID",
      `refusing to attest ${origin}: it does not verify (${verdict.errors.join("; ") || "hash mismatch"})`,
      { details: { errors: verdict.errors } }
    );
  const predicate = predicateValue(receipt);
  if (source.from === "file" || !source.keep) return { predicate, files: [] };
  const name = receiptFileName(predicate);
  return {
    predicate,
    files: [
      [name, Buffer.from(receiptFileText(predicate))],
      [`${name.slice(0, -".json".length)}.cbor`, Buffer.from(encodeSidecar(predicate))]
    ]
  };
}

export {
  receiptSource,
  obtainReceipt
};
