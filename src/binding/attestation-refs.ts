import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rekorEntryOf } from '../attest/rekor-entry.js'
import { QprovError } from '../errors.js'
import type { ProvenanceRefs } from '../runtime/tags.js'

/** The files `qprov attest` writes, by name. */
export const ATTESTATION_FILES = {
  statement: 'statement.json',
  bundle: 'statement.sigstore.json',
  manifest: 'workload.manifest.json'
} as const

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

function readFile(dir: string, name: string): Buffer {
  try {
    return readFileSync(join(dir, name))
  } catch {
    throw new QprovError(
      'INPUT_NOT_FOUND',
      `${join(dir, name)} not found (give the --out directory of \`qprov attest\`)`
    )
  }
}

/**
 * The tag values of an attestation directory. Nothing here is verified: tags are pointers, and
 * verification recomputes every digest and checks the signature later.
 */
export function readAttestationRefs(dir: string): ProvenanceRefs {
  const statement = readFile(dir, ATTESTATION_FILES.statement)
  const manifest = readFile(dir, ATTESTATION_FILES.manifest)
  let bundle: unknown
  try {
    bundle = JSON.parse(readFile(dir, ATTESTATION_FILES.bundle).toString('utf8'))
  } catch (e) {
    if (e instanceof QprovError) throw e
    throw new QprovError('INPUT_NOT_JSON', `${join(dir, ATTESTATION_FILES.bundle)} is not JSON`)
  }
  const rekor = rekorEntryOf(bundle)
  const refs: ProvenanceRefs = {
    statementDigest: sha256(statement),
    packageDigest: sha256(manifest)
  }
  if (rekor) {
    refs.rekorLogIndex = rekor.logIndex
    refs.rekorUuid = rekor.uuid
  }
  return refs
}
