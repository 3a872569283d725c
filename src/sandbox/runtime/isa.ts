/**
 * The emulator's own reading of an OpenQASM 3 circuit: a scannerless cursor over the source that
 * checks each quantum instruction against an emulated target, as the service does after accepting a
 * job. Written apart from the client's parser on purpose: the emulator is the client's test oracle.
 */
import type { EmulatedTarget } from './targets.js'

export interface CircuitFacts {
  /** Classical registers in declaration order: one data entry each in sampler results. */
  registers: { name: string; bits: number }[]
  /** Qubits the circuit spans: the device width for physical qubits, else the declared ones. */
  width: number
}

export type IsaVerdict = { ok: true; facts: CircuitFacts } | { ok: false; reason: string }

export const NON_ISA =
  'Circuits do not match the target definition (non-ISA circuits). Transpile your circuits for the target before submitting them (https://quantum.cloud.ibm.com/docs/guides/transpile).'

class Unreadable extends Error {}

const NOT_QUANTUM = new Set([
  'input',
  'output',
  'const',
  'float',
  'angle',
  'int',
  'uint',
  'bool',
  'complex',
  'duration',
  'stretch',
  'let'
])

class Cursor {
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
}

class Checker {
  readonly registers: { name: string; bits: number }[] = []
  private readonly virtual = new Map<string, { base: number; size: number }>()
  private virtualCount = 0
  private physical = false
  private readonly defined = new Set<string>()

  constructor(
    private readonly c: Cursor,
    private readonly t: EmulatedTarget
  ) {}

  run(): CircuitFacts {
    if (this.c.eat('OPENQASM')) {
      if (this.c.int() !== 3) throw new Unreadable('only OpenQASM 3 is accepted')
      this.c.until(';')
      this.c.need(';')
    }
    while (!this.c.done()) this.statement()
    return { registers: this.registers, width: this.physical ? this.t.qubits : this.virtualCount }
  }

  private qubit(): number[] {
    if (this.c.eat('$')) {
      this.physical = true
      return [this.c.int()]
    }
    const name = this.c.word()
    const reg = this.virtual.get(name)
    if (!reg) throw new Unreadable(`unknown qubit '${name || this.c.peek()}'`)
    if (!this.c.eat('[')) return Array.from({ length: reg.size }, (_, k) => reg.base + k)
    const k = this.c.int()
    this.c.need(']')
    if (k >= reg.size) throw new Unreadable(`${name}[${k}] is out of range`)
    return [reg.base + k]
  }

  private qubits(): number[][] {
    const out: number[][] = []
    if (this.c.peek() === ';') return out
    do out.push(this.qubit())
    while (this.c.eat(','))
    return out
  }

  private apply(name: string, args: number[][]): void {
    const width = Math.max(1, ...args.map(a => a.length))
    for (let k = 0; k < width; k++) {
      const q = args.map(a => a[a.length === 1 ? 0 : k])
      const shown = `(${q.join(', ')}${q.length === 1 ? ',' : ''})`
      const bad = () => {
        throw new Error(
          `The instruction ${name} on qubits ${shown} is not supported by the target system.`
        )
      }
      if (q.some(x => x >= this.t.qubits)) bad()
      if (name === 'barrier') continue
      if (!this.t.instructions.has(name)) bad()
      if (name === this.t.twoQubitGate && !this.t.edges.has(`${q[0]}>${q[1]}`)) bad()
    }
  }

  /** `[n]` after a register keyword or name, as in `bit[2] c` and `creg c[2]`. */
  private bracketed(): number | undefined {
    if (!this.c.eat('[')) return undefined
    const n = this.c.int()
    this.c.need(']')
    return n
  }

  private block(): void {
    if (!this.c.eat('{')) return this.statement()
    while (!this.c.eat('}')) {
      if (this.c.done()) throw new Unreadable("missing '}'")
      this.statement()
    }
  }

  private statement(): void {
    if (this.c.eat(';')) return
    const start = this.c.i
    const w = this.c.word()
    if (w === 'include') {
      this.c.until(';')
    } else if (w === 'bit' || w === 'creg' || w === 'qubit' || w === 'qreg') {
      let size = this.bracketed() ?? 1
      const name = this.c.word()
      size = this.bracketed() ?? size
      if (w === 'bit' || w === 'creg') this.registers.push({ name, bits: size })
      else {
        this.virtual.set(name, { base: this.virtualCount, size })
        this.virtualCount += size
      }
      if (this.c.eat('=')) this.assignment()
    } else if (NOT_QUANTUM.has(w)) {
      this.c.until(';')
    } else if (w === 'gate' || w === 'def') {
      this.defined.add(this.c.word())
      this.c.until('{')
      this.c.need('{')
      this.c.until('}')
      this.c.need('}')
      return
    } else if (w === 'if' || w === 'while' || w === 'for' || w === 'switch') {
      const kind = { if: 'if_else', while: 'while_loop', for: 'for_loop', switch: 'switch_case' }[w]
      if (!this.t.instructions.has(kind))
        throw new Error(`The instruction ${kind} is not supported by the target system.`)
      this.c.until('{')
      if (w === 'switch') {
        this.c.need('{')
        while (!this.c.eat('}')) {
          this.c.until('{')
          this.block()
        }
        return
      }
      this.block()
      if (w === 'if' && this.c.eat('else')) this.block()
      return
    } else if (w === 'measure') {
      this.apply('measure', [this.qubit()])
      if (this.c.eat('->')) this.c.until(';')
    } else if (w === 'reset' || w === 'barrier') {
      this.apply(w, this.qubits())
    } else if (w === 'delay') {
      this.c.need('[')
      this.c.until(']')
      this.c.need(']')
      this.apply('delay', this.qubits())
    } else if (
      w !== '' &&
      /^\s*(\[[^\]]*\]\s*)?=(?!=)/.test(this.c.s.slice(this.c.i, this.c.i + 64))
    ) {
      this.c.until('=')
      this.c.need('=')
      this.assignment()
    } else {
      this.c.i = start
      this.gate()
    }
    this.c.need(';')
  }

  private assignment(): void {
    if (this.c.eat('measure')) this.apply('measure', [this.qubit()])
    else this.c.until(';')
  }

  private gate(): void {
    let name = this.c.word()
    if (name === '') throw new Unreadable(`unexpected '${this.c.peek()}'`)
    if (this.c.peek() === '@' || ['ctrl', 'negctrl', 'inv', 'pow'].includes(name)) {
      // A modified gate is never a native instruction.
      this.c.until(';')
      throw new Error(
        `The instruction ${name} (with a gate modifier) is not supported by the target system.`
      )
    }
    for (const [open, close] of ['()', '[]'])
      if (this.c.eat(open)) {
        this.c.until(close)
        this.c.need(close)
      }
    const args = this.qubits()
    if (args.length === 0) throw new Unreadable(`gate ${name} has no qubits`)
    if (this.defined.has(name) && !this.t.instructions.has(name))
      name = `${name} (defined in the circuit)`
    this.apply(name, args)
  }
}

/** Parses one circuit and checks it against the target, as the service does after creating a job. */
export function checkIsa(qasm: string, t: EmulatedTarget): IsaVerdict {
  try {
    return { ok: true, facts: new Checker(new Cursor(qasm), t).run() }
  } catch (e) {
    const why = (e as Error).message.replace(/\s+/g, ' ')
    if (e instanceof Unreadable)
      return { ok: false, reason: `The OpenQASM 3 circuit could not be read: ${why}.` }
    return { ok: false, reason: `${NON_ISA} ${why}` }
  }
}
