import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  decide,
  fail,
  failedVerdict,
  mismatch,
  notRun,
  pass,
  verifyBundleFiles,
  verifyPath
} from "./chunk-JYO2AIQN.js";
import {
  prepareTrustMaterial
} from "./chunk-FBYFY6L7.js";
import {
  sha256Digest
} from "./chunk-I22LZPDT.js";
import {
  parseTags
} from "./chunk-TWZN2JUN.js";
import {
  MAX_SPEC_BYTES,
  circuitPackagePath,
  isJobSpecPath,
  pubCircuits,
  sha256Hex
} from "./chunk-7W4FK6ST.js";
import {
  expandBundlePaths,
  loadProofBundle
} from "./chunk-BWSBA4KN.js";
import {
  buildManifest,
  parseManifest
} from "./chunk-BG4X6T6Z.js";
import {
  checkPolicyShape
} from "./chunk-YQTSYPUS.js";
import {
  PROOF_FILES
} from "./chunk-TVPTIO2N.js";
import {
  confinePath
} from "./chunk-67CPZEZ6.js";
import {
  readBoundedSync
} from "./chunk-SW4PFA3Z.js";
import {
  QprovError,
  oneLine
} from "./chunk-U5PWNO2I.js";
import {
  cleanDeep
} from "./chunk-4DXEKH5E.js";

// src/verify/index.ts
import { availableParallelism } from "node:os";

// src/verify/online-circuits.ts
var circuitTextDigest = (text) => sha256Hex(Buffer.from(text, "utf8"));
function pubCircuitProblem(params, signed) {
  if (params === void 0 || params === null) return { kind: "no-params" };
  const pubs = params.pubs;
  if (!Array.isArray(pubs) || pubs.length === 0) return { kind: "pubs-malformed" };
  if (signed.pubs !== void 0 && signed.pubs.length !== pubs.length)
    return { kind: "pub-count", live: pubs.length, signed: signed.pubs.length };
  const byPath = new Map(signed.files.map((f) => [f.path, f.sha256]));
  const digests = new Set(signed.files.map((f) => f.sha256));
  for (let i = 0; i < pubs.length; i++) {
    const pub = pubs[i];
    const text = Array.isArray(pub) ? pub[0] : void 0;
    if (typeof text !== "string") return { kind: "pub-not-text", pub: i };
    const sha256 = circuitTextDigest(text);
    const path = signed.pubs?.[i];
    if (path !== void 0) {
      const want = byPath.get(path);
      if (want !== sha256)
        return { kind: "pub-not-its-file", pub: i, sha256, path, ...want ? { signed: want } : {} };
    } else if (!digests.has(sha256)) return { kind: "pub-not-signed", pub: i, sha256 };
  }
  return void 0;
}
function pubProblemFacts(p) {
  const unreadable = (note) => ({
    finding: "online-circuits-unreadable",
    facts: { note }
  });
  const differs = (mismatches) => ({
    finding: "online-circuit-mismatch",
    facts: { mismatches }
  });
  switch (p.kind) {
    case "no-params":
      return unreadable("the service returned no params; a private job has its inputs deleted");
    case "pubs-malformed":
      return unreadable("the live params.pubs is not a list of PUBs");
    case "pub-not-text":
      return unreadable(`PUB ${p.pub} is not OpenQASM text (e.g. QPY)`);
    case "pub-count":
      return differs([mismatch("PUB count", p.signed, p.live)]);
    case "pub-not-signed":
      return {
        finding: "online-circuit-mismatch",
        facts: { note: `PUB ${p.pub}: sha256 ${p.sha256} is no file of the signed package` }
      };
    case "pub-not-its-file":
      return differs([mismatch(`PUB ${p.pub} circuit (${p.path}) sha256`, p.signed, p.sha256)]);
  }
}

