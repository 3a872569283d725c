/** Tokens of the OpenQASM 3 subset that ISA circuits use; the parser is in qasm.ts. */
import { QprovError } from '../errors.js'

export interface Token {
  kind: 'id' | 'num' | 'hw' | 'str' | 'op' | 'eof'
  text: string
  line: number
}

const OPS = new Set([
  '**',
  '->',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<<',
  '>>',
  '++',
  '+=',
  '-=',
  '*=',
  '/='
])
const SINGLE = /^[-+*/%=<>!~&|^()[\]{};,:@?.]$/

export function tokenize(src: string): Token[] {
  const out: Token[] = []
  let i = 0
  let line = 1
  const fail = (msg: string): never => {
    throw new QprovError('TARGET_MISMATCH', `line ${line}: ${msg}`)
  }
  while (i < src.length) {
    const c = src[i]
    if (c === '\n') {
      line++
      i++
    } else if (/\s/.test(c)) i++
    else if (src.startsWith('//', i)) while (i < src.length && src[i] !== '\n') i++
    else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2)
      if (end < 0) fail('unterminated comment')
      for (const ch of src.slice(i, end)) if (ch === '\n') line++
      i = end + 2
    } else if (c === '"' || c === "'") {
      const end = src.indexOf(c, i + 1)
      if (end < 0 || src.slice(i, end).includes('\n')) fail('unterminated string')
      out.push({ kind: 'str', text: src.slice(i + 1, end), line })
      i = end + 1
    } else if (c === '$') {
      const m =
        /^\$(\d+)/.exec(src.slice(i, i + 12)) ?? fail("'$' must be followed by a qubit number")
      out.push({ kind: 'hw', text: m[1], line })
      i += m[0].length
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(dt|ns|us|µs|ms|s|im)?/.exec(src.slice(i, i + 64))
      if (!m) fail(`bad number at '${src.slice(i, i + 8)}'`)
      out.push({ kind: 'num', text: m![0], line })
      i += m![0].length
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(src.slice(i, i + 256))!
      out.push({ kind: 'id', text: m[0], line })
      i += m[0].length
    } else {
      const two = src.slice(i, i + 2)
      const op = OPS.has(two) ? two : c
      if (op.length === 1 && !SINGLE.test(op)) fail(`unexpected character '${c}'`)
      out.push({ kind: 'op', text: op, line })
      i += op.length
    }
  }
  out.push({ kind: 'eof', text: '', line })
  return out
}
