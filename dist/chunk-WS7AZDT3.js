import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  defaultArtifactName
} from "./chunk-L47USBSO.js";
import {
  DEFAULT_API_KEY_ENV,
  resolveConnection
} from "./chunk-5SMPPS2D.js";
import {
  retagCommand
} from "./chunk-PEAZU4HJ.js";
import {
  submitWorkload
} from "./chunk-MOPQURXA.js";
import {
  tagJob
} from "./chunk-ODXWJCTE.js";
import {
  createRuntimeClient
} from "./chunk-JJLRPZBH.js";
import {
  actionReceipt,
  actionSigning,
  attestationRows,
  chainOf,
  rekorLinks,
  reportAttestation,
  requireWorkload
} from "./chunk-YRWIUVAI.js";
import {
  attestWorkload
} from "./chunk-QODLDESX.js";
import {
  attestClosureCheck
} from "./chunk-VZNLKQ4P.js";
import {
  planSigning
} from "./chunk-WXX5DDHP.js";
import {
  runURL
} from "./chunk-FPECTI7Y.js";
import {
  connectionSettings
} from "./chunk-7337S5RF.js";
import {
  sha256Digest
} from "./chunk-I22LZPDT.js";
import {
  isQprovTag
} from "./chunk-TWZN2JUN.js";
import {
  defaultBundleFileName,
  packProofBundle,
  readBoundedFile,
  readProofDirectory
} from "./chunk-BWSBA4KN.js";
import {
  PROOF_BUNDLE_MEDIA_TYPE,
  PROOF_FILES,
  RESULTS_FILES
} from "./chunk-TVPTIO2N.js";
import {
  outputPath
} from "./chunk-67CPZEZ6.js";
import {
  writeFileAtomic
} from "./chunk-V4VES5YC.js";
import {
  QprovError,
  oneLine
} from "./chunk-U5PWNO2I.js";

// src/action/modes/runtime.ts
import { join as join2, resolve } from "node:path";

// src/action/publish.ts
import { join } from "node:path";
function written(path, digest) {
  let bytes;
  try {
    bytes = readBoundedFile(path);
  } catch (e) {
    throw new QprovError("PUBLISH_FAILED", `${path} cannot be published: ${oneLine(e)}`);
  }
  if (bytes === void 0)
    throw new QprovError("PUBLISH_FAILED", `${path} was written by this run and is gone`);
  if (sha256Digest(bytes) !== digest)
    throw new QprovError(
      "PUBLISH_FAILED",
      `${path} is not the file this run wrote (its sha256 changed); nothing was published`
    );
  return bytes;
}
async function publishProof(inputs, proof, gh, report) {
  const out = { links: [], rows: [] };
  const failures = [];
  const attempt = async (what, fn) => {
    try {
      await fn();
    } catch (e) {
      const q = e instanceof QprovError ? e : new QprovError("PUBLISH_FAILED", oneLine(e));
      failures.push(new QprovError(q.code, `${what}: ${oneLine(q)}`, { cause: e }));
    }
  };
  const names = [...Object.values(PROOF_FILES), ...Object.values(RESULTS_FILES)].filter(
    (n) => proof.digests[n] !== void 0
  );
  const bytes = Object.fromEntries(
    names.map((n) => [n, written(join(proof.dir, n), proof.digests[n])])
  );
  const present = names.map((n) => join(proof.dir, n));
  if (proof.singleFile) written(proof.singleFile.path, proof.singleFile.digest);
  if (inputs.uploadArtifact ?? (inputs.mode === "submit" || inputs.mode === "tag" || inputs.mode === "results"))
    await attempt("artifact upload", async () => {
      const a = await gh.artifacts().upload({
        name: inputs.artifactName ?? defaultArtifactName(proof.jobId),
        files: present,
        rootDirectory: proof.dir,
        ...inputs.artifactRetentionDays ? { retentionDays: inputs.artifactRetentionDays } : {}
      });
      report.output("artifact-id", String(a.id));
      report.output("artifact-digest", a.digest);
      if (a.url) report.output("artifact-url", a.url);
      report.info(`uploaded artifact ${a.name} (ID ${a.id}, ${a.digest})`);
      out.rows.push(["artifact", `${a.name} (${a.digest})`]);
      if (a.url) out.links.push({ label: `artifact ${a.name}`, url: a.url });
    });
  if (inputs.releaseTag)
    await attempt(`release ${inputs.releaseTag}`, async () => {
      if (!proof.singleFile)
        throw new QprovError("PUBLISH_FAILED", "the single-file proof bundle was not written");
      const name = proof.singleFile.path.split("/").pop();
      const a = await gh.releases().attach({
        tag: inputs.releaseTag,
        file: proof.singleFile.path,
        name,
        label: name,
        contentType: "application/json"
      });
      report.output("release-asset-url", a.url);
      report.info(
        `${a.replaced ? "replaced" : "attached"} ${a.name} on release ${inputs.releaseTag} (${PROOF_BUNDLE_MEDIA_TYPE})`
      );
      out.rows.push(["release asset", a.url]);
      out.links.push({ label: `release asset ${a.name}`, url: a.url });
    });
  if (inputs.attestationStore)
    await attempt("attestation store", async () => {
      const ids = [];
      for (const f of [
        PROOF_FILES.statementBundle,
        PROOF_FILES.bindingBundle,
        RESULTS_FILES.bundle
      ]) {
        const b = bytes[f];
        if (b === void 0) continue;
        ids.push(await gh.attestations().store(JSON.parse(b.toString("utf8"))));
      }
      if (ids.length === 0) throw new QprovError("PUBLISH_FAILED", "no DSSE bundle to store");
      report.output("attestation-ids", JSON.stringify(ids));
      out.rows.push(["attestation IDs", ids.join(", ")]);
    });
  if (failures.length > 0) {
    const first = failures[0];
    throw new QprovError(
      first.code,
      `${failures.map((f) => f.message).join("; ")}. The proof bundle is kept in ${proof.dir}`,
      { cause: first, details: { proofDir: proof.dir, jobId: proof.jobId } }
    );
  }
  return out;
}

