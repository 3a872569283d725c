import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  signStatement
} from "./chunk-RUP7DB6U.js";
import {
  certificateSigner
} from "./chunk-WHD5NT4E.js";
import {
  bindingStatementPayload,
  receiptFileBytes
} from "./chunk-LDSVAMDG.js";
import {
  DIGESTED_FILES,
  bindingBytes,
  checkBinding,
  sha256Digest
} from "./chunk-R3Z2I67N.js";
import {
  parseInstanceCrn
} from "./chunk-VMOE3OKY.js";
import {
  RUNTIME_JOB_KIND,
  parseRuntimeJob
} from "./chunk-O72AMCDW.js";
import {
  parseTags,
  sameRefs
} from "./chunk-B5C4WRIF.js";
import {
  PROOF_FILES
} from "./chunk-TA4GRHBR.js";
import {
  rekorEntryOf,
  rekorTagRefs,
  trustedLogURL
} from "./chunk-AYSE4LOE.js";
import {
  READ_LIMITS,
  readBoundedSync
} from "./chunk-XBAMMUXC.js";
import {
  writeFileAtomicSync,
  writeFilesAtomically
} from "./chunk-BDJR5CXH.js";
import {
  QprovError,
  oneLine
} from "./chunk-64TALR3W.js";

// src/binding/bind.ts
import { join, resolve } from "node:path";
function readIn(dir, name) {
  return readBoundedSync(join(dir, name), { what: name, maxBytes: READ_LIMITS.bundle.maxBytes });
}
function parseJson(bytes, what) {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new QprovError("INPUT_NOT_JSON", `${what} is not JSON`);
  }
}
function transparencyEntryOf(rekor, trustedRoots) {
  if (rekor === void 0) return null;
  if (rekor.apiVersion === 1)
    return { log: "rekor", uuid: rekor.uuid, log_index: Number(rekor.logIndex) };
  const baseUrl = trustedLogURL(trustedRoots, rekor.logId);
  if (baseUrl === void 0)
    throw new QprovError(
      "TRUSTED_ROOT_INVALID",
      `the statement is logged in Rekor v2 log ${rekor.logId}, which no trusted root known to this command lists (the embedded public-good root, the sandbox root, --trusted-root FILE)`
    );
  return {
    log: "rekor",
    api_version: 2,
    base_url: baseUrl,
    log_id: rekor.logId,
    log_index: Number(rekor.logIndex)
  };
}
function buildBinding(files, job, trustedRoots) {
  const statementDigest = sha256Digest(files[PROOF_FILES.statement]);
  const packageDigest = sha256Digest(files[PROOF_FILES.manifest]);
  const bundle = parseJson(files[PROOF_FILES.statementBundle], PROOF_FILES.statementBundle);
  const rekor = rekorEntryOf(bundle);
  const refs = parseTags(job.tags).refs;
  const expected = { statementDigest, packageDigest, ...rekorTagRefs(rekor) };
  if (!refs || !sameRefs({ ...refs, rekorUuid: expected.rekorUuid }, expected))
    throw new QprovError(
      "PROOF_MISMATCH",
      `job ${job.jobId} is not tagged with this attestation (statement ${statementDigest})`
    );
  if (refs.rekorUuid !== void 0 && refs.rekorUuid !== expected.rekorUuid)
    throw new QprovError("PROOF_MISMATCH", `job ${job.jobId} carries another Rekor UUID`);
  const receipt = JSON.parse(files[PROOF_FILES.receipt].toString("utf8"));
  const commit = receipt.commit?.sha;
  const doc = {
    schema: "https://qprov.dev/binding/v1",
    runtime: {
      provider: "qiskit-runtime",
      session_id: job.sessionId ?? null,
      job_id: job.jobId,
      instance: { crn: job.instanceCRN, region: parseInstanceCrn(job.instanceCRN).location },
      backend: job.backend ?? null,
      // Only qprov 0.1's `tag` wrote records without it, and there the job chose its backend.
      backend_source: job.backendSource ?? "runtime",
      program: job.program ?? null,
      created: job.created ?? null,
      ...job.targetCheck ? { target_check: { ...job.targetCheck } } : {}
    },
    provenance: {
      aiir_statement: statementDigest,
      transparency_entry: transparencyEntryOf(rekor, trustedRoots),
      workload_package: packageDigest,
      receipt: {
        receipt_id: String(receipt.receipt_id),
        content_hash: String(receipt.content_hash),
        commit: String(commit)
      },
      signer: certificateSigner(bundle)
    },
    files: Object.fromEntries(
      DIGESTED_FILES.map((name) => [name, sha256Digest(files[name])])
    )
  };
  return checkBinding(JSON.parse(JSON.stringify(doc)));
}
async function bindProofBundle(opts) {
  const files = {};
  for (const name of [PROOF_FILES.statement, PROOF_FILES.statementBundle, PROOF_FILES.manifest])
    files[name] = readIn(opts.attestationDir, name);
  files[PROOF_FILES.runtimeJob] = readIn(opts.outDir, PROOF_FILES.runtimeJob);
  files[PROOF_FILES.receipt] = receiptFileBytes(files[PROOF_FILES.statement]);
  const job = parseRuntimeJob(files[PROOF_FILES.runtimeJob]);
  const binding = buildBinding(files, job, opts.plan.trustedRoots);
  const bytes = bindingBytes(binding);
  opts.onProgress?.(`signing the runtime binding of job ${job.jobId}`);
  const signed = await signStatement(bindingStatementPayload(binding), opts.plan, {
    onProgress: opts.onProgress
  });
  const sameDir = resolve(opts.attestationDir) === resolve(opts.outDir);
  const out = [
    ...sameDir ? [] : [PROOF_FILES.statement, PROOF_FILES.statementBundle, PROOF_FILES.manifest].map((n) => [
      n,
      files[n]
    ]),
    [PROOF_FILES.receipt, files[PROOF_FILES.receipt]],
    [PROOF_FILES.binding, bytes],
    [PROOF_FILES.bindingBundle, Buffer.from(`${JSON.stringify(signed.bundle)}
`)]
  ];
  const written = await writeFilesAtomically(opts.outDir, out);
  const all = Object.fromEntries(
    Object.values(PROOF_FILES).map((n) => [n, written[n] ?? resolve(opts.outDir, n)])
  );
  const bundleBytes = out.find(([n]) => n === PROOF_FILES.bindingBundle)?.[1];
  const digests = {
    ...binding.files,
    [PROOF_FILES.binding]: sha256Digest(bytes),
    [PROOF_FILES.bindingBundle]: sha256Digest(bundleBytes)
  };
  return {
    binding,
    bindingDigest: sha256Digest(bytes),
    ...signed.rekor ? { rekor: signed.rekor } : {},
    files: all,
    digests
  };
}

