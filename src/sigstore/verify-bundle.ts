import { createHash, createPublicKey, type KeyObject } from 'node:crypto'
import { rootAuthorities, type RootAuthorities } from './root-issuer.js'
import { bundleFromJSON, type Bundle } from '@sigstore/bundle'
import {
  PolicyError,
  Verifier,
  toSignedEntity,
  type SignedEntity,
  type Signer,
  type TrustMaterial,
  type VerifierOptions
} from '@sigstore/verify'
import {
  QprovError,
  isQprovError,
  isSigstoreVerifyCode,
  oneLine,
  type VerifyFailureCode
} from '../errors.js'
import {
  checkPolicyShape,
  evaluatePolicy,
  githubClaims,
  policyFindingText,
  type GithubClaims,
  type IdentityPolicy,
  type PolicyFinding
} from './identity-policy.js'
import { jsonSyntaxProblem } from '../read-file.js'
import { verifyPrehashedSha256 } from './prehashed.js'
import { cacheDerEncodings } from './der-encoding-cache.js'
import { PUBLIC_GOOD_PROFILE, checkProfile, type VerifyProfile } from './profiles.js'
import {
  IN_TOTO_PAYLOAD_TYPE,
  parseStatement,
  statementDigest,
  type InTotoStatement
} from '../proof/statement.js'
import { parseTrustedRoots, publicGoodTrustedRoot, trustMaterialFrom } from './trusted-root.js'

// Before any verification: a certificate's DER encoding is computed once (see the module).
cacheDerEncodings()

export type CheckStatus = 'pass' | 'fail' | 'skip'
export interface Check {
  name: string
  status: CheckStatus
  detail: string
}

/** The artifact a bundle must cover: its bytes, or `sha256:<hex>` of them. */
export type ArtifactInput = { bytes: Buffer } | { digest: string }

export type SignerPolicy =
  ({ kind: 'identity' } & IdentityPolicy) | { kind: 'key'; publicKeyPem: string }

export interface VerifyBundleInput {
  /** The bundle file's bytes or text, or an already parsed JSON value. */
  bundle: Buffer | string | unknown
  /** Required: for messageSignature it is the signed message; for DSSE it must match a subject. */
  artifact?: ArtifactInput
  /** trusted_root.json text (one root or JSON lines); default: the embedded public-good root. */
  trustedRoot?: Buffer | string
  /**
   * Trust material already built by prepareTrustMaterial() (identity mode only): a batch parses
   * and validates the pinned root once instead of once per bundle.
   */
  trustMaterial?: PreparedTrust
  policy: SignerPolicy
  /** Default public-good (sigstore/profiles.ts). */
  profile?: VerifyProfile
  thresholds?: VerifierOptions
  /** DSSE only: the statement's predicateType must equal this. */
  expectedPredicateType?: string
}

/** The cryptographic step alone: certificate chain, SCTs, timestamps, tlog, signature. */
export interface CryptoResult {
  verified: boolean
  code?: VerifyFailureCode
  error?: string
}

/** The signer policy, evaluated only on a signer whose cryptography verified (identity mode). */
export interface PolicyResult {
  ok: boolean
  findings: PolicyFinding[]
}

export interface VerifyBundleResult {
  /** crypto verified, the policy held, and (DSSE) the statement names the artifact. */
  verified: boolean
  /** Set once the cryptographic step ran; absent when the bundle never got that far. */
  crypto?: CryptoResult
  /** Set in identity mode once the cryptography verified. */
  policy?: PolicyResult
  /** Stable failure code (a sigstore-js code such as TLOG_BODY_ERROR, or a qprov code). */
  code?: VerifyFailureCode
  error?: string
  checks: Check[]
  content?: 'dsse' | 'messageSignature'
  signer?: { identity?: string; issuer?: string; claims?: GithubClaims }
  tlog?: { logIndex: string; integratedTime?: string; kind?: string }[]
  /** DSSE only: the parsed statement and sha256 over the exact payload bytes. */
  statement?: InTotoStatement
  statementDigest?: string
}

/** A validated pinned root turned into trust material, reusable across verifications. */
export interface PreparedTrust {
  material: TrustMaterial
  roots: number
  /** The roots' certificate authorities, to tell a bundle signed under another root. */
  authorities: RootAuthorities
}

export function prepareTrustMaterial(trustedRoot?: Buffer | string): PreparedTrust {
  const roots =
    trustedRoot === undefined
      ? [publicGoodTrustedRoot()]
      : parseTrustedRoots(Buffer.isBuffer(trustedRoot) ? trustedRoot.toString('utf8') : trustedRoot)
  return {
    material: trustMaterialFrom(roots),
    roots: roots.length,
    authorities: rootAuthorities(roots)
  }
}

/**
 * Offline, fail-closed verification of one Sigstore bundle against pinned trust material.
 * Never throws: any exception, including a TypeError deep inside a library, means not verified.
 * Nothing inside the bundle (certificates, keys, hints) is ever used as a trust anchor.
 */
