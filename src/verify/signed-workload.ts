import { confinePath } from '../confined-path.js'
import { oneLine } from '../errors.js'
import { sha256Digest } from '../proof/binding-document.js'
import { PROOF_FILES } from '../proof/layout.js'
import { loadProofBundle, type ProofFiles } from '../proof/proof-bundle.js'
import { readBoundedSync } from '../read-file.js'
import {
  MAX_SPEC_BYTES,
  circuitPackagePath,
  isJobSpecPath,
  pubCircuits,
  sha256Hex,
  type SpecBytes
} from '../workload/closure.js'
import { parseManifest, type WorkloadManifest } from '../workload/manifest.js'
import type { SignedCircuits } from './online-circuits.js'
import type { BundleVerdict } from './verdict.js'

/** The job specs of a re-hashed --workload, read through the same confinement as submit. */
export function readWorkloadSpecs(m: WorkloadManifest, cwd: string): SpecBytes[] {
  return m.files
    .filter(f => isJobSpecPath(f.path))
    .map(f => {
      const { real } = confinePath(cwd, f.path, {
        what: 'job spec',
        rootName: 'the workload root',
        code: 'WORKLOAD_INVALID'
      })
      return {
        path: f.path,
        bytes: readBoundedSync(real, { what: 'job spec', maxBytes: MAX_SPEC_BYTES })
      }
    })
}

/**
 * The signed circuit files of a verdict, for `online-runtime`: the bundle's manifest (from
 * `files`, or read again from its path), accepted only if it is the package the verified binding
 * signs. With the one signed job spec's bytes (from --workload), each PUB's file too. A string
 * says why there is none.
 */
export async function signedCircuitsOf(
  v: BundleVerdict,
  files: ProofFiles | undefined,
  workloadSpecs: readonly SpecBytes[] | undefined
): Promise<SignedCircuits | string> {
  const signedDigest = v.facts.packageDigest
  if (signedDigest === undefined) return 'no signed workload package to compare the circuits with'
  let entries
  try {
    const bytes = (files ?? (await loadProofBundle(v.bundle)).files)[PROOF_FILES.manifest]
    if (bytes === undefined || sha256Digest(bytes) !== signedDigest)
      return `${PROOF_FILES.manifest} is not the signed package ${signedDigest}`
    entries = parseManifest(bytes).files
  } catch (e) {
    return `cannot read the signed manifest again: ${oneLine(e)}`
  }
  const specs = entries.filter(f => isJobSpecPath(f.path))
  const spec = specs.length === 1 ? specs[0] : undefined
  const given = spec && workloadSpecs?.find(s => s.path === spec.path)
  const circuits =
    given && sha256Hex(given.bytes) === spec.sha256 ? pubCircuits(given.bytes) : undefined
  const pubs = circuits?.map(c => circuitPackagePath(spec?.path ?? '', c) ?? '')
  return { files: entries, ...(pubs ? { pubs } : {}) }
}
