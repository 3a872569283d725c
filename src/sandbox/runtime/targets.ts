/**
 * The emulator's built-in backends. targets.json holds real device facts, each entry naming the
 * snapshot it comes from (the configurations qiskit-ibm-runtime ships for its fake backends):
 * Heron r3 ibm_boston as served today (fractional gates rx/rzz, measure_2/reset_2, if_else only),
 * and the older snapshots Heron r1 ibm_torino, Heron r2 ibm_fez and Eagle r3 ibm_brisbane.
 * Coupling is "a-b" (both directions) or "a>b" (this direction only).
 */
import data from './targets.json' with { type: 'json' }

interface Signature {
  name: string
  num_qubits: number
  num_clbits: number
  parameters: string[]
  description: string
  return_type: string
}

interface TargetFacts {
  source: string
  /** last_update_date of the properties snapshot that goes with the configuration. */
  properties_date: string
  backend_version: string
  n_qubits: number
  physical_qubits?: number
  basis_gates: string[]
  supported_instructions: string[]
  instruction_signatures?: Signature[]
  processor_type: { family: string; revision: string | number }
  max_shots: number
  max_experiments: number
  dt: number
  dtm: number
  online_date: string
  description: string
  supported_features: string[]
  two_qubit_gate: string
  coupling: string
}

export interface EmulatedTarget {
  name: string
  qubits: number
  /** What a circuit may use: basis gates, measure/reset/delay, control flow, signatures. */
  instructions: ReadonlySet<string>
  /** IBM's own instructions (measure_2, reset_2): qubits, bits and parameters each takes. */
  signatures: ReadonlyMap<string, { qubits: number; clbits: number; params: number }>
  twoQubitGate: string
  /** Directed pairs "a>b" on which two-qubit gates run. */
  edges: ReadonlySet<string>
  facts: TargetFacts
}

const FACTS = data as Record<string, TargetFacts>
const NON_UNITARY = ['measure', 'reset', 'delay']
const CONTROL_FLOW = ['if_else', 'for_loop', 'while_loop', 'switch_case', 'box']

function edgesOf(coupling: string): Set<string> {
  const edges = new Set<string>()
  for (const e of coupling.split(' ')) {
    const both = e.includes('-')
    const [a, b] = e.split(both ? '-' : '>')
    edges.add(`${a}>${b}`)
    if (both) edges.add(`${b}>${a}`)
  }
  return edges
}

function emulated(name: string, f: TargetFacts): EmulatedTarget {
  const sigs = f.instruction_signatures ?? []
  const listed = f.supported_instructions.filter(
    i => NON_UNITARY.includes(i) || CONTROL_FLOW.includes(i)
  )
  return {
    name,
    qubits: f.n_qubits,
    instructions: new Set([...f.basis_gates, ...listed, ...sigs.map(s => s.name)]),
    signatures: new Map(
      sigs.map(s => [
        s.name,
        { qubits: s.num_qubits, clbits: s.num_clbits, params: s.parameters.length }
      ])
    ),
    twoQubitGate: f.two_qubit_gate,
    edges: edgesOf(f.coupling),
    facts: f
  }
}

const TARGETS = new Map(Object.entries(FACTS).map(([name, f]) => [name, emulated(name, f)]))

export function target(name: string): EmulatedTarget | undefined {
  return TARGETS.get(name)
}

export function targetNames(): string[] {
  return [...TARGETS.keys()]
}

export const pairs = (t: EmulatedTarget) =>
  [...t.edges].map(e => e.split('>').map(Number)).sort((x, y) => x[0] - y[0] || x[1] - y[1])

const GATE_PARAMS: Record<string, string[]> = { rz: ['theta'], rx: ['theta'], rzz: ['theta'] }

/** GET /backends/{name}/configuration, in the shape IBM serves (the fields qprov and Qiskit read). */
export function configurationView(t: EmulatedTarget): Record<string, unknown> {
  const f = t.facts
  const singles = Array.from({ length: t.qubits }, (_, q) => [q])
  const twoQubit = new Set([t.twoQubitGate, 'rzz'])
  const gates = f.basis_gates.map(name => ({
    name,
    parameters: GATE_PARAMS[name] ?? [],
    qasm_def: null,
    coupling_map: twoQubit.has(name) ? pairs(t) : singles
  }))
  const nonUnitary = ['reset', ...(f.instruction_signatures ?? []).map(s => s.name)]
  return {
    backend_name: t.name,
    backend_version: f.backend_version,
    n_qubits: t.qubits,
    basis_gates: f.basis_gates,
    gates: [...gates, ...nonUnitary.map(name => ({ name, parameters: [], qasm_def: null }))],
    local: false,
    simulator: false,
    conditional: false,
    open_pulse: false,
    memory: true,
    max_shots: f.max_shots,
    max_experiments: f.max_experiments,
    coupling_map: pairs(t),
    supported_instructions: f.supported_instructions,
    ...(f.instruction_signatures ? { instruction_signatures: f.instruction_signatures } : {}),
    supported_features: f.supported_features,
    processor_type: f.processor_type,
    online_date: f.online_date,
    description: f.description,
    credits_required: true,
    dt: f.dt,
    dtm: f.dtm,
    n_registers: 1
  }
}
