import type { ObjectIdentifierValuePair, Signer } from '@sigstore/verify'
import { QprovError } from '../errors.js'

/** Who must have signed. Everything set here is required; unset fields are not checked. */
export interface IdentityPolicy {
  /** Exact certificate SAN. */
  identity?: string
  /** A regexp the whole SAN must match: it is always anchored at both ends. */
  identityRegExp?: string
  /** Exact OIDC issuer. */
  issuer: string
  /** GitHub claims from the Fulcio v2 extensions, each an exact match. */
  sourceRepository?: string
  sourceRef?: string
  sourceDigest?: string
  /** Build config URI (the caller workflow, `workflow_ref`). */
  buildConfigUri?: string
  /** Build signer URI (the workflow that ran, `job_workflow_ref`; differs for reusable workflows). */
  buildSignerUri?: string
  /** Requires the runner environment claim to be exactly `github-hosted` (missing fails too). */
  denySelfHosted?: boolean
}

/** Claims Fulcio copies from a GitHub Actions token into the certificate. */
export interface GithubClaims {
  issuer?: string
  buildSignerUri?: string
  buildSignerDigest?: string
  runnerEnvironment?: string
  sourceRepositoryUri?: string
  sourceRepositoryDigest?: string
  sourceRepositoryRef?: string
  sourceRepositoryId?: string
  sourceRepositoryOwnerUri?: string
  sourceRepositoryOwnerId?: string
  buildConfigUri?: string
  buildConfigDigest?: string
  buildTrigger?: string
  runInvocationUri?: string
  sourceRepositoryVisibility?: string
}

const FULCIO_OID_PREFIX = '1.3.6.1.4.1.57264.1.'
const V2_CLAIMS: Record<number, keyof GithubClaims> = {
  8: 'issuer',
  9: 'buildSignerUri',
  10: 'buildSignerDigest',
  11: 'runnerEnvironment',
  12: 'sourceRepositoryUri',
  13: 'sourceRepositoryDigest',
  14: 'sourceRepositoryRef',
  15: 'sourceRepositoryId',
  16: 'sourceRepositoryOwnerUri',
  17: 'sourceRepositoryOwnerId',
  18: 'buildConfigUri',
  19: 'buildConfigDigest',
  20: 'buildTrigger',
  21: 'runInvocationUri',
  22: 'sourceRepositoryVisibility'
}

/**
 * Decodes a DER UTF8String (tag 0x0c) that must span the whole value. Returns undefined for
 * anything else, so a malformed or non-string extension can never satisfy a policy.
 */
export function decodeDerUtf8String(value: Uint8Array): string | undefined {
  if (value.length < 2 || value[0] !== 0x0c) return undefined
  let len = value[1]
  let offset = 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 4 || value.length < 2 + n) return undefined
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + value[2 + i]
    if (len < 0x80) return undefined // non-minimal length: not DER
    offset = 2 + n
  }
  if (offset + len !== value.length) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(value.subarray(offset))
  } catch {
    return undefined
  }
}

/** The GitHub claims of the signing certificate, from the v2 OIDs (.8–.22) only. */
export function githubClaims(oids: readonly ObjectIdentifierValuePair[] | undefined): GithubClaims {
  const claims: GithubClaims = {}
  for (const { oid, value } of oids ?? []) {
    const id = oid?.id?.join('.') ?? ''
    if (!id.startsWith(FULCIO_OID_PREFIX)) continue
    const arc = Number(id.slice(FULCIO_OID_PREFIX.length))
    const key = V2_CLAIMS[arc]
    if (key === undefined) continue
    const text = decodeDerUtf8String(value)
    if (text !== undefined) claims[key] = text
  }
  return claims
}

/** Compiles a user regexp so it must match the entire SAN. */
export function anchoredRegExp(source: string): RegExp {
  try {
    // Compiled alone first: a source such as `a)|(?:.*` is unbalanced on its own and would
    // otherwise close the anchoring group and add an unanchored alternative.
    new RegExp(source, 'u')
    return new RegExp(`^(?:${source})$`, 'u')
  } catch (e) {
    throw new QprovError('POLICY_INVALID', `invalid identity regexp: ${String(e)}`, { cause: e })
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** Validates a policy before use: exactly one identity form, an issuer. */
export function checkPolicyShape(p: IdentityPolicy): void {
  if ((p.identity === undefined) === (p.identityRegExp === undefined))
    throw new QprovError('POLICY_INVALID', 'give exactly one of an identity or an identity regexp')
  if (p.identity === '' || p.identityRegExp === '')
    throw new QprovError('POLICY_INVALID', 'the certificate identity must not be empty')
  if (!p.issuer) throw new QprovError('POLICY_INVALID', 'the certificate OIDC issuer is required')
  if (p.identityRegExp !== undefined) anchoredRegExp(p.identityRegExp)
}

/** The SAN matcher handed to @sigstore/verify, which itself matches unanchored. */
export function sanMatcher(p: IdentityPolicy): RegExp {
  return p.identity !== undefined
    ? new RegExp(`^${escapeRegExp(p.identity)}$`, 'u')
    : anchoredRegExp(p.identityRegExp as string)
}

/** Each requirement a policy can set; a finding names one of these, never a free string. */
export const POLICY_REQUIREMENTS = [
  'identity',
  'issuer',
  'source-repository',
  'source-ref',
  'source-digest',
  'build-config-uri',
  'build-signer-uri',
  'runner-environment'
] as const
export type PolicyRequirement = (typeof POLICY_REQUIREMENTS)[number]

/** One requirement of the policy against the verified signer. */
export interface PolicyFinding {
  requirement: PolicyRequirement
  ok: boolean
  /** What the policy requires: the exact value, or the anchored regexp. */
  expected: string
  /** What the certificate says; undefined when it does not say. */
  actual: string | undefined
}

/** The sentence for people; no decision reads it. */
export function policyFindingText(f: PolicyFinding): string {
  return f.ok
    ? `${f.requirement} ${JSON.stringify(f.actual)}`
    : `${f.requirement}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`
}

/** Evaluates the whole policy against a verified signer; one finding per requirement set. */
export function evaluatePolicy(p: IdentityPolicy, signer: Signer): PolicyFinding[] {
  const san = signer.identity?.subjectAlternativeName
  const claims = githubClaims(signer.identity?.oids)
  const issuer = signer.identity?.extensions?.issuer
  const findings: PolicyFinding[] = []
  const exact = (
    requirement: PolicyRequirement,
    want: string | undefined,
    got: string | undefined
  ): void => {
    if (want !== undefined)
      findings.push({ requirement, ok: got === want, expected: want, actual: got })
  }
  if (p.identity !== undefined) exact('identity', p.identity, san)
  else
    findings.push({
      requirement: 'identity',
      ok: san !== undefined && sanMatcher(p).test(san),
      expected: `^(?:${p.identityRegExp})$`,
      actual: san
    })
  exact('issuer', p.issuer, issuer)
  exact('source-repository', p.sourceRepository, claims.sourceRepositoryUri)
  exact('source-ref', p.sourceRef, claims.sourceRepositoryRef)
  exact('source-digest', p.sourceDigest, claims.sourceRepositoryDigest)
  exact('build-config-uri', p.buildConfigUri, claims.buildConfigUri)
  exact('build-signer-uri', p.buildSignerUri, claims.buildSignerUri)
  // An allow-list: any value other than github-hosted, or none, is not a GitHub-hosted runner.
  if (p.denySelfHosted) exact('runner-environment', 'github-hosted', claims.runnerEnvironment)
  return findings
}
