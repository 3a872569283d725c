/**
 * What the service finds when a created job leaves the queue: each OpenQASM 3 circuit must be ISA
 * for the backend, its parameter values must fit its inputs, its qubits must be operational, and
 * each estimator observable must be as wide as its circuit. A job that fails here was still
 * created (and tagged); it ends Failed with IBM's reason code and text, as on IBM Quantum.
 */
import { angleOf } from './angle.js'
import { checkIsa, rzzOutOfRange, type CircuitFacts } from './isa.js'
import { isObject } from './job-body.js'
import type { EmulatedTarget } from './targets.js'

/** state.reason for code 1517, as IBM Quantum showed it (qiskit-community/qiskit-algorithms#165). */
export const NON_ISA_REASON =
  'Circuits do not match the target definition (non-ISA circuits). -- \\n Transpile your circuits for the target before submitting a primitive query. For\\n example, you can use the following code block given an IBMBackend object backend \\n and circuits of type List[QuantumCircuit]:\\n from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager\\n pm = generate_preset_pass_manager(optimization_level=1, target=backend.target)\\n isa_circuits = pm.run(circuits)\\n Then pass isa_circuits to the Sampler or Estimator.\\n -- https://ibm.biz/error_codes#1517'

export interface Failure {
  /** IBM's registered code, when the registry has one for this failure. */
  code?: number
  /** state.reason, as the service words it. */
  reason: string
  /** Which PUB and instruction, for tests: the service does not say. */
  detail: string
}

export interface Admission {
  failure?: Failure
  circuits: (CircuitFacts | undefined)[]
}

function observableWidths(o: unknown): number[] {
  if (typeof o === 'string') return [o.length]
  if (Array.isArray(o)) return o.flatMap(observableWidths)
  return isObject(o) ? Object.keys(o).map(k => k.length) : []
}

/** Rows of values for the sorted inputs, as Qiskit binds `{tuple(circuit.parameters): values}`. */
function rowsOf(values: unknown, inputs: number): number[][] | string {
  const mismatch = (got: number) =>
    `The number of values (${got}) does not match the number of parameters (${inputs}) for the circuit.`
  if (values === undefined || values === null) return inputs === 0 ? [[]] : mismatch(0)
  if (!Array.isArray(values)) return 'parameter values must be an array'
  const rows = values.every(Array.isArray) ? (values as number[][]) : [values as number[]]
  if (inputs === 1) return rows.flat().map(v => [v])
  const width = rows[0]?.length ?? 0
  if (rows.some(r => r.length !== width || r.some(v => typeof v !== 'number')))
    return 'parameter values must be a rectangular array of numbers'
  return width === inputs ? rows : mismatch(width)
}

export interface FaultyParts {
  qubits: ReadonlySet<number>
  /** "a,b" */
  edges: ReadonlySet<string>
}
const HEALTHY: FaultyParts = { qubits: new Set(), edges: new Set() }

function pubFailure(
  facts: CircuitFacts,
  values: unknown,
  faulty: FaultyParts
): Failure | undefined {
  for (const u of facts.uses) {
    const q = u.qubits.find(x => faulty.qubits.has(x))
    const edge = u.qubits.length === 2 && faulty.edges.has(u.qubits.join(','))
    // Registry 1003 "Error in transpilation process.", what IBM answers for a faulty part (qiskit-ibm-runtime#792).
    if (q !== undefined || edge)
      return {
        code: 1003,
        reason: 'Error in transpilation process.',
        detail: `${u.name} on faulty ${q !== undefined ? `qubit ${q}` : `edge ${u.qubits.join('-')}`}`
      }
  }
  const rows = rowsOf(values, facts.inputs.length)
  if (typeof rows === 'string') return { reason: rows, detail: rows }
  const order = [...facts.inputs].sort()
  for (const a of facts.boundAngles)
    for (const row of rows) {
      const angle = angleOf(a.text, new Map(order.map((n, i) => [n, row[i]])))
      const e = angle === undefined ? undefined : rzzOutOfRange(angle, a.qubits)
      if (e) return { code: 1517, reason: NON_ISA_REASON, detail: e.message }
    }
  return undefined
}

export function admit(
  program: 'sampler' | 'estimator',
  params: Record<string, unknown>,
  t: EmulatedTarget,
  faulty: FaultyParts = HEALTHY
): Admission {
  const pubs = Array.isArray(params.pubs) ? params.pubs : []
  const circuits: (CircuitFacts | undefined)[] = []
  let failure: Failure | undefined
  pubs.forEach((pub: unknown, i) => {
    const parts = Array.isArray(pub) ? pub : [pub]
    const [circuit, observables] = parts
    // Encoded QPY (what the Python client sends) is not decoded here: accepted as it comes.
    if (typeof circuit !== 'string') return void circuits.push(undefined)
    const v = checkIsa(circuit, t)
    circuits.push(v.ok ? v.facts : undefined)
    if (failure) return
    const at = `PUB ${i}: `
    if (!v.ok) {
      const reason = v.unreadable
        ? `${at}The OpenQASM 3 circuit could not be read: ${v.why}.`
        : NON_ISA_REASON
      failure = { ...(v.unreadable ? {} : { code: 1517 }), reason, detail: at + v.why }
      return
    }
    const values = program === 'sampler' ? parts[1] : parts[2]
    const f = pubFailure(v.facts, values, faulty)
    if (f) failure = { ...f, reason: f.code ? f.reason : at + f.reason, detail: at + f.detail }
    else if (program === 'estimator') {
      const bad = observableWidths(observables).find(w => w !== v.facts.width)
      if (bad !== undefined) {
        const reason = `The number of qubits of the circuit (${v.facts.width}) does not match the number of qubits of the observable (${bad}).`
        failure = { reason: at + reason, detail: at + reason }
      }
    }
  })
  return failure === undefined ? { circuits } : { failure, circuits }
}
