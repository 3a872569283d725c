import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  obtainReceipt
} from "./chunk-HGHTOB4Y.js";
import {
  signStatement
} from "./chunk-WXX5DDHP.js";
import {
  checkOutputDir
} from "./chunk-3FPLHB7U.js";
import {
  buildManifest
} from "./chunk-BG4X6T6Z.js";
import {
  buildStatement,
  statementDigest,
  statementPayloadBytes
} from "./chunk-WERL3RUE.js";
import {
  writeFilesAtomically
} from "./chunk-V4VES5YC.js";

// src/attest/pipeline.ts
var OUTPUT_NAMES = {
  statement: "statement.json",
  bundle: "statement.sigstore.json",
  manifest: "workload.manifest.json"
};
async function attestWorkload(opts) {
  const progress = opts.onProgress;
  checkOutputDir(opts.outDir, { what: "output directory", files: Object.values(OUTPUT_NAMES) });
  const given = opts.receipt.from === "file" ? await obtainReceipt(opts.receipt, opts.cwd, progress) : void 0;
  const plan = await opts.signing();
  progress?.(`hashing the workload (${opts.workload.join(" ")})`);
  const manifest = await buildManifest(opts.workload, { cwd: opts.cwd, onProgress: progress });
  progress?.(`package digest ${manifest.digest} (${manifest.files.length} files)`);
  opts.checkManifest?.(manifest);
  const receipt = given ?? await obtainReceipt(opts.receipt, opts.cwd, progress);
  const statement = buildStatement({ manifest, receipt: receipt.predicate });
  const payload = statementPayloadBytes(statement);
  const digest = statementDigest(payload);
  progress?.(`statement digest ${digest}`);
  const signed = await signStatement(payload, plan, { onProgress: progress });
  const files = await writeFilesAtomically(opts.outDir, [
    [OUTPUT_NAMES.statement, payload],
    [OUTPUT_NAMES.bundle, Buffer.from(`${JSON.stringify(signed.bundle)}
`)],
    [OUTPUT_NAMES.manifest, manifest.canonicalBytes],
    ...receipt.files
  ]);
  return {
    statementDigest: digest,
    packageDigest: manifest.digest,
    ...signed.rekor ? { rekor: signed.rekor } : {},
    files: {
      statement: files[OUTPUT_NAMES.statement],
      bundle: files[OUTPUT_NAMES.bundle],
      manifest: files[OUTPUT_NAMES.manifest]
    }
  };
}

export {
  OUTPUT_NAMES,
  attestWorkload
};
