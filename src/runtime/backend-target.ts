/**
 * What a backend runs, read from GET /backends/{name}/configuration the way qiskit-ibm-runtime's
 * `convert_to_target` (utils/backend_converter.py) builds a Target: the gates come from
 * `basis_gates`; from `supported_instructions` only measure, reset, delay and control flow count;
 * `instruction_signatures` adds IBM's own instructions such as `measure_2`.
 */
import { QprovError } from '../errors.js'

export interface InstructionSignature {
  qubits: number
  clbits: number
  params: number
}

export interface BackendTarget {
  name: string
  nQubits: number
  basisGates: string[]
  /** Basis gates and the non-unitary instructions (measure, reset, delay) the Target holds. */
  instructions: Set<string>
  /** Names listed in supported_instructions that the Target leaves out (e.g. u1/u2/u3). */
  listedOnly: Set<string>
  /** Control flow the configuration lists: if_else, while_loop, for_loop, switch_case, box. */
  controlFlow: Set<string>
  /** `instruction_signatures`: measure_2, reset_2, … with their qubit, bit and parameter counts. */
  signatures: Map<string, InstructionSignature>
  /** Directed qubit pairs per two-qubit gate ("a,b"); '*' for the global coupling map. */
  couplings: Map<string, Set<string>>
  /** Parameter count per gate, from `gates[].parameters`. */
  params: Map<string, number>
  /** Fractional gates offered (rzz, rx): parametric gates with a duration, unlike rz. */
  fractional: string[]
  simulator: boolean
  version?: string
}

// qiskit.circuit.controlflow.CONTROL_FLOW_OP_NAMES and backend_converter.NON_UNITARY_ISA_INSTRUCTIONS
const CONTROL_FLOW = ['if_else', 'while_loop', 'for_loop', 'switch_case', 'box']
const NON_UNITARY = ['measure', 'reset', 'delay']
// qiskit-ibm-runtime utils.is_fractional_gate: parametric, but not a virtual-Z (rz, p, u1)
const VIRTUAL_Z = new Set(['rz', 'p', 'u1'])

function bad(backend: string, msg: string): QprovError {
  return new QprovError(
    'RUNTIME_BAD_RESPONSE',
    `the configuration of ${backend} cannot be used for the target check: ${msg}`
  )
}

const isPairList = (v: unknown): v is number[][] =>
  Array.isArray(v) &&
  v.every(p => Array.isArray(p) && p.every(q => Number.isInteger(q) && (q as number) >= 0))

const isNames = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every(g => typeof g === 'string')

function signaturesOf(backend: string, raw: unknown): Map<string, InstructionSignature> {
  const out = new Map<string, InstructionSignature>()
  if (raw === undefined || raw === null) return out
  if (!Array.isArray(raw)) throw bad(backend, 'instruction_signatures is not a list')
  for (const s of raw as Record<string, unknown>[]) {
    const counts = [s?.num_qubits, s?.num_clbits]
    if (
      typeof s?.name !== 'string' ||
      !counts.every(n => Number.isInteger(n) && (n as number) >= 0)
    )
      throw bad(backend, 'an instruction signature lacks name, num_qubits or num_clbits')
    const params = s.parameters ?? []
    if (!isNames(params)) throw bad(backend, `the parameters of ${s.name} are not names`)
    out.set(s.name, {
      qubits: s.num_qubits as number,
      clbits: s.num_clbits as number,
      params: params.length
    })
  }
  return out
}

/** Reads the fields the check needs; anything missing or malformed fails closed. */
export function parseBackendConfiguration(
  backend: string,
  c: Record<string, unknown>
): BackendTarget {
  if (c.backend_name !== backend)
    throw bad(backend, `it names backend ${JSON.stringify(c.backend_name)}`)
  if (!Number.isInteger(c.n_qubits) || (c.n_qubits as number) < 1)
    throw bad(backend, 'n_qubits is missing')
  if (!isNames(c.basis_gates) || c.basis_gates.length === 0)
    throw bad(backend, 'basis_gates is missing')
  const basisGates = [...c.basis_gates].sort()
  const listed = c.supported_instructions ?? NON_UNITARY
  if (!isNames(listed)) throw bad(backend, 'supported_instructions is not a list of names')
  const instructions = new Set([...basisGates, ...listed.filter(n => NON_UNITARY.includes(n))])
  const controlFlow = new Set(listed.filter(n => CONTROL_FLOW.includes(n)))
  const listedOnly = new Set(listed.filter(n => !instructions.has(n) && !controlFlow.has(n)))
  const couplings = new Map<string, Set<string>>()
  const params = new Map<string, number>()
  for (const g of Array.isArray(c.gates) ? (c.gates as Record<string, unknown>[]) : []) {
    if (typeof g?.name !== 'string') continue
    if (Array.isArray(g.parameters)) params.set(g.name, g.parameters.length)
    if (isPairList(g.coupling_map) && g.coupling_map.some(p => p.length === 2))
      couplings.set(g.name, new Set(g.coupling_map.map(p => p.join(','))))
  }
  if (c.coupling_map !== undefined && c.coupling_map !== null) {
    if (!isPairList(c.coupling_map)) throw bad(backend, 'coupling_map is not a list of pairs')
    couplings.set('*', new Set(c.coupling_map.map(p => p.join(','))))
  } else if (c.simulator !== true) throw bad(backend, 'coupling_map is missing')
  const signatures = signaturesOf(backend, c.instruction_signatures)
  const fractional = basisGates.filter(
    g => !VIRTUAL_Z.has(g) && ((params.get(g) ?? 0) > 0 || g === 'rx' || g === 'rzz')
  )
  return {
    name: backend,
    nQubits: c.n_qubits as number,
    basisGates,
    instructions,
    listedOnly,
    controlFlow,
    signatures,
    couplings,
    params,
    fractional,
    simulator: c.simulator === true,
    ...(typeof c.backend_version === 'string' ? { version: c.backend_version } : {})
  }
}
