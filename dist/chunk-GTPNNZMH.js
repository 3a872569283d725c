import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  bindProofBundle,
  jobExistsError,
  jobRecord,
  writeJobRecord
} from "./chunk-DANCBOQT.js";
import {
  planSigning
} from "./chunk-RUP7DB6U.js";
import {
  checkOutputDir
} from "./chunk-VMYWTYTI.js";
import {
  mergeProvenanceTags
} from "./chunk-B5C4WRIF.js";
import {
  PROOF_FILES
} from "./chunk-TA4GRHBR.js";
import {
  MANIFEST_VERSION
} from "./chunk-KF5ZAZJL.js";
import {
  rekorEntryOf,
  rekorTagRefs
} from "./chunk-AYSE4LOE.js";
import {
  IN_TOTO_PAYLOAD_TYPE,
  MANIFEST_SUBJECT_NAME,
  parseStatement
} from "./chunk-ODPBFWXV.js";
import {
  READ_LIMITS,
  parseJsonText,
  readBoundedSync
} from "./chunk-XBAMMUXC.js";
import {
  checkJobId
} from "./chunk-HI4SLY7O.js";
import {
  QprovError
} from "./chunk-64TALR3W.js";

// src/attest/attestation-dir.ts
import { createHash } from "node:crypto";
import { join } from "node:path";
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
function readIn(dir, name, limit) {
  try {
    return readBoundedSync(join(dir, name), limit);
  } catch (e) {
    if (e instanceof QprovError && e.code === "INPUT_NOT_FOUND")
      throw new QprovError(
        "INPUT_NOT_FOUND",
        `${join(dir, name)} not found (give the --out directory of \`qprov attest\`)`
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
    join(dir, ATTESTATION_FILES.manifest)
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
  const statementBytes = readIn(dir, ATTESTATION_FILES.statement, READ_LIMITS.statement);
  const bundleBytes = readIn(dir, ATTESTATION_FILES.bundle, READ_LIMITS.bundle);
  const manifestBytes = readIn(dir, ATTESTATION_FILES.manifest, READ_LIMITS.manifest);
  const bundle = parseJsonText(
    bundleBytes.toString("utf8"),
    "bundle",
    join(dir, ATTESTATION_FILES.bundle)
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

// src/binding/attestation-refs.ts
function readAttestationRefs(dir) {
  const a = readAttestationDir(dir);
  return {
    statementDigest: a.statementDigest,
    packageDigest: a.packageDigest,
    ...rekorTagRefs(a.rekor)
  };
}

// src/binding/tag-job.ts
async function tagJob(opts, hooks = {}) {
  checkJobId(opts.jobId);
  const refs = readAttestationRefs(opts.attestationDir);
  checkOutputDir(opts.outDir, { what: "output directory", files: Object.values(PROOF_FILES) });
  const signing = typeof opts.signing === "function" ? opts.signing() : opts.signing;
  const { api, instanceCRN, runtimeURL } = opts.connect();
  const plan = signing ? await planSigning(signing, opts.env ?? process.env) : void 0;
  const job = await api.getJob(opts.jobId);
  hooks.onJob?.(job.id);
  const hint = (id) => opts.hint(id, instanceCRN);
  const merged = mergeProvenanceTags(job.tags, refs);
  const unchanged = merged.length === job.tags.length && merged.every((t) => job.tags.includes(t));
  let tags = job.tags;
  if (unchanged) hooks.onProgress?.("the job already carries these tags");
  else {
    try {
      tags = await api.replaceTags(job.id, merged);
    } catch (e) {
      throw jobExistsError(e, job.id, hint);
    }
    const missing = merged.filter((t) => !tags.includes(t));
    if (missing.length > 0)
      throw jobExistsError(
        new QprovError(
          "RUNTIME_TAGS_REJECTED",
          `tags missing after the update: ${missing.join(", ")}`
        ),
        job.id,
        hint
      );
  }
  const recordPath = writeJobRecord(
    opts.outDir,
    jobRecord(
      {
        jobId: job.id,
        ...job.session_id ? { sessionId: job.session_id } : {},
        ...job.backend ? { backend: job.backend } : {},
        ...job.program ? { program: job.program } : {},
        ...job.created ? { created: job.created } : {},
        instanceCRN,
        runtimeURL,
        tags,
        backendSource: "runtime"
      },
      refs
    ),
    hint
  );
  const binding = plan ? await bindProofBundle({
    attestationDir: opts.attestationDir,
    outDir: opts.outDir,
    plan,
    onProgress: hooks.onProgress
  }).catch((e) => {
    throw jobExistsError(e, job.id, hint);
  }) : void 0;
  return { jobId: job.id, tags, refs, unchanged, recordPath, ...binding ? { binding } : {} };
}

export {
  tagJob
};
