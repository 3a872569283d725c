/**
 * The emulator's own reading of an OpenQASM 3 circuit: it checks each quantum instruction against
 * an emulated target, as the service does after accepting a job. Written apart from the client's
 * parser on purpose: the emulator is the client's test oracle.
 */
import { angleOf } from './angle.js'
import { Cursor, Unreadable } from './isa-cursor.js'
import type { EmulatedTarget } from './targets.js'

export interface CircuitFacts {
  /** Classical registers and `let` aliases of bits: one data entry each in sampler results. */
  registers: { name: string; bits: number }[]
  /** Qubits the circuit spans: the device width for physical qubits, else the declared ones. */
  width: number
  /** `input` parameters, declaration order. */
  inputs: string[]
  /** rzz angles that depend on inputs, checked once parameter values are bound. */
  boundAngles: { text: string; qubits: number[] }[]
  /** Every instruction on physical qubits (barriers aside), for the faulty-qubit check. */
  uses: { name: string; qubits: number[] }[]
}

export type IsaVerdict =
  { ok: true; facts: CircuitFacts } | { ok: false; why: string; unreadable: boolean }

const CLASSICAL = ['input', 'output', 'const', 'float', 'angle', 'int', 'uint', 'bool']
const NOT_QUANTUM = new Set([...CLASSICAL, 'complex', 'duration', 'stretch', 'array'])
const CONTROL: Record<string, string> = {
  if: 'if_else',
  while: 'while_loop',
  for: 'for_loop',
  switch: 'switch_case',
  box: 'box'
}
export const RZZ_LIMIT = Math.PI / 2 + 1e-10

const unsupported = (name: string, q: number[]) =>
  new Error(
    `The instruction ${name} on qubits (${q.join(', ')}${q.length === 1 ? ',' : ''}) is not supported by the target system.`
  )

export function rzzOutOfRange(angle: number, q: number[]): Error | undefined {
  if (angle >= 0 && angle <= RZZ_LIMIT) return undefined
  return new Error(
    `The instruction rzz on qubits (${q.join(', ')}) is supported only for angles in the range [0, pi/2], but an angle (${angle}) outside of this range has been requested.`
  )
}

class Checker {
  private readonly virtual = new Map<string, { base: number; size: number }>()
  private virtualCount = 0
  private physical = false
  private readonly defined = new Set<string>()
  readonly facts: CircuitFacts = { registers: [], width: 0, inputs: [], boundAngles: [], uses: [] }

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
    this.facts.width = this.physical ? this.t.qubits : this.virtualCount
    return this.facts
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

  private apply(name: string, args: number[][], params: string[] = [], bits = 0): void {
    const width = Math.max(1, ...args.map(a => a.length))
    for (let k = 0; k < width; k++) {
      const q = args.map(a => a[a.length === 1 ? 0 : k])
      if (q.some(x => x >= this.t.qubits)) throw unsupported(name, q)
      if (name === 'barrier') continue
      const sig = this.t.signatures.get(name)
      if (!this.t.instructions.has(name) || (sig && sig.clbits !== bits)) throw unsupported(name, q)
      if (q.length === 2 && !this.t.edges.has(`${q[0]}>${q[1]}`)) throw unsupported(name, q)
      if (this.physical) this.facts.uses.push({ name, qubits: q })
      if (name !== 'rzz') continue
      const angle = angleOf(params[0] ?? '')
      if (angle === undefined) this.facts.boundAngles.push({ text: params[0] ?? '', qubits: q })
      else {
        const e = rzzOutOfRange(angle, q)
        if (e) throw e
      }
    }
  }

