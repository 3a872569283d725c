import { QprovError } from '../errors.js'

/** IBM's limits on job tags (OpenAPI `Tags` schema). */
export const MAX_TAGS = 8
export const MAX_TAG_LENGTH = 86

export const TAG_VERSION = 'qprov:v1'
const STMT = 'qprov-stmt:'
const PKG = 'qprov-pkg:'
const REKOR_IDX = 'qprov-rekor-idx:'
const REKOR_UUID = 'qprov-rekor-uuid:'

/** What qprov's tags point at. Tags are pointers only: verification recomputes every digest. */
export interface ProvenanceRefs {
  /** sha256:<64 hex> of the statement. */
  statementDigest: string
  /** sha256:<64 hex> of the workload package. */
  packageDigest?: string
  rekorLogIndex?: string
  rekorUuid?: string
}

export interface ParsedTags {
  /** Undefined when the job carries no qprov tags at all. */
  refs?: ProvenanceRefs
  /** Every tag that is not qprov's, in the order given. */
  userTags: string[]
}

const DIGEST = /^sha256:[0-9a-f]{64}$/
const LOG_INDEX = /^(0|[1-9][0-9]{0,18})$/
const UUID = /^[0-9a-f]{64}([0-9a-f]{16})?$/

function invalid(message: string): QprovError {
  return new QprovError('TAGS_INVALID', message)
}

export function isQprovTag(tag: string): boolean {
  return tag.startsWith('qprov:') || tag.startsWith('qprov-')
}

/** The qprov tags for refs; the Rekor UUID only when its tag fits in 86 characters. */
export function formatProvenanceTags(refs: ProvenanceRefs): string[] {
  if (!DIGEST.test(refs.statementDigest))
    throw invalid(`statement digest "${refs.statementDigest}" is not sha256:<64 lowercase hex>`)
  const tags = [TAG_VERSION, `${STMT}${refs.statementDigest}`]
  if (refs.packageDigest !== undefined) {
    if (!DIGEST.test(refs.packageDigest))
      throw invalid(`package digest "${refs.packageDigest}" is not sha256:<64 lowercase hex>`)
    tags.push(`${PKG}${refs.packageDigest}`)
  }
  if (refs.rekorLogIndex !== undefined) {
    if (!LOG_INDEX.test(refs.rekorLogIndex))
      throw invalid(`Rekor log index "${refs.rekorLogIndex}" is not a non-negative integer`)
    tags.push(`${REKOR_IDX}${refs.rekorLogIndex}`)
  }
  if (refs.rekorUuid !== undefined) {
    const uuid = refs.rekorUuid.toLowerCase()
    if (!UUID.test(uuid)) throw invalid(`Rekor UUID "${refs.rekorUuid}" is not 64 or 80 hex`)
    const tag = `${REKOR_UUID}${uuid}`
    if (tag.length <= MAX_TAG_LENGTH) tags.push(tag)
  }
  return tags
}

/** Problems with a complete tag set as IBM would see it; empty when it is acceptable. */
export function tagLimitProblems(tags: string[]): string[] {
  const problems: string[] = []
  if (tags.length > MAX_TAGS)
    problems.push(`${tags.length} tags, but a Runtime job can carry at most ${MAX_TAGS}`)
  for (const t of tags) {
    if (t.length > MAX_TAG_LENGTH)
      problems.push(`tag "${t}" is ${t.length} characters (at most ${MAX_TAG_LENGTH})`)
    if (t === '' || /[\r\n]/.test(t))
      problems.push(`tag ${JSON.stringify(t)} is empty or multi-line`)
  }
  return problems
}

/** Strict: unknown qprov tags, duplicates and conflicting values are errors, never guesses. */
export function parseTags(tags: string[]): ParsedTags {
  const seen = new Set<string>()
  const userTags: string[] = []
  const found: Partial<Record<'version' | 'stmt' | 'pkg' | 'idx' | 'uuid', string>> = {}
  const take = (key: keyof typeof found, value: string, tag: string) => {
    if (found[key] !== undefined)
      throw invalid(`conflicting qprov tags: "${tag}" and an earlier ${key} tag`)
    found[key] = value
  }
  for (const tag of tags) {
    if (seen.has(tag)) throw invalid(`duplicate tag "${tag}"`)
    seen.add(tag)
    if (!isQprovTag(tag)) {
      userTags.push(tag)
      continue
    }
    if (tag.startsWith('qprov:')) {
      if (tag !== TAG_VERSION) throw invalid(`unsupported qprov tag version "${tag}"`)
      take('version', tag, tag)
    } else if (tag.startsWith(STMT)) take('stmt', tag.slice(STMT.length), tag)
    else if (tag.startsWith(PKG)) take('pkg', tag.slice(PKG.length), tag)
    else if (tag.startsWith(REKOR_IDX)) take('idx', tag.slice(REKOR_IDX.length), tag)
    else if (tag.startsWith(REKOR_UUID)) take('uuid', tag.slice(REKOR_UUID.length), tag)
    else throw invalid(`unknown qprov tag "${tag}"`)
  }
  if (Object.keys(found).length === 0) return { userTags }
  if (found.version === undefined) throw invalid(`qprov tags without the "${TAG_VERSION}" tag`)
  if (found.stmt === undefined) throw invalid(`qprov tags without a "${STMT}" tag`)
  if (found.uuid !== undefined && found.idx === undefined)
    throw invalid('a Rekor UUID tag without a Rekor log index tag')
  const refs: ProvenanceRefs = { statementDigest: found.stmt }
  if (found.pkg !== undefined) refs.packageDigest = found.pkg
  if (found.idx !== undefined) refs.rekorLogIndex = found.idx
  if (found.uuid !== undefined) refs.rekorUuid = found.uuid
  const canonical = formatProvenanceTags(refs)
  for (const t of tags) if (isQprovTag(t) && !canonical.includes(t)) throw invalid(`bad tag "${t}"`)
  return { refs, userTags }
}

export function sameRefs(a: ProvenanceRefs, b: ProvenanceRefs): boolean {
  return (
    a.statementDigest === b.statementDigest &&
    a.packageDigest === b.packageDigest &&
    a.rekorLogIndex === b.rekorLogIndex &&
    a.rekorUuid === b.rekorUuid
  )
}

/**
 * The full tag set to PUT: IBM replaces all tags on PUT, so the job's other tags are re-sent.
 * Refuses (before any request) a job already bound to different provenance, or a set over the limits.
 */
export function mergeProvenanceTags(existing: string[], refs: ProvenanceRefs): string[] {
  const current = parseTags(existing)
  if (current.refs && !sameRefs(current.refs, refs))
    throw invalid(
      `the job is already tagged with statement ${current.refs.statementDigest}; refusing to re-bind it to ${refs.statementDigest}`
    )
  const merged = [...current.userTags, ...formatProvenanceTags(refs)]
  assertTagLimits(merged, current.userTags.length)
  return merged
}

export function assertTagLimits(tags: string[], userTagCount?: number): void {
  const problems = tagLimitProblems(tags)
  if (problems.length === 0) return
  const users = userTagCount === undefined ? '' : ` (${userTagCount} of them are user tags)`
  throw invalid(`tag set rejected before sending: ${problems.join('; ')}${users}`)
}
