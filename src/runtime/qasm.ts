/**
 * A tokenizer and recursive-descent parser for the OpenQASM 3 subset that ISA circuits use (what
 * Qiskit's `qasm3.dumps` writes for a transpiled circuit). It keeps what a target check needs: each
 * quantum instruction with its operands and parameter count, and the declared registers.
 * qasm-ts 2.1 cannot parse `measure $0` or `reset $0`, hence this parser (docs/architecture.md).
 */
import { QprovError } from '../errors.js'

export type Operand = { physical: number } | { register: string; index?: string }

export interface Instruction {
  kind:
    | 'gate'
    | 'measure'
    | 'reset'
    | 'barrier'
    | 'delay'
    | 'if_else'
    | 'for_loop'
    | 'while_loop'
    | 'switch_case'
  name: string
  operands: Operand[]
  paramCount: number
  /** `ctrl`, `inv`, `pow`, `negctrl`: a modified gate is never native. */
  modifiers: string[]
  line: number
}

export interface Circuit {
  instructions: Instruction[]
  /** `qubit[n] q;` / `qreg q[n];`: virtual qubits. */
  qubitRegisters: { name: string; size: number; line: number }[]
  bitRegisters: { name: string; size: number }[]
  /** Names given a body by `gate name … { … }`. */
  definedGates: string[]
}

interface Token {
  kind: 'id' | 'num' | 'hw' | 'str' | 'op' | 'eof'
  text: string
  line: number
}

const OPS = [
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
]

function tokenize(src: string): Token[] {
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
      const op = OPS.includes(two) ? two : c
      if (!/^[-+*/%=<>!~&|^()[\]{};,:@?.]+$/.test(op)) fail(`unexpected character '${c}'`)
      out.push({ kind: 'op', text: op, line })
      i += op.length
    }
  }
  out.push({ kind: 'eof', text: '', line })
  return out
}

const CONTROL: Record<string, Instruction['kind']> = {
  if: 'if_else',
  for: 'for_loop',
  while: 'while_loop',
  switch: 'switch_case'
}
const MODIFIERS = new Set(['ctrl', 'negctrl', 'inv', 'pow'])
const TYPES = new Set([
  'float',
  'angle',
  'int',
  'uint',
  'bool',
  'bit',
  'complex',
  'duration',
  'stretch'
])

class Parser {
  private pos = 0
  readonly circuit: Circuit = {
    instructions: [],
    qubitRegisters: [],
    bitRegisters: [],
    definedGates: []
  }

  constructor(private readonly t: Token[]) {}

  private peek(ahead = 0): Token {
    return this.t[Math.min(this.pos + ahead, this.t.length - 1)]
  }
  private next(): Token {
    return this.t[Math.min(this.pos++, this.t.length - 1)]
  }
  private is(text: string, ahead = 0): boolean {
    const k = this.peek(ahead)
    return k.kind !== 'str' && k.text === text
  }
  private fail(msg: string, tok = this.peek()): never {
    // One line whatever the source holds: the message ends up in `qprov: error …`.
    throw new QprovError('TARGET_MISMATCH', `line ${tok.line}: ${msg.replace(/\s+/g, ' ')}`)
  }
  private expect(text: string): Token {
    if (!this.is(text))
      this.fail(`expected '${text}', found '${this.peek().text || 'end of file'}'`)
    return this.next()
  }
  private ident(): string {
    const k = this.next()
    if (k.kind !== 'id') this.fail(`expected a name, found '${k.text || 'end of file'}'`, k)
    return k.text
  }

  program(): Circuit {
    if (this.is('OPENQASM')) {
      this.next()
      const v = this.next()
      if (v.kind !== 'num' || !/^3(\.\d+)?$/.test(v.text))
        this.fail('only OpenQASM 3 is supported', v)
      this.expect(';')
    }
    while (this.peek().kind !== 'eof') this.statement()
    return this.circuit
  }

