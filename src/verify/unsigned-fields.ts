import { mismatch } from './outcome.js'
import { strictEncodingProblem } from './strict-encoding.js'
import { DerError } from './der.js'
import { timestampTokenProfile } from './timestamp-token.js'
import type { Mismatch } from './verdict.js'

/**
 * The fields of a Sigstore bundle that no signature covers, each pinned to a signed value or to
 * exactly what the signing profile writes (docs/binding-spec.md, "Unsigned bundle fields").
 * Input is a bundle already in canonical JSON form. Returns the first problem, or undefined.
 */

/** The one bundle version qprov writes (@sigstore/sign, GitHub's attestation store). */
export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const REKOR_V1 = '0.0.1'
const REKOR_V2 = '0.0.2'

type Json = Record<string, unknown>
const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const present = (v: unknown): string => (v === undefined ? 'absent' : 'present')

function envelopeProblem(b: Json): Mismatch | undefined {
  const sigs = list(obj(b.dsseEnvelope)?.signatures)
  if (sigs.length !== 1)
    return mismatch('dsseEnvelope.signatures', '1 signature', `${sigs.length} signatures`)
  const keyid = obj(sigs[0])?.keyid
  if (keyid !== undefined && keyid !== '')
    return mismatch('dsseEnvelope.signatures[0].keyid', '', JSON.stringify(keyid))
  return undefined
}

/** The signing certificate as the log entry's body names it (Rekor v1 PEM, Rekor v2 DER). */
function loggedCertificate(entry: Json): string | undefined {
  let body: Json | undefined
  try {
    body = obj(JSON.parse(Buffer.from(String(entry.canonicalizedBody), 'base64').toString('utf8')))
  } catch {
    return undefined
  }
  const spec = obj(body?.spec)
  const v1 = obj(list(spec?.signatures)[0])?.verifier
  if (typeof v1 === 'string') {
    const pem = Buffer.from(v1, 'base64').toString('utf8')
    const m = /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=\n]+)-----END CERTIFICATE-----\n?$/.exec(
      pem
    )
    return m ? Buffer.from(m[1], 'base64').toString('base64') : undefined
  }
  // Rekor v2 logs a DSSE envelope as a hashedrekord over its PAE (v2 has no dsse type)
  const v2 = obj(obj(obj(obj(spec?.hashedRekordV002)?.signature)?.verifier)?.x509Certificate)
  return typeof v2?.rawBytes === 'string' ? v2.rawBytes : undefined
}

/** The entry kind qprov's signing writes for each Rekor API version. */
const KIND_OF_VERSION: Record<string, string> = { [REKOR_V1]: 'dsse', [REKOR_V2]: 'hashedrekord' }

function tlogEntryProblem(entry: Json, at: string, certificate: unknown): Mismatch | undefined {
  const kv = obj(entry.kindVersion)
  const kind = KIND_OF_VERSION[String(kv?.version)]
  if (kv === undefined || kind === undefined)
    return mismatch(`${at}.kindVersion.version`, `${REKOR_V1} or ${REKOR_V2}`, String(kv?.version))
  if (kv.kind !== kind) return mismatch(`${at}.kindVersion.kind`, kind, String(kv.kind))
  const proof = obj(entry.inclusionProof)
  if (proof === undefined) return mismatch(`${at}.inclusionProof`, 'present', 'absent')
  if (kv.version === REKOR_V1) {
    // Rekor v1 answers with both; the SET is what signs logIndex and integratedTime.
    if (entry.inclusionPromise === undefined)
      return mismatch(`${at}.inclusionPromise`, 'present', 'absent')
  } else {
    // Rekor v2 has no SET and no integrated time; its index is the proof's, the only signed one.
    if (entry.inclusionPromise !== undefined)
      return mismatch(`${at}.inclusionPromise`, 'absent', 'present')
    if (entry.integratedTime !== undefined)
      return mismatch(`${at}.integratedTime`, 'absent', String(entry.integratedTime))
    if ((entry.logIndex ?? '0') !== (proof.logIndex ?? '0'))
      return mismatch(
        `${at}.logIndex`,
        String(proof.logIndex ?? '0'),
        String(entry.logIndex ?? '0')
      )
  }
  // The certificate's own signature has a twin that verifies alike; the logged copy pins it.
  const logged = loggedCertificate(entry)
  if (logged !== certificate)
    return mismatch(
      'verificationMaterial.certificate.rawBytes',
      'the certificate the log entry names',
      logged === undefined ? 'a log entry without one' : 'another certificate'
    )
  return undefined
}

