import { createHash } from 'node:crypto'
import type { Failure } from './admission.js'
import type { CircuitFacts } from './isa.js'
import { isObject, type ValidJobBody } from './job-body.js'
import { bellShot, hexSample } from './bell-sampler.js'

export type JobStatus = 'Queued' | 'Running' | 'Completed' | 'Cancelled' | 'Failed'

export interface EmulatedJob {
  id: string
  program: 'sampler' | 'estimator'
  backend: string
  params: Record<string, unknown>
  tags: string[]
  session_id?: string
  cost: number
  private: boolean
  createdMs: number
  /** GETs of the job so far: in 'poll' lifecycle each one moves it a step on. */
  polls: number
  /** Set by cancel, or by a test forcing an outcome. */
  forced?: JobStatus
  /** Why the service rejects the job once it leaves the queue (e.g. a non-ISA circuit). */
  failure?: Failure
  /** Runs longer than its cost (maximum execution time): cancelled, "Cancelled - Ran too long". */
  overrun?: boolean
  /** What each PUB's circuit declares, when the emulator could read it. */
  circuits?: (CircuitFacts | undefined)[]
  /** When a polled job was first seen running, and seen final (metrics timestamps). */
  runningMs?: number
  finishedMs?: number
}

export interface EmulatedSession {
  id: string
  mode: 'dedicated' | 'batch'
  backend: string
  max_ttl: number
  accepting_jobs: boolean
  state: 'open' | 'active' | 'inactive' | 'closed'
  startedMs: number
  closedMs?: number
}

export type Lifecycle = { kind: 'poll' } | { kind: 'time'; stepMs: number }

const TERMINAL = new Set<JobStatus>(['Completed', 'Cancelled', 'Failed'])
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv'

export function isTerminal(s: JobStatus): boolean {
  return TERMINAL.has(s)
}

/** 20-character lowercase base32hex IDs, like those in IBM's docs, from a seed and a counter. */
export function makeId(seed: string, n: number): string {
  const h = createHash('sha256').update(`${seed}:${n}`).digest()
  let out = ''
  for (let i = 0; i < 20; i++) out += BASE32HEX[h[i] % 32]
  return out
}

export function jobStatus(job: EmulatedJob, lifecycle: Lifecycle, nowMs: number): JobStatus {
  if (job.forced) return job.forced
  const step =
    lifecycle.kind === 'poll'
      ? job.polls
      : Math.floor((nowMs - job.createdMs) / Math.max(1, lifecycle.stepMs))
  // The service validates circuits when the job leaves the queue, so a bad one fails there.
  if (job.failure !== undefined && step >= 1) return 'Failed'
  if (step <= 0) return 'Queued'
  return step === 1 ? 'Running' : job.overrun ? 'Cancelled' : 'Completed'
}

/** `state` with IBM's reason and reason_code, and the top-level status that can say more. */
function stateOf(job: EmulatedJob, status: JobStatus) {
  const f = job.failure
  if (status === 'Failed' && f)
    return {
      state: { status, reason: f.reason, ...(f.code ? { reason_code: f.code } : {}) },
      status
    }
  if (status === 'Cancelled' && job.overrun && !job.forced)
    return {
      state: { status, reason: 'Ran too long', reason_code: 1305 },
      status: 'Cancelled - Ran too long'
    }
  return { state: { status }, status }
}

export function jobView(
  job: EmulatedJob,
  status: JobStatus,
  opts: { excludeParams: boolean }
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: job.id,
    created: new Date(job.createdMs).toISOString(),
    program: { id: job.program },
    backend: job.backend,
    ...stateOf(job, status),
    cost: job.cost,
    tags: [...job.tags],
    user_id: 'emulator-user',
    runtime: '',
    private: job.private,
    usage: { qpu_charge_time_seconds: 0, status: isTerminal(status) ? 'complete' : 'pending' }
  }
  if (job.session_id !== undefined) view.session_id = job.session_id
  if (!opts.excludeParams && !job.private) view.params = job.params
  return view
}

export function sessionView(s: EmulatedSession): Record<string, unknown> {
  const iso = (ms?: number) => (ms === undefined ? null : new Date(ms).toISOString())
  return {
    id: s.id,
    backend_name: s.backend,
    mode: s.mode,
    state: s.state,
    state_reason: null,
    accepting_jobs: s.accepting_jobs,
    started_at: iso(s.startedMs),
    activated_at: null,
    closed_at: iso(s.closedMs),
    last_job_started: null,
    last_job_completed: null,
    interactive_ttl: s.mode === 'dedicated' ? 60 : null,
    max_ttl: s.max_ttl,
    active_ttl: null,
    timestamps: [{ status: s.state, timestamp: iso(s.startedMs) }],
    user_id: 'emulator-user',
    elapsed_time: 0
  }
}

export function newJob(id: string, body: ValidJobBody, createdMs: number): EmulatedJob {
  return {
    id,
    program: body.program_id,
    backend: body.backend,
    params: body.params,
    tags: [...body.tags],
    session_id: body.session_id,
    cost: body.cost ?? 10800,
    private: body.private ?? false,
    createdMs,
    polls: 0
  }
}

/** A small deterministic generator (xorshift over a hash of the seed). */
function prng(seed: string): () => number {
  const h = createHash('sha256').update(seed).digest()
  let x = h.readUInt32LE(0) || 1
  return () => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x / 2 ** 32
  }
}

function pubParts(pub: unknown): unknown[] {
  return Array.isArray(pub) ? pub : [pub]
}

/** Plain-JSON primitive results (no support_qiskit), seeded by the job ID so reruns agree. */
export function jobResults(job: EmulatedJob): Record<string, unknown> {
  const pubs = Array.isArray(job.params.pubs) ? job.params.pubs : []
  const options = isObject(job.params.options) ? job.params.options : {}
  const results = pubs.map((pub, i) => {
    const parts = pubParts(pub)
    const rand = prng(`${job.id}/${i}`)
    const facts = job.circuits?.[i]
    if (job.program === 'sampler') {
      const shots = Number(parts[2] ?? job.params.shots ?? options.default_shots ?? 4096)
      // One entry per classical register, as IBM's sampler returns them.
      const data: Record<string, unknown> = {}
      for (const { name, bits } of facts?.registers ?? [{ name: 'c', bits: 1 }]) {
        const samples: string[] = []
        for (let s = 0; s < shots; s++) samples.push(hexSample(bellShot(rand, bits)))
        data[name] = { samples, num_bits: bits }
      }
      return { data, metadata: { circuit_metadata: {} } }
    }
    const obs = parts[1]
    const count = Array.isArray(obs) ? obs.length : 1
    const evs = Array.from({ length: count }, () => Math.round((rand() * 2 - 1) * 1e6) / 1e6)
    const defaultShots =
      typeof options.default_shots === 'number' ? options.default_shots : undefined
    const precision = Number(
      parts[3] ??
        job.params.precision ??
        (defaultShots ? 1 / Math.sqrt(defaultShots) : undefined) ??
        options.default_precision ??
        0.015625
    )
    const shots = defaultShots ?? Math.ceil(1 / precision ** 2)
    const stds = evs.map(() => precision)
    const one = !Array.isArray(obs)
    return {
      data: {
        evs: one ? evs[0] : evs,
        stds: one ? stds[0] : stds,
        ensemble_standard_error: one ? stds[0] : stds
      },
      metadata: { shots, target_precision: precision, circuit_metadata: {}, num_randomizations: 32 }
    }
  })
  return { results, metadata: { version: 2 } }
}