  /** Tokens up to the matching close bracket, e.g. a gate body or an index list. */
  private skipBalanced(open: string, close: string): string {
    this.expect(open)
    let depth = 1
    const parts: string[] = []
    while (depth > 0) {
      const k = this.next()
      if (k.kind === 'eof') this.fail(`unbalanced '${open}'`, k)
      if (k.text === open && k.kind === 'op') depth++
      if (k.text === close && k.kind === 'op') depth--
      if (depth > 0) parts.push(k.kind === 'hw' ? `$${k.text}` : k.text)
    }
    return parts.join('')
  }

  /** One expression: operators, calls and brackets, until a ',' or closer at depth 0. */
  private expression(): void {
    let depth = 0
    let seen = 0
    for (;;) {
      const k = this.peek()
      if (k.kind === 'eof') this.fail('unexpected end of file in an expression', k)
      if (k.kind === 'op' && depth === 0 && [',', ')', ']', ';', '}'].includes(k.text)) break
      if (k.kind === 'op' && ['(', '['].includes(k.text)) depth++
      if (k.kind === 'op' && [')', ']'].includes(k.text)) depth--
      this.next()
      seen++
    }
    if (seen === 0) this.fail(`expected an expression, found '${this.peek().text}'`)
  }

  private size(): number {
    const k = this.next()
    if (k.kind !== 'num' || !/^\d+$/.test(k.text))
      this.fail('a register size must be an integer', k)
    this.expect(']')
    return Number(k.text)
  }

  private operand(): Operand {
    const k = this.peek()
    if (k.kind === 'hw') {
      this.next()
      return { physical: Number(k.text) }
    }
    const register = this.ident()
    if (!this.is('[')) return { register }
    return { register, index: this.skipBalanced('[', ']') }
  }

  private operands(): Operand[] {
    const out: Operand[] = []
    if (this.is(';')) return out
    out.push(this.operand())
    while (this.is(',')) {
      this.next()
      out.push(this.operand())
    }
    return out
  }

  private push(
    kind: Instruction['kind'],
    name: string,
    line: number,
    operands: Operand[] = [],
    paramCount = 0,
    modifiers: string[] = []
  ): void {
    this.circuit.instructions.push({ kind, name, operands, paramCount, modifiers, line })
  }

  private block(): void {
    if (!this.is('{')) return this.statement()
    this.next()
    while (!this.is('}')) {
      if (this.peek().kind === 'eof') this.fail("missing '}'")
      this.statement()
    }
    this.next()
  }

