import { createHash } from 'node:crypto'
import type { IdentityPolicy } from '../sigstore/identity-policy.js'
import type { VerifyProfile } from '../sigstore/profiles.js'
import { parseTrustedRoots, publicGoodTrustedRoot } from '../sigstore/trusted-root.js'
import type { AiPolicy } from './options.js'
import type { BundleVerdict } from './verdict.js'

/**
 * The one verdict document: `qprov verify --json` prints it and the action writes it as its
 * report file, always an object, whatever the number of bundles. Its JSON Schema is
 * schemas/verification.v1.schema.json; docs/verification-report.md describes each field.
 */
export const VERIFICATION_MEDIA_TYPE = 'application/vnd.qprov.verification+json;version=1'

/** The trusted root the bundles were verified against. */
export interface TrustedRootRef {
  /** The file as given (a path), or `embedded:public-good` for the root built into qprov. */
  source: string
  /** sha256 of the file's bytes; for the embedded root, of its JSON text. */
  sha256: string
  /** True for a local sandbox's root: practice material, never for production. */
  sandbox: boolean
}

/** The policy every bundle was verified under, as plain data. */
export interface VerificationPolicy {
  identity?: string
  identityRegExp?: string
  issuer: string
  sourceRepository?: string
  profile: VerifyProfile['name']
  thresholds: { tlog: number; ctlog: number; timestamp: number }
  aiPolicy: AiPolicy
  jobId?: string
  workload?: string[]
  online: boolean
}

export interface VerificationDocument {
  mediaType: typeof VERIFICATION_MEDIA_TYPE
  /** True only if there is at least one verdict and every verdict is ok. */
  ok: boolean
  policy: VerificationPolicy
  trustedRoot: TrustedRootRef
  verdicts: BundleVerdict[]
}

export interface PolicyInput {
  policy: IdentityPolicy
  profile: VerifyProfile
  aiPolicy?: AiPolicy
  jobId?: string
  workload?: string[]
  online?: boolean
}

export function verificationPolicy(p: PolicyInput): VerificationPolicy {
  const t = p.profile.thresholds
  return {
    ...(p.policy.identity !== undefined ? { identity: p.policy.identity } : {}),
    ...(p.policy.identityRegExp !== undefined ? { identityRegExp: p.policy.identityRegExp } : {}),
    issuer: p.policy.issuer,
    ...(p.policy.sourceRepository !== undefined
      ? { sourceRepository: p.policy.sourceRepository }
      : {}),
    profile: p.profile.name,
    thresholds: { tlog: t.tlogThreshold, ctlog: t.ctlogThreshold, timestamp: t.timestampThreshold },
    aiPolicy: p.aiPolicy ?? 'any',
    ...(p.jobId !== undefined ? { jobId: p.jobId } : {}),
    ...(p.workload?.length ? { workload: [...p.workload] } : {}),
    online: p.online === true
  }
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost)$/i

/** Every service URL a trusted root names (CAs, TSAs, tlogs, CT logs). */
function serviceUrls(root: unknown): string[] {
  const r = root as Record<string, unknown> | null
  const urls: string[] = []
  for (const key of ['certificateAuthorities', 'timestampAuthorities', 'tlogs', 'ctlogs']) {
    const list = r?.[key]
    if (!Array.isArray(list)) continue
    for (const item of list as Record<string, unknown>[])
      for (const field of ['uri', 'baseUrl'])
        if (typeof item?.[field] === 'string') urls.push(item[field])
  }
  return urls
}

/**
 * A root is a sandbox's when it came from `--sandbox` (input sandbox), or when a service it
 * names lives on a loopback address: nothing on this machine's loopback is a production
 * Sigstore instance. Decided from the root's parsed URLs, never from names or labels.
 */
export function isLocalRoot(text: string): boolean {
  let roots: unknown[]
  try {
    roots = parseTrustedRoots(text)
  } catch {
    return false
  }
  return roots.some(r =>
    serviceUrls(r).some(u => {
      try {
        return LOOPBACK.test(new URL(u).hostname)
      } catch {
        return false
      }
    })
  )
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex')

/** `text` undefined: the embedded public-good root. `fromSandbox`: given by `--sandbox`. */
export function trustedRootRef(
  text: string | undefined,
  source: string | undefined,
  fromSandbox = false
): TrustedRootRef {
  if (text === undefined)
    return {
      source: 'embedded:public-good',
      sha256: sha256(JSON.stringify(publicGoodTrustedRoot())),
      sandbox: false
    }
  return {
    source: source ?? '(given)',
    sha256: sha256(text),
    sandbox: fromSandbox || isLocalRoot(text)
  }
}

export function verificationDocument(
  verdicts: BundleVerdict[],
  policy: VerificationPolicy,
  trustedRoot: TrustedRootRef
): VerificationDocument {
  return {
    mediaType: VERIFICATION_MEDIA_TYPE,
    ok: verdicts.length > 0 && verdicts.every(v => v.ok),
    policy,
    trustedRoot,
    verdicts
  }
}
