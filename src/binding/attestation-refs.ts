import { readAttestationDir } from '../attest/attestation-dir.js'
import type { ProvenanceRefs } from '../proof/tags.js'
import { rekorTagRefs } from '../sigstore/rekor-entry.js'

/**
 * The tag values of an attestation directory, taken from what the bundle signs: statement.json
 * must be the DSSE payload byte for byte and the manifest the signed one (exit 2 otherwise), so
 * a tag never points at bytes no signature covers. The signature is checked later, by verify.
 */
export function readAttestationRefs(dir: string): ProvenanceRefs {
  const a = readAttestationDir(dir)
  return {
    statementDigest: a.statementDigest,
    packageDigest: a.packageDigest,
    ...rekorTagRefs(a.rekor)
  }
}
