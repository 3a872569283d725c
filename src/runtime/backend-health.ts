/**
 * The backend's state on the day: faulty qubits and edges from GET /backends/{name}/properties
 * (refused, as qiskit-ibm-runtime's `IBMBackend.check_faulty` does before submitting), and
 * warnings from GET /backends/{name}/status and GET /instances/usage (the client only warns).
 */
import { QprovError } from '../errors.js'
import { formatOperand, type Circuit } from './qasm.js'

export interface FaultyParts {
  /** `last_update_date` of the properties read. */
  updated?: string
  qubits: Set<number>
  /** Directed pairs "a,b" of gates marked not operational. */
  edges: Set<string>
}

function bad(backend: string, msg: string): QprovError {
  return new QprovError('RUNTIME_BAD_RESPONSE', `the properties of ${backend}: ${msg}`)
}

/** An `operational` entry of value 0 marks a part faulty; no entry means operational. */
function notOperational(backend: string, nduvs: unknown): boolean {
  if (!Array.isArray(nduvs)) throw bad(backend, 'a property list is not a list')
  const op = (nduvs as Record<string, unknown>[]).find(p => p?.name === 'operational')
  if (op === undefined) return false
  if (typeof op.value !== 'number' && typeof op.value !== 'boolean')
    throw bad(backend, "an 'operational' value is not a number")
  return !op.value
}

/** BackendProperties.faulty_qubits() and faulty_gates() (models/backend_properties.py). */
export function faultyParts(backend: string, p: Record<string, unknown>): FaultyParts {
  if (!Array.isArray(p.qubits) || !Array.isArray(p.gates))
    throw bad(backend, 'qubits or gates is missing')
  const qubits = new Set<number>()
  p.qubits.forEach((q, i) => {
    if (notOperational(backend, q)) qubits.add(i)
  })
  const edges = new Set<string>()
  for (const g of p.gates as Record<string, unknown>[]) {
    const on = g?.qubits
    if (!Array.isArray(on) || !on.every(q => Number.isInteger(q)))
      throw bad(backend, 'a gate entry has no qubit list')
    if (on.length > 1 && notOperational(backend, g.parameters)) edges.add(on.join(','))
  }
  const updated = typeof p.last_update_date === 'string' ? p.last_update_date : undefined
  return { ...(updated ? { updated } : {}), qubits, edges }
}

/** Each instruction on a faulty qubit or edge, as `check_faulty` finds them; barriers excepted. */
export function faultyProblems(c: Circuit, f: FaultyParts, backend: string): string[] {
  const when = f.updated ? ` (properties of ${f.updated})` : ''
  const out: string[] = []
  for (const ins of c.instructions) {
    if (ins.kind === 'barrier') continue
    const on = ins.operands.flatMap(o => ('physical' in o ? [o.physical] : []))
    const where = ins.operands.map(formatOperand).join(', ')
    const q = on.find(x => f.qubits.has(x))
    if (q !== undefined)
      out.push(`line ${ins.line}: ${ins.name} ${where}: qubit $${q} is faulty on ${backend}${when}`)
    else if (on.length === 2 && f.edges.has(on.join(',')))
      out.push(
        `line ${ins.line}: ${ins.name} ${where}: edge (${on.join(', ')}) is faulty on ${backend}${when}`
      )
  }
  return out
}

/** GET /backends/{name}/status: `state` false is not operational; 'internal' queues but does not run. */
export function statusWarning(backend: string, s: Record<string, unknown>): string | undefined {
  const status = typeof s.status === 'string' ? s.status : 'unknown'
  const message = typeof s.message === 'string' && s.message ? `: ${s.message}` : ''
  if (s.state !== true)
    return `${backend} is not operational (status ${status}${message}); the job would wait in its queue`
  if (status !== 'active')
    return `${backend} accepts jobs but is not running them (status ${status}${message})`
  return undefined
}

/** GET /instances/usage, as QiskitRuntimeService._check_instance_usage words it. */
export function usageWarning(u: Record<string, unknown>): string | undefined {
  if (u.usage_limit_reached !== true) return undefined
  const limit = typeof u.usage_limit_seconds === 'number' ? u.usage_limit_seconds : undefined
  const used = typeof u.usage_consumed_seconds === 'number' ? u.usage_consumed_seconds : 0
  if (limit !== undefined && limit - used <= 0)
    return 'this instance has met its usage limit: workloads will not run until time is made available'
  return "there is no more time available for this instance's plan: workloads will not run until time is made available"
}
