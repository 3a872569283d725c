/**
 * Where a JSON text stops being JSON, as line and column, so that a parse error can name the
 * place without quoting the text: V8's messages quote a snippet of the input (part of a secret,
 * terminal escapes) and give no position when the error is an unexpected character.
 */

export interface TextPosition {
  /** 0-based offset in UTF-16 units. */
  offset: number
  /** 1-based. */
  line: number
  /** 1-based, in UTF-16 units. */
  column: number
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d])
const LITERALS = ['true', 'false', 'null']
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c)

/**
 * The offset of the first character that cannot continue a JSON text (the text's length when
 * it ends early), or undefined when the text is JSON: the offset V8 reports where it reports
 * one. Iterative, so nesting depth costs no stack.
 */
export function jsonErrorOffset(s: string): number | undefined {
  let i = 0
  const open: ('[' | '{')[] = []
  const skipWs = () => {
    while (i < s.length && WS.has(s.charCodeAt(i))) i++
  }
  const digits = () => {
    while (isDigit(s[i])) i++
  }
  // Each scanner returns false with i at the offending character.
  const string = (): boolean => {
    i++
    while (i < s.length) {
      const c = s[i] as string
      if (c === '"') {
        i++
        return true
      }
      if (c < ' ') return false
      if (c === '\\') {
        i++
        if (s[i] === 'u') {
          for (let k = 0; k < 4; k++) if (!isHex(s[++i])) return false
          i++
        } else if (ESCAPES.has(s[i] as string)) i++
        else return false
      } else i++
    }
    return false
  }
  const number = (): boolean => {
    if (s[i] === '-') i++
    if (s[i] === '0') i++
    else if (isDigit(s[i])) digits()
    else return false
    if (s[i] === '.') {
      i++
      if (!isDigit(s[i])) return false
      digits()
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++
      if (s[i] === '+' || s[i] === '-') i++
      if (!isDigit(s[i])) return false
      digits()
    }
    return true
  }
  const literal = (): boolean => {
    const word = LITERALS.find(w => w[0] === s[i]) as string
    let k = 0
    while (k < word.length && s[i + k] === word[k]) k++
    i += k
    return k === word.length
  }
  // A member name and its colon.
  const key = (): boolean => {
    skipWs()
    if (s[i] !== '"' || !string()) return false
    skipWs()
    if (s[i] !== ':') return false
    i++
    return true
  }
  let wantValue = true
  for (;;) {
    skipWs()
    const c = s[i]
    if (wantValue) {
      if (c === '[' || c === '{') {
        i++
        skipWs()
        if (s[i] === (c === '[' ? ']' : '}')) {
          i++
          wantValue = false
          continue
        }
        open.push(c)
        if (c === '{' && !key()) return i
        continue
      }
      const ok =
        c === '"'
          ? string()
          : c === 't' || c === 'f' || c === 'n'
            ? literal()
            : c === '-' || isDigit(c)
              ? number()
              : false
      if (!ok) return i
      wantValue = false
      continue
    }
    const top = open[open.length - 1]
    if (top === undefined) return i < s.length ? i : undefined
    if (c === ',') {
      i++
      if (top === '{' && !key()) return i
      wantValue = true
    } else if (c === (top === '[' ? ']' : '}')) {
      i++
      open.pop()
    } else return i
  }
}

export function positionOf(text: string, offset: number): TextPosition {
  let line = 1
  let lineStart = 0
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++
    lineStart = k + 1
  }
  return { offset, line, column: offset - lineStart + 1 }
}
