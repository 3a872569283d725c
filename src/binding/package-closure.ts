import { confinePath } from '../confined-path.js'
import { QprovError } from '../errors.js'
import { readBoundedSync } from '../read-file.js'
import type { PackagedJobSpec } from '../runtime/job-spec.js'
import {
  MAX_SPEC_BYTES,
  closureFindings,
  describeFinding,
  isJobSpecPath,
  specsWithoutCircuits,
  type PackageFile,
  type SpecBytes
} from '../workload/closure.js'
import type { WorkloadManifest } from '../workload/manifest.js'
import { selectFiles } from '../workload/select.js'

/**
 * qprov refuses a workload package that does not hold every circuit its job spec names, rather
 * than adding them silently: the package is what the user chose, and `verify --workload` must
 * re-hash the same paths to the same manifest. docs/job-spec.md states the rule.
 */
function refuse(problem: string): never {
  throw new QprovError(
    'WORKLOAD_INVALID',
    `the workload package does not hold what its job spec runs: ${problem}; add the file to the workload paths (e.g. the spec's directory rather than the spec alone)`
  )
}

function refuseFindings(
  files: readonly PackageFile[],
  specs: SpecBytes[],
  used?: ReadonlyMap<string, string>
) {
  const bare = specsWithoutCircuits(files.map(f => f.path))
  const findings = closureFindings({ files, specs, ...(used ? { used } : {}) })
  if (findings.length > 0) refuse(describeFinding(findings[0]))
  if (bare.length > 0) refuse(`${bare[0]} has no .qasm file beside it in the package`)
}

/**
 * Before anything is signed or sent: every job spec of the selected package (the one submitted,
 * and any other a verifier will also check) names only files of the package. Returns the specs,
 * for the digest check once the package is hashed.
 */
export async function checkPackageClosure(
  loaded: PackagedJobSpec,
  workload: string[],
  cwd: string
): Promise<SpecBytes[]> {
  const selected = await selectFiles(workload, cwd)
  const specs: SpecBytes[] = []
  for (const f of selected) {
    if (!isJobSpecPath(f.path)) continue
    specs.push({
      path: f.path,
      bytes:
        f.path === loaded.packagePath
          ? loaded.bytes
          : readBoundedSync(f.absolute, { what: 'job spec', maxBytes: MAX_SPEC_BYTES })
    })
  }
  if (!specs.some(s => s.path === loaded.packagePath))
    refuse(`the job spec ${loaded.packagePath} is not a file of the package`)
  refuseFindings(selected, specs, loaded.circuitDigests)
  return specs
}

/**
 * After hashing, before signing: the spec and circuits that will be sent are, byte for byte, the
 * ones the manifest lists (a file changed between the two reads is refused).
 */
export function checkManifestClosure(
  manifest: WorkloadManifest,
  specs: SpecBytes[],
  loaded: PackagedJobSpec
): void {
  refuseFindings(manifest.files, specs, loaded.circuitDigests)
}

/**
 * For `attest` (and the action's tag mode that attests first): a package signed now must verify
 * later, so every readable job spec in it must name only files of the package. Checked on the
 * hashed manifest, before signing; the specs are read, inside the package root, from `cwd`.
 */
export function attestClosureCheck(cwd: string): (manifest: WorkloadManifest) => void {
  return manifest => {
    const specs = manifest.files
      .filter(f => isJobSpecPath(f.path))
      .map(f => ({
        path: f.path,
        bytes: readBoundedSync(
          confinePath(cwd, f.path, {
            what: 'job spec',
            rootName: 'the package root',
            code: 'WORKLOAD_INVALID'
          }).real,
          { what: 'job spec', maxBytes: MAX_SPEC_BYTES }
        )
      }))
    refuseFindings(manifest.files, specs)
  }
}