// src/verify/online-check.ts
async function onlineRuntime(api, v, circuits) {
  const named = (o) => ({ name: "online-runtime", ...o });
  const f = v.facts;
  if (f.jobId === void 0 || f.statementDigest === void 0)
    return named(notRun("binding-signature"));
  let job;
  try {
    job = await api.getJob(f.jobId, { params: true });
  } catch (e) {
    return named(fail("online-unavailable", { subject: `job ${f.jobId}`, note: oneLine(e) }));
  }
  const live = (mismatches) => named(fail("online-mismatch", { subject: `job ${f.jobId}`, mismatches }));
  if (job.id !== f.jobId) return live([mismatch("live job ID", f.jobId, job.id)]);
  if ((job.backend ?? void 0) !== f.backend)
    return live([mismatch("live backend", f.backend, job.backend)]);
  let refs;
  try {
    refs = parseTags(job.tags).refs;
  } catch (e) {
    return named(fail("tags-invalid", { subject: `live job ${job.id}`, note: oneLine(e) }));
  }
  if (refs === void 0) return named(fail("tags-missing", { subject: `live job ${job.id}` }));
  const tags = [
    mismatch("live tag qprov-stmt", f.statementDigest, refs.statementDigest),
    mismatch("live tag qprov-pkg", f.packageDigest, refs.packageDigest),
    mismatch("live tag qprov-rekor-idx", f.rekor?.logIndex, refs.rekorLogIndex),
    refs.rekorUuid === void 0 ? void 0 : mismatch("live tag qprov-rekor-uuid", f.rekor?.uuid, refs.rekorUuid),
    mismatch("live tag qprov-rekor-log", f.rekor?.logId, refs.rekorLogId)
  ].filter((m) => m !== void 0 && m.expected !== m.actual);
  if (tags.length > 0) return live(tags);
  if (typeof circuits === "string")
    return named(fail("online-circuits-unreadable", { subject: `job ${job.id}`, note: circuits }));
  const problem = pubCircuitProblem(job.params, circuits);
  if (problem !== void 0) {
    const { finding, facts } = pubProblemFacts(problem);
    return named(fail(finding, { subject: `job ${job.id}`, ...facts }));
  }
  const runs = circuits.pubs ? "the circuits the signed job spec names" : "only signed circuits";
  return named(
    pass(
      `live job ${job.id} on ${job.backend} (${job.status}) carries the bound tags and runs ${runs}`
    )
  );
}

// src/verify/results-online.ts
async function onlineResults(api, v) {
  const named = (o) => ({ name: "results-online", ...o });
  const content = v.checks.find((c) => c.name === "results-content");
  const offline = v.checks.find((c) => c.name === "results-online");
  if (content?.status === "skip" || content?.status === "fail" && content.finding === "results-missing")
    return offline ?? named(notRun("results-content"));
  const signed = v.facts.results;
  if (content?.status !== "pass" || signed === void 0 || v.facts.jobId === void 0)
    return named(notRun("results-content"));
  const subject = `job ${v.facts.jobId}`;
  if (api.getResultsBytes === void 0)
    return named(
      fail("online-results-unavailable", { subject, note: "this reader cannot read results" })
    );
  let live;
  try {
    live = await api.getResultsBytes(v.facts.jobId);
  } catch (e) {
    return named(fail("online-results-unavailable", { subject, note: oneLine(e) }));
  }
  const actual = live === void 0 ? null : sha256Digest(live);
  if (actual !== signed.digest)
    return named(
      fail("online-results-mismatch", {
        subject,
        mismatches: [mismatch("live results.json sha256", signed.digest, actual)]
      })
    );
  return named(pass(`IBM still serves the results of ${subject} signed at ${signed.fetchedAt}`));
}

// src/verify/signed-workload.ts
function readWorkloadSpecs(m, cwd) {
  return m.files.filter((f) => isJobSpecPath(f.path)).map((f) => {
    const { real } = confinePath(cwd, f.path, {
      what: "job spec",
      rootName: "the workload root",
      code: "WORKLOAD_INVALID"
    });
    return {
      path: f.path,
      bytes: readBoundedSync(real, { what: "job spec", maxBytes: MAX_SPEC_BYTES })
    };
  });
}
async function signedCircuitsOf(v, files, workloadSpecs) {
  const signedDigest = v.facts.packageDigest;
  if (signedDigest === void 0) return "no signed workload package to compare the circuits with";
  let entries;
  try {
    const bytes = (files ?? (await loadProofBundle(v.bundle)).files)[PROOF_FILES.manifest];
    if (bytes === void 0 || sha256Digest(bytes) !== signedDigest)
      return `${PROOF_FILES.manifest} is not the signed package ${signedDigest}`;
    entries = parseManifest(bytes).files;
  } catch (e) {
    return `cannot read the signed manifest again: ${oneLine(e)}`;
  }
  const specs = entries.filter((f) => isJobSpecPath(f.path));
  const spec = specs.length === 1 ? specs[0] : void 0;
  const given = spec && workloadSpecs?.find((s) => s.path === spec.path);
  const circuits = given && sha256Hex(given.bytes) === spec.sha256 ? pubCircuits(given.bytes) : void 0;
  const pubs = circuits?.map((c) => circuitPackagePath(spec?.path ?? "", c) ?? "");
  return { files: entries, ...pubs ? { pubs } : {} };
}

