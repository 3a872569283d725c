/**
 * GET /backends (objects, as qiskit-ibm-runtime reads `devices[]`: name, status.name, qubits,
 * queue_length, physical_qubits), /backends/{name}/configuration, …/status, …/properties (dated
 * snapshots, `updated_before`), /instances/usage and /versions.
 */
import { faultyAt, type Conditions } from './conditions.js'
import type { Reply } from './reply.js'
import { configurationView, pairs, target, targetNames, type EmulatedTarget } from './targets.js'

type ErrorReply = (status: number, code: number, message: string) => Reply

/** IBM-API-Version values the service has published, and whether each still answers. */
export const API_VERSIONS: {
  version: string
  status: 'live' | 'deprecated'
  sunset_date?: string
}[] = [
  { version: '2024-01-01', status: 'deprecated', sunset_date: '2027-01-01' },
  { version: '2025-01-01', status: 'deprecated', sunset_date: '2027-01-01' },
  { version: '2025-05-01', status: 'deprecated', sunset_date: '2027-01-01' },
  { version: '2026-02-01', status: 'deprecated', sunset_date: '2027-02-01' },
  { version: '2026-02-15', status: 'deprecated', sunset_date: '2027-02-15' },
  { version: '2026-03-15', status: 'live' },
  { version: '2026-04-15', status: 'live' }
]

function stateOf(c: Conditions, name: string) {
  return c.backends?.[name] ?? { state: true, status: 'active', queue: 0 }
}

function deviceView(c: Conditions, t: EmulatedTarget): Record<string, unknown> {
  const s = stateOf(c, t.name)
  const online = s.state && s.status === 'active'
  return {
    name: t.name,
    status: { name: online ? 'online' : s.state ? 'paused' : 'offline', reason: s.message ?? '' },
    qubits: t.qubits,
    ...(t.facts.physical_qubits ? { physical_qubits: t.facts.physical_qubits } : {}),
    queue_length: s.queue ?? 0
  }
}

/** BackendProperties in IBM's shape; `operational: 0` marks the faulty parts. */
function propertiesView(t: EmulatedTarget, f: NonNullable<ReturnType<typeof faultyAt>>) {
  const down = (date: string) => [{ date, name: 'operational', unit: '', value: 0 }]
  const qubits = Array.from({ length: t.qubits }, (_, q) =>
    f.qubits.has(q) ? down(f.updated) : []
  )
  const gates: Record<string, unknown>[] = []
  for (const gate of t.facts.basis_gates) {
    const on = gate === t.twoQubitGate || gate === 'rzz' ? pairs(t) : qubits.map((_, q) => [q])
    for (const qs of on)
      gates.push({
        qubits: qs,
        gate,
        name: `${gate}${qs.join('_')}`,
        parameters: qs.length === 2 && f.edges.has(qs.join(',')) ? down(f.updated) : []
      })
  }
  return {
    backend_name: t.name,
    backend_version: t.facts.backend_version,
    last_update_date: f.updated,
    qubits,
    gates,
    general: []
  }
}

export function backendRoute(
  seg: string[],
  q: URLSearchParams,
  c: Conditions,
  error: ErrorReply
): Reply {
  if (seg.length === 1)
    return { status: 200, json: { devices: targetNames().map(n => deviceView(c, target(n)!)) } }
  const t = target(seg[1])
  if (!t) return error(404, 1404, `backend not found: ${seg[1]}`)
  const what = seg.length === 3 ? seg[2] : ''
  if (what === 'configuration') return { status: 200, json: configurationView(t) }
  if (what === 'status') {
    const s = stateOf(c, t.name)
    return {
      status: 200,
      json: {
        state: s.state,
        status: s.status,
        message: s.message ?? '',
        length_queue: s.queue ?? 0,
        backend_version: t.facts.backend_version
      }
    }
  }
  if (what === 'properties') {
    const raw = q.get('updated_before')
    const before = raw === null ? undefined : Date.parse(raw)
    if (Number.isNaN(before)) return error(400, 1400, 'updated_before must be an ISO-8601 date')
    const f = faultyAt(c, t.name, t.facts.properties_date, before)
    if (!f) return error(404, 1404, `no properties of ${t.name} dated before ${raw}`)
    return { status: 200, json: propertiesView(t, f) }
  }
  return error(404, 1404, `no route for GET /backends/${seg.slice(1).join('/')}`)
}

export function usageView(c: Conditions): Record<string, unknown> {
  const u = c.usage ?? { consumedSeconds: 0, limitReached: false }
  return {
    usage_consumed_seconds: u.consumedSeconds,
    ...(u.limitSeconds !== undefined ? { usage_limit_seconds: u.limitSeconds } : {}),
    ...(u.allocationSeconds !== undefined ? { usage_allocation_seconds: u.allocationSeconds } : {}),
    usage_limit_reached: u.limitReached
  }
}
