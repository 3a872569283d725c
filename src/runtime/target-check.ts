/**
 * The pre-submit target check: every circuit of the job spec must be ISA for the backend (native
 * instructions on physical qubits the coupling map connects), and every estimator observable as wide
 * as the circuit. IBM creates a job with a non-ISA circuit and then fails it, after queue time.
 */
import { QprovError } from '../errors.js'
import type { TargetCheckOutcome } from '../proof/runtime-job-file.js'
import type { RuntimeApi } from './client.js'
import type { LoadedJobSpec, Observables } from './job-spec.js'
import { formatOperand, parseQasm, type Circuit, type Instruction } from './qasm.js'

/** What qprov reads from GET /backends/{name}/configuration. */
export interface BackendTarget {
  name: string
  nQubits: number
  basisGates: string[]
  /** Instruction names the backend runs: gates, measure, reset, delay, control flow. */
  supported: Set<string>
  /** Directed qubit pairs per two-qubit gate ("a,b"); one map for all when `gates` lacks it. */
  couplings: Map<string, Set<string>>
  /** Parameter count per gate, from `gates[].parameters`. */
  params: Map<string, number>
}

// Compiler directives every backend accepts; they never appear in supported_instructions.
const DIRECTIVES = new Set(['barrier'])

function bad(backend: string, msg: string): QprovError {
  return new QprovError(
    'RUNTIME_BAD_RESPONSE',
    `the configuration of ${backend} cannot be used for the target check: ${msg}`
  )
}

const isPairList = (v: unknown): v is number[][] =>
  Array.isArray(v) &&
  v.every(p => Array.isArray(p) && p.every(q => Number.isInteger(q) && (q as number) >= 0))

/** Reads the fields the check needs; anything missing or malformed fails closed. */
export function parseBackendConfiguration(
  backend: string,
  c: Record<string, unknown>
): BackendTarget {
  if (c.backend_name !== backend)
    throw bad(backend, `it names backend ${JSON.stringify(c.backend_name)}`)
  if (!Number.isInteger(c.n_qubits) || (c.n_qubits as number) < 1)
    throw bad(backend, 'n_qubits is missing')
  const basis = c.basis_gates
  if (!Array.isArray(basis) || basis.length === 0 || basis.some(g => typeof g !== 'string'))
    throw bad(backend, 'basis_gates is missing')
  const basisGates = [...(basis as string[])].sort()
  const instr = c.supported_instructions
  if (instr !== undefined && (!Array.isArray(instr) || instr.some(g => typeof g !== 'string')))
    throw bad(backend, 'supported_instructions is not a list of names')
  const supported = new Set<string>(
    (instr as string[] | undefined) ?? [...basisGates, 'measure', 'reset', 'delay']
  )
  for (const g of basisGates) supported.add(g)
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
  return { name: backend, nQubits: c.n_qubits as number, basisGates, supported, couplings, params }
}

function problemOf(ins: Instruction, t: BackendTarget): string | undefined {
  const where = ins.operands.map(formatOperand).join(', ')
  const virtual = ins.operands.find(o => !('physical' in o))
  if (virtual)
    return `${ins.name} ${where}: '${formatOperand(virtual)}' is a virtual qubit; an ISA circuit addresses physical qubits ($0 … $${t.nQubits - 1} on ${t.name})`
  for (const o of ins.operands)
    if ('physical' in o && o.physical >= t.nQubits)
      return `${ins.name} ${where}: qubit $${o.physical} does not exist on ${t.name} (${t.nQubits} qubits)`
  if (ins.kind !== 'gate') {
    if (DIRECTIVES.has(ins.name) || t.supported.has(ins.name)) return undefined
    return `'${ins.name}' is not supported by ${t.name} (supported: ${[...t.supported].sort().join(', ')})`
  }
  if (ins.modifiers.length > 0 || !t.supported.has(ins.name)) {
    const shown = [...ins.modifiers.map(m => `${m} @ `), ins.name].join('')
    return `gate '${shown}' on ${where} is not supported by ${t.name} (basis: ${t.basisGates.join(', ')})`
  }
  const want = t.params.get(ins.name)
  if (want !== undefined && want !== ins.paramCount)
    return `${ins.name} on ${where}: takes ${want} parameter(s), got ${ins.paramCount}`
  if (ins.operands.length === 2) {
    const [a, b] = ins.operands.map(o => (o as { physical: number }).physical)
    const map = t.couplings.get(ins.name) ?? t.couplings.get('*')
    if (map && !map.has(`${a},${b}`))
      return map.has(`${b},${a}`)
        ? `${ins.name} ${where}: ${t.name} runs ${ins.name} on this pair only as ${ins.name} $${b}, $${a}`
        : `${ins.name} ${where}: qubits not coupled on ${t.name}`
  }
  return undefined
}

/** Every problem of one circuit against the target, in program order. */
export function circuitProblems(source: string, t: BackendTarget): string[] {
  let c: Circuit
  try {
    c = parseQasm(source)
  } catch (e) {
    return [`not valid OpenQASM 3: ${(e as Error).message}`]
  }
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

function paulis(o: Observables): string[] {
  if (typeof o === 'string') return [o]
  return Array.isArray(o) ? o : Object.keys(o)
}

/** Throws TARGET_MISMATCH naming the first problem (and how many more there are). */
export function checkJobAgainstTarget(loaded: LoadedJobSpec, t: BackendTarget): void {
  const problems: string[] = []
  for (const [path, source] of loaded.circuits)
    for (const p of circuitProblems(source, t)) problems.push(`circuit ${path}: ${p}`)
  loaded.spec.pubs.forEach((pub, i) => {
    if (pub.observables === undefined) return
    // A circuit on physical qubits is as wide as the backend; Qiskit's apply_layout widens to that.
    for (const p of paulis(pub.observables))
      if (p.length !== t.nQubits) {
        problems.push(
          `PUB ${i} (${pub.circuit}): observable width ${p.length} ≠ circuit width ${t.nQubits} (Pauli strings span all ${t.nQubits} qubits of ${t.name}, rightmost character = $0)`
        )
        break
      }
  })
  if (problems.length === 0) return
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
  throw new QprovError('TARGET_MISMATCH', `${problems[0]}${more}`, {
    details: { backend: t.name, problems }
  })
}

/** Fetches the backend's configuration and checks the job against it, before anything is sent. */
export async function checkTarget(
  api: RuntimeApi,
  loaded: LoadedJobSpec,
  backend: string,
  opts: { skip?: boolean; onProgress?: (m: string) => void } = {}
): Promise<TargetCheckOutcome> {
  if (opts.skip) return { status: 'skipped', backend }
  let config: Record<string, unknown>
  try {
    config = await api.getBackendConfiguration(backend)
  } catch (e) {
    if (e instanceof QprovError && e.details.status === 404)
      throw new QprovError(
        'BACKEND_UNKNOWN',
        `backend ${backend} is not available to this instance (${e.message})`,
        { cause: e, details: e.details }
      )
    throw e
  }
  const target = parseBackendConfiguration(backend, config)
  checkJobAgainstTarget(loaded, target)
  opts.onProgress?.(`circuits are ISA for ${backend} (${target.nQubits} qubits)`)
  const version = typeof config.backend_version === 'string' ? config.backend_version : undefined
  return { status: 'passed', backend, ...(version ? { version } : {}), qubits: target.nQubits }
}
