import { QprovError } from '../errors.js'
import type { JobListQuery, RuntimeApi, RuntimeJob } from './client.js'

/** IBM's largest page. */
export const PAGE_LIMIT = 200

export type JobFilter = Omit<JobListQuery, 'limit' | 'offset' | 'sort'>

export interface ListingOptions {
  /** Pages requested at once after the first (which tells the count); default 2. */
  concurrency?: number
  onProgress?: (message: string) => void
}

/**
 * Every job matching `filter`, oldest first: the first page says how many match, the rest are
 * read `concurrency` at a time by offset until `count` jobs were read. Oldest first, because a job
 * created during the listing then lands after the last offset instead of shifting every page.
 * A job seen on two pages (the service's order of equal times is not promised) is kept once.
 */
export async function listInstanceJobs(
  api: Pick<RuntimeApi, 'listJobs'>,
  filter: JobFilter,
  opts: ListingOptions = {}
): Promise<RuntimeJob[]> {
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 2))
  const page = (offset: number) =>
    api.listJobs({ ...filter, sort: 'ASC', limit: PAGE_LIMIT, offset })
  const first = await page(0)
  const count = first.count
  if (!Number.isInteger(count) || count < 0)
    throw new QprovError('RUNTIME_BAD_RESPONSE', `list jobs: count ${count} is not a job count`)
  const offsets: number[] = []
  for (let o = first.jobs.length; o < count && first.jobs.length > 0; o += PAGE_LIMIT)
    offsets.push(o)
  const pages: RuntimeJob[][] = new Array(offsets.length)
  let next = 0
  let read = first.jobs.length
  const worker = async () => {
    while (next < offsets.length) {
      const i = next++
      const p = await page(offsets[i] as number)
      pages[i] = p.jobs
      read += p.jobs.length
      opts.onProgress?.(`listed ${Math.min(read, count)} of ${count} jobs`)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, offsets.length) }, worker))
  const seen = new Set<string>()
  const jobs: RuntimeJob[] = []
  for (const j of [first.jobs, ...pages].flat()) {
    if (seen.has(j.id)) continue
    seen.add(j.id)
    jobs.push(j)
  }
  return jobs
}

/**
 * `--since`/`--until` as IBM wants them: a date (midnight UTC) or a date-time with Z, turned into
 * an ISO-8601 UTC instant. Anything else is a usage error naming the flag.
 */
export function isoInstant(value: string, flag: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/.exec(value)
  const ms = m ? Date.parse(m[2] ? value : `${m[1]}T00:00:00Z`) : NaN
  if (Number.isNaN(ms))
    throw new QprovError(
      'USAGE',
      `${flag} takes a date (YYYY-MM-DD) or a UTC date-time (YYYY-MM-DDTHH:MM:SSZ), got ${value}`
    )
  const iso = new Date(ms).toISOString()
  // Date.parse rolls 2026-02-30 over into March; a date that is not on the calendar is refused.
  if (iso.slice(0, 10) !== (m as RegExpExecArray)[1])
    throw new QprovError('USAGE', `${flag}: ${value} is not a calendar date`)
  return iso
}
