import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanDeep, cleanLines, cleanText, cutText, hasUnsafeText } from '../src/untrusted-text.js'
import { runs } from './helpers/property.js'

const F = '\ufffd'

/**
 * What the cleaner must remove, written out by code point independently of its regex: C0, DEL,
 * C1, line and paragraph separators, bidi controls, zero-width and invisible characters, tags,
 * variation selectors, Hangul fillers, lone surrogates.
 */
function forbidden(cp: number): boolean {
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  )
}

const codePoints = (s: string): number[] => Array.from(s, c => c.codePointAt(0) as number)

/** Hostile characters, lone surrogates among them, mixed with arbitrary code points. */
export const hostileString = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\n',
        '\r',
        '\t',
        '\u001b',
        '\u0007',
        '\u0085',
        '\u009b',
        '\u007f',
        '\u2028',
        '\u2029',
        '\u202e',
        '\u2066',
        '\u2069',
        '\u200b',
        '\u200d',
        '\u200e',
        '\u061c',
        '\ufeff',
        '\u3164',
        '\ufe0f',
        '\u{e0041}',
        '\ud800',
        '\udfff',
        '::',
        '##[',
        '%0A',
        ' ',
        '<',
        '|'
      ),
      fc.string({ unit: 'binary', maxLength: 4 })
    ),
    { maxLength: 24 }
  )
  .map(parts => parts.join(''))

describe('the cleaner', () => {
  it.each([
    ['a line break', 'job\n::warning ::x', `job${F}::warning ::x`],
    ['CR, CRLF and NEL', 'a\rb\r\nc\u0085d', `a${F}b${F}${F}c${F}d`],
    ['a tab and DEL', 'a\tb\u007fc', `a${F}b${F}c`],
    [
      'an ANSI colour and an OSC 8 link',
      '\u001b[31mred\u001b]8;;x\u0007',
      `${F}[31mred${F}]8;;x${F}`
    ],
    ['an 8-bit CSI', '\u009b2J', `${F}2J`],
    ['line and paragraph separators', 'a\u2028b\u2029c', `a${F}b${F}c`],
    [
      'bidi overrides, embeddings, isolates and marks',
      '\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl',
      `${F}a${F}b${F}c${F}d${F}e${F}f${F}g${F}h${F}i${F}j${F}k${F}l`
    ],
    [
      'zero-width characters and a BOM',
      'a\u200bb\u200cc\u200dd\u2060e\ufefff',
      `a${F}b${F}c${F}d${F}e${F}f`
    ],
    ['a soft hyphen and a Hangul filler', 'pay\u00adpal\u3164', `pay${F}pal${F}`],
    ['tag characters (ASCII smuggling)', 'ok\u{e0041}\u{e0042}', `ok${F}${F}`],
    ['a variation selector', 'x\ufe0f', `x${F}`],
    ['a lone surrogate', 'a\ud800b\udc00', `a${F}b${F}`]
  ])('replaces %s, one U+FFFD per code point', (_, input, expected) => {
    expect(cleanText(input)).toBe(expected)
    expect(hasUnsafeText(input)).toBe(true)
  })

  it('keeps ordinary text of every script, emoji and a surrogate pair as they are', () => {
    const s = 'Grüße, 量子, مرحبا, שלום, 😀, 𝔸 job_ab-12.qprov.json %0A :: ##[ <b>'
    expect(cleanText(s)).toBe(s)
    expect(hasUnsafeText(s)).toBe(false)
  })

  it('cleanLines keeps LF and nothing else', () => {
    expect(cleanLines('a\nb\r\nc\u2028d')).toBe(`a\nb${F}\nc${F}d`)
  })

  it('cleanDeep cleans every string, keys included, and keeps the shape and other values', () => {
    const buf = Buffer.from('x\ny')
    const out = cleanDeep({
      'k\n': ['a\u202e', 1, null, true, { deep: '\u001b' }],
      buf,
      n: undefined
    })
    expect(out).toEqual({ [`k${F}`]: [`a${F}`, 1, null, true, { deep: F }], buf, n: undefined })
    expect(out.buf).toBe(buf)
  })

  it('cutText never splits a surrogate pair and stays within the limit', () => {
    expect(cutText('abcdef', 4)).toBe('abc…')
    expect(cutText('ab😀cd', 4)).toBe('ab…')
    expect(cutText('abc', 3)).toBe('abc')
    expect(cutText('abc', 0)).toBe('')
  })

  it('property: cleaned text holds no control, bidi, separator or invisible character', () => {
    fc.assert(
      fc.property(hostileString, s => {
        const out = cleanText(s)
        expect(codePoints(out).filter(forbidden)).toEqual([])
        expect(hasUnsafeText(out)).toBe(false)
        expect(cleanText(out)).toBe(out)
        // One replacement per code point: nothing is dropped, so nothing hides by vanishing.
        expect(codePoints(out)).toHaveLength(codePoints(s).length)
      }),
      runs()
    )
  })

  it('property: cleanLines leaves only LF of the forbidden set', () => {
    fc.assert(
      fc.property(hostileString, s => {
        expect(codePoints(cleanLines(s)).filter(cp => forbidden(cp) && cp !== 0x0a)).toEqual([])
        expect(cleanLines(s).split('\n')).toHaveLength(s.split('\n').length)
      }),
      runs()
    )
  })

  it('property: a cut is well-formed text no longer than the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(45), (s, n) => {
        const out = cutText(s, n)
        expect(out.length).toBeLessThanOrEqual(Math.max(n, 0))
        expect(out).not.toMatch(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
        )
        if (s.length <= n) expect(out).toBe(s)
      }),
      runs()
    )
  })
})