function timestampProblems(vm: Json): Mismatch | undefined {
  const tokens = list(obj(vm.timestampVerificationData)?.rfc3161Timestamps)
  if (tokens.length > 1)
    return mismatch('rfc3161Timestamps', 'at most 1 timestamp', `${tokens.length} timestamps`)
  for (const [i, t] of tokens.entries())
    try {
      timestampTokenProfile(Buffer.from(String(obj(t)?.signedTimestamp), 'base64'))
    } catch (e) {
      return mismatch(
        `rfc3161Timestamps[${i}].signedTimestamp`,
        'the RFC 3161 response a Sigstore TSA writes',
        (e as DerError).message
      )
    }
  return undefined
}

export function unsignedFieldProblem(json: unknown): Mismatch | undefined {
  const b = obj(json) ?? {}
  if (b.mediaType !== BUNDLE_MEDIA_TYPE)
    return mismatch('mediaType', BUNDLE_MEDIA_TYPE, JSON.stringify(b.mediaType))
  const envelope = envelopeProblem(b)
  if (envelope) return envelope
  const vm = obj(b.verificationMaterial) ?? {}
  const certificate = obj(vm.certificate)?.rawBytes
  if (typeof certificate !== 'string')
    return mismatch('verificationMaterial.certificate', 'present', 'absent')
  const entries = list(vm.tlogEntries)
  if (entries.length > 1)
    return mismatch('tlogEntries', 'at most 1 entry', `${entries.length} entries`)
  for (const [i, e] of entries.entries()) {
    const p = tlogEntryProblem(obj(e) ?? {}, `tlogEntries[${i}]`, certificate)
    if (p) return p
  }
  return timestampProblems(vm) ?? strictEncodingProblem(json)
}

/**
 * What evidence a bundle carries and in which form: tlog entries (kind, version, which proofs,
 * which log) and timestamps (the choices the TSA's profile makes). Both statements of a proof
 * bundle are signed by one run against one instance, so the binding's evidence must have the
 * statement bundle's shape, and that bundle's bytes are signed (binding.json lists its sha256).
 */
export function evidenceShape(json: unknown): string[] {
  const vm = obj(obj(json)?.verificationMaterial) ?? {}
  const shape = list(vm.tlogEntries).map(e => {
    const entry = obj(e) ?? {}
    const kv = obj(entry.kindVersion)
    return [
      `tlog ${String(kv?.kind)}/${String(kv?.version)}`,
      `log ${String(obj(entry.logId)?.keyId)}`,
      `inclusionPromise ${present(entry.inclusionPromise)}`,
      `inclusionProof ${present(entry.inclusionProof)}`
    ].join(', ')
  })
  for (const t of list(obj(vm.timestampVerificationData)?.rfc3161Timestamps)) {
    let profile: string
    try {
      profile = JSON.stringify(
        timestampTokenProfile(Buffer.from(String(obj(t)?.signedTimestamp), 'base64'))
      )
    } catch {
      profile = 'unreadable'
    }
    shape.push(`rfc3161 ${profile}`)
  }
  return shape
}

/** The binding bundle's evidence against the statement bundle's (undefined when they agree). */
export function evidenceShapeProblem(bundle: unknown, reference: unknown): Mismatch | undefined {
  const a = evidenceShape(reference)
  const b = evidenceShape(bundle)
  if (a.length === b.length && a.every((x, i) => x === b[i])) return undefined
  const describe = (s: string[]): string =>
    s.length === 0 ? 'no log entry or timestamp' : s.join('; ')
  return mismatch(
    'verificationMaterial (log entries and timestamps, as statement.sigstore.json has them)',
    describe(a),
    describe(b)
  )
}
