import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ATTESTATION_FILES, readAttestationDir } from '../attest/attestation-dir.js'
import { writeFileAtomic } from '../atomic-file.js'
import { QprovError } from '../errors.js'
import type { ProvenanceRefs } from '../proof/tags.js'
import { buildManifest } from '../workload/manifest.js'
import { rekorTagRefs } from '../sigstore/rekor-entry.js'

/**
 * `submit --attestation DIR`: the job is tagged with an attestation made before (by `qprov
 * attest`), so no second statement is signed and no second Rekor entry is written. The workload
 * given must hash to exactly the attested manifest: otherwise the tags would point at other files.
 * The three files are copied into outDir, where the binding and the proof bundle are completed.
 */
export async function reuseAttestation(
  dir: string,
  workload: string[],
  cwd: string,
  outDir: string
): Promise<ProvenanceRefs> {
  const a = readAttestationDir(dir)
  const m = await buildManifest(workload, { cwd })
  if (!Buffer.from(m.canonicalBytes).equals(a.manifestBytes))
    throw new QprovError(
      'ATTESTATION_MISMATCH',
      `the workload given hashes to ${m.digest}, but ${dir} attests ${a.packageDigest}; ` +
        'submit the attested files, or attest again'
    )
  if (resolve(dir) !== resolve(outDir)) {
    mkdirSync(outDir, { recursive: true })
    for (const name of Object.values(ATTESTATION_FILES))
      await writeFileAtomic(join(outDir, name), readFileSync(join(dir, name)))
  }
  return {
    statementDigest: a.statementDigest,
    packageDigest: a.packageDigest,
    ...rekorTagRefs(a.rekor)
  }
}
