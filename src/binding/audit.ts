import { QprovError } from '../errors.js'
import type { RuntimeApi, RuntimeJob } from '../runtime/client.js'
import { listInstanceJobs } from '../runtime/job-listing.js'
import { parseTags } from '../proof/tags.js'
import { cleanDeep } from '../untrusted-text.js'
import { searchProof, type FetchPolicy } from './fetch-proof.js'
import type { ProofSource } from './proof-sources.js'
import {
  buildReport,
  classify,
  shardOf,
  type AuditPolicy,
  type AuditReport,
  type AuditRow,
  type AuditScope,
  type AuditShard
} from './audit-report.js'

export interface AuditOptions {
  api: RuntimeApi
  scope: AuditScope
  /** Recorded in the report; `verification` is what is applied. */
  policy: AuditPolicy
  verification: FetchPolicy
  sources: ProofSource[]
  shard?: AuditShard
  /** Jobs audited at once (each: one job read, the sources searched, candidates verified). */
  workers: number
  onProgress?: (message: string) => void
}

/** How often a long run says where it is. */
const PROGRESS_EVERY = 50

function baseOf(job: RuntimeJob): Pick<AuditRow, 'jobId' | 'created' | 'backend'> {
  return { jobId: job.id, created: job.created ?? null, backend: job.backend ?? null }
}

/** One job: untagged from its listed tags, otherwise the same search and verification as fetch. */
async function auditJob(job: RuntimeJob, opts: AuditOptions): Promise<AuditRow> {
  const base = baseOf(job)
  let tagged: boolean
  try {
    tagged = parseTags(job.tags).refs !== undefined
  } catch (e) {
    if (!(e instanceof QprovError) || e.code !== 'TAGS_INVALID') throw e
    // qprov tags that do not parse point at nothing verifiable: a failed check, named.
    return {
      ...base,
      class: 'failed',
      check: 'job-tags',
      finding: 'tags-invalid',
      detail: e.message
    }
  }
  if (!tagged) return { ...base, class: 'untagged' }
  const search = await searchProof({
    jobId: job.id,
    api: opts.api,
    sources: opts.sources,
    verification: opts.verification
  })
  return classify(base, search, opts.policy.requireResults)
}

/**
 * `qprov audit`: lists the instance's jobs (the scope's filters), keeps the shard's slice, and
 * audits `workers` jobs at a time. A job whose read or search fails for a reason other than its
 * evidence (the network, a source) stops the audit: a report with holes would overstate nothing
 * but would not be the report asked for.
 */
export async function runAudit(opts: AuditOptions): Promise<AuditReport> {
  const { scope } = opts
  const listed = await listInstanceJobs(
    opts.api,
    {
      ...(scope.tags.length ? { tags: scope.tags } : {}),
      ...(scope.backend !== null ? { backend: scope.backend } : {}),
      ...(scope.since !== null ? { createdAfter: scope.since } : {}),
      ...(scope.until !== null ? { createdBefore: scope.until } : {})
    },
    { concurrency: Math.min(opts.workers, 4), onProgress: opts.onProgress }
  )
  const shard = opts.shard
  const jobs = shard ? listed.filter(j => shardOf(j.id, shard.count) === shard.index - 1) : listed
  opts.onProgress?.(
    shard
      ? `listed ${listed.length} jobs; shard ${shard.index}/${shard.count} audits ${jobs.length}`
      : `listed ${jobs.length} jobs`
  )
  const rows: AuditRow[] = new Array(jobs.length)
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++
      rows[i] = await auditJob(jobs[i] as RuntimeJob, opts)
      done++
      if (done % PROGRESS_EVERY === 0 || done === jobs.length)
        opts.onProgress?.(`audited ${done} of ${jobs.length} jobs`)
    }
  }
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(opts.workers, jobs.length)) }, worker)
  )
  // Job IDs, locations and details quote server answers and bundle files: cleaned once, here.
  return cleanDeep(buildReport(scope, opts.policy, shard ?? null, rows))
}
