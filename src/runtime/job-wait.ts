/**
 * Waiting for a job to reach a final state: GET /jobs/{id} with a growing pause between polls
 * (1 s doubling to 30 s), each call under the HTTP layer's own retries, which also honour
 * Retry-After. The caller hears of every state change once.
 */
import { QprovError } from '../errors.js'
import type { RuntimeApi, RuntimeJob } from './client.js'
import { realSleep, type Sleep } from './http.js'
import { describeReason } from './job-state.js'

export const FINAL_STATES: ReadonlySet<string> = new Set(['Completed', 'Failed', 'Cancelled'])
const FIRST_PAUSE_MS = 1000
const LONGEST_PAUSE_MS = 30_000

export interface WaitOptions {
  /** Poll until a final state (true) or look once (false). */
  wait: boolean
  /** Give up after this long (waiting only); undefined: no limit. */
  timeoutMs?: number
  onState?: (job: RuntimeJob, elapsedMs: number) => void
  sleep?: Sleep
  now?: () => number
}

export function pollPauseMs(poll: number): number {
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, poll - 1))
}

/** The job once final; RUNTIME_JOB_PENDING when not final (and not waiting, or out of time). */
export async function waitForFinalState(
  api: RuntimeApi,
  jobId: string,
  opts: WaitOptions
): Promise<RuntimeJob> {
  const sleep = opts.sleep ?? realSleep
  const now = opts.now ?? Date.now
  const start = now()
  let last: string | undefined
  for (let poll = 1; ; poll++) {
    const job = await api.getJob(jobId)
    if (job.status !== last) opts.onState?.(job, now() - start)
    last = job.status
    if (FINAL_STATES.has(job.status)) return job
    const waited = now() - start
    const pause = pollPauseMs(poll)
    if (!opts.wait || (opts.timeoutMs !== undefined && waited + pause > opts.timeoutMs))
      throw new QprovError(
        'RUNTIME_JOB_PENDING',
        opts.wait
          ? `job ${jobId} is still ${job.status} after ${Math.round(waited / 1000)} s; ` +
              `run qprov results --job ${jobId} --wait again later`
          : `job ${jobId} is ${job.status}, not final; add --wait to wait for it`,
        { details: { jobId } }
      )
    await sleep(pause)
  }
}

/** Failed or Cancelled: exit 1 with IBM's reason. */
export function requireCompleted(job: RuntimeJob): void {
  if (job.status === 'Completed') return
  const reason = describeReason(job)
  throw new QprovError(
    'RUNTIME_JOB_NOT_COMPLETED',
    `job ${job.id} ended ${job.statusDetail ?? job.status}${reason ? `: ${reason}` : ' (IBM gave no reason)'}`,
    { details: { jobId: job.id } }
  )
}
