import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_TAG_LENGTH,
  fitProvenanceTags,
  formatProvenanceTags,
  mergeProvenanceTags,
  parseTags,
  requiredQprovTagCount,
  tagLimitProblems,
  type ProvenanceRefs
} from '../../src/proof/tags.js'
import { runs } from '../helpers/property.js'

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`))
const v1RefsArb: fc.Arbitrary<ProvenanceRefs> = fc
  .record(
    {
      statementDigest: hex(64).map(h => `sha256:${h}`),
      packageDigest: hex(64).map(h => `sha256:${h}`),
      rekorLogIndex: fc.bigInt({ min: 0n, max: 2n ** 62n }).map(String),
      rekorUuid: hex(64)
    },
    { requiredKeys: ['statementDigest'] }
  )
  .filter(r => r.rekorUuid === undefined || r.rekorLogIndex !== undefined)
const v2RefsArb: fc.Arbitrary<ProvenanceRefs> = fc.record(
  {
    statementDigest: hex(64).map(h => `sha256:${h}`),
    packageDigest: hex(64).map(h => `sha256:${h}`),
    rekorLogIndex: fc.bigInt({ min: 0n, max: 2n ** 62n }).map(String),
    rekorLogId: hex(64)
  },
  { requiredKeys: ['statementDigest', 'rekorLogIndex', 'rekorLogId'] }
)
const refsArb = fc.oneof(v1RefsArb, v2RefsArb)
const userTag = fc
  .string({ minLength: 1, maxLength: 86 })
  .filter(t => !t.startsWith('qprov') && !/[\r\n]/.test(t))

const full: ProvenanceRefs = {
  statementDigest: `sha256:${'1'.repeat(64)}`,
  packageDigest: `sha256:${'2'.repeat(64)}`,
  rekorLogIndex: '123456789',
  rekorUuid: '3'.repeat(64)
}

describe('provenance tags', () => {
  it('formats the documented tags, each within 86 characters', () => {
    const tags = formatProvenanceTags(full)
    expect(tags).toEqual([
      'qprov:v1',
      `qprov-stmt:sha256:${'1'.repeat(64)}`,
      `qprov-pkg:sha256:${'2'.repeat(64)}`,
      'qprov-rekor-idx:123456789',
      `qprov-rekor-uuid:${'3'.repeat(64)}`
    ])
    expect(tags[1]).toHaveLength(82)
    for (const t of tags) expect(t.length).toBeLessThanOrEqual(MAX_TAG_LENGTH)
  })

  it('leaves out an 80-hex Rekor UUID that would not fit in 86 characters', () => {
    const tags = formatProvenanceTags({ ...full, rekorUuid: 'a'.repeat(80) })
    expect(tags.some(t => t.startsWith('qprov-rekor-uuid:'))).toBe(false)
  })

  it('round-trips any refs and user tags through format and parse, in any order', () => {
    fc.assert(
      fc.property(
        refsArb,
        fc.uniqueArray(userTag, { maxLength: 3 }),
        fc.integer(),
        (refs, users, seed) => {
          const tags = [...users, ...formatProvenanceTags(refs)]
          const shuffled = [...tags].sort(
            (a, b) => ((a.length * seed) % 7) - ((b.length * seed) % 7)
          )
          const parsed = parseTags(shuffled)
          expect(parsed.refs).toEqual(refs)
          expect(new Set(parsed.userTags)).toEqual(new Set(users))
        }
      ),
      runs()
    )
  })

  it('returns no refs for a job without qprov tags', () => {
    expect(parseTags(['a', 'b'])).toEqual({ userTags: ['a', 'b'] })
  })

  it.each([
    [['a', 'a'], /duplicate/],
    [
      ['qprov:v1', `qprov-stmt:sha256:${'1'.repeat(64)}`, `qprov-stmt:sha256:${'2'.repeat(64)}`],
      /conflicting/
    ],
    [['qprov:v2', `qprov-stmt:sha256:${'1'.repeat(64)}`], /unsupported qprov tag version/],
    [[`qprov-stmt:sha256:${'1'.repeat(64)}`], /without the "qprov:v1"/],
    [['qprov:v1'], /without a "qprov-stmt:"/],
    [['qprov:v1', 'qprov-stmt:sha256:XYZ'], /not sha256/],
    [['qprov:v1', `qprov-stmt:sha256:${'1'.repeat(64)}`, 'qprov-foo:1'], /unknown qprov tag/],
    [
      ['qprov:v1', `qprov-stmt:sha256:${'1'.repeat(64)}`, 'qprov-rekor-idx:01'],
      /not a non-negative/
    ],
    [
      ['qprov:v1', `qprov-stmt:sha256:${'1'.repeat(64)}`, `qprov-rekor-uuid:${'3'.repeat(64)}`],
      /without a Rekor log index/
    ]
  ])('rejects %j', (tags, message) => {
    expect(() => parseTags(tags)).toThrow(message)
  })

  it('rejects any mutation of a qprov tag value that breaks its format', () => {
    fc.assert(
      fc.property(refsArb, fc.string({ minLength: 1, maxLength: 3 }), (refs, junk) => {
        const tags = formatProvenanceTags(refs)
        tags[1] = `${tags[1]}${junk}`
        expect(() => parseTags(tags)).toThrow()
      }),
      runs()
    )
  })

  it('counts every tag against the limit of 8 and 86 characters', () => {
    expect(tagLimitProblems(['a'.repeat(86)])).toEqual([])
    expect(tagLimitProblems(['a'.repeat(87)])[0]).toMatch(/87 characters/)
    expect(tagLimitProblems(Array.from({ length: 9 }, (_, i) => `t${i}`))[0]).toMatch(/9 tags/)
  })

  it('keeps user tags and adds qprov tags on merge', () => {
    const merged = mergeProvenanceTags(['python', 'team:x'], full)
    expect(merged).toEqual(['python', 'team:x', ...formatProvenanceTags(full)])
  })

  it('merging is idempotent for the same refs', () => {
    const once = mergeProvenanceTags(['u'], full)
    expect(mergeProvenanceTags(once, full)).toEqual(once)
  })

  it('drops the optional Rekor UUID tag so 4 user tags still fit beside 4 qprov tags', () => {
    const merged = mergeProvenanceTags(['a', 'b', 'c', 'd'], full)
    expect(merged).toEqual([
      'a',
      'b',
      'c',
      'd',
      ...formatProvenanceTags(full).filter(t => !t.startsWith('qprov-rekor-uuid:'))
    ])
    expect(parseTags(merged).refs).toEqual({ ...full, rekorUuid: undefined })
    expect(fitProvenanceTags(full, 3)).toEqual(formatProvenanceTags(full))
  })

  it('refuses to merge when user tags and the required qprov tags exceed 8', () => {
    expect(() => mergeProvenanceTags(['a', 'b', 'c', 'd', 'e'], full)).toThrow(
      /9 tags.*at most 8.*5 of them are user tags/
    )
  })

  it('completes a job whose qprov tags are a subset of the same provenance', () => {
    const own = formatProvenanceTags(full)
    for (const dropped of own) {
      const partial = ['python', ...own.filter(t => t !== dropped)]
      expect(mergeProvenanceTags(partial, full)).toEqual(['python', ...own])
    }
    expect(parseTags([own[1], own[2]], { partial: true }).refs).toEqual({
      statementDigest: full.statementDigest,
      packageDigest: full.packageDigest
    })
  })

  it('still refuses a partial set with a conflicting value or a duplicate', () => {
    const own = formatProvenanceTags(full)
    const otherPkg = `qprov-pkg:sha256:${'8'.repeat(64)}`
    expect(() => mergeProvenanceTags([own[1], otherPkg], full)).toThrow(/conflicting qprov tags/)
    expect(() => mergeProvenanceTags([own[1], own[1]], full)).toThrow(/duplicate/)
    expect(() => parseTags([own[1], 'qprov-rekor-idx:01'], { partial: true })).toThrow(
      /not a non-negative/
    )
  })

  it('names a Rekor v2 entry by its shard log ID beside the index, in 80 characters', () => {
    const v2: ProvenanceRefs = {
      statementDigest: full.statementDigest,
      packageDigest: full.packageDigest,
      rekorLogIndex: '7',
      rekorLogId: 'c'.repeat(64)
    }
    const tags = formatProvenanceTags(v2)
    expect(tags.slice(3)).toEqual(['qprov-rekor-idx:7', `qprov-rekor-log:${'c'.repeat(64)}`])
    expect(tags[4]).toHaveLength(80)
    expect(parseTags(tags).refs).toEqual(v2)
    // 5 qprov tags for a v2 entry: 3 user tags fit, a 4th is refused before anything is sent.
    expect(mergeProvenanceTags(['a', 'b', 'c'], v2)).toHaveLength(8)
    expect(() => mergeProvenanceTags(['a', 'b', 'c', 'd'], v2)).toThrow(/9 tags/)
    expect(requiredQprovTagCount(2)).toBe(5)
    expect(requiredQprovTagCount(1)).toBe(4)
    expect(requiredQprovTagCount(undefined)).toBe(3)
  })

  it('refuses a log ID without an index, beside a UUID, or not 64 lowercase hex', () => {
    const base = formatProvenanceTags({ statementDigest: full.statementDigest })
    const log = `qprov-rekor-log:${'c'.repeat(64)}`
    expect(() => parseTags([...base, log])).toThrow(/log ID tag without a Rekor log index/)
    expect(() =>
      parseTags([...base, 'qprov-rekor-idx:1', `qprov-rekor-uuid:${'3'.repeat(64)}`, log])
    ).toThrow(/bad tag|without a UUID/)
    expect(() =>
      parseTags([...base, 'qprov-rekor-idx:1', `qprov-rekor-log:${'C'.repeat(64)}`])
    ).toThrow(/not 64 lowercase hex/)
    expect(() =>
      formatProvenanceTags({ statementDigest: full.statementDigest, rekorLogId: 'c'.repeat(64) })
    ).toThrow(/goes with a log index/)
  })

  it('refuses to re-bind a job tagged with another statement', () => {
    const other = formatProvenanceTags({ statementDigest: `sha256:${'9'.repeat(64)}` })
    expect(() => mergeProvenanceTags(other, full)).toThrow(/already tagged/)
  })
})

describe('tag limits agree with the emulated service', () => {
  it('accepts exactly the non-empty single-line tag sets the emulator accepts', async () => {
    const { tagsProblem } = await import('../../src/sandbox/runtime/job-body.js')
    const tag = fc.oneof(
      fc.string({ minLength: 1, maxLength: 90 }),
      fc.string({ minLength: 84, maxLength: 88 })
    )
    fc.assert(
      fc.property(
        fc.array(
          tag.filter(t => !/[\r\n]/.test(t)),
          { maxLength: 10 }
        ),
        tags => {
          expect(tagLimitProblems(tags).length === 0).toBe(tagsProblem(tags) === undefined)
        }
      ),
      runs()
    )
  })
})
