/**
 * A JSON parser that keeps what `JSON.parse` throws away: a number written `1.0`, `1e0` or beyond
 * 2^53 stays recognisable as a literal, so it can never hash as if it were the integer `1`.
 * Python's `json` (the AIIR reference) keeps those forms apart, so we must too.
 */

/** A number whose literal is not a safe integer (floats, exponents, huge integers, NaN, Infinity). */
export class NumberLiteral {
  constructor(readonly literal: string) {}
}

export class JsonSyntaxError extends Error {}

const MAX_PARSE_DEPTH = 1000

/** Parses JSON text. Accepts NaN/Infinity like Python's json.loads; duplicate keys keep the last. */
export function parseJsonLiteral(text: string): unknown {
  const p = new Parser(text)
  p.ws()
  const v = p.value(0)
  p.ws()
  if (p.i !== text.length) p.fail('extra data')
  return v
}

const WS = new Set([' ', '\t', '\n', '\r'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const SAFE_INT = /^-?(?:0|[1-9]\d*)$/

class Parser {
  i = 0
  constructor(readonly s: string) {}

  fail(what: string): never {
    throw new JsonSyntaxError(`${what} at offset ${this.i}`)
  }

  ws(): void {
    while (this.i < this.s.length && WS.has(this.s[this.i])) this.i++
  }

  value(depth: number): unknown {
    if (depth > MAX_PARSE_DEPTH) this.fail('nesting too deep')
    const c = this.s[this.i]
    if (c === '{') return this.object(depth)
    if (c === '[') return this.array(depth)
    if (c === '"') return this.string()
    for (const [word, v] of WORDS) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length
        return v
      }
    }
    return this.number()
  }

  object(depth: number): Record<string, unknown> {
    const o: Record<string, unknown> = {}
    this.i++
    this.ws()
    if (this.s[this.i] === '}') {
      this.i++
      return o
    }
    for (;;) {
      if (this.s[this.i] !== '"') this.fail('expected property name')
      const k = this.string()
      this.ws()
      if (this.s[this.i] !== ':') this.fail("expected ':'")
      this.i++
      this.ws()
      const v = this.value(depth + 1)
      // defineProperty: a key named "__proto__" must stay data, never reach the prototype
      Object.defineProperty(o, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true
      })
      this.ws()
      const c = this.s[this.i++]
      if (c === '}') return o
      if (c !== ',') this.fail("expected ',' or '}'")
      this.ws()
    }
  }

  array(depth: number): unknown[] {
    const a: unknown[] = []
    this.i++
    this.ws()
    if (this.s[this.i] === ']') {
      this.i++
      return a
    }
    for (;;) {
      a.push(this.value(depth + 1))
      this.ws()
      const c = this.s[this.i++]
      if (c === ']') return a
      if (c !== ',') this.fail("expected ',' or ']'")
      this.ws()
    }
  }

  string(): string {
    const start = this.i
    this.i++
    for (;;) {
      const c = this.s.charCodeAt(this.i)
      if (Number.isNaN(c)) this.fail('unterminated string')
      if (c === 0x22) break
      if (c < 0x20) this.fail('control character in string')
      this.i += c === 0x5c ? 2 : 1
    }
    this.i++
    try {
      return JSON.parse(this.s.slice(start, this.i)) as string
    } catch {
      this.i = start
      return this.fail('invalid string escape')
    }
  }

  number(): number | NumberLiteral {
    NUMBER.lastIndex = this.i
    const m = NUMBER.exec(this.s)
    if (!m) this.fail('unexpected character')
    this.i += m[0].length
    const n = Number(m[0])
    return SAFE_INT.test(m[0]) && Number.isSafeInteger(n) ? n : new NumberLiteral(m[0])
  }
}

const WORDS: [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', new NumberLiteral('NaN')],
  ['Infinity', new NumberLiteral('Infinity')],
  ['-Infinity', new NumberLiteral('-Infinity')]
]
