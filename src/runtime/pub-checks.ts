/**
 * PUB-level checks: the shape of `parameter_values` against a circuit's `input` parameters (as
 * Qiskit's SamplerPub/EstimatorPub and BindingsArray validate it), rzz angles reached through
 * parameter values (qiskit-ibm-runtime `is_valid_rzz_pub`), and option combinations the client or
 * IBM's fractional-gates guide rules out.
 */
import { rzzAngleProblem } from './circuit-check.js'
import type { Observables, PubSpec } from './job-spec.js'
import { evaluate, inputsIn } from './qasm-expr.js'
import { formatOperand, isDynamic, type Circuit } from './qasm.js'

export interface Bindings {
  /** BindingsArray.shape: the leading dimensions, parameters excluded. */
  shape: number[]
  /** One row per binding, values in the order of the sorted input names. */
  rows: number[][]
}

const pyShape = (s: number[]) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`
const mismatch = (got: number, want: number) =>
  `The number of values (${got}) does not match the number of parameters (${want}) for the circuit.`

/** `parameter_values` as Qiskit coerces `{tuple(circuit.parameters): values}`; a string is why not. */
export function bindingsOf(values: PubSpec['parameter_values'], inputs: number): Bindings | string {
  if (values === undefined || values === null)
    return inputs === 0 ? { shape: [], rows: [[]] } : mismatch(0, inputs)
  const nested = values.filter(v => Array.isArray(v)) as number[][]
  if (nested.length !== 0 && nested.length !== values.length)
    return 'parameter_values mixes numbers and lists, so it is not an array'
  const width = nested[0]?.length
  if (nested.some(r => r.length !== width))
    return 'parameter_values has rows of different lengths, so it is not an array'
  const dims = nested.length > 0 ? [values.length, width!] : [values.length]
  const flat = nested.length > 0 ? nested.flat() : (values as number[])
  if (inputs === 1) {
    // BindingsArray's convention for one parameter: a last axis of 1 is the parameter, else not.
    const shape = dims.at(-1) === 1 ? dims.slice(0, -1) : dims
    return { shape, rows: flat.map(v => [v]) }
  }
  if (dims.at(-1) !== inputs) return mismatch(dims.at(-1)!, inputs)
  return { shape: dims.slice(0, -1), rows: nested.length > 0 ? nested : [values as number[]] }
}

function observablesShape(o: Observables): number[] {
  return Array.isArray(o) ? [o.length] : []
}

/** numpy's broadcast rule: right-aligned, each pair of dimensions equal or one of them 1. */
export function broadcastable(a: number[], b: number[]): boolean {
  for (let i = 1; i <= Math.min(a.length, b.length); i++) {
    const [x, y] = [a[a.length - i], b[b.length - i]]
    if (x !== y && x !== 1 && y !== 1) return false
  }
  return true
}

/** Problems of one PUB with its parsed circuit, each one line. */
export function pubProblems(pub: PubSpec, c: Circuit): string[] {
  const bound = bindingsOf(pub.parameter_values, c.inputs.length)
  if (typeof bound === 'string') return [bound]
  if (pub.observables !== undefined) {
    const obs = observablesShape(pub.observables)
    if (!broadcastable(obs, bound.shape))
      return [
        `The observables shape ${pyShape(obs)} and the parameter values shape ${pyShape(bound.shape)} are not broadcastable.`
      ]
  }
  const order = [...c.inputs].sort()
  const out: string[] = []
  for (const ins of c.instructions) {
    if (ins.name !== 'rzz' || inputsIn(ins.params[0] ?? [], order).length === 0) continue
    for (const row of bound.rows) {
      const values = new Map(order.map((n, i) => [n, row[i]]))
      const angle = evaluate(ins.params[0], values)
      const p = angle === undefined ? undefined : rzzAngleProblem(angle)
      if (!p) continue
      const via = order.map(n => `${n}=${values.get(n)}`).join(', ')
      out.push(
        `line ${ins.line}: rzz ${ins.operands.map(formatOperand).join(', ')}: ${p}, via parameter values ${via}`
      )
      break
    }
  }
  return out
}

const optionAt = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined),
    o
  )

/** qiskit-ibm-runtime `validate_no_dd_with_dynamic_circuits` (utils/validations.py). */
export function optionProblems(
  options: Record<string, unknown> | undefined,
  circuits: Map<string, Circuit>
): string[] {
  if (optionAt(options, 'dynamical_decoupling', 'enable') !== true) return []
  const dynamic = [...circuits].find(([, c]) => isDynamic(c))
  return dynamic
    ? [
        `options.dynamical_decoupling.enable: Dynamical decoupling currently cannot be used with dynamic circuits (${dynamic[0]} has control flow)`
      ]
    : []
}

/**
 * IBM's fractional-gates guide lists what fractional gates are not supported with; since
 * qiskit-ibm-runtime 0.42 the client no longer refuses them with dynamic circuits (release note
 * 2366), so these are warnings, not refusals.
 */
export function fractionalWarnings(
  fractional: string[],
  options: Record<string, unknown> | undefined,
  circuits: Map<string, Circuit>
): string[] {
  const used = [...circuits].filter(([, c]) =>
    c.instructions.some(i => fractional.includes(i.name))
  )
  if (used.length === 0) return []
  const what = `${used[0][0]} uses fractional gates`
  const out: string[] = []
  if (used.some(([, c]) => isDynamic(c)))
    out.push(
      `${what} and control flow; IBM's fractional-gates guide lists dynamic circuits as unsupported with them`
    )
  if (optionAt(options, 'twirling', 'enable_gates') === true)
    out.push(`${what}; IBM's fractional-gates guide lists Pauli twirling as unsupported with them`)
  if (optionAt(options, 'resilience', 'pec_mitigation') === true)
    out.push(`${what}; IBM's fractional-gates guide lists PEC as unsupported with them`)
  if (optionAt(options, 'resilience', 'zne', 'amplifier') === 'pea')
    out.push(`${what}; IBM's fractional-gates guide lists PEA as unsupported with them`)
  return out
}
