import { QprovError } from '../errors.js'
import type { RuntimeApiErrorEntry } from './api-errors.js'

type TagLimit = 'count' | 'length'

/**
 * IBM's codes for refused tags: rows 1204 and 1205 of the error code registry
 * (https://quantum.cloud.ibm.com/docs/ja/errors; docs/runtime.md, "Tag errors"). The client's own
 * table: the emulator keeps separate constants.
 */
const TAG_LIMIT_CODES: ReadonlyMap<number, TagLimit> = new Map([
  [1204, 'count'],
  [1205, 'length']
])

function limitOf(entry: RuntimeApiErrorEntry): TagLimit | undefined {
  const code = typeof entry.code === 'string' ? Number(entry.code) : entry.code
  return code === undefined ? undefined : TAG_LIMIT_CODES.get(code)
}

function describeLimit(limit: TagLimit, sent: readonly string[]): string {
  if (limit === 'count') return `too many tags (${sent.length} sent)`
  const longest = sent.reduce((a, t) => (t.length > a.length ? t : a), '')
  return `a tag is too long (the longest sent has ${longest.length} characters)`
}

/**
 * The service's refusal of a tag set as a RUNTIME_TAGS_REJECTED error naming the limit hit, or
 * undefined when e is not a 400 carrying one of the tag codes. `job` says which job the tags were
 * for ("job <id>") or that none was created.
 */
export function tagLimitError(
  e: unknown,
  sent: readonly string[],
  job: string
): QprovError | undefined {
  if (!(e instanceof QprovError) || e.details.status !== 400) return undefined
  const errors = (e.details.errors ?? []) as RuntimeApiErrorEntry[]
  const entry = errors.find(x => limitOf(x) !== undefined)
  if (!entry) return undefined
  const limit = limitOf(entry)!
  const said = entry.message ? `: ${entry.message}` : ''
  return new QprovError(
    'RUNTIME_TAGS_REJECTED',
    `the service refused the tags for ${job}: ${describeLimit(limit, sent)}; IBM code ${String(entry.code)}${said}`,
    { cause: e, details: { ...e.details, tagLimit: limit } }
  )
}