// src/verify/worker-pool.ts
import { Worker } from "node:worker_threads";
function workerEntry() {
  const self = import.meta.url;
  if (self.endsWith(".ts"))
    return { url: new URL("./worker.ts", self), execArgv: ["--import", import.meta.resolve("tsx")] };
  return { url: new URL("./verify-worker.js", self) };
}
async function verifyOnWorkers(paths, opts, count) {
  const results = new Array(paths.length);
  const lost = /* @__PURE__ */ new Map();
  let next = 0;
  const { url, execArgv } = workerEntry();
  const run = () => new Promise((resolve) => {
    let held;
    let why = "the verify worker stopped";
    const w = new Worker(url, { workerData: opts, ...execArgv ? { execArgv } : {} });
    const feed = () => {
      if (next >= paths.length) {
        held = void 0;
        void w.terminate();
        return;
      }
      held = next++;
      w.postMessage({ index: held, path: paths[held] });
    };
    w.on("message", (m) => {
      if (m.verdict !== void 0 && m.index !== void 0 && m.index === held)
        results[m.index] = decide(m.verdict);
      feed();
    });
    w.on("error", (e) => {
      why = `the verify worker failed: ${oneLine(e)}`;
    });
    w.on("messageerror", (e) => {
      why = `the verify worker sent an unreadable message: ${oneLine(e)}`;
      void w.terminate();
    });
    w.on("exit", () => {
      if (held !== void 0) lost.set(held, why);
      resolve();
    });
  });
  const workers = Math.min(Math.max(1, Math.floor(count) || 1), paths.length);
  await Promise.all(Array.from({ length: workers }, run));
  return paths.map(
    (path, i) => results[i] ?? failedVerdict(path, "worker-lost", {
      note: lost.get(i) ?? "no verify worker was left to verify this bundle"
    })
  );
}

// src/verify/index.ts
async function verifyProofBundles(paths, options) {
  checkPolicyShape(options.policy);
  const trust = trustOf(options.trustedRoot);
  const opts = checkOptionsOf(options);
  if (options.workload !== void 0) {
    const cwd = options.workload.cwd ?? process.cwd();
    const m = await buildManifest(options.workload.paths, { cwd });
    opts.workloadManifest = new Uint8Array(m.canonicalBytes);
    opts.workloadSpecs = readWorkloadSpecs(m, cwd);
  }
  const bundles = await expandBundlePaths(paths);
  if (bundles.length === 0) throw new QprovError("USAGE", "no proof bundle to verify");
  const workers = Math.max(0, Math.floor(options.workers ?? availableParallelism()));
  let verdicts;
  if (workers <= 1 || bundles.length <= 1) {
    verdicts = [];
    for (const p of bundles) verdicts.push(await verifyPath(p, opts, trust));
  } else verdicts = await verifyOnWorkers(bundles, opts, workers);
  if (options.online !== void 0)
    for (const v of verdicts) await withOnlineCheck(options.online.api, v, opts, void 0);
  return verdicts.map((v) => cleanDeep(v));
}
function checkOptionsOf(options) {
  return {
    policy: { ...options.policy },
    aiPolicy: options.aiPolicy ?? "any",
    ...options.trustedRoot !== void 0 ? { trustedRoot: options.trustedRoot } : {},
    ...options.profile ? { profile: options.profile } : {},
    ...options.jobId !== void 0 ? { jobId: options.jobId } : {},
    ...options.requireResults ? { requireResults: true } : {}
  };
}
async function withOnlineCheck(api, v, opts, files) {
  const live = await onlineRuntime(api, v, await signedCircuitsOf(v, files, opts.workloadSpecs));
  const results = await onlineResults(api, v);
  v.checks = v.checks.map(
    (c) => c.name === "online-runtime" ? live : c.name === "results-online" ? results : c
  );
  return decide(v);
}
var prepared = /* @__PURE__ */ new Map();
function trustOf(trustedRoot) {
  const key = trustedRoot === void 0 ? "embedded" : `text:${Buffer.isBuffer(trustedRoot) ? trustedRoot.toString("utf8") : trustedRoot}`;
  let trust = prepared.get(key);
  if (trust === void 0) {
    trust = prepareTrustMaterial(trustedRoot);
    if (prepared.size >= 4) prepared.clear();
    prepared.set(key, trust);
  }
  return trust;
}
function filesVerifier(options) {
  checkPolicyShape(options.policy);
  const trust = trustOf(options.trustedRoot);
  const opts = checkOptionsOf(options);
  return {
    async verify(bundle) {
      const v = verifyBundleFiles(bundle, opts, trust);
      return cleanDeep(
        options.online ? await withOnlineCheck(options.online.api, v, opts, bundle.files) : v
      );
    }
  };
}

export {
  verifyProofBundles,
  filesVerifier
};
