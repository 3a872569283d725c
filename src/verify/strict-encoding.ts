/**
 * Encoding checks @sigstore/verify leaves out. A DER value with trailing bytes still verifies
 * there, and a bundle's inclusionProof.rootHash and treeSize are never compared with the signed
 * checkpoint; either would let bytes change without failing the signature. Returns the first
 * problem, or undefined.
 */

function derExact(b64: unknown, what: string): string | undefined {
  if (typeof b64 !== 'string') return `${what} is missing`
  const b = Buffer.from(b64, 'base64')
  if (b.length < 2 || b[0] !== 0x30) return `${what} is not a DER SEQUENCE`
  let len = b[1]
  let header = 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 4 || b.length < 2 + n) return `${what} has a bad DER length`
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + b[2 + i]
    header = 2 + n
  }
  return header + len === b.length ? undefined : `${what} has bytes outside its DER value`
}

type Json = Record<string, unknown> | undefined

export function strictEncodingProblem(bundle: unknown): string | undefined {
  const root = bundle as Json
  const vm = root?.verificationMaterial as Json
  const env = root?.dsseEnvelope as { signatures?: { sig?: unknown }[] } | undefined
  const problems: (string | undefined)[] = []
  for (const [i, s] of (env?.signatures ?? []).entries())
    problems.push(derExact(s?.sig, `dsseEnvelope.signatures[${i}].sig`))
  const cert = vm?.certificate as Json
  if (cert !== undefined) problems.push(derExact(cert.rawBytes, 'certificate'))
  const tsv = vm?.timestampVerificationData as {
    rfc3161Timestamps?: { signedTimestamp?: unknown }[]
  }
  for (const [i, t] of (tsv?.rfc3161Timestamps ?? []).entries())
    problems.push(derExact(t?.signedTimestamp, `rfc3161Timestamps[${i}]`))
  for (const [i, e] of ((vm?.tlogEntries as Json[] | undefined) ?? []).entries()) {
    const promise = e?.inclusionPromise as Json
    if (promise !== undefined)
      problems.push(derExact(promise.signedEntryTimestamp, `tlogEntries[${i}] SET`))
    const proof = e?.inclusionProof as Json
    if (proof !== undefined) problems.push(checkpointAgrees(proof, i))
  }
  return problems.find(p => p !== undefined)
}

/** `— <name> <base64>` in canonical base64: Node's decoder ignores what follows a bad character. */
const SIGNATURE_LINE = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/

/** The signature line of a checkpoint note is unsigned: only its canonical form is allowed. */
function signatureLinesCanonical(note: string, i: number): string | undefined {
  const sep = note.indexOf('\n\n')
  const lines = note.slice(sep + 2).split('\n')
  // One line, the log's own: a second (a witness's, or junk) could not be checked here.
  if (sep < 0 || lines.pop() !== '' || lines.length !== 1)
    return `tlogEntries[${i}] checkpoint must carry exactly one signature line`
  for (const line of lines) {
    const m = SIGNATURE_LINE.exec(line)
    if (!m || Buffer.from(m[2]!, 'base64').toString('base64') !== m[2])
      return `tlogEntries[${i}] checkpoint signature line is not canonical`
  }
  return undefined
}

/** The checkpoint note is `origin\ntreeSize\nbase64(rootHash)\n…`, and only the note is signed. */
function checkpointAgrees(proof: Record<string, unknown>, i: number): string | undefined {
  const note = (proof.checkpoint as Json)?.envelope
  if (typeof note !== 'string') return `tlogEntries[${i}] inclusion proof has no checkpoint`
  const lines = signatureLinesCanonical(note, i)
  if (lines) return lines
  const [, size, root] = note.split('\n')
  if (String(proof.treeSize) !== size) return `tlogEntries[${i}] treeSize is not the checkpoint's`
  if (
    typeof proof.rootHash !== 'string' ||
    !Buffer.from(proof.rootHash, 'base64').equals(Buffer.from(root ?? '', 'base64'))
  )
    return `tlogEntries[${i}] rootHash is not the checkpoint's`
  return undefined
}
