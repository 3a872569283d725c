/**
 * A recursive-descent parser for the OpenQASM 3 that Qiskit's `qasm3.dumps` writes for a transpiled
 * circuit (also with `allow_aliasing` and the preview `switch` syntax IBM's REST guides use). It
 * keeps what a target check needs: each quantum instruction with its operands and parameters, the
 * registers, and the `input` parameters. qasm-ts 2.1 cannot parse `measure $0` (docs/architecture.md).
 */
import { tokenize, type Token } from './qasm-lexer.js'
import {
  ASSIGN,
  TokenReader,
  type Circuit,
  type ControlFlowKind,
  type Instruction,
  type Operand
} from './qasm-reader.js'

export { formatOperand, type Circuit, type Instruction } from './qasm-reader.js'

const CONTROL: Record<string, ControlFlowKind> = {
  if: 'if_else',
  for: 'for_loop',
  while: 'while_loop',
  switch: 'switch_case',
  box: 'box'
}
const MODIFIERS = new Set(['ctrl', 'negctrl', 'inv', 'pow'])
const CLASSICAL = new Set(['input', 'output', 'const', 'float', 'angle', 'int', 'uint', 'bool'])
for (const t of ['complex', 'duration', 'stretch', 'array']) CLASSICAL.add(t)

class Parser extends TokenReader {
  private depth = 0
  readonly circuit: Circuit = {
    instructions: [],
    qubitRegisters: [],
    bitRegisters: [],
    definedGates: [],
    inputs: []
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

  private push(
    kind: Instruction['kind'],
    name: string,
    line: number,
    operands: Operand[] = [],
    params: Token[][] = [],
    modifiers: string[] = []
  ): void {
    const nested = this.depth > 0
    this.circuit.instructions.push({ kind, name, operands, params, modifiers, line, nested })
  }

  private block(): void {
    this.depth++
    if (!this.is('{')) this.statement()
    else {
      this.next()
      while (!this.is('}')) {
        if (this.peek().kind === 'eof') this.fail("missing '}'")
        this.statement()
      }
      this.next()
    }
    this.depth--
  }

  private statement(): void {
    const k = this.peek()
    const word = k.kind === 'id' ? k.text : ''
    if (k.kind === 'op' && k.text === ';') return void this.next()
    if (k.kind === 'op' && k.text === '@') {
      // An annotation (`@namespace payload`) runs to the end of its line.
      while (this.peek().line === k.line && this.peek().kind !== 'eof') this.next()
      return
    }
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
    if (word === 'let') return this.alias()
    if (CLASSICAL.has(word)) return this.classical(word)
    if (word === 'gate' || word === 'def') {
      this.next()
      this.circuit.definedGates.push(this.ident())
      while (!this.is('{')) {
        if (this.peek().kind === 'eof') this.fail("missing '{' after a gate definition", k)
        this.next()
      }
      this.balanced('{', '}')
      return
    }
    if (word in CONTROL) return this.controlFlow(word)
    if (word === 'break' || word === 'continue') {
      this.next()
      this.push(word === 'break' ? 'break_loop' : 'continue_loop', `${word}_loop`, k.line)
      return void this.expect(';')
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
      const duration = this.balanced('[', ']')
      this.push('delay', 'delay', k.line, this.operands(), [duration])
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
    if (k.kind === 'id' && (ASSIGN.has(this.peek(1).text) || this.assignsAfterIndex()))
      return this.assignment()
    return this.gateCall()
  }

  private classical(word: string): void {
    // Classical declarations: an `input` is a free parameter of the circuit.
    const names: string[] = []
    while (!this.is(';') && !this.is('=')) {
      const k = this.next()
      if (k.kind === 'eof') this.fail("missing ';'")
      if (k.kind === 'id') names.push(k.text)
    }
    if (word === 'input' && names.length > 1) this.circuit.inputs.push(names.at(-1)!)
    while (!this.is(';')) {
      if (this.peek().kind === 'eof') this.fail("missing ';'")
      this.next()
    }
    this.next()
  }

  /** `let name = {a, b[1]};`: an alias; of bits in what Qiskit writes for overlapping registers. */
  private alias(): void {
    this.next()
    const name = this.ident()
    this.expect('=')
    const items = this.is('{') ? this.balanced('{', '}') : this.expression()
    const bits = new Map(this.circuit.bitRegisters.map(r => [r.name, r.size]))
    let size = 0
    for (const [i, x] of items.entries()) {
      if (x.kind !== 'id' || (i > 0 && items[i - 1].text !== ',')) continue
      const whole = bits.get(x.text)
      if (whole === undefined) return void this.expect(';') // qubits, or nothing Qiskit writes
      size += items[i + 1]?.text === '[' ? 1 : whole
    }
    if (size > 0) this.circuit.bitRegisters.push({ name, size, alias: true })
    this.expect(';')
  }

  private controlFlow(word: string): void {
    const k = this.next()
    const kind = CONTROL[word]
    if (word === 'for') {
      while (!this.is('in')) {
        if (this.peek().kind === 'eof' || this.is('{')) this.fail("a for loop needs 'in'", k)
        this.next()
      }
      this.next()
      if (this.is('[')) this.balanced('[', ']')
      else if (this.is('{')) this.balanced('{', '}')
      else this.ident()
    } else if (word === 'box') {
      if (this.is('[')) this.balanced('[', ']')
    } else this.balanced('(', ')')
    this.push(kind, kind, k.line)
    if (word === 'switch') return this.switchBody()
    this.block()
    if (word === 'if' && this.is('else')) {
      this.next()
      this.block()
    }
  }

  /** Both syntaxes: `case 0 { … }` and the preview `case 0: { … } break;` with fall-through labels. */
  private switchBody(): void {
    this.expect('{')
    while (!this.is('}')) {
      const at = this.peek()
      const label = this.ident()
      if (label === 'break') {
        this.expect(';')
        continue
      }
      if (label !== 'case' && label !== 'default')
        this.fail(`expected 'case' or 'default', found '${label}'`, at)
      if (label === 'case')
        while (!this.is(':') && !this.is('{')) {
          if (this.peek().kind === 'eof') this.fail("missing '{' after case", at)
          this.next()
        }
      if (this.is(':')) {
        this.next()
        if (this.is('case') || this.is('default')) continue
      }
      this.block()
    }
    this.next()
  }

  private assignment(): void {
    this.operand()
    this.next()
    this.assignedValue()
    this.expect(';')
  }

  /** The right-hand side of `bit = …`: a measurement, a call such as `measure_2 $0`, or classical. */
  private assignedValue(): void {
    const k = this.peek()
    if (k.kind === 'id' && k.text === 'measure') {
      this.next()
      return this.push('measure', 'measure', k.line, [this.operand()])
    }
    if (k.kind === 'id' && this.isCall()) {
      this.next()
      const params = this.is('(') ? this.parameters() : []
      return this.push('call', k.text, k.line, [this.operand()], params)
    }
    this.expression()
  }

  private declaration(word: 'qubit' | 'bit'): void {
    const k = this.next()
    const size = this.is('[') ? (this.next(), this.size()) : 1
    const name = this.ident()
    if (word === 'qubit') this.circuit.qubitRegisters.push({ name, size, line: k.line })
    else this.circuit.bitRegisters.push({ name, size })
    if (word === 'bit' && this.is('=')) {
      this.next()
      this.assignedValue()
    }
    this.expect(';')
  }

  private gateCall(): void {
    const start = this.peek()
    const modifiers: string[] = []
    while (this.peek().kind === 'id' && MODIFIERS.has(this.peek().text)) {
      modifiers.push(this.next().text)
      if (this.is('(')) this.balanced('(', ')')
      this.expect('@')
    }
    const name = this.ident()
    const params = this.is('(') ? this.parameters() : []
    if (this.is('[')) this.balanced('[', ']') // a duration designator
    const operands = this.operands()
    if (operands.length === 0) this.fail(`gate '${name}' is applied to no qubit`, start)
    this.push('gate', name, start.line, operands, params, modifiers)
    this.expect(';')
  }
}

/** Parses an OpenQASM 3 program; a syntax error is a QprovError naming the line. */
export function parseQasm(source: string): Circuit {
  return new Parser(tokenize(source)).program()
}

/** Whether the circuit is dynamic, as qiskit-ibm-runtime's `are_circuits_dynamic` decides. */
export function isDynamic(c: Circuit): boolean {
  return c.instructions.some(i => i.kind in CONTROL_KINDS)
}
const CONTROL_KINDS = Object.fromEntries(Object.values(CONTROL).map(k => [k, true]))
