import { DerError, TAG, parseDer } from './der.js'
import { mismatch } from './outcome.js'
import type { Mismatch } from './verdict.js'

/**
 * Encoding checks @sigstore/verify leaves out. A DER value with trailing bytes or a non-minimal
 * length still verifies there, and a bundle's inclusionProof.rootHash and treeSize are never compared with the signed
 * checkpoint; either would let bytes change without failing the signature. Returns the first
 * problem as the field, what it must be and what it is, or undefined.
 */

/** One strict DER value (minimal lengths all the way down) and nothing after it. */
function derExact(b64: unknown, field: string): Mismatch | undefined {
  if (typeof b64 !== 'string') return mismatch(field, 'a DER value', null)
  try {
    if (parseDer(Buffer.from(b64, 'base64')).tag === TAG.sequence) return undefined
    return mismatch(field, 'a DER SEQUENCE', 'another value')
  } catch (e) {
    return mismatch(field, 'one DER value', (e as DerError).message)
  }
}

type Json = Record<string, unknown> | undefined

export function strictEncodingProblem(bundle: unknown): Mismatch | undefined {
  const root = bundle as Json
  const vm = root?.verificationMaterial as Json
  const env = root?.dsseEnvelope as { signatures?: { sig?: unknown }[] } | undefined
  const problems: (Mismatch | undefined)[] = []
  for (const [i, s] of (env?.signatures ?? []).entries())
    problems.push(derExact(s?.sig, `dsseEnvelope.signatures[${i}].sig`))
  const cert = vm?.certificate as Json
  if (cert !== undefined)
    problems.push(derExact(cert.rawBytes, 'verificationMaterial.certificate.rawBytes'))
  const tsv = vm?.timestampVerificationData as {
    rfc3161Timestamps?: { signedTimestamp?: unknown }[]
  }
  for (const [i, t] of (tsv?.rfc3161Timestamps ?? []).entries())
    problems.push(
      derExact(
        t?.signedTimestamp,
        `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}].signedTimestamp`
      )
    )
  for (const [i, e] of ((vm?.tlogEntries as Json[] | undefined) ?? []).entries()) {
    const at = `verificationMaterial.tlogEntries[${i}]`
    const promise = e?.inclusionPromise as Json
    if (promise !== undefined)
      problems.push(
        derExact(promise.signedEntryTimestamp, `${at}.inclusionPromise.signedEntryTimestamp`)
      )
    const proof = e?.inclusionProof as Json
    if (proof !== undefined) problems.push(checkpointAgrees(proof, `${at}.inclusionProof`))
  }
  return problems.find(p => p !== undefined)
}

/** `— <name> <base64>` in canonical base64: Node's decoder ignores what follows a bad character. */
const SIGNATURE_LINE = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/

/** The signature line of a checkpoint note is unsigned: only its canonical form is allowed. */
function signatureLinesCanonical(note: string, field: string): Mismatch | undefined {
  const sep = note.indexOf('\n\n')
  const lines = note.slice(sep + 2).split('\n')
  // One line, the log's own: a second (a witness's, or junk) could not be checked here.
  if (sep < 0 || lines.pop() !== '' || lines.length !== 1)
    return mismatch(field, 'exactly one signature line', `${Math.max(0, lines.length)} lines`)
  const m = SIGNATURE_LINE.exec(lines[0])
  if (!m || Buffer.from(m[2], 'base64').toString('base64') !== m[2])
    return mismatch(field, '"— <name> <canonical base64>"', 'another signature line')
  // @sigstore/verify only asks that the name occur somewhere in the log's base URL, so other
  // names pass; the log writes the origin's name (v1 "<name> - <tree id>", v2 the origin itself).
  const origin = note.slice(0, note.indexOf('\n'))
  if (origin !== m[1] && !origin.startsWith(`${m[1]} - `))
    return mismatch(`${field} signer name`, `the origin's name (${origin})`, m[1])
  return undefined
}

/** The checkpoint note is `origin\ntreeSize\nbase64(rootHash)\n…`, and only the note is signed. */
function checkpointAgrees(proof: Record<string, unknown>, at: string): Mismatch | undefined {
  const note = (proof.checkpoint as Json)?.envelope
  if (typeof note !== 'string') return mismatch(`${at}.checkpoint`, 'a checkpoint', null)
  const lines = signatureLinesCanonical(note, `${at}.checkpoint.envelope`)
  if (lines) return lines
  const [, size, root] = note.split('\n')
  if (String(proof.treeSize) !== size)
    return mismatch(`${at}.treeSize`, size, String(proof.treeSize))
  if (
    typeof proof.rootHash !== 'string' ||
    !Buffer.from(proof.rootHash, 'base64').equals(Buffer.from(String(root), 'base64'))
  )
    return mismatch(
      `${at}.rootHash`,
      root,
      typeof proof.rootHash === 'string' ? proof.rootHash : null
    )
  return undefined
}
