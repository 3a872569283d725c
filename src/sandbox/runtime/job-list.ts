import type { Reply } from './reply.js'
import { isTerminal, jobStatus, jobView, type EmulatedJob, type Lifecycle } from './store.js'

type ErrorReply = (status: number, code: number, message: string) => Reply

/** IBM's `created_after` / `created_before`: an ISO-8601 date-time in UTC. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]00:?00)$/
const DIGITS = /^(0|[1-9][0-9]{0,9})$/
const BOOLEAN = new Set(['true', 'false'])

interface ListQuery {
  limit: number
  offset: number
  tags: string[]
  after?: number
  before?: number
  asc: boolean
  excludeParams: boolean
}

function parseInstant(v: string | null): number | undefined | false {
  if (v === null) return undefined
  if (!ISO_UTC.test(v)) return false
  const ms = Date.parse(v)
  return Number.isNaN(ms) ? false : ms
}

/** The query as IBM reads it, or the 400 it answers to a value outside the documented ranges. */
function parseQuery(q: URLSearchParams, error: ErrorReply): ListQuery | Reply {
  const one = (k: string) => {
    const all = q.getAll(k)
    return all.length > 1 ? false : (all[0] ?? null)
  }
  for (const k of ['limit', 'offset', 'created_after', 'created_before', 'sort', 'pending'])
    if (one(k) === false) return error(400, 1400, `${k} may be given once`)
  const limit = one('limit') as string | null
  const offset = one('offset') as string | null
  if (limit !== null && (!DIGITS.test(limit) || Number(limit) < 1 || Number(limit) > 200))
    return error(400, 1400, 'limit must be an integer in 1..200')
  if (offset !== null && !DIGITS.test(offset))
    return error(400, 1400, 'offset must be a non-negative integer')
  const after = parseInstant(one('created_after') as string | null)
  const before = parseInstant(one('created_before') as string | null)
  if (after === false) return error(400, 1400, 'created_after must be an ISO-8601 UTC date-time')
  if (before === false) return error(400, 1400, 'created_before must be an ISO-8601 UTC date-time')
  const sort = one('sort') as string | null
  if (sort !== null && sort !== 'ASC' && sort !== 'DESC')
    return error(400, 1400, 'sort must be ASC or DESC')
  for (const k of ['pending', 'exclude_params']) {
    const v = q.get(k)
    if (v !== null && !BOOLEAN.has(v)) return error(400, 1400, `${k} must be true or false`)
  }
  if (q.getAll('tags').some(t => t === '')) return error(400, 1400, 'tags must not be empty')
  return {
    limit: limit === null ? 200 : Number(limit),
    offset: offset === null ? 0 : Number(offset),
    tags: q.getAll('tags'),
    ...(after !== undefined ? { after } : {}),
    ...(before !== undefined ? { before } : {}),
    asc: sort === 'ASC',
    // The list endpoint's default is true (GET /jobs/{id}'s is false).
    excludeParams: q.get('exclude_params') !== 'false'
  }
}

/**
 * `GET /jobs`: every filter is ANDed (tags too), newest first unless `sort=ASC`, one page of
 * `limit` from `offset`, and `count` the number of jobs matching before paging.
 */
export function listJobsRoute(
  all: Iterable<EmulatedJob>,
  q: URLSearchParams,
  ctx: { lifecycle: Lifecycle; now: number; error: ErrorReply }
): Reply {
  const parsed = parseQuery(q, ctx.error)
  if ('status' in parsed) return parsed
  const { lifecycle, now } = ctx
  let jobs = [...all].filter(j => parsed.tags.every(t => j.tags.includes(t)))
  for (const [key, field] of [
    ['backend', 'backend'],
    ['program', 'program'],
    ['session_id', 'session_id']
  ] as const) {
    const want = q.get(key)
    if (want !== null) jobs = jobs.filter(j => j[field] === want)
  }
  if (parsed.after !== undefined) jobs = jobs.filter(j => j.createdMs >= (parsed.after as number))
  if (parsed.before !== undefined) jobs = jobs.filter(j => j.createdMs < (parsed.before as number))
  const pending = q.get('pending')
  if (pending !== null)
    jobs = jobs.filter(j => !isTerminal(jobStatus(j, lifecycle, now)) === (pending === 'true'))
  const dir = parsed.asc ? 1 : -1
  jobs.sort((a, b) => dir * (a.createdMs - b.createdMs || a.id.localeCompare(b.id)))
  const page = jobs
    .slice(parsed.offset, parsed.offset + parsed.limit)
    .map(j => jobView(j, jobStatus(j, lifecycle, now), { excludeParams: parsed.excludeParams }))
  return {
    status: 200,
    json: { jobs: page, count: jobs.length, offset: parsed.offset, limit: parsed.limit }
  }
}
