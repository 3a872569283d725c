/**
 * The state of the emulated service on the day, set by a test or the sandbox: calibrations that
 * mark qubits or edges faulty, a backend that is paused or offline, an instance out of time, and
 * how long each job runs. Defaults: every backend online and healthy, time left, jobs quick.
 */
export interface Calibration {
  backend: string
  /** ISO-8601: `last_update_date` of the properties snapshot this calibration produces. */
  date: string
  faultyQubits?: number[]
  /** Pairs whose two-qubit gates are not operational (both directions). */
  faultyEdges?: [number, number][]
}

export interface BackendState {
  /** GET /backends/{name}/status `state`: false when the backend is not operational. */
  state: boolean
  /** e.g. 'active', 'internal', 'maintenance'. */
  status: string
  message?: string
  queue?: number
}

export interface InstanceUsage {
  consumedSeconds: number
  limitSeconds?: number
  allocationSeconds?: number
  limitReached: boolean
}

export interface Conditions {
  calibrations?: Calibration[]
  backends?: Record<string, BackendState>
  usage?: InstanceUsage
  /** Seconds each job runs; a job whose cost (max execution time) is shorter is cancelled. */
  executionSeconds?: number
}

export interface Faulty {
  updated: string
  qubits: ReadonlySet<number>
  edges: ReadonlySet<string>
}

/**
 * The properties snapshot in force: the newest calibration dated at or before `before` (all
 * when it is omitted), else the snapshot the target's configuration came with.
 */
export function faultyAt(
  c: Conditions,
  backend: string,
  baseDate: string,
  before?: number
): Faulty | undefined {
  const dated = (c.calibrations ?? [])
    .filter(k => k.backend === backend && (before === undefined || Date.parse(k.date) <= before))
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
  const k = dated.at(-1)
  if (!k) {
    if (before !== undefined && Date.parse(baseDate) > before) return undefined
    return { updated: baseDate, qubits: new Set(), edges: new Set() }
  }
  const edges = new Set<string>()
  for (const [a, b] of k.faultyEdges ?? []) edges.add(`${a},${b}`).add(`${b},${a}`)
  return { updated: k.date, qubits: new Set(k.faultyQubits), edges }
}
