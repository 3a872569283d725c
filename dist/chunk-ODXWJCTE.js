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
  readAttestationDir,
  writeJobRecord
} from "./chunk-PXRCH4PE.js";
import {
  planSigning
} from "./chunk-WXX5DDHP.js";
import {
  checkOutputDir
} from "./chunk-3FPLHB7U.js";
import {
  mergeProvenanceTags
} from "./chunk-TWZN2JUN.js";
import {
  rekorTagRefs
} from "./chunk-WTSU7EZI.js";
import {
  PROOF_FILES
} from "./chunk-TVPTIO2N.js";
import {
  checkJobId
} from "./chunk-RCN3TL6S.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

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
