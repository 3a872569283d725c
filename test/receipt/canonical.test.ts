import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, compareCodePoints } from '../../src/receipt/canonical-json.js'
import { stripCredentials } from '../../src/receipt/credentials.js'
import { coreHashes } from '../../src/receipt/hashes.js'
import { parseJsonLiteral } from '../../src/receipt/json-literal.js'
import { pyRepr } from '../../src/receipt/py-repr.js'
import { verifyReceipt } from '../../src/receipt/verify.js'
import { detectAi, trailers } from '../../src/receipt/ai-markers.js'
import { PatchStreamHasher } from '../../src/receipt/diff-batch.js'
import { sha256Hex } from '../../src/receipt/hashes.js'
import { runs } from '../helpers/property.js'

const { value: jsonValue } = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.maxSafeInteger(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 4 })
  )
}))

describe('canonical JSON (properties)', () => {
  it('is pure ASCII and parses back to the same value', () => {
    fc.assert(
      fc.property(jsonValue, v => {
        const c = canonicalJson(v)
        expect(/^[\x20-\x7e]*$/.test(c)).toBe(true)
        expect(JSON.parse(c)).toEqual(v)
      }),
      runs()
    )
  })

  it('is a fixed point: canonicalising the parsed canonical text gives the same bytes', () => {
    fc.assert(
      fc.property(jsonValue, v => {
        expect(canonicalJson(parseJsonLiteral(canonicalJson(v)))).toBe(canonicalJson(v))
      }),
      runs()
    )
  })

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.maxSafeInteger()), d => {
        const reversed = Object.fromEntries(Object.entries(d).reverse())
        expect(canonicalJson(reversed)).toBe(canonicalJson(d))
      }),
      runs()
    )
  })

  it('orders keys by code point, and agrees with JSON.stringify on ASCII-only sorted objects', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({
            unit: fc.integer({ min: 0x20, max: 0x7e }).map(c => String.fromCharCode(c))
          }),
          fc.integer()
        ),
        d => {
          const keys = Object.keys(d).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
          const expected = `{${keys.map(k => `${JSON.stringify(k)}:${d[k]}`).join(',')}}`
          expect(canonicalJson(d)).toBe(expected)
        }
      ),
      runs()
    )
    expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBeGreaterThan(0)
    expect(canonicalJson({ '\u{1F600}': 1, '\uFFFF': 2 })).toBe('{"\\uffff":2,"\\ud83d\\ude00":1}')
  })

  it('uses the reference escapes for controls, DEL and non-ASCII', () => {
    expect(canonicalJson('\b\t\n\f\r\x00\x1f"\\\x7f\u00e9\u2028')).toBe(
      '"\\b\\t\\n\\f\\r\\u0000\\u001f\\"\\\\\\u007f\\u00e9\\u2028"'
    )
  })

  it('rejects NaN, floats, unsafe integers and nesting deeper than 64', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow()
    expect(() => canonicalJson(1.5)).toThrow()
    expect(() => canonicalJson(2 ** 53)).toThrow()
    expect(() => canonicalJson(parseJsonLiteral('1.0'))).toThrow()
    let deep: unknown = 1
    for (let i = 0; i < 64; i++) deep = [deep]
    expect(() => canonicalJson(deep)).not.toThrow()
    expect(() => canonicalJson([deep])).toThrow('receipt structure too deeply nested')
  })
})

describe('verification details', () => {
  const core = {
    type: 'aiir.commit_receipt',
    schema: 'aiir/commit_receipt.v1',
    version: '1.0.0',
    commit: { files_changed: 1 },
    ai_attestation: {},
    provenance: {}
  }

  it('does not accept a core number written 1.0 for a hash made over 1', () => {
    const { contentHash, receiptId } = coreHashes(core)
    const text = JSON.stringify({ ...core, receipt_id: receiptId, content_hash: contentHash })
    expect(verifyReceipt(parseJsonLiteral(text)).valid).toBe(true)
    for (const lit of ['1.0', '1e0', '10E-1']) {
      const v = verifyReceipt(
        parseJsonLiteral(text.replace('"files_changed":1', `"files_changed":${lit}`))
      )
      expect(v.valid).toBe(false)
      expect(v.expected_content_hash).toBeUndefined()
    }
  })

  it('accumulates every pre-check error before hashing', () => {
    expect(verifyReceipt({}).errors).toEqual([
      'unknown receipt type: None',
      "unknown schema: ''",
      'invalid version format: None'
    ])
  })

  it('prints values the way Python repr does', () => {
    expect(pyRepr(null)).toBe('None')
    expect(pyRepr(['a', 1, true])).toBe("['a', 1, True]")
    expect(pyRepr("it's")).toBe('"it\'s"')
    expect(pyRepr('a\'b"c')).toBe("'a\\'b\"c'")
    expect(pyRepr('hum\u200ban\n')).toBe("'hum\\u200ban\\n'")
    expect(pyRepr('é世\x7f')).toBe("'é世\\x7f'")
    expect(pyRepr({ k: null })).toBe("{'k': None}")
    expect(pyRepr(parseJsonLiteral('1.0'))).toBe('1.0')
    expect(pyRepr(parseJsonLiteral('1e16'))).toBe('1e+16')
    expect(pyRepr(parseJsonLiteral('0.00001'))).toBe('1e-05')
    expect(pyRepr(parseJsonLiteral('123.456'))).toBe('123.456')
    expect(pyRepr(parseJsonLiteral('99999999999999999999'))).toBe('99999999999999999999')
  })
})

