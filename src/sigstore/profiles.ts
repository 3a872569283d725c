import { QprovError } from '../errors.js'

/**
 * Verification profiles: how much independent evidence each Sigstore signature must carry, as
 * @sigstore/verify's three thresholds. A profile is plain data so it crosses to worker threads.
 */
export const PROFILE_NAMES = ['public-good', 'github', 'custom'] as const
export type ProfileName = (typeof PROFILE_NAMES)[number]

export interface Thresholds {
  /** Verified transparency-log entries (SET or checkpoint plus inclusion proof). */
  tlogThreshold: number
  /** Verified SCTs embedded in the signing certificate. */
  ctlogThreshold: number
  /** Verified times: RFC 3161 timestamps, and Rekor integrated times that a SET signs. */
  timestampThreshold: number
}

export interface VerifyProfile {
  name: ProfileName
  thresholds: Thresholds
}

export const PUBLIC_GOOD_PROFILE: VerifyProfile = {
  name: 'public-good',
  thresholds: { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 }
}

/**
 * GitHub's instance signs with its Fulcio and TSA only: its trusted root lists no transparency
 * log and no CT log, so neither can be required (gh attestation verify's GitHub verifier asks for
 * one signed timestamp and nothing else).
 */
export const GITHUB_PROFILE: VerifyProfile = {
  name: 'github',
  thresholds: { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 1 }
}

const NAMED: Record<Exclude<ProfileName, 'custom'>, VerifyProfile> = {
  'public-good': PUBLIC_GOOD_PROFILE,
  github: GITHUB_PROFILE
}

const KEYS = { tlog: 'tlogThreshold', ctlog: 'ctlogThreshold', timestamp: 'timestampThreshold' }
type Key = keyof typeof KEYS
const MAX = 9

const invalid = (message: string) => new QprovError('POLICY_INVALID', message)

/**
 * `tlog=N,ctlog=N,timestamp=N`: all three, each once, integers 0-9, timestamp at least 1 (a
 * certificate lives minutes; without a verified time its validity cannot be checked).
 */
export function parseThresholds(text: string): Thresholds {
  const seen: Partial<Record<Key, number>> = {}
  for (const part of text.split(',')) {
    const m = /^(tlog|ctlog|timestamp)=([0-9])$/.exec(part.trim())
    if (m === null)
      throw invalid(
        `thresholds take tlog=N,ctlog=N,timestamp=N with N from 0 to ${MAX}, got ${JSON.stringify(text)}`
      )
    const key = m[1] as Key
    if (seen[key] !== undefined) throw invalid(`threshold ${key} is given twice`)
    seen[key] = Number(m[2])
  }
  const missing = (Object.keys(KEYS) as Key[]).filter(k => seen[k] === undefined)
  if (missing.length > 0) throw invalid(`thresholds lack ${missing.join(', ')}`)
  return checkThresholds({
    tlogThreshold: seen.tlog as number,
    ctlogThreshold: seen.ctlog as number,
    timestampThreshold: seen.timestamp as number
  })
}

function checkThresholds(t: Thresholds): Thresholds {
  for (const k of Object.values(KEYS) as (keyof Thresholds)[]) {
    const v = (t as unknown as Record<string, unknown> | undefined)?.[k]
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX)
      throw invalid(`threshold ${k} must be an integer from 0 to ${MAX}`)
  }
  if (t.timestampThreshold < 1)
    throw invalid('the timestamp threshold must be at least 1: a signature needs a verified time')
  return { ...t }
}

/** The profile a name (and, for custom, a thresholds text) selects. */
export function selectProfile(name: string, thresholds?: string): VerifyProfile {
  if (!(PROFILE_NAMES as readonly string[]).includes(name))
    throw invalid(`profile must be one of ${PROFILE_NAMES.join(', ')}, got ${JSON.stringify(name)}`)
  if (name === 'custom') {
    if (thresholds === undefined)
      throw invalid('profile custom takes its thresholds explicitly (tlog=N,ctlog=N,timestamp=N)')
    return { name, thresholds: parseThresholds(thresholds) }
  }
  if (thresholds !== undefined)
    throw invalid(`thresholds are fixed by profile ${name}; give them only with profile custom`)
  return NAMED[name as keyof typeof NAMED]
}

/**
 * Fails closed on a profile handed over as data (from a worker message, a caller): a named
 * profile must have exactly its fixed thresholds, a custom one valid thresholds.
 */
export function checkProfile(p: VerifyProfile): Thresholds {
  if (p?.name === 'custom') return checkThresholds(p.thresholds)
  const named = NAMED[p?.name as keyof typeof NAMED] as VerifyProfile | undefined
  if (named === undefined) throw invalid(`unknown verification profile ${String(p?.name)}`)
  const t = p.thresholds
  if (
    t?.tlogThreshold !== named.thresholds.tlogThreshold ||
    t.ctlogThreshold !== named.thresholds.ctlogThreshold ||
    t.timestampThreshold !== named.thresholds.timestampThreshold
  )
    throw invalid(`profile ${p.name} has other thresholds than its own`)
  return { ...t }
}

/** `github (tlog 0, ctlog 0, timestamp 1)`, for reports. */
export function describeProfile(p: VerifyProfile): string {
  const t = p.thresholds
  return `${p.name} (tlog ${t.tlogThreshold}, ctlog ${t.ctlogThreshold}, timestamp ${t.timestampThreshold})`
}
