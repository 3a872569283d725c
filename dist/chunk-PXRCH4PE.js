import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  signStatement
} from "./chunk-WXX5DDHP.js";
import {
  bindingStatementPayload,
  receiptFileBytes
} from "./chunk-MBCS6YYH.js";
import {
  RUNTIME_JOB_KIND,
  parseRuntimeJob
} from "./chunk-NEPZQSOJ.js";
import {
  DIGESTED_FILES,
  bindingBytes,
  checkBinding,
  sha256Digest
} from "./chunk-I22LZPDT.js";
import {
  parseInstanceCrn
} from "./chunk-O3OZEMSW.js";
import {
  parseTags,
  sameRefs
} from "./chunk-TWZN2JUN.js";
import {
  MANIFEST_VERSION
} from "./chunk-BG4X6T6Z.js";
import {
  rekorEntryOf,
  rekorTagRefs,
  trustedLogURL
} from "./chunk-WTSU7EZI.js";
import {
  IN_TOTO_PAYLOAD_TYPE,
  MANIFEST_SUBJECT_NAME,
  parseStatement
} from "./chunk-WERL3RUE.js";
import {
  certificateSigner
} from "./chunk-QI5HYATW.js";
import {
  PROOF_FILES
} from "./chunk-TVPTIO2N.js";
import {
  READ_LIMITS,
  parseJsonText,
  readBoundedSync
} from "./chunk-SW4PFA3Z.js";
import {
  writeFileAtomicSync,
  writeFilesAtomically
} from "./chunk-V4VES5YC.js";
import {
  QprovError,
  oneLine
} from "./chunk-U5PWNO2I.js";

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

// src/attest/attestation-dir.ts
import { createHash } from "node:crypto";
import { join as join3 } from "node:path";
var ATTESTATION_FILES = {
  statement: "statement.json",
  bundle: "statement.sigstore.json",
  manifest: "workload.manifest.json"
};
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function mismatch(dir, why) {
  return new QprovError(
    "ATTESTATION_MISMATCH",
    `${dir} is not one consistent attestation: ${why}; use the files exactly as \`qprov attest\` wrote them, or attest again`
  );
}
function readIn2(dir, name, limit) {
  try {
    return readBoundedSync(join3(dir, name), limit);
  } catch (e) {
    if (e instanceof QprovError && e.code === "INPUT_NOT_FOUND")
      throw new QprovError(
        "INPUT_NOT_FOUND",
        `${join3(dir, name)} not found (give the --out directory of \`qprov attest\`)`
      );
    throw e;
  }
}
function signedPayload(dir, bundle) {
  const env = bundle?.dsseEnvelope;
  if (env === null || typeof env !== "object" || typeof env.payload !== "string")
    throw mismatch(dir, `${ATTESTATION_FILES.bundle} holds no DSSE envelope with a payload`);
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    throw mismatch(dir, `the bundle's payloadType is not ${IN_TOTO_PAYLOAD_TYPE}`);
  const payload = Buffer.from(env.payload, "base64");
  const norm = (s) => s.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (norm(payload.toString("base64")) !== norm(env.payload))
    throw mismatch(dir, "the bundle payload is not valid base64");
  return payload;
}
function firstDifference(a, b) {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return `${ATTESTATION_FILES.statement} (${a.length} bytes) differs from the signed payload (${b.length} bytes) at byte ${i}`;
}
function manifestFiles(dir, bytes) {
  const raw = parseJsonText(
    bytes.toString("utf8"),
    "workload manifest",
    join3(dir, ATTESTATION_FILES.manifest)
  );
  const m = raw;
  if (m === null || typeof m !== "object" || m.version !== MANIFEST_VERSION || !Array.isArray(m.files))
    throw mismatch(dir, `${ATTESTATION_FILES.manifest} is not a ${MANIFEST_VERSION} manifest`);
  return m.files.map((f) => {
    const e = f;
    if (typeof e?.path !== "string" || typeof e.sha256 !== "string")
      throw mismatch(dir, `${ATTESTATION_FILES.manifest} has a malformed file entry`);
    return { path: e.path, sha256: e.sha256 };
  });
}
function checkSubjects(dir, statement, manifestBytes) {
  const files = manifestFiles(dir, manifestBytes);
  const sha256Subjects = statement.subject.filter((s) => typeof s.digest.sha256 === "string");
  const manifestSubjects = sha256Subjects.filter((s) => s.name === MANIFEST_SUBJECT_NAME);
  if (manifestSubjects.length !== 1)
    throw mismatch(dir, `the statement has no single ${MANIFEST_SUBJECT_NAME} subject`);
  if (manifestSubjects[0].digest.sha256 !== sha256Hex(manifestBytes))
    throw mismatch(dir, `${ATTESTATION_FILES.manifest} is not the manifest the statement signs`);
  const signed = /* @__PURE__ */ new Map();
  for (const s of sha256Subjects)
    if (s.name !== MANIFEST_SUBJECT_NAME) signed.set(s.name, s.digest.sha256);
  if (signed.size !== files.length)
    throw mismatch(
      dir,
      `the statement signs ${signed.size} file(s), ${ATTESTATION_FILES.manifest} lists ${files.length}`
    );
  for (const f of files)
    if (signed.get(f.path) !== f.sha256)
      throw mismatch(
        dir,
        `file ${JSON.stringify(f.path)} of the manifest is not signed with that digest`
      );
}
function readAttestationDir(dir) {
  const statementBytes = readIn2(dir, ATTESTATION_FILES.statement, READ_LIMITS.statement);
  const bundleBytes = readIn2(dir, ATTESTATION_FILES.bundle, READ_LIMITS.bundle);
  const manifestBytes = readIn2(dir, ATTESTATION_FILES.manifest, READ_LIMITS.manifest);
  const bundle = parseJsonText(
    bundleBytes.toString("utf8"),
    "bundle",
    join3(dir, ATTESTATION_FILES.bundle)
  );
  const payload = signedPayload(dir, bundle);
  if (!payload.equals(statementBytes)) throw mismatch(dir, firstDifference(statementBytes, payload));
  let statement;
  try {
    statement = parseStatement(payload);
  } catch (e) {
    throw mismatch(dir, `the signed payload is not an in-toto statement (${e.message})`);
  }
  checkSubjects(dir, statement, manifestBytes);
  let rekor;
  try {
    rekor = rekorEntryOf(bundle);
  } catch (e) {
    throw mismatch(dir, e.message);
  }
  return {
    dir,
    payload,
    statement,
    statementDigest: `sha256:${sha256Hex(payload)}`,
    bundle,
    manifestBytes,
    packageDigest: `sha256:${sha256Hex(manifestBytes)}`,
    ...rekor ? { rekor } : {}
  };
}

export {
  bindProofBundle,
  jobExistsError,
  writeJobRecord,
  jobRecord,
  refsOfAttestation,
  ATTESTATION_FILES,
  readAttestationDir
};