export function verifyBundle(input: VerifyBundleInput): VerifyBundleResult {
  const result: VerifyBundleResult = { verified: false, checks: [] }
  const pass = (name: string, detail: string): void => {
    result.checks.push({ name, status: 'pass', detail })
  }
  try {
    run(input, result, pass)
    // Defence in depth: a run that passed nothing, or failed anything, is not verified.
    result.verified =
      result.checks.some(c => c.status === 'pass') && result.checks.every(c => c.status !== 'fail')
    if (!result.verified) throw new QprovError('VERIFY_FAILED', 'a verification check failed')
  } catch (e) {
    result.verified = false
    // A statement from a bundle that failed is unauthenticated: never hand it to a caller.
    delete result.statement
    delete result.statementDigest
    result.code = failureCode(e)
    result.error = oneLine(e)
    const last = result.checks[result.checks.length - 1]
    if (last?.status !== 'fail')
      result.checks.push({ name: 'verification', status: 'fail', detail: result.error })
  }
  return result
}

function failureCode(e: unknown): VerifyFailureCode {
  if (isQprovError(e)) return e.code
  const code = (e as { code?: unknown })?.code
  return isSigstoreVerifyCode(code) ? code : 'VERIFY_FAILED'
}

function run(
  input: VerifyBundleInput,
  result: VerifyBundleResult,
  pass: (name: string, detail: string) => void
): void {
  const policy = input.policy
  if (policy.kind === 'identity') checkPolicyShape(policy)
  const key = policy.kind === 'key' ? parsePublicKey(policy.publicKeyPem) : undefined
  if (input.trustMaterial !== undefined && key === undefined) {
    runWith(input, result, pass, input.trustMaterial.material, input.trustMaterial.roots)
    return
  }
  const roots =
    input.trustedRoot === undefined
      ? [publicGoodTrustedRoot()]
      : parseTrustedRoots(
          Buffer.isBuffer(input.trustedRoot)
            ? input.trustedRoot.toString('utf8')
            : input.trustedRoot
        )
  // In key mode the user's key answers every hint: the bundle's hint only names a key, it never supplies one.
  const material = trustMaterialFrom(
    roots,
    key === undefined ? undefined : () => ({ publicKey: key, validFor: () => true })
  )
  runWith(input, result, pass, material, roots.length)
}

function runWith(
  input: VerifyBundleInput,
  result: VerifyBundleResult,
  pass: (name: string, detail: string) => void,
  material: TrustMaterial,
  rootCount: number
): void {
  const policy = input.policy
  pass('trusted-root', `${rootCount} root(s) validated`)

  const bundle = parseBundle(input.bundle)
  const content = bundle.content.$case
  result.content = content === 'dsseEnvelope' ? 'dsse' : 'messageSignature'
  const keyMaterial = bundle.verificationMaterial.content.$case
  if (policy.kind === 'key' && keyMaterial !== 'publicKey')
    throw new QprovError('BUNDLE_INVALID', `key mode needs a public-key bundle, got ${keyMaterial}`)
  if (policy.kind === 'identity' && keyMaterial === 'publicKey')
    throw new QprovError(
      'BUNDLE_INVALID',
      'bundle is signed with a managed key; verify it with --key'
    )
  pass('bundle-format', `${bundle.mediaType} ${content}`)
  result.tlog = bundle.verificationMaterial.tlogEntries.map(t => ({
    logIndex: t.logIndex,
    integratedTime: t.integratedTime,
    kind: `${t.kindVersion?.kind}/${t.kindVersion?.version}`
  }))

  const entity = signedEntity(bundle, input.artifact, pass)
  const verifier = new Verifier(material, {
    ...checkProfile(input.profile ?? PUBLIC_GOOD_PROFILE),
    ...input.thresholds
  })
  let signer: Signer
  try {
    // No policy here: @sigstore/verify would fold the signer policy into the same exception.
    signer = verifier.verify(entity)
  } catch (e) {
    result.crypto = { verified: false, code: failureCode(e), error: oneLine(e) }
    throw e
  }
  result.crypto = { verified: true }
  if (policy.kind === 'identity') {
    pass('sigstore', 'certificate chain, timestamps, transparency log and signature verified')
    result.signer = {
      identity: signer.identity?.subjectAlternativeName,
      issuer: signer.identity?.extensions?.issuer,
      claims: githubClaims(signer.identity?.oids)
    }
    const findings = evaluatePolicy(policy, signer)
    result.policy = { ok: findings.length > 0 && findings.every(f => f.ok), findings }
    for (const f of findings)
      result.checks.push({
        name: f.requirement,
        status: f.ok ? 'pass' : 'fail',
        detail: policyFindingText(f)
      })
    if (!result.policy.ok)
      throw new PolicyError({
        code: 'UNTRUSTED_SIGNER_ERROR',
        message: `the signer does not satisfy the policy: ${findings
          .filter(f => !f.ok)
          .map(policyFindingText)
          .join('; ')}`
      })
  } else pass('sigstore', 'timestamps, transparency log and signature verified with the given key')
  if (content === 'dsseEnvelope') checkStatement(bundle, input, result, pass)
}

