import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  MAX_SPEC_BYTES,
  closureFindings,
  describeFinding,
  isJobSpecPath,
  specsWithoutCircuits
} from "./chunk-7W4FK6ST.js";
import {
  selectFiles
} from "./chunk-BNCY3CL7.js";
import {
  confinePath
} from "./chunk-67CPZEZ6.js";
import {
  readBoundedSync
} from "./chunk-SW4PFA3Z.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/binding/package-closure.ts
function refuse(problem) {
  throw new QprovError(
    "WORKLOAD_INVALID",
    `the workload package does not hold what its job spec runs: ${problem}; add the file to the workload paths (e.g. the spec's directory rather than the spec alone)`
  );
}
function refuseFindings(files, specs, used) {
  const bare = specsWithoutCircuits(files.map((f) => f.path));
  const findings = closureFindings({ files, specs, ...used ? { used } : {} });
  if (findings.length > 0) refuse(describeFinding(findings[0]));
  if (bare.length > 0) refuse(`${bare[0]} has no .qasm file beside it in the package`);
}
async function checkPackageClosure(loaded, workload, cwd) {
  const selected = await selectFiles(workload, cwd);
  const specs = [];
  for (const f of selected) {
    if (!isJobSpecPath(f.path)) continue;
    specs.push({
      path: f.path,
      bytes: f.path === loaded.packagePath ? loaded.bytes : readBoundedSync(f.absolute, { what: "job spec", maxBytes: MAX_SPEC_BYTES })
    });
  }
  if (!specs.some((s) => s.path === loaded.packagePath))
    refuse(`the job spec ${loaded.packagePath} is not a file of the package`);
  refuseFindings(selected, specs, loaded.circuitDigests);
  return specs;
}
function checkManifestClosure(manifest, specs, loaded) {
  refuseFindings(manifest.files, specs, loaded.circuitDigests);
}
function attestClosureCheck(cwd) {
  return (manifest) => {
    const specs = manifest.files.filter((f) => isJobSpecPath(f.path)).map((f) => ({
      path: f.path,
      bytes: readBoundedSync(
        confinePath(cwd, f.path, {
          what: "job spec",
          rootName: "the package root",
          code: "WORKLOAD_INVALID"
        }).real,
        { what: "job spec", maxBytes: MAX_SPEC_BYTES }
      )
    }));
    refuseFindings(manifest.files, specs);
  };
}

export {
  checkPackageClosure,
  checkManifestClosure,
  attestClosureCheck
};
