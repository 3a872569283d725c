/** The emulator's scannerless reading position over an OpenQASM 3 source (isa.ts walks it). */

/** The source could not be read at all (as opposed to read and found not to be ISA). */
export class Unreadable extends Error {}

export class Cursor {
  i = 0
  constructor(readonly s: string) {}

  skip(): void {
    for (;;) {
      while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i])) this.i++
      if (this.s.startsWith('//', this.i)) this.i = this.lineEnd()
      else if (this.s.startsWith('/*', this.i)) {
        const e = this.s.indexOf('*/', this.i)
        if (e < 0) throw new Unreadable('unterminated comment')
        this.i = e + 2
      } else return
    }
  }
  lineEnd(): number {
    const e = this.s.indexOf('\n', this.i)
    return e < 0 ? this.s.length : e
  }
  done(): boolean {
    this.skip()
    return this.i >= this.s.length
  }
  peek(): string {
    this.skip()
    return this.s[this.i] ?? ''
  }
  eat(text: string): boolean {
    this.skip()
    if (!this.s.startsWith(text, this.i)) return false
    // A keyword is a whole word: `case` must not match the start of `cases`.
    if (/\w$/.test(text) && /[\p{L}\p{N}_]/u.test(this.s[this.i + text.length] ?? '')) return false
    this.i += text.length
    return true
  }
  need(text: string): void {
    if (!this.eat(text))
      throw new Unreadable(`expected '${text}' near '${this.s.slice(this.i, this.i + 20)}'`)
  }
  word(): string {
    this.skip()
    const m = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(this.s.slice(this.i, this.i + 200))
    if (!m) return ''
    this.i += m[0].length
    return m[0]
  }
  /** The next word, without moving. */
  lookWord(): string {
    const at = this.i
    const w = this.word()
    this.i = at
    return w
  }
  int(): number {
    this.skip()
    const m = /^\d+/.exec(this.s.slice(this.i, this.i + 12))
    if (!m) throw new Unreadable(`expected a number near '${this.s.slice(this.i, this.i + 20)}'`)
    this.i += m[0].length
    return Number(m[0])
  }
  /** Text up to `stop` at bracket depth 0 (the stop itself is not consumed). */
  until(stop: string): string {
    const from = this.i
    let depth = 0
    while (this.i < this.s.length) {
      const c = this.s[this.i]
      if (depth === 0 && stop.includes(c)) return this.s.slice(from, this.i)
      if ('([{'.includes(c)) depth++
      if (')]}'.includes(c)) depth--
      this.i++
    }
    throw new Unreadable(`missing '${stop}'`)
  }
  /** `(…)`, `[…]` or `{…}` with its brackets, returning what is inside. */
  bracketed(open: string, close: string): string {
    this.need(open)
    const inside = this.until(close)
    this.need(close)
    return inside
  }
}
