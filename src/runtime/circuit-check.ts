/**
 * One circuit against one backend Target: what qiskit-ibm-runtime's `is_isa_circuit`
 * (utils/utils.py) refuses before submitting, worded for a person and naming the source line.
 */
import type { BackendTarget } from './backend-target.js'
import { evaluate } from './qasm-expr.js'
import { formatOperand, parseQasm, type Circuit, type Instruction } from './qasm.js'

// rzz is calibrated for [0, pi/2]; the client allows 1e-10 more for rounding (utils/utils.py).
export const RZZ_MAX = Math.PI / 2 + 1e-10
const CONTROL = new Set(['if_else', 'for_loop', 'while_loop', 'switch_case', 'box'])

const names = (s: Iterable<string>) => [...s].sort().join(', ') || 'none'

export function rzzAngleProblem(angle: number): string | undefined {
  if (angle >= 0 && angle <= RZZ_MAX) return undefined
  return `angle ${angle} is outside [0, pi/2], the only range IBM runs rzz in (fractional gates)`
}

function signatureProblem(ins: Instruction, t: BackendTarget, where: string): string | undefined {
  const sig = t.signatures.get(ins.name)!
  const assigned = ins.kind === 'call' ? 1 : 0
  if (ins.operands.length !== sig.qubits)
    return `${ins.name} ${where}: takes ${sig.qubits} qubit(s) on ${t.name}, got ${ins.operands.length}`
  if (assigned !== sig.clbits)
    return sig.clbits === 1
      ? `${ins.name} ${where}: returns a bit on ${t.name}; write it as 'c[0] = ${ins.name} ${where};'`
      : `${ins.name} ${where}: returns nothing on ${t.name}; it cannot be assigned to a bit`
  if (ins.params.length !== sig.params)
    return `${ins.name} on ${where}: takes ${sig.params} parameter(s), got ${ins.params.length}`
  return undefined
}

function gateProblem(ins: Instruction, t: BackendTarget, where: string): string | undefined {
  if (ins.modifiers.length > 0 || !t.instructions.has(ins.name)) {
    const shown = [...ins.modifiers.map(m => `${m} @ `), ins.name].join('')
    const why = t.listedOnly.has(ins.name)
      ? `; supported_instructions lists it, but only basis_gates count as gates`
      : ''
    return `gate '${shown}' on ${where} is not supported by ${t.name} (basis: ${t.basisGates.join(', ')})${why}`
  }
  const want = t.params.get(ins.name)
  if (want !== undefined && want !== ins.params.length)
    return `${ins.name} on ${where}: takes ${want} parameter(s), got ${ins.params.length}`
  if (ins.operands.length === 2) {
    const [a, b] = ins.operands.map(o => (o as { physical: number }).physical)
    const map = t.couplings.get(ins.name) ?? t.couplings.get('*')
    if (map && !map.has(`${a},${b}`))
      return map.has(`${b},${a}`)
        ? `${ins.name} ${where}: ${t.name} runs ${ins.name} on this pair only as ${ins.name} $${b}, $${a}`
        : `${ins.name} ${where}: qubits not coupled on ${t.name}`
  }
  if (ins.name === 'rzz') {
    const angle = evaluate(ins.params[0] ?? [])
    const p = angle === undefined ? undefined : rzzAngleProblem(angle)
    if (p) return `rzz ${where}: ${p}`
  }
  return undefined
}

function problemOf(ins: Instruction, t: BackendTarget): string | undefined {
  const where = ins.operands.map(formatOperand).join(', ')
  const virtual = ins.operands.find(o => !('physical' in o))
  if (virtual)
    return `${ins.name} ${where}: '${formatOperand(virtual)}' is a virtual qubit; an ISA circuit addresses physical qubits ($0 … $${t.nQubits - 1} on ${t.name})`
  for (const o of ins.operands)
    if ('physical' in o && o.physical >= t.nQubits)
      return `${ins.name} ${where}: qubit $${o.physical} does not exist on ${t.name} (${t.nQubits} qubits)`
  if (CONTROL.has(ins.kind))
    return t.controlFlow.has(ins.name)
      ? undefined
      : `'${ins.name}' is not supported by ${t.name} (control flow it lists: ${names(t.controlFlow)})`
  if (ins.kind === 'break_loop' || ins.kind === 'continue_loop')
    return `'${ins.name}' is not supported by ${t.name} (no IBM backend configuration lists it)`
  if (ins.kind === 'barrier') return undefined
  if (t.signatures.has(ins.name)) return signatureProblem(ins, t, where)
  if (ins.kind === 'call')
    return `'${ins.name}' is not supported by ${t.name} (instructions it defines: ${names(t.signatures.keys())})`
  if (ins.kind !== 'gate')
    return t.instructions.has(ins.name)
      ? undefined
      : `'${ins.name}' is not supported by ${t.name} (supported: ${names(t.instructions)})`
  return gateProblem(ins, t, where)
}

/** Every problem of one parsed circuit against the target, in program order. */
export function parsedCircuitProblems(c: Circuit, t: BackendTarget): string[] {
  const out: string[] = []
  for (const r of c.qubitRegisters)
    out.push(
      `line ${r.line}: declares virtual qubits '${r.name}'; an ISA circuit addresses physical qubits ($0 … $${t.nQubits - 1} on ${t.name})`
    )
  for (const ins of c.instructions) {
    const p = problemOf(ins, t)
    if (p) out.push(`line ${ins.line}: ${p}`)
  }
  return out
}

/** Parses, then checks; a circuit that cannot be parsed is one problem. */
export function circuitProblems(source: string, t: BackendTarget): string[] {
  try {
    return parsedCircuitProblems(parseQasm(source), t)
  } catch (e) {
    return [`not valid OpenQASM 3: ${(e as Error).message}`]
  }
}
