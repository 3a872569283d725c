import { createHash } from 'node:crypto'
import { QprovError } from '../errors.js'
import type { BundleVerdict } from '../verify/verdict.js'
import type { ProofSearch } from './fetch-proof.js'
import type { RejectedCandidate } from './rejection.js'

export const AUDIT_MEDIA_TYPE = 'application/vnd.qprov.audit+json;version=1'

/** Worst first: a report lists its rows by creation, its counts in this order. */
export const AUDIT_CLASSES = [
  'verified',
  'failed',
  'missing',
  'untagged',
  'results-missing'
] as const
export type AuditClass = (typeof AUDIT_CLASSES)[number]

/**
 * The checks that must pass for a bundle to carry the job's results: verification skips them
 * when there is no results layer, and a layer that is present but wrong fails the bundle.
 */
export const RESULTS_CHECKS: readonly string[] = ['results-signature', 'results-content']

export interface AuditRow {
  jobId: string
  /** ISO-8601 UTC, as the service reports it; null when it reported none. */
  created: string | null
  backend: string | null
  class: AuditClass
  /** failed: the first check that did not pass (a verify check, or `job-tags`). */
  check?: string
  /** failed: its finding kind, skip reason or rejection kind. */
  finding?: string
  /** The bundle that verified, or the first that did not. */
  location?: string
  /** For people only. */
  detail?: string
}

/** What was asked of the instance: merged reports must have asked the same. */
export interface AuditScope {
  instance: string
  since: string | null
  until: string | null
  backend: string | null
  tags: string[]
}

/** Under what a job counts as verified: merged reports must have used the same. */
export interface AuditPolicy {
  identity: string
  issuer: string
  profile: string
  /** sha256 of the trusted root text given, or null for the embedded public-good root. */
  trustedRoot: string | null
  requireResults: boolean
  sources: string[]
}

export interface AuditShard {
  index: number
  count: number
}

export interface AuditReport {
  mediaType: typeof AUDIT_MEDIA_TYPE
  scope: AuditScope
  policy: AuditPolicy
  /** The slice audited; null for the whole list (including a merge of every shard). */
  shard: AuditShard | null
  total: number
  counts: Record<AuditClass, number>
  /** Verified jobs as a percentage of the jobs listed, two decimals; null when none was listed. */
  coverage: number | null
  rows: AuditRow[]
}

/** Sharding: the first four bytes of sha256(job ID), big-endian, modulo the shard count. */
export function shardOf(jobId: string, count: number): number {
  return createHash('sha256').update(jobId).digest().readUInt32BE(0) % count
}

/** `--shard I/N` (1-based, I ≤ N ≤ 1000). */
export function parseShard(value: string): AuditShard {
  const m = /^([1-9][0-9]{0,3})\/([1-9][0-9]{0,3})$/.exec(value)
  const index = Number(m?.[1])
  const count = Number(m?.[2])
  if (!m || index > count || count > 1000)
    throw new QprovError('USAGE', `--shard takes I/N with 1 <= I <= N <= 1000, got ${value}`)
  return { index, count }
}

function failedRow(r: RejectedCandidate): Pick<AuditRow, 'check' | 'finding'> {
  const x = r.rejection
  switch (x.kind) {
    case 'not-verified': {
      const c = x.checks[0]
      if (c === undefined) return { check: 'verdict', finding: 'not-verified' }
      return { check: c.check, finding: c.status === 'fail' ? c.finding : c.reason }
    }
    case 'other-job':
      return { check: 'runtime-record', finding: 'other-job' }
    case 'no-signed-time':
      return { check: 'binding-signature', finding: 'no-signed-time' }
    case 'incomplete':
      return { check: 'bundle-files', finding: 'incomplete' }
  }
}

function hasResults(v: BundleVerdict | undefined): boolean {
  return (
    v !== undefined &&
    RESULTS_CHECKS.every(name => v.checks.some(c => c.name === name && c.status === 'pass'))
  )
}

/** One tagged job's class from what the search of every source found. Pure. */
export function classify(
  base: Pick<AuditRow, 'jobId' | 'created' | 'backend'>,
  search: Pick<ProofSearch, 'valid' | 'rejected'>,
  requireResults: boolean
): AuditRow {
  const ok = search.valid[0]
  if (ok !== undefined) {
    const row: AuditRow = { ...base, class: 'verified', location: ok.found.location }
    if (requireResults && !hasResults(ok.verdict))
      return { ...row, class: 'results-missing', detail: 'the bundle carries no verified results' }
    return row
  }
  const first = search.rejected[0]
  if (first !== undefined)
    return {
      ...base,
      class: 'failed',
      ...failedRow(first),
      location: first.location,
      detail: first.detail
    }
  return { ...base, class: 'missing', detail: 'no proof bundle in any source' }
}

const byCreation = (a: AuditRow, b: AuditRow) =>
  (a.created ?? '').localeCompare(b.created ?? '') || a.jobId.localeCompare(b.jobId)

/** Counts and coverage from the rows alone, so a merge recomputes exactly what one run states. */
export function buildReport(
  scope: AuditScope,
  policy: AuditPolicy,
  shard: AuditShard | null,
  rows: AuditRow[]
): AuditReport {
  const counts = Object.fromEntries(AUDIT_CLASSES.map(c => [c, 0])) as Record<AuditClass, number>
  for (const r of rows) counts[r.class]++
  const total = rows.length
  return {
    mediaType: AUDIT_MEDIA_TYPE,
    scope,
    policy,
    shard,
    total,
    counts,
    coverage: total === 0 ? null : Math.round((counts.verified / total) * 10_000) / 100,
    rows: [...rows].sort(byCreation)
  }
}

/** Exit 0 only when jobs were listed and every one verified. */
export function auditPassed(r: AuditReport): boolean {
  return r.total > 0 && r.counts.verified === r.total
}
