import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);

// src/workload/closure.ts
import { createHash } from "node:crypto";
import path from "node:path";
var JOB_SPEC_FILE = "qprov.job.json";
var MAX_SPEC_BYTES = 1024 * 1024;
var sha256Hex = (bytes) => createHash("sha256").update(bytes).digest("hex");
var isJobSpecPath = (p) => path.posix.basename(p) === JOB_SPEC_FILE;
function pubCircuits(bytes) {
  let value;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return void 0;
  }
  const pubs = value?.pubs;
  if (!Array.isArray(pubs) || pubs.length === 0) return void 0;
  const circuits = [];
  for (const pub of pubs) {
    const c = pub?.circuit;
    if (typeof c !== "string") return void 0;
    circuits.push(c);
  }
  return circuits;
}
function circuitPackagePath(specPath, circuit) {
  if (circuit === "" || circuit.startsWith("/") || circuit.includes("\\")) return void 0;
  const p = path.posix.normalize(path.posix.join(path.posix.dirname(specPath), circuit));
  return p === ".." || p.startsWith("../") || p === "." ? void 0 : p;
}
function closureFindings(input) {
  const files = new Map(input.files.map((f) => [f.path, f.sha256]));
  const findings = [];
  for (const spec of input.specs) {
    if (!files.has(spec.path)) {
      findings.push({ kind: "spec-not-in-package", spec: spec.path });
      continue;
    }
    const signedSpec = files.get(spec.path);
    const usedSpec = sha256Hex(spec.bytes);
    if (signedSpec !== void 0 && signedSpec !== usedSpec) {
      findings.push({
        kind: "spec-digest-differs",
        spec: spec.path,
        signed: signedSpec,
        used: usedSpec
      });
      continue;
    }
    const circuits = pubCircuits(spec.bytes) ?? [];
    circuits.forEach((circuit, pub) => {
      const named = { spec: spec.path, pub, circuit };
      const p = circuitPackagePath(spec.path, circuit);
      if (p === void 0) return findings.push({ kind: "circuit-outside-package", ...named });
      if (!files.has(p)) return findings.push({ kind: "circuit-not-in-package", path: p, ...named });
      const signed = files.get(p);
      const used = input.used?.get(p);
      if (signed !== void 0 && used !== void 0 && signed !== used)
        findings.push({ kind: "circuit-digest-differs", path: p, signed, used, ...named });
    });
  }
  return findings;
}
function specsWithoutCircuits(paths) {
  return paths.filter(isJobSpecPath).filter((spec) => {
    const dir = path.posix.dirname(spec);
    const prefix = dir === "." ? "" : `${dir}/`;
    return !paths.some((p) => p.startsWith(prefix) && p.endsWith(".qasm"));
  });
}
function describeFinding(f) {
  switch (f.kind) {
    case "spec-not-in-package":
      return `job spec ${f.spec} is not a file of the package`;
    case "spec-digest-differs":
      return `job spec ${f.spec} read as sha256:${f.used}, the package holds sha256:${f.signed}`;
    case "circuit-outside-package":
      return `${f.spec} PUB ${f.pub} names ${JSON.stringify(f.circuit)}, outside the package`;
    case "circuit-not-in-package":
      return `${f.spec} PUB ${f.pub} names ${f.path}, which is not a file of the package`;
    case "circuit-digest-differs":
      return `${f.spec} PUB ${f.pub}: ${f.path} is sha256:${f.used}, the package holds sha256:${f.signed}`;
  }
}

export {
  JOB_SPEC_FILE,
  MAX_SPEC_BYTES,
  sha256Hex,
  isJobSpecPath,
  pubCircuits,
  circuitPackagePath,
  closureFindings,
  specsWithoutCircuits,
  describeFinding
};
