/**
 * What a finished emulated job leaves behind besides its results: GET /jobs/{id}/metrics in IBM's shape
 * (timestamps, usage, circuits_execution_time_ns, qiskit_version, caller; API 2026-04-15).
 */
import type { EmulatedJob, JobStatus, Lifecycle } from './store.js'

/** When the job started running and finished, as far as it has; undefined while not reached. */
export function jobTimes(
  job: EmulatedJob,
  status: JobStatus,
  lifecycle: Lifecycle
): { running?: number; finished?: number } {
  if (lifecycle.kind === 'time' && !job.forced) {
    const step = Math.max(1, lifecycle.stepMs)
    const ran = status !== 'Queued' && !(status === 'Failed' && job.failure !== undefined)
    return {
      ...(ran ? { running: job.createdMs + step } : {}),
      ...(status === 'Completed' || status === 'Cancelled' || status === 'Failed'
        ? { finished: job.createdMs + 2 * step }
        : {})
    }
  }
  return {
    ...(job.runningMs !== undefined ? { running: job.runningMs } : {}),
    ...(job.finishedMs !== undefined ? { finished: job.finishedMs } : {})
  }
}

/** Records the first time a polled job was seen running and seen final. */
export function noteStatus(job: EmulatedJob, status: JobStatus, nowMs: number): void {
  const final = status === 'Completed' || status === 'Cancelled' || status === 'Failed'
  const ran = status === 'Running' || status === 'Completed' || (final && job.overrun === true)
  if (ran && job.runningMs === undefined) job.runningMs = nowMs
  if (final && job.finishedMs === undefined) job.finishedMs = nowMs
}

function shotsOf(job: EmulatedJob): number {
  const pubs = Array.isArray(job.params.pubs) ? job.params.pubs : []
  const fallback = Number(job.params.shots ?? 4096)
  return pubs.reduce<number>((n, pub) => {
    const s = Array.isArray(pub) && typeof pub[2] === 'number' ? pub[2] : fallback
    return n + (Number.isFinite(s) ? s : 0)
  }, 0)
}

export function jobMetrics(
  job: EmulatedJob,
  status: JobStatus,
  lifecycle: Lifecycle,
  caller: string | undefined
): Record<string, unknown> {
  const iso = (ms?: number) => (ms === undefined ? null : new Date(ms).toISOString())
  const t = jobTimes(job, status, lifecycle)
  const complete = t.finished !== undefined
  const ranMs = complete && t.running !== undefined ? t.finished! - t.running : 0
  // Usage reads 0 while pending, as IBM documents.
  const seconds = complete ? Math.max(1, Math.ceil(shotsOf(job) / 2000)) : 0
  return {
    timestamps: { created: iso(job.createdMs), running: iso(t.running), finished: iso(t.finished) },
    usage: { qpu_charge_time_seconds: seconds, status: complete ? 'complete' : 'pending' },
    circuits_execution_time_ns: ranMs * 1_000_000,
    qiskit_version: null,
    caller: caller ?? null
  }
}
