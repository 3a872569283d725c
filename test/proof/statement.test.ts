import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  MANIFEST_SUBJECT_NAME,
  PREDICATE_AIIR_V1,
  PREDICATE_AIIR_V2,
  buildStatement,
  parseStatement,
  statementDigest,
  statementPayloadBytes,
  subjectRepository
} from '../../src/proof/statement.js'
import { manifestFromEntries } from '../../src/workload/manifest.js'
import { describeShared, sharedPath } from '../helpers/shared.js'
import { sha256Hex } from '../attest/dsse-fixtures.js'

const SHA = '0136dd109a8f0230b7312fc7553a99d668b8860e'
const manifest = manifestFromEntries([
  { path: 'circuits/bell.qasm', size: 5, sha256: sha256Hex('bell\n') },
  { path: 'job.json', size: 3, sha256: sha256Hex('{}\n') }
])
const receipt = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  schema: 'aiir/commit_receipt.v2',
  commit: { sha: SHA },
  provenance: { repository: 'https://github.com/acme/widgets' },
  ...over
})

describe('in-toto statement over a workload and a receipt', () => {
  it('has one subject per file, one for the manifest and one for the commit', () => {
    const s = buildStatement({ manifest, receipt: receipt() })
    expect(s._type).toBe('https://in-toto.io/Statement/v1')
    expect(s.subject).toEqual([
      { name: 'circuits/bell.qasm', digest: { sha256: sha256Hex('bell\n') } },
      { name: 'job.json', digest: { sha256: sha256Hex('{}\n') } },
      { name: MANIFEST_SUBJECT_NAME, digest: { sha256: manifest.digest.slice('sha256:'.length) } },
      { name: `https://github.com/acme/widgets@${SHA}`, digest: { gitCommit: SHA } }
    ])
    expect(s.predicate).toEqual(receipt())
  })

  it('names the predicate after the receipt schema', () => {
    expect(buildStatement({ manifest, receipt: receipt() }).predicateType).toBe(PREDICATE_AIIR_V2)
    expect(
      buildStatement({ manifest, receipt: receipt({ schema: 'aiir/commit_receipt.v1' }) })
        .predicateType
    ).toBe(PREDICATE_AIIR_V1)
    expect(() =>
      buildStatement({ manifest, receipt: receipt({ schema: 'aiir/commit_receipt.v9' }) })
    ).toThrow(expect.objectContaining({ code: 'RECEIPT_INVALID' }))
  })

  it('refuses a receipt without a commit sha', () => {
    expect(() => buildStatement({ manifest, receipt: receipt({ commit: {} }) })).toThrow(
      /commit\.sha/
    )
    expect(() =>
      buildStatement({ manifest, receipt: receipt({ commit: { sha: 'HEAD' } }) })
    ).toThrow(/commit\.sha/)
  })

  it('refuses a workload file that would collide with the manifest subject', () => {
    const m = manifestFromEntries([{ path: MANIFEST_SUBJECT_NAME, size: 0, sha256: sha256Hex('') }])
    expect(() => buildStatement({ manifest: m, receipt: receipt() })).toThrow(/reserved/)
  })

  it.each([
    ['https://x-access-token:ghs_abc@github.com/o/r.git', 'https://github.com/o/r.git'],
    ['https://github.com/o/r?token=abc#frag', 'https://github.com/o/r'],
    ['ssh://git@github.com/o/r.git', 'ssh://github.com/o/r.git'],
    ['git@github.com:o/r.git', 'git@github.com:o/r.git'],
    [null, 'unknown'],
    ['', 'unknown'],
    ['not a url', 'unknown']
  ])('strips credentials from the commit subject: %s', (input, want) => {
    expect(subjectRepository(input)).toBe(want)
  })

  it('digests exactly the DSSE payload bytes and parses them back', () => {
    const s = buildStatement({ manifest, receipt: receipt() })
    const payload = statementPayloadBytes(s)
    expect(statementDigest(payload)).toBe(`sha256:${sha256Hex(payload)}`)
    expect(parseStatement(payload)).toEqual(s)
    const spaced = Buffer.from(JSON.stringify(s, null, 1))
    expect(statementDigest(spaced)).not.toBe(statementDigest(payload))
  })

  it.each([
    ['not JSON', 'nope'],
    ['an array', '[]'],
    [
      'another _type',
      JSON.stringify({ _type: 'x', subject: [{ name: 'a', digest: {} }], predicateType: 'p' })
    ],
    [
      'no subjects',
      JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [], predicateType: 'p' })
    ],
    [
      'a subject without digest',
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'a' }],
        predicateType: 'p'
      })
    ],
    [
      'a non-string digest',
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'a', digest: { sha256: 1 } }],
        predicateType: 'p'
      })
    ],
    [
      'no predicateType',
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'a', digest: {} }]
      })
    ]
  ])('rejects a payload with %s', (_n, text) => {
    expect(() => parseStatement(Buffer.from(text))).toThrow(
      expect.objectContaining({ code: 'STATEMENT_INVALID' })
    )
  })
})

describeShared('statements over real AIIR receipts', () => {
  const v2 = sharedPath(
    'vectors/aiir/receipts/unsigned-v2/receipt_0136dd109a8f_a256b217c11cbb49.json'
  )
  const v1 = sharedPath(
    'vectors/aiir/receipts/signed-v1/receipt_25efd95ac696_a256d63a8ac45ea8.json'
  )

  it('wraps a v2 receipt with the /v2 predicate and its repository', () => {
    const r = JSON.parse(readFileSync(v2, 'utf8'))
    const s = buildStatement({ manifest, receipt: r })
    expect(s.predicateType).toBe(PREDICATE_AIIR_V2)
    expect(s.subject.at(-1)).toEqual({
      name: `https://github.com/invariant-systems-ai/aiir.git@${SHA}`,
      digest: { gitCommit: SHA }
    })
  })

  it('wraps a v1 receipt with the /v1 predicate', () => {
    expect(existsSync(v1)).toBe(true)
    const s = buildStatement({ manifest, receipt: JSON.parse(readFileSync(v1, 'utf8')) })
    expect(s.predicateType).toBe(PREDICATE_AIIR_V1)
  })
})