  private statement(): void {
    const k = this.peek()
    const word = k.kind === 'id' ? k.text : ''
    if (k.kind === 'op' && k.text === ';') return void this.next()
    if (word === 'include') {
      this.next()
      if (this.next().kind !== 'str') this.fail('include needs a file name', k)
      return void this.expect(';')
    }
    if (word === 'qubit' || word === 'bit') return this.declaration(word)
    if (word === 'qreg' || word === 'creg') {
      this.next()
      const name = this.ident()
      const size = this.is('[') ? (this.next(), this.size()) : 1
      if (word === 'qreg') this.circuit.qubitRegisters.push({ name, size, line: k.line })
      else this.circuit.bitRegisters.push({ name, size })
      return void this.expect(';')
    }
    if (word === 'input' || word === 'output' || word === 'const' || TYPES.has(word)) {
      // Classical declarations (parameters of a parametric circuit): nothing quantum in them.
      while (!this.is(';')) {
        if (this.peek().kind === 'eof') this.fail("missing ';'")
        this.next()
      }
      return void this.next()
    }
    if (word === 'gate' || word === 'def') {
      this.next()
      this.circuit.definedGates.push(this.ident())
      while (!this.is('{')) {
        if (this.peek().kind === 'eof') this.fail("missing '{' after a gate definition", k)
        this.next()
      }
      this.skipBalanced('{', '}')
      return
    }
    if (word in CONTROL) {
      this.next()
      if (this.is('(')) this.skipBalanced('(', ')')
      else while (!this.is('{') && this.peek().kind !== 'eof') this.next() // for T x in [a:b]
      this.push(CONTROL[word], word === 'if' ? 'if_else' : CONTROL[word], k.line)
      if (word === 'switch') {
        this.expect('{')
        while (!this.is('}')) {
          const label = this.ident()
          if (label !== 'case' && label !== 'default')
            this.fail(`expected 'case' or 'default', found '${label}'`)
          while (!this.is('{') && this.peek().kind !== 'eof') this.next()
          this.block()
        }
        return void this.next()
      }
      this.block()
      if (word === 'if' && this.is('else')) {
        this.next()
        this.block()
      }
      return
    }
    if (word === 'barrier' || word === 'reset') {
      this.next()
      this.push(word, word, k.line, this.operands())
      if (word === 'reset' && this.circuit.instructions.at(-1)!.operands.length === 0)
        this.fail('reset needs a qubit', k)
      return void this.expect(';')
    }
    if (word === 'delay') {
      this.next()
      this.skipBalanced('[', ']')
      this.push('delay', 'delay', k.line, this.operands())
      return void this.expect(';')
    }
    if (word === 'measure') {
      this.next()
      this.push('measure', 'measure', k.line, [this.operand()])
      if (this.is('->')) {
        this.next()
        this.operand()
      }
      return void this.expect(';')
    }
    if (k.kind === 'id' && (this.is('=', 1) || (this.is('[', 1) && this.assignsAfterIndex()))) {
      this.operand()
      this.expect('=')
      if (this.is('measure')) {
        const m = this.next()
        this.push('measure', 'measure', m.line, [this.operand()])
      } else this.expression()
      return void this.expect(';')
    }
    return this.gateCall()
  }

  /** `c[0] = …` rather than a gate applied to `c[0]`: look past the brackets for '='. */
  private assignsAfterIndex(): boolean {
    let depth = 0
    for (let i = 1; ; i++) {
      const k = this.peek(i)
      if (k.kind === 'eof') return false
      if (k.text === '[') depth++
      if (k.text === ']' && --depth === 0) return this.peek(i + 1).text === '='
    }
  }

  private declaration(word: 'qubit' | 'bit'): void {
    const k = this.next()
    const size = this.is('[') ? (this.next(), this.size()) : 1
    const name = this.ident()
    if (word === 'qubit') this.circuit.qubitRegisters.push({ name, size, line: k.line })
    else this.circuit.bitRegisters.push({ name, size })
    if (word === 'bit' && this.is('=')) {
      this.next()
      if (this.is('measure')) {
        this.next()
        this.push('measure', 'measure', k.line, [this.operand()])
      } else this.expression()
    }
    this.expect(';')
  }

  private gateCall(): void {
    const start = this.peek()
    const modifiers: string[] = []
    while (this.peek().kind === 'id' && MODIFIERS.has(this.peek().text)) {
      modifiers.push(this.next().text)
      if (this.is('(')) this.skipBalanced('(', ')')
      this.expect('@')
    }
    const name = this.ident()
    let paramCount = 0
    if (this.is('(')) {
      this.next()
      while (!this.is(')')) {
        this.expression()
        paramCount++
        if (this.is(',')) this.next()
      }
      this.next()
    }
    if (this.is('[')) this.skipBalanced('[', ']') // a duration designator
    const operands = this.operands()
    if (operands.length === 0) this.fail(`gate '${name}' is applied to no qubit`, start)
    this.push('gate', name, start.line, operands, paramCount, modifiers)
    this.expect(';')
  }
}

/** Parses an OpenQASM 3 program; a syntax error is a QprovError naming the line. */
export function parseQasm(source: string): Circuit {
  return new Parser(tokenize(source)).program()
}

export function formatOperand(o: Operand): string {
  if ('physical' in o) return `$${o.physical}`
  return o.index === undefined ? o.register : `${o.register}[${o.index}]`
}
