import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import type { GithubClaims, IdentityPolicy } from '../sigstore/identity-policy.js'
import type { VerifyProfile } from '../sigstore/profiles.js'
import { verifyBundle, type PreparedTrust } from '../sigstore/verify-bundle.js'
import { oneLine } from '../errors.js'
import { strictEncodingProblem } from './strict-encoding.js'
import type { CheckStatus } from './verdict.js'

/** Findings of verifyBundle that belong to the signer policy rather than to the signature. */
const POLICY_FINDINGS = new Set([
  'identity',
  'issuer',
  'source-repository',
  'source-ref',
  'source-digest',
  'build-config-uri',
  'build-signer-uri',
  'runner-environment'
])

export interface Outcome {
  status: CheckStatus
  detail: string
}

export interface SignedBundleOutcome {
  signature: Outcome
  identity: Outcome
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

const fail = (detail: string): Outcome => ({ status: 'fail', detail })
const skip = (detail: string): Outcome => ({ status: 'skip', detail })

/** The one bundle version qprov writes (sigstore-js, GitHub's attestation store). */
const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'

/**
 * Fields no signature, log entry or certificate covers: the media type and a DSSE signature's
 * key hint. binding.sigstore.json has no digest in binding.json, so these are pinned to what
 * qprov writes, or they could change without failing anything.
 */
function unsignedFieldProblem(json: unknown): string | undefined {
  const b = json as { mediaType?: unknown; dsseEnvelope?: { signatures?: { keyid?: unknown }[] } }
  if (b?.mediaType !== BUNDLE_MEDIA_TYPE)
    return `media type ${JSON.stringify(b?.mediaType)} is not ${BUNDLE_MEDIA_TYPE}`
  if ((b.dsseEnvelope?.signatures ?? []).some(s => s?.keyid !== undefined && s.keyid !== ''))
    return 'a keyless DSSE signature carries a keyid'
  return undefined
}

/**
 * Verifies one DSSE bundle of the proof bundle against the pinned trust material and splits the
 * result: the signature (chain, timestamps, tlog, DSSE signature) and the signer policy, which
 * @sigstore/verify evaluates last, after every cryptographic step passed.
 */
export function checkSignedBundle(
  bytes: Buffer | undefined,
  name: string,
  subjectDigest: string,
  ctx: SignatureContext,
  requireCanonical: boolean
): SignedBundleOutcome {
  if (bytes === undefined)
    return { signature: fail(`${name} is missing`), identity: skip(`${name} is missing`) }
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    return { signature: fail(`${name} is not JSON`), identity: skip(`${name} did not parse`) }
  }
  if (requireCanonical) {
    // Bytes must be the one serialisation of the content: base64 or JSON whitespace that
    // decodes to the same values would otherwise change the file without failing anything.
    let canonical: string | undefined
    try {
      canonical = `${JSON.stringify(bundleToJSON(bundleFromJSON(json)))}\n`
    } catch (e) {
      return {
        signature: fail(`${name} is not a Sigstore bundle: ${oneLine(e)}`),
        identity: skip(`${name} did not parse`)
      }
    }
    if (canonical !== bytes.toString('utf8') || !Buffer.from(canonical).equals(bytes))
      return {
        signature: fail(`${name} is not in canonical form (JSON.stringify of the bundle)`),
        identity: skip(`${name} did not parse`),
        json
      }
  }
  const strict = unsignedFieldProblem(json) ?? strictEncodingProblem(json)
  if (strict !== undefined)
    return { signature: fail(`${name}: ${strict}`), identity: skip(`${name} did not parse`), json }
  const r = verifyBundle({
    bundle: json,
    artifact: { digest: subjectDigest },
    trustMaterial: ctx.trust,
    policy: { kind: 'identity', ...ctx.policy },
    ...(ctx.profile ? { profile: ctx.profile } : {})
  })
  // The signature check is the cryptography only: what the statement says (payload type,
  // subjects, predicate type) is statement-content's, which compares subjects exactly.
  const cryptoPassed =
    r.code === 'UNTRUSTED_SIGNER_ERROR' ||
    r.checks.some(c => c.name === 'sigstore' && c.status === 'pass')
  if (!cryptoPassed)
    return {
      signature: fail(`${r.code ?? 'VERIFY_FAILED'}: ${r.error ?? 'not verified'}`),
      identity: skip('the signature did not verify'),
      json
    }
  const env = (json as { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } }).dsseEnvelope
  if (typeof env?.payload !== 'string')
    return {
      signature: fail(`${name} is not a DSSE bundle`),
      identity: skip('not a DSSE bundle'),
      json
    }
  const policyFailures = r.checks.filter(c => c.status === 'fail' && POLICY_FINDINGS.has(c.name))
  const identity: Outcome =
    r.code === 'UNTRUSTED_SIGNER_ERROR'
      ? fail(`${name}: ${r.error}`)
      : policyFailures.length > 0
        ? fail(`${name}: ${policyFailures.map(c => `${c.name} ${c.detail}`).join('; ')}`)
        : { status: 'pass', detail: r.signer?.identity ?? '' }
  return {
    signature: {
      status: 'pass',
      detail: `${name}: certificate chain, timestamps, transparency log and signature verified`
    },
    identity,
    payload: Buffer.from(env.payload, 'base64'),
    payloadType: typeof env.payloadType === 'string' ? env.payloadType : undefined,
    ...(r.signer ? { signer: r.signer } : {}),
    json
  }
}
