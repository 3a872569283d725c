/**
 * The emulator's built-in backends. targets.json holds real device facts (from the configuration
 * snapshots qiskit-ibm-runtime ships for its fake backends): Heron r1 ibm_torino, Heron r2 ibm_fez,
 * Eagle r3 ibm_brisbane. Coupling is "a-b" (both directions) or "a>b" (this direction only).
 */
import data from './targets.json' with { type: 'json' }

interface TargetFacts {
  backend_version: string
  n_qubits: number
  basis_gates: string[]
  supported_instructions: string[]
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
  /** Instruction names the device runs (gates, measure, reset, delay, control flow). */
  instructions: ReadonlySet<string>
  twoQubitGate: string
  /** Directed pairs "a>b" on which the two-qubit gate runs. */
  edges: ReadonlySet<string>
  facts: TargetFacts
}

const FACTS = data as Record<string, TargetFacts>

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

const TARGETS = new Map<string, EmulatedTarget>(
  Object.entries(FACTS).map(([name, f]) => [
    name,
    {
      name,
      qubits: f.n_qubits,
      instructions: new Set(f.supported_instructions),
      twoQubitGate: f.two_qubit_gate,
      edges: edgesOf(f.coupling),
      facts: f
    }
  ])
)

export function target(name: string): EmulatedTarget | undefined {
  return TARGETS.get(name)
}

export function targetNames(): string[] {
  return [...TARGETS.keys()]
}

const pairs = (t: EmulatedTarget) =>
  [...t.edges].map(e => e.split('>').map(Number)).sort((x, y) => x[0] - y[0] || x[1] - y[1])

const GATE_PARAMS: Record<string, string[]> = { rz: ['theta'] }

/** GET /backends/{name}/configuration, in the shape IBM serves (the fields qprov and Qiskit read). */
export function configurationView(t: EmulatedTarget): Record<string, unknown> {
  const f = t.facts
  const singles = Array.from({ length: t.qubits }, (_, q) => [q])
  const gates = f.basis_gates.map(name => ({
    name,
    parameters: GATE_PARAMS[name] ?? [],
    qasm_def: null,
    coupling_map: name === t.twoQubitGate ? pairs(t) : singles
  }))
  return {
    backend_name: t.name,
    backend_version: f.backend_version,
    n_qubits: t.qubits,
    basis_gates: f.basis_gates,
    gates: [...gates, { name: 'reset', parameters: null, qasm_def: null }],
    local: false,
    simulator: false,
    conditional: false,
    open_pulse: false,
    memory: true,
    max_shots: f.max_shots,
    max_experiments: f.max_experiments,
    coupling_map: pairs(t),
    supported_instructions: f.supported_instructions,
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
