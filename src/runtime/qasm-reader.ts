/**
 * The shapes the OpenQASM 3 parser (qasm.ts) produces, and the token-level reading it builds on:
 * brackets, expressions, operands and parameter lists.
 */
import { QprovError } from '../errors.js'
import type { Token } from './qasm-lexer.js'

export type Operand = { physical: number } | { register: string; index?: string }

export type ControlFlowKind = 'if_else' | 'for_loop' | 'while_loop' | 'switch_case' | 'box'

export interface Instruction {
  /** 'call': `c = name q;`, a non-unitary instruction other than measure whose bit is assigned. */
  kind:
    | 'gate'
    | 'measure'
    | 'reset'
    | 'barrier'
    | 'delay'
    | 'call'
    | ControlFlowKind
    | 'break_loop'
    | 'continue_loop'
  name: string
  operands: Operand[]
  /** Each parameter as the tokens of its expression (qasm-expr.ts evaluates them). */
  params: Token[][]
  /** `ctrl`, `inv`, `pow`, `negctrl`: a modified gate is never native. */
  modifiers: string[]
  line: number
  /** Inside the body of a control-flow block. */
  nested: boolean
}

export interface Circuit {
  instructions: Instruction[]
  /** `qubit[n] q;` / `qreg q[n];`: virtual qubits. */
  qubitRegisters: { name: string; size: number; line: number }[]
  /** Declared bit registers, then `let` aliases (Qiskit writes those for overlapping registers). */
  bitRegisters: { name: string; size: number; alias?: boolean }[]
  /** Names given a body by `gate name … { … }`. */
  definedGates: string[]
  /** `input` parameters in declaration order: the circuit's free parameters. */
  inputs: string[]
}

export function formatOperand(o: Operand): string {
  if ('physical' in o) return `$${o.physical}`
  return o.index === undefined ? o.register : `${o.register}[${o.index}]`
}

export const ASSIGN = new Set(['=', '+=', '-=', '*=', '/='])

/** A cursor over tokens with the small reads every statement needs. */
export class TokenReader {
  protected pos = 0

  constructor(protected readonly t: Token[]) {}

  protected peek(ahead = 0): Token {
    return this.t[Math.min(this.pos + ahead, this.t.length - 1)]
  }
  protected next(): Token {
    return this.t[Math.min(this.pos++, this.t.length - 1)]
  }
  protected is(text: string, ahead = 0): boolean {
    const k = this.peek(ahead)
    return k.kind !== 'str' && k.text === text
  }
  protected fail(msg: string, tok = this.peek()): never {
    // One line whatever the source holds: the message ends up in `qprov: error …`.
    throw new QprovError('TARGET_MISMATCH', `line ${tok.line}: ${msg.replace(/\s+/g, ' ')}`)
  }
  protected expect(text: string): Token {
    if (!this.is(text))
      this.fail(`expected '${text}', found '${this.peek().text || 'end of file'}'`)
    return this.next()
  }
  protected ident(): string {
    const k = this.next()
    if (k.kind !== 'id') this.fail(`expected a name, found '${k.text || 'end of file'}'`, k)
    return k.text
  }

  protected balanced(open: string, close: string): Token[] {
    this.expect(open)
    let depth = 1
    const inside: Token[] = []
    for (;;) {
      const k = this.next()
      if (k.kind === 'eof') this.fail(`unbalanced '${open}'`, k)
      if (k.kind === 'op' && k.text === open) depth++
      if (k.kind === 'op' && k.text === close && --depth === 0) return inside
      inside.push(k)
    }
  }

  /** One expression's tokens: up to a ',' or closer at bracket depth 0. */
  protected expression(): Token[] {
    let depth = 0
    const out: Token[] = []
    for (;;) {
      const k = this.peek()
      if (k.kind === 'eof') this.fail('unexpected end of file in an expression', k)
      if (k.kind === 'op' && depth === 0 && [',', ')', ']', ';', '}'].includes(k.text)) break
      if (k.kind === 'op' && ['(', '[', '{'].includes(k.text)) depth++
      if (k.kind === 'op' && [')', ']', '}'].includes(k.text)) depth--
      out.push(this.next())
    }
    if (out.length === 0) this.fail(`expected an expression, found '${this.peek().text}'`)
    return out
  }

  protected size(): number {
    const k = this.next()
    if (k.kind !== 'num' || !/^\d+$/.test(k.text))
      this.fail('a register size must be an integer', k)
    this.expect(']')
    return Number(k.text)
  }

  protected operand(): Operand {
    const k = this.peek()
    if (k.kind === 'hw') {
      this.next()
      return { physical: Number(k.text) }
    }
    const register = this.ident()
    if (!this.is('[')) return { register }
    const index = this.balanced('[', ']')
    return { register, index: index.map(x => (x.kind === 'hw' ? `$${x.text}` : x.text)).join('') }
  }

  protected operands(): Operand[] {
    const out: Operand[] = []
    if (this.is(';')) return out
    out.push(this.operand())
    while (this.is(',')) {
      this.next()
      out.push(this.operand())
    }
    return out
  }

  protected parameters(): Token[][] {
    this.expect('(')
    const params: Token[][] = []
    while (!this.is(')')) {
      params.push(this.expression())
      if (this.is(',')) this.next()
      else if (!this.is(')')) this.fail(`expected ',' or ')', found '${this.peek().text}'`)
    }
    this.next()
    return params
  }

  /** `c[0] = …` rather than a gate applied to `c[0]`: look past the brackets for '='. */
  protected assignsAfterIndex(): boolean {
    if (!this.is('[', 1)) return false
    let depth = 0
    for (let i = 1; ; i++) {
      const k = this.peek(i)
      if (k.kind === 'eof') return false
      if (k.text === '[') depth++
      if (k.text === ']' && --depth === 0) return ASSIGN.has(this.peek(i + 1).text)
    }
  }

  /** `name $0`, `name q[0]` or `name(…) $0`: an instruction call, not a classical expression. */
  protected isCall(): boolean {
    let i = 1
    if (this.is('(', 1)) {
      let depth = 0
      for (; ; i++) {
        const k = this.peek(i)
        if (k.kind === 'eof') return false
        if (k.text === '(') depth++
        if (k.text === ')' && --depth === 0) break
      }
      i++
    }
    const after = this.peek(i)
    return after.kind === 'hw' || after.kind === 'id'
  }
}