function parsePublicKey(pem: string): KeyObject {
  try {
    return createPublicKey(pem)
  } catch (e) {
    throw new QprovError('POLICY_INVALID', `cannot read the public key: ${oneLine(e)}`)
  }
}

function parseBundle(raw: unknown): Bundle {
  let json = raw
  if (Buffer.isBuffer(raw) || typeof raw === 'string') {
    const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw
    try {
      json = JSON.parse(text) as unknown
    } catch (e) {
      throw new QprovError('BUNDLE_INVALID', `the bundle ${jsonSyntaxProblem(text, e)}`)
    }
  }
  try {
    return bundleFromJSON(json)
  } catch (e) {
    throw new QprovError('BUNDLE_INVALID', `bundle is malformed: ${oneLine(e)}`)
  }
}

function parseDigest(d: string): Buffer {
  const m = /^sha256:([0-9a-fA-F]{64})$/.exec(d)
  if (m === null)
    throw new QprovError('INPUT_INVALID', `artifact digest must be sha256:<64 hex>, got ${d}`)
  return Buffer.from(m[1], 'hex')
}

function artifactDigest(a: ArtifactInput): Buffer {
  return 'bytes' in a ? createHash('sha256').update(a.bytes).digest() : parseDigest(a.digest)
}

function signedEntity(
  bundle: Bundle,
  artifact: ArtifactInput | undefined,
  pass: (name: string, detail: string) => void
): SignedEntity {
  if (bundle.content.$case === 'dsseEnvelope') {
    // Without a subject to match, a valid signature says nothing about the workload at hand.
    if (artifact === undefined) throw noSubjectToMatch()
    return toSignedEntity(bundle)
  }
  const ms = bundle.content.messageSignature
  if (artifact === undefined)
    throw new QprovError('INPUT_INVALID', 'a messageSignature bundle needs the artifact')
  // SHA2_256 is enum value 1; the bundle's own digest is only a claim until it matches ours.
  if (ms.messageDigest === undefined || ms.messageDigest.algorithm !== 1)
    throw new QprovError('BUNDLE_INVALID', 'messageSignature must carry a sha256 message digest')
  const digest = artifactDigest(artifact)
  if (!digest.equals(Buffer.from(ms.messageDigest.digest)))
    throw new QprovError(
      'ARTIFACT_MISMATCH',
      'the artifact digest differs from the bundle message digest'
    )
  pass('artifact', `sha256:${digest.toString('hex')} equals the signed message digest`)
  if ('bytes' in artifact) return toSignedEntity(bundle, artifact.bytes)
  const entity = toSignedEntity(bundle, Buffer.alloc(0))
  const base = entity.signature
  return {
    ...entity,
    signature: {
      signature: base.signature,
      compareSignature: s => base.compareSignature(s),
      compareDigest: d => base.compareDigest(d),
      compareSignedDigest: d => base.compareSignedDigest(d),
      verifySignature: k => verifyPrehashedSha256(k, digest, Buffer.from(base.signature))
    }
  }
}

function noSubjectToMatch(): QprovError {
  return new QprovError(
    'INPUT_INVALID',
    'a DSSE bundle needs the artifact or its digest to match a statement subject'
  )
}

function checkStatement(
  bundle: Bundle,
  input: VerifyBundleInput,
  result: VerifyBundleResult,
  pass: (name: string, detail: string) => void
): void {
  if (bundle.content.$case !== 'dsseEnvelope') return
  const env = bundle.content.dsseEnvelope
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    throw new QprovError(
      'STATEMENT_INVALID',
      `payloadType is ${JSON.stringify(env.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`
    )
  const payload = Buffer.from(env.payload)
  const statement = parseStatement(payload)
  result.statement = statement
  result.statementDigest = statementDigest(payload)
  pass('statement', `in-toto Statement v1, ${statement.subject.length} subject(s)`)
  if (input.expectedPredicateType !== undefined) {
    if (statement.predicateType !== input.expectedPredicateType)
      throw new QprovError(
        'STATEMENT_INVALID',
        `predicateType is ${statement.predicateType}, expected ${input.expectedPredicateType}`
      )
    pass('predicate-type', statement.predicateType)
  }
  if (input.artifact === undefined) throw noSubjectToMatch()
  const hex = artifactDigest(input.artifact).toString('hex')
  // Exact match against lowercase hex, the only form in-toto digests take.
  const hit = statement.subject.find(s => s.digest.sha256 === hex)
  if (hit === undefined)
    throw new QprovError('SUBJECT_MISMATCH', `no statement subject has sha256 ${hex}`)
  pass('subject', `${hit.name} has sha256:${hex}`)
}