  private size(): number | undefined {
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

  private controlFlow(w: string): void {
    const kind = CONTROL[w]
    if (!this.t.instructions.has(kind)) throw unsupported(kind, [])
    if (w === 'for') {
      this.c.until('{')
      // `for int i in {0, 3, 4} { … }`: the index set is braced too.
      if (/\bin\s*$/.test(this.c.s.slice(0, this.c.i))) this.c.bracketed('{', '}')
    } else if (w === 'box') {
      if (this.c.peek() === '[') this.c.bracketed('[', ']')
    } else this.c.bracketed('(', ')')
    if (w === 'switch') return this.switchBody()
    this.block()
    if (w === 'if' && this.c.eat('else')) this.block()
  }

  /** `case 1 { … }`, or the preview `case 1: { … } break;` with fall-through `case 2:` labels. */
  private switchBody(): void {
    this.c.need('{')
    while (!this.c.eat('}')) {
      if (this.c.eat('break')) {
        this.c.need(';')
        continue
      }
      if (!this.c.eat('case') && !this.c.eat('default'))
        throw new Unreadable(`expected a case near '${this.c.s.slice(this.c.i, this.c.i + 20)}'`)
      this.c.until(':{')
      if (this.c.eat(':') && ['case', 'default'].includes(this.c.lookWord())) continue
      this.block()
    }
  }

  private alias(): void {
    const name = this.c.word()
    this.c.need('=')
    const items = this.c.peek() === '{' ? this.c.bracketed('{', '}') : this.c.until(';')
    const regs = new Map(this.facts.registers.map(r => [r.name, r.bits]))
    let bits = 0
    for (const item of items.split(',')) {
      const m = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*(\[)?/u.exec(item)
      const whole = m ? regs.get(m[1]) : undefined
      if (whole === undefined) return
      bits += m![2] ? 1 : whole
    }
    this.facts.registers.push({ name, bits })
  }

  private statement(): void {
    if (this.c.eat(';')) return
    if (this.c.peek() === '@') return void (this.c.i = this.c.lineEnd())
    const start = this.c.i
    const w = this.c.word()
    if (w === 'include') this.c.until(';')
    else if (w === 'bit' || w === 'creg' || w === 'qubit' || w === 'qreg') {
      let size = this.size() ?? 1
      const name = this.c.word()
      size = this.size() ?? size
      if (w === 'bit' || w === 'creg') this.facts.registers.push({ name, bits: size })
      else {
        this.virtual.set(name, { base: this.virtualCount, size })
        this.virtualCount += size
      }
      if (this.c.eat('=')) this.assignment()
    } else if (w === 'let') this.alias()
    else if (NOT_QUANTUM.has(w)) {
      const decl = this.c.until(';=')
      if (w === 'input')
        this.facts.inputs.push(
          decl
            .trim()
            .split(/[\s\]]+/)
            .at(-1)!
        )
      if (this.c.eat('=')) this.c.until(';')
    } else if (w === 'gate' || w === 'def') {
      this.defined.add(this.c.word())
      this.c.until('{')
      this.c.bracketed('{', '}')
      return
    } else if (w in CONTROL) return this.controlFlow(w)
    else if (w === 'break' || w === 'continue') throw unsupported(`${w}_loop`, [])
    else if (w === 'measure') {
      this.apply('measure', [this.qubit()], [], 1)
      if (this.c.eat('->')) this.c.until(';')
    } else if (w === 'reset' || w === 'barrier') this.apply(w, this.qubits())
    else if (w === 'delay') {
      this.c.bracketed('[', ']')
      this.apply('delay', this.qubits())
    } else if (
      w !== '' &&
      /^\s*(\[[^\]]*\]\s*)?[-+*/]?=(?!=)/.test(this.c.s.slice(this.c.i, this.c.i + 64))
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

  /** `… = measure $0`, `… = measure_2 $0` (an instruction returning a bit), or classical. */
  private assignment(): void {
    const at = this.c.i
    const name = this.c.word()
    if (name !== '' && /^\s*(\(|\$|[\p{L}_])/u.test(this.c.s.slice(this.c.i, this.c.i + 8))) {
      const params = this.c.peek() === '(' ? this.c.bracketed('(', ')').split(',') : []
      return this.apply(name, [this.qubit()], params, 1)
    }
    this.c.i = at
    this.c.until(';')
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
    const params = this.c.peek() === '(' ? this.c.bracketed('(', ')').split(',') : []
    if (this.c.peek() === '[') this.c.bracketed('[', ']')
    const args = this.qubits()
    if (args.length === 0) throw new Unreadable(`gate ${name} has no qubits`)
    if (this.defined.has(name) && !this.t.instructions.has(name))
      name = `${name} (defined in the circuit)`
    this.apply(name, args, params)
  }
}

/** Parses one circuit and checks it against the target, as the service does after creating a job. */
export function checkIsa(qasm: string, t: EmulatedTarget): IsaVerdict {
  try {
    return { ok: true, facts: new Checker(new Cursor(qasm), t).run() }
  } catch (e) {
    const why = (e as Error).message.replace(/\s+/g, ' ')
    return { ok: false, why, unreadable: e instanceof Unreadable }
  }
}
