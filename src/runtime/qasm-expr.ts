/**
 * The value of a gate parameter, written as OpenQASM 3 tokens: numbers, the built-in constants,
 * `input` parameters bound to values, + - * / ** and brackets. Anything else (a function call, an
 * undeclared name) has no value here: the checks that need a value skip such a parameter.
 */
import type { Token } from './qasm-lexer.js'

const CONSTANTS: Record<string, number> = {
  pi: Math.PI,
  π: Math.PI,
  tau: 2 * Math.PI,
  τ: 2 * Math.PI,
  euler: Math.E,
  ℇ: Math.E
}

class Evaluator {
  private pos = 0
  constructor(
    private readonly t: Token[],
    private readonly bindings: ReadonlyMap<string, number>
  ) {}

  private peek(): string | undefined {
    const k = this.t[this.pos]
    return k && k.kind === 'op' ? k.text : undefined
  }

  run(): number | undefined {
    const v = this.sum()
    return this.pos === this.t.length ? v : undefined
  }

  private sum(): number | undefined {
    let v = this.product()
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.pos++
      const r = this.product()
      v = v === undefined || r === undefined ? undefined : op === '+' ? v + r : v - r
    }
    return v
  }

  private product(): number | undefined {
    let v = this.unary()
    for (let op = this.peek(); op === '*' || op === '/'; op = this.peek()) {
      this.pos++
      const r = this.unary()
      v = v === undefined || r === undefined ? undefined : op === '*' ? v * r : v / r
    }
    return v
  }

  private unary(): number | undefined {
    const op = this.peek()
    if (op === '-' || op === '+') {
      this.pos++
      const v = this.unary()
      return v === undefined ? undefined : op === '-' ? -v : v
    }
    const base = this.atom()
    if (this.peek() !== '**') return base
    this.pos++
    const exp = this.unary()
    return base === undefined || exp === undefined ? undefined : base ** exp
  }

  private atom(): number | undefined {
    const k = this.t[this.pos++]
    if (!k) return undefined
    if (k.kind === 'num') return /^[\d.]+([eE][+-]?\d+)?$/.test(k.text) ? Number(k.text) : undefined
    if (k.kind === 'id') return this.bindings.get(k.text) ?? CONSTANTS[k.text]
    if (k.kind === 'op' && k.text === '(') {
      const v = this.sum()
      return this.peek() === ')' ? (this.pos++, v) : undefined
    }
    return undefined
  }
}

/** The number an expression stands for, or undefined when it cannot be known here. */
export function evaluate(
  tokens: Token[],
  bindings: ReadonlyMap<string, number> = new Map()
): number | undefined {
  const v = new Evaluator(tokens, bindings).run()
  return v === undefined || !Number.isFinite(v) ? undefined : v
}

/** The names of `inputs` an expression mentions. */
export function inputsIn(tokens: Token[], inputs: readonly string[]): string[] {
  return [
    ...new Set(tokens.filter(k => k.kind === 'id' && inputs.includes(k.text)).map(k => k.text))
  ]
}
