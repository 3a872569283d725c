import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import type { GithubClaims, IdentityPolicy } from '../sigstore/identity-policy.js'
import type { VerifyProfile } from '../sigstore/profiles.js'
import { rootIssued } from '../sigstore/root-issuer.js'
import { verifyBundle, type PreparedTrust } from '../sigstore/verify-bundle.js'
import { oneLine } from '../errors.js'
import { fail, mismatch, pass } from './outcome.js'
import { evidenceShapeProblem, unsignedFieldProblem } from './unsigned-fields.js'
import type { FailOutcome, Outcome } from './verdict.js'

/**
 * One Sigstore bundle of the proof bundle, in two typed steps: the cryptography (certificate
 * chain, timestamps, tlog, DSSE signature) and, only once that verified, the signer policy.
 */
export interface SignedBundleOutcome {
  /** The cryptographic verification. */
  signature: Outcome
  /** The signer policy; undefined when the cryptography did not verify (never evaluated). */
  identity?: Outcome
  /** Set only when the signature verified: the exact DSSE payload bytes and their type. */
  payload?: Buffer
  payloadType?: string
  signer?: { identity?: string; issuer?: string; claims?: GithubClaims }
  /** The parsed bundle JSON, when it parsed. */
  json?: unknown
}

export interface SignatureContext {
  trust: PreparedTrust
  policy: IdentityPolicy
  profile?: VerifyProfile
}

const failed = (signature: FailOutcome, json?: unknown): SignedBundleOutcome => ({
  signature,
  ...(json !== undefined ? { json } : {})
})

/**
 * Verifies one DSSE bundle of the proof bundle against the pinned trust material and returns
 * the cryptographic result and the policy result apart.
 */
export function checkSignedBundle(
  bytes: Buffer | undefined,
  name: string,
  subjectDigest: string,
  ctx: SignatureContext,
  /** A bundle signed in the same run whose bytes are signed: this one's evidence must match it. */
  reference?: unknown
): SignedBundleOutcome {
  if (bytes === undefined) return failed(fail('file-missing', { subject: name }))
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    return failed(fail('bundle-not-json', { subject: name }))
  }
  // Bytes must be the one serialisation of the content: base64 or JSON whitespace that
  // decodes to the same values would otherwise change the file without failing anything.
  let canonical: string
  try {
    canonical = `${JSON.stringify(bundleToJSON(bundleFromJSON(json)))}\n`
  } catch (e) {
    return failed(fail('bundle-malformed', { subject: name, note: oneLine(e) }), json)
  }
  if (!Buffer.from(canonical).equals(bytes))
    return failed(fail('bundle-not-canonical', { subject: name }), json)
  // qprov signs statements as DSSE only; a message signature is not one, however it verifies.
  const env = (json as { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } }).dsseEnvelope
  if (typeof env?.payload !== 'string') return failed(fail('not-dsse', { subject: name }), json)
  const unsigned =
    unsignedFieldProblem(json) ??
    (reference === undefined ? undefined : evidenceShapeProblem(json, reference))
  if (unsigned !== undefined)
    return failed(fail('unsigned-field', { subject: name, mismatches: [unsigned] }), json)
  const r = verifyBundle({
    bundle: json,
    artifact: { digest: subjectDigest },
    trustMaterial: ctx.trust,
    policy: { kind: 'identity', ...ctx.policy },
    ...(ctx.profile ? { profile: ctx.profile } : {})
  })
  // The signature check is the cryptography only: what the statement says (payload type,
  // subjects, predicate type) is statement-content's, which compares subjects exactly.
  if (r.crypto?.verified !== true) {
    const root = rootIssued(json, ctx.trust.authorities)
    if (root?.issued === false)
      return failed(
        fail('untrusted-root', {
          subject: name,
          note:
            `its certificate was issued by ${root.leafIssuer}; the trusted root in use has ` +
            `${ctx.trust.authorities.names.map(n => `"${n}"`).join(', ') || 'no certificate authority'}`
        }),
        json
      )
    return failed(
      fail('signature-invalid', {
        subject: name,
        code: r.crypto?.code ?? r.code ?? 'VERIFY_FAILED',
        note: r.crypto?.error ?? r.error ?? 'not verified'
      }),
      json
    )
  }
  // verifyBundle evaluates the policy on every signer whose cryptography verified.
  const identity: Outcome =
    r.policy?.ok === true
      ? pass(r.signer?.identity ?? '')
      : fail('signer-policy', {
          subject: name,
          mismatches: (r.policy?.findings ?? [])
            .filter(f => !f.ok)
            .map(f => mismatch(f.requirement, f.expected, f.actual))
        })
  return {
    signature: pass(
      `${name}: certificate chain, timestamps, transparency log and signature verified`
    ),
    identity,
    payload: Buffer.from(env.payload, 'base64'),
    payloadType: typeof env.payloadType === 'string' ? env.payloadType : undefined,
    ...(r.signer ? { signer: r.signer } : {}),
    json
  }
}
