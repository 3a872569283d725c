import { QprovError } from '../errors.js'

/** IBM's limits on job tags (OpenAPI `Tags` schema). */
export const MAX_TAGS = 8
export const MAX_TAG_LENGTH = 86

export const TAG_VERSION = 'qprov:v1'
const STMT = 'qprov-stmt:'
const PKG = 'qprov-pkg:'
const REKOR_IDX = 'qprov-rekor-idx:'
const REKOR_UUID = 'qprov-rekor-uuid:'
const REKOR_LOG = 'qprov-rekor-log:'

/** What qprov's tags point at. Tags are pointers only: verification recomputes every digest. */
export interface ProvenanceRefs {
  /** sha256:<64 hex> of the statement. */
  statementDigest: string
  /** sha256:<64 hex> of the workload package. */
  packageDigest?: string
  rekorLogIndex?: string
  /** Rekor v1 only: the entry UUID. */
  rekorUuid?: string
  /** Rekor v2 only: the shard's log ID (64 hex); its indexes count within the shard. */
  rekorLogId?: string
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
const LOG_ID = /^[0-9a-f]{64}$/

function invalid(message: string): QprovError {
  return new QprovError('TAGS_INVALID', message)
}

export function isQprovTag(tag: string): boolean {
  return tag.startsWith('qprov:') || tag.startsWith('qprov-')
}

/**
 * The qprov tags for refs; the Rekor UUID only when its tag fits in 86 characters. A Rekor v2
 * index counts within one shard, so it always comes with the shard's log ID.
 */
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
  if (refs.rekorLogId !== undefined) {
    if (refs.rekorLogIndex === undefined || refs.rekorUuid !== undefined)
      throw invalid('a Rekor log ID goes with a log index and without a UUID (Rekor v2)')
    if (!LOG_ID.test(refs.rekorLogId))
      throw invalid(`Rekor log ID "${refs.rekorLogId}" is not 64 lowercase hex`)
    tags.push(`${REKOR_LOG}${refs.rekorLogId}`)
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

export interface ParseTagsOptions {
  /**
   * Accept a subset of one job's qprov tags (the service may have dropped some), e.g. to complete
   * them on re-bind. Unknown tags, duplicates and conflicting values are still errors.
   */
  partial?: boolean
}

/** Strict: unknown qprov tags, duplicates and conflicting values are errors, never guesses. */
export function parseTags(tags: string[], opts: ParseTagsOptions = {}): ParsedTags {
  const seen = new Set<string>()
  const userTags: string[] = []
  const found: Partial<Record<'version' | 'stmt' | 'pkg' | 'idx' | 'uuid' | 'log', string>> = {}
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
    else if (tag.startsWith(REKOR_LOG)) take('log', tag.slice(REKOR_LOG.length), tag)
    else throw invalid(`unknown qprov tag "${tag}"`)
  }
  if (Object.keys(found).length === 0) return { userTags }
  if (opts.partial) {
    // Check each value's format through a complete stand-in set, then report what was present.
    const probe: ProvenanceRefs = { statementDigest: found.stmt ?? `sha256:${'0'.repeat(64)}` }
    if (found.pkg !== undefined) probe.packageDigest = found.pkg
    if (found.idx !== undefined || found.uuid !== undefined || found.log !== undefined)
      probe.rekorLogIndex = found.idx ?? '0'
    if (found.uuid !== undefined) probe.rekorUuid = found.uuid
    if (found.log !== undefined) probe.rekorLogId = found.log
    const canonical = formatProvenanceTags(probe)
    for (const t of tags)
      if (isQprovTag(t) && !canonical.includes(t)) throw invalid(`bad tag "${t}"`)
    if (found.stmt === undefined) return { userTags }
    return { refs: refsOf(found.stmt, found), userTags }
  }
  if (found.version === undefined) throw invalid(`qprov tags without the "${TAG_VERSION}" tag`)
  if (found.stmt === undefined) throw invalid(`qprov tags without a "${STMT}" tag`)
  if (found.uuid !== undefined && found.idx === undefined)
    throw invalid('a Rekor UUID tag without a Rekor log index tag')
  if (found.log !== undefined && found.idx === undefined)
    throw invalid('a Rekor log ID tag without a Rekor log index tag')
  const refs = refsOf(found.stmt, found)
  const canonical = formatProvenanceTags(refs)
  for (const t of tags) if (isQprovTag(t) && !canonical.includes(t)) throw invalid(`bad tag "${t}"`)
  return { refs, userTags }
}

function refsOf(
  statementDigest: string,
  found: { pkg?: string; idx?: string; uuid?: string; log?: string }
): ProvenanceRefs {
  const refs: ProvenanceRefs = { statementDigest }
  if (found.pkg !== undefined) refs.packageDigest = found.pkg
  if (found.idx !== undefined) refs.rekorLogIndex = found.idx
  if (found.uuid !== undefined) refs.rekorUuid = found.uuid
  if (found.log !== undefined) refs.rekorLogId = found.log
  return refs
}

/**
 * The qprov tags for refs beside userTagCount user tags: the optional Rekor UUID tag is left out
 * when the total would exceed 8 (the log index still finds the entry).
 */
export function fitProvenanceTags(refs: ProvenanceRefs, userTagCount: number): string[] {
  const tags = formatProvenanceTags(refs)
  if (userTagCount + tags.length <= MAX_TAGS) return tags
  return tags.filter(t => !t.startsWith(REKOR_UUID))
}

/**
 * How many tags qprov needs at least: the Rekor UUID is optional, the log index is not, and a
 * Rekor v2 index needs its shard's log ID beside it.
 */
export function requiredQprovTagCount(rekorVersion: 1 | 2 | undefined): number {
  return rekorVersion === 2 ? 5 : rekorVersion === 1 ? 4 : 3
}

export function sameRefs(a: ProvenanceRefs, b: ProvenanceRefs): boolean {
  return (
    a.statementDigest === b.statementDigest &&
    a.packageDigest === b.packageDigest &&
    a.rekorLogIndex === b.rekorLogIndex &&
    a.rekorUuid === b.rekorUuid &&
    a.rekorLogId === b.rekorLogId
  )
}

/**
 * The full tag set to PUT: IBM replaces all tags on PUT, so the job's other tags are re-sent.
 * qprov tags the job already carries for these refs (all or some, if the service dropped some)
 * are completed; any qprov tag with another value is a conflict and refused before any request,
 * as is a set over the limits.
 */
export function mergeProvenanceTags(existing: string[], refs: ProvenanceRefs): string[] {
  const current = parseTags(existing, { partial: true })
  const own = formatProvenanceTags(refs)
  const foreign = existing.filter(t => isQprovTag(t) && !own.includes(t))
  if (foreign.length > 0) {
    const other = current.refs?.statementDigest
    throw invalid(
      other && other !== refs.statementDigest
        ? `the job is already tagged with statement ${other}; refusing to re-bind it to ${refs.statementDigest}`
        : `the job is already tagged with conflicting qprov tags (${foreign.join(', ')}); refusing to re-bind it to ${refs.statementDigest}`
    )
  }
  const merged = [...current.userTags, ...fitProvenanceTags(refs, current.userTags.length)]
  assertTagLimits(merged, current.userTags.length)
  return merged
}

export function assertTagLimits(tags: string[], userTagCount?: number): void {
  const problems = tagLimitProblems(tags)
  if (problems.length === 0) return
  const users = userTagCount === undefined ? '' : ` (${userTagCount} of them are user tags)`
  throw invalid(`tag set rejected before sending: ${problems.join('; ')}${users}`)
}