// src/action/modes/runtime.ts
function connect(inputs, env) {
  const conn = resolveConnection(
    connectionSettings({
      ...inputs.sandbox ? { sandbox: inputs.sandbox } : {},
      instance: inputs.instance,
      runtimeURL: inputs.runtimeURL,
      iamURL: inputs.iamURL,
      // With `sandbox` a real key (QISKIT_IBM_TOKEN in the job's environment) is used only when
      // api-key-env names it: the sandbox's IAM URL comes from a file, never the key by default.
      ...inputs.apiKeyEnv !== void 0 ? { apiKeyEnv: inputs.apiKeyEnv } : {},
      caller: "action"
    }),
    env
  );
  return () => ({
    api: createRuntimeClient(conn),
    instanceCRN: conn.instanceCRN,
    runtimeURL: conn.runtimeURL
  });
}
function runLinks(gh) {
  try {
    const url = runURL(gh.context());
    return url ? [{ label: "workflow run", url }] : [];
  } catch {
    return [];
  }
}
function hint(inputs, attestationDir) {
  return (jobId, crn) => {
    const cli = retagCommand(
      jobId,
      attestationDir,
      {
        ...inputs.sandbox ? { sandbox: inputs.sandbox } : {},
        runtimeURL: inputs.runtimeURL,
        iamURL: inputs.iamURL,
        ...inputs.apiKeyEnv !== void 0 && inputs.apiKeyEnv !== DEFAULT_API_KEY_ENV ? { apiKeyEnv: inputs.apiKeyEnv } : {}
      },
      crn
    );
    return `re-bind it with: ${cli} (or run this action with mode: tag, job-id: ${jobId}, attestation-dir: ${attestationDir})`;
  };
}
async function runSubmit(inputs, report, gh, env = process.env) {
  requireWorkload(inputs);
  const target = connect(inputs, env);
  const signing = actionSigning(inputs, env);
  const outDir = outputPath(inputs.outDir, inputs.workspace, "out-dir");
  const receipt = actionReceipt(inputs);
  const r = await submitWorkload(
    {
      workload: inputs.workload,
      cwd: inputs.workspace,
      connect: target,
      backend: inputs.backend,
      attest: { signing: () => signing, receipt },
      outDir,
      hint: hint(inputs, outDir),
      env
    },
    {
      // Set before anything else can fail: a job that exists must be findable from the step.
      onJobId: (id, sessionId) => {
        report.output("job-id", id);
        if (sessionId) report.output("session-id", sessionId);
        report.info(`created Runtime job ${id}${sessionId ? ` in ${sessionId}` : ""}`);
      },
      onAttested: (a) => reportAttestation(a, report),
      onProgress: (m) => report.info(m),
      onWarning: (m) => report.warning(m)
    }
  );
  for (const t of r.tags) report.info(`tag: ${t}`);
  report.output("job-tags", JSON.stringify(r.tags.filter(isQprovTag)));
  report.output("out-dir", outDir);
  report.output("bundle-path", outDir);
  if (r.binding) report.output("binding-digest", r.binding.bindingDigest);
  const witnessed = inputs.waitForResults && r.binding ? await (await import("./chunk-H6HYFUPK.js")).witnessForAction(inputs, report, target, r.jobId, outDir, env) : void 0;
  const bound = r.binding && witnessed ? { ...r.binding, digests: { ...r.binding.digests, ...witnessed.digests } } : r.binding;
  const published = await publishOrKeep(inputs, r.jobId, outDir, bound, gh, report);
  await report.summary({
    title: "qprov submit",
    rows: [
      ["job ID", r.jobId],
      ...r.sessionId ? [["session ID", r.sessionId]] : [],
      ["backend", r.backend],
      ...r.attestation ? attestationRows(r.attestation) : [],
      ["tags", r.tags.join(" ")],
      ["proof bundle", outDir],
      ...witnessed ? witnessed.rows : [],
      ...published.rows
    ],
    chain: {
      ...r.attestation ? chainOf(r.attestation) : {},
      jobId: r.jobId,
      ...r.binding ? { bindingDigest: r.binding.bindingDigest } : {}
    },
    links: [
      ...r.attestation ? rekorLinks(inputs, r.attestation) : [],
      ...published.links,
      ...runLinks(gh)
    ]
  });
}
async function writeSingleFile(jobId, outDir, digests) {
  const onDisk = await readProofDirectory(outDir);
  const files = {};
  for (const [name, digest] of Object.entries(digests)) {
    const b = onDisk[name];
    if (b === void 0 || sha256Digest(b) !== digest)
      throw new QprovError(
        "PUBLISH_FAILED",
        `${join2(outDir, name)} is not the file this run wrote; the single-file bundle was not made`
      );
    files[name] = b;
  }
  const path = join2(outDir, defaultBundleFileName(jobId));
  const packed = packProofBundle(files, jobId);
  await writeFileAtomic(path, packed);
  return { path, digest: sha256Digest(packed) };
}
async function publishOrKeep(inputs, jobId, outDir, binding, gh, report) {
  try {
    if (binding === void 0)
      throw new QprovError("INTERNAL", `job ${jobId} has no signed binding to publish`);
    const singleFile = await writeSingleFile(jobId, outDir, binding.digests);
    return await publishProof(
      inputs,
      { jobId, dir: outDir, digests: binding.digests, singleFile },
      gh,
      report
    );
  } catch (e) {
    await report.summary({
      title: `qprov ${inputs.mode}: job ${jobId} bound, publishing failed`,
      rows: [
        ["job ID", jobId],
        ["proof bundle (kept)", outDir]
      ]
    });
    throw e;
  }
}
async function runTag(inputs, report, gh, env = process.env) {
  if (!inputs.jobId) throw new QprovError("USAGE", "input job-id is required for mode tag");
  if (!inputs.attestationDir && inputs.workload.length === 0)
    throw new QprovError(
      "USAGE",
      "mode tag needs input attestation-dir (from an attest step) or input workload (to attest here)"
    );
  if (inputs.attestationDir && inputs.workload.length > 0)
    throw new QprovError("USAGE", "give either input attestation-dir or input workload, not both");
  const target = connect(inputs, env);
  const signing = actionSigning(inputs, env);
  const outDir = outputPath(inputs.outDir, inputs.workspace, "out-dir");
  let chain = {};
  let links = [];
  let attestationDir;
  if (inputs.attestationDir) {
    attestationDir = resolve(inputs.workspace, inputs.attestationDir);
  } else {
    const a = await attestWorkload({
      workload: inputs.workload,
      cwd: inputs.workspace,
      receipt: actionReceipt(inputs),
      signing: () => planSigning(signing, env),
      outDir,
      checkManifest: attestClosureCheck(inputs.workspace),
      onProgress: (m) => report.info(m)
    });
    reportAttestation(a, report);
    chain = chainOf(a);
    links = rekorLinks(inputs, a);
    attestationDir = outDir;
  }
  const r = await tagJob(
    {
      jobId: inputs.jobId,
      attestationDir,
      outDir,
      connect: target,
      hint: hint(inputs, attestationDir),
      signing,
      env
    },
    { onJob: (id) => report.output("job-id", id), onProgress: (m) => report.info(m) }
  );
  for (const t of r.tags) report.info(`tag: ${t}`);
  report.output("statement-digest", r.refs.statementDigest);
  report.output("job-tags", JSON.stringify(r.tags.filter(isQprovTag)));
  report.output("out-dir", outDir);
  report.output("bundle-path", outDir);
  if (r.binding) report.output("binding-digest", r.binding.bindingDigest);
  const published = await publishOrKeep(inputs, r.jobId, outDir, r.binding, gh, report);
  await report.summary({
    title: "qprov tag",
    rows: [
      ["job ID", r.jobId],
      ["statement digest", r.refs.statementDigest],
      ["tags", r.tags.join(" ")],
      ["updated", r.unchanged ? "no (already tagged)" : "yes"],
      ["proof bundle", outDir],
      ...published.rows
    ],
    chain: {
      ...chain,
      statementDigest: r.refs.statementDigest,
      // The job's tags name the log entry; without one it was timestamped only.
      rekorLogIndex: r.refs.rekorLogIndex ?? null,
      jobId: r.jobId,
      ...r.binding ? { bindingDigest: r.binding.bindingDigest } : {}
    },
    links: [...links, ...published.links, ...runLinks(gh)]
  });
}

export {
  connect,
  runLinks,
  runSubmit,
  publishOrKeep,
  runTag
};