describe('credential stripping of repository URLs', () => {
  const cases: [string, string][] = [
    ['https://x-access-token:ghs_abc@github.com/o/r.git', 'https://github.com/o/r.git'],
    ['https://tok@GitHub.com/O/R', 'https://github.com/O/R'],
    ['https://GitHub.com/O/R', 'https://GitHub.com/O/R'],
    ['https://github.com/o/r?token=abc', 'https://github.com/o/r'],
    ['https://github.com/o/r#frag', 'https://github.com/o/r'],
    ['ssh://git@github.com/o/r.git', 'ssh://github.com/o/r.git'],
    ['git@github.com:o/r.git', 'git@github.com:o/r.git'],
    ['https://u@[::1]:8080/r', 'https://::1:8080/r'],
    ['https://u@host:notaport/r', '[credential-redacted-url]']
  ]
  for (const [input, output] of cases)
    it(`maps ${input} to ${output}`, () => expect(stripCredentials(input)).toBe(output))
})

describe('qprov AI markers', () => {
  const people = {
    authorName: 'Dev',
    authorEmail: 'dev@example.com',
    committerName: 'Dev',
    committerEmail: 'dev@example.com'
  }
  it('reads trailers only from the final paragraph', () => {
    expect(trailers('subj\n\nCo-authored-by: Claude <x>')).toEqual([
      ['co-authored-by', 'Claude <x>']
    ])
    expect(trailers('Co-authored-by: Claude <x>')).toEqual([])
  })
  it('classifies human, AI, bot and AI+bot commits', () => {
    expect(
      detectAi({ ...people, message: 'fix: typo\n\nCo-authored-by: Bob <bob@example.com>' })
        .authorship_class
    ).toBe('human')
    expect(detectAi({ ...people, message: 'mention claude in prose only' }).is_ai_authored).toBe(
      false
    )
    const ai = detectAi({
      ...people,
      message: 'x\n\nCo-authored-by: GitHub Copilot <copilot@github.com>'
    })
    expect(ai).toMatchObject({
      authorship_class: 'ai_assisted',
      signals_detected: ['trailer:co-authored-by:copilot'],
      signal_count: 1
    })
    expect(detectAi({ ...people, message: 'x\n\nAI-Assisted: no' }).is_ai_authored).toBe(false)
    expect(
      detectAi({ ...people, message: 'x\n\nAssisted-by: Gemini 2.5' }).signals_detected
    ).toEqual(['trailer:assisted-by'])
    const agent = detectAi({
      ...people,
      authorName: 'Copilot',
      authorEmail: '198982749+Copilot@users.noreply.github.com',
      committerName: 'copilot-swe-agent[bot]',
      message: 'x'
    })
    expect(agent.signals_detected).toContain('committer_name_bot:copilot-swe-agent')
    const bot = detectAi({ ...people, authorName: 'renovate[bot]', message: 'chore(deps): bump' })
    expect(bot).toMatchObject({
      authorship_class: 'bot',
      is_bot_authored: true,
      bot_signal_count: 1
    })
    expect(
      detectAi({ ...people, authorName: 'renovate[bot]', message: 'x' }, ['Claude Code'])
        .authorship_class
    ).toBe('ai+bot')
  })
})

describe('streamed patch splitting', () => {
  const stream = Buffer.from(
    '\x01aaa\n\ndiff --git a/x b/x\n+line\n-\x01not a marker\n\x01bbb\n\x01ccc\n\ndiff --git a/y b/y\n\n+after blank\n'
  )
  const expected = new Map([
    ['aaa', `sha256:${sha256Hex('diff --git a/x b/x\n+line\n-\x01not a marker\n')}`],
    ['bbb', `sha256:${sha256Hex('')}`],
    ['ccc', `sha256:${sha256Hex('diff --git a/y b/y\n\n+after blank\n')}`]
  ])

  it('hashes each commit patch the same however the stream is chunked', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 12 }),
        cuts => {
          const h = new PatchStreamHasher()
          let prev = 0
          for (const c of [...cuts].sort((a, b) => a - b)) {
            h.push(stream.subarray(prev, c))
            prev = c
          }
          h.push(stream.subarray(prev))
          expect(h.end()).toEqual(expected)
        }
      ),
      runs()
    )
  })
})