// src/binding/job-exists.ts
function jobExistsError(e, jobId, hint) {
  const q = e instanceof QprovError ? e : new QprovError("INTERNAL", oneLine(e));
  const message = jobId === void 0 ? `${oneLine(q)}; once found, ${hint("JOB_ID")} (JOB_ID being its ID)` : `${oneLine(q)}. Job ${jobId} exists; ${hint(jobId)}`;
  return new QprovError(q.code, message, {
    cause: e,
    details: jobId === void 0 ? q.details : { ...q.details, jobId }
  });
}

// src/binding/job-record.ts
import { mkdirSync } from "node:fs";
import { join as join2 } from "node:path";
function writeJobRecord(dir, record, hint) {
  const path = join2(dir, PROOF_FILES.runtimeJob);
  const text = `${JSON.stringify(record, null, 2)}
`;
  try {
    parseRuntimeJob(Buffer.from(text));
  } catch (e) {
    const unfit = new QprovError(
      "RUNTIME_BAD_RESPONSE",
      `the job's fields do not fit ${PROOF_FILES.runtimeJob}: ${oneLine(e)}`,
      { cause: e }
    );
    throw jobExistsError(unfit, record.jobId, hint);
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomicSync(path, text);
  } catch (e) {
    const failure = new QprovError(
      "OUTPUT_WRITE_FAILED",
      `${path} could not be written: ${e.message}`,
      { cause: e }
    );
    throw jobExistsError(failure, record.jobId, hint);
  }
  return path;
}
function jobRecord(base, refs) {
  const r = { kind: RUNTIME_JOB_KIND, ...base, recordedAt: "" };
  if (refs) {
    r.statementDigest = refs.statementDigest;
    if (refs.packageDigest) r.packageDigest = refs.packageDigest;
    if (refs.rekorLogIndex)
      r.rekor = {
        logIndex: refs.rekorLogIndex,
        ...refs.rekorUuid ? { uuid: refs.rekorUuid } : {},
        ...refs.rekorLogId ? { logId: refs.rekorLogId } : {}
      };
  }
  r.recordedAt = (/* @__PURE__ */ new Date()).toISOString();
  return r;
}
function refsOfAttestation(a) {
  return {
    statementDigest: a.statementDigest,
    packageDigest: a.packageDigest,
    ...rekorTagRefs(a.rekor)
  };
}

export {
  bindProofBundle,
  jobExistsError,
  writeJobRecord,
  jobRecord,
  refsOfAttestation
};
