import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { QprovError } from '../errors.js'
import { READ_LIMITS, parseJsonText, readBoundedSync, type ReadLimit } from '../read-file.js'
import { MANIFEST_VERSION } from '../workload/manifest.js'
import { rekorEntryOf, type RekorEntryRef } from '../sigstore/rekor-entry.js'
import {
  IN_TOTO_PAYLOAD_TYPE,
  MANIFEST_SUBJECT_NAME,
  parseStatement,
  type InTotoStatement
} from '../proof/statement.js'

/** The files `qprov attest` writes, by name. */
export const ATTESTATION_FILES = {
  statement: 'statement.json',
  bundle: 'statement.sigstore.json',
  manifest: 'workload.manifest.json'
} as const

/**
 * An attestation directory whose three files agree with each other: statement.json is the exact
 * DSSE payload of the bundle, and the signed subjects are the manifest's files and digest.
 * The signature itself is not checked here (no trusted root or policy is at hand); `verify` does
 * that. What this guarantees is that a tag can only point at bytes a signature covers.
 */
export interface AttestationDir {
  dir: string
  /** The signed DSSE payload, which equals statement.json byte for byte. */
  payload: Buffer
  statement: InTotoStatement
  /** sha256:<hex> over the payload. */
  statementDigest: string
  bundle: unknown
  manifestBytes: Buffer
  /** sha256:<hex> over workload.manifest.json, equal to the signed manifest subject. */
  packageDigest: string
  rekor?: RekorEntryRef
}

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function mismatch(dir: string, why: string): QprovError {
  return new QprovError(
    'ATTESTATION_MISMATCH',
    `${dir} is not one consistent attestation: ${why}; use the files exactly as \`qprov attest\` wrote them, or attest again`
  )
}

function readIn(dir: string, name: string, limit: ReadLimit): Buffer {
  try {
    return readBoundedSync(join(dir, name), limit)
  } catch (e) {
    if (e instanceof QprovError && e.code === 'INPUT_NOT_FOUND')
      throw new QprovError(
        'INPUT_NOT_FOUND',
        `${join(dir, name)} not found (give the --out directory of \`qprov attest\`)`
      )
    throw e
  }
}

/** The DSSE payload of a bundle, decoded strictly (canonical base64 only). */
function signedPayload(dir: string, bundle: unknown): Buffer {
  const env = (bundle as { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } } | null)
    ?.dsseEnvelope
  if (env === null || typeof env !== 'object' || typeof env.payload !== 'string')
    throw mismatch(dir, `${ATTESTATION_FILES.bundle} holds no DSSE envelope with a payload`)
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    throw mismatch(dir, `the bundle's payloadType is not ${IN_TOTO_PAYLOAD_TYPE}`)
  const payload = Buffer.from(env.payload, 'base64')
  // Buffer.from skips characters outside the alphabet; a payload must survive the round trip.
  const norm = (s: string) => s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
  if (norm(payload.toString('base64')) !== norm(env.payload))
    throw mismatch(dir, 'the bundle payload is not valid base64')
  return payload
}

/** Where two byte strings first differ, for a message a user can act on. */
function firstDifference(a: Buffer, b: Buffer): string {
  const n = Math.min(a.length, b.length)
  let i = 0
  while (i < n && a[i] === b[i]) i++
  return `${ATTESTATION_FILES.statement} (${a.length} bytes) differs from the signed payload (${b.length} bytes) at byte ${i}`
}

function manifestFiles(dir: string, bytes: Buffer): { path: string; sha256: string }[] {
  const raw = parseJsonText(
    bytes.toString('utf8'),
    'workload manifest',
    join(dir, ATTESTATION_FILES.manifest)
  )
  const m = raw as { version?: unknown; files?: unknown } | null
  if (
    m === null ||
    typeof m !== 'object' ||
    m.version !== MANIFEST_VERSION ||
    !Array.isArray(m.files)
  )
    throw mismatch(dir, `${ATTESTATION_FILES.manifest} is not a ${MANIFEST_VERSION} manifest`)
  return m.files.map((f: unknown) => {
    const e = f as { path?: unknown; sha256?: unknown } | null
    if (typeof e?.path !== 'string' || typeof e.sha256 !== 'string')
      throw mismatch(dir, `${ATTESTATION_FILES.manifest} has a malformed file entry`)
    return { path: e.path, sha256: e.sha256 }
  })
}

/** The signed subjects must be exactly the manifest's files plus the manifest itself. */
function checkSubjects(dir: string, statement: InTotoStatement, manifestBytes: Buffer): void {
  const files = manifestFiles(dir, manifestBytes)
  const sha256Subjects = statement.subject.filter(s => typeof s.digest.sha256 === 'string')
  const manifestSubjects = sha256Subjects.filter(s => s.name === MANIFEST_SUBJECT_NAME)
  if (manifestSubjects.length !== 1)
    throw mismatch(dir, `the statement has no single ${MANIFEST_SUBJECT_NAME} subject`)
  if (manifestSubjects[0].digest.sha256 !== sha256Hex(manifestBytes))
    throw mismatch(dir, `${ATTESTATION_FILES.manifest} is not the manifest the statement signs`)
  const signed = new Map<string, string>()
  for (const s of sha256Subjects)
    if (s.name !== MANIFEST_SUBJECT_NAME) signed.set(s.name, s.digest.sha256)
  if (signed.size !== files.length)
    throw mismatch(
      dir,
      `the statement signs ${signed.size} file(s), ${ATTESTATION_FILES.manifest} lists ${files.length}`
    )
  for (const f of files)
    if (signed.get(f.path) !== f.sha256)
      throw mismatch(
        dir,
        `file ${JSON.stringify(f.path)} of the manifest is not signed with that digest`
      )
}

/**
 * Reads an attestation directory and refuses, before any request is made, one whose
 * statement.json is not the signed payload or whose manifest is not the signed one.
 */
export function readAttestationDir(dir: string): AttestationDir {
  const statementBytes = readIn(dir, ATTESTATION_FILES.statement, READ_LIMITS.statement)
  const bundleBytes = readIn(dir, ATTESTATION_FILES.bundle, READ_LIMITS.bundle)
  const manifestBytes = readIn(dir, ATTESTATION_FILES.manifest, READ_LIMITS.manifest)
  const bundle = parseJsonText(
    bundleBytes.toString('utf8'),
    'bundle',
    join(dir, ATTESTATION_FILES.bundle)
  )
  const payload = signedPayload(dir, bundle)
  if (!payload.equals(statementBytes)) throw mismatch(dir, firstDifference(statementBytes, payload))
  let statement: InTotoStatement
  try {
    statement = parseStatement(payload)
  } catch (e) {
    throw mismatch(dir, `the signed payload is not an in-toto statement (${(e as Error).message})`)
  }
  checkSubjects(dir, statement, manifestBytes)
  let rekor: RekorEntryRef | undefined
  try {
    rekor = rekorEntryOf(bundle)
  } catch (e) {
    throw mismatch(dir, (e as Error).message)
  }
  return {
    dir,
    payload,
    statement,
    statementDigest: `sha256:${sha256Hex(payload)}`,
    bundle,
    manifestBytes,
    packageDigest: `sha256:${sha256Hex(manifestBytes)}`,
    ...(rekor ? { rekor } : {})
  }
}
