/**
 * A Runtime job as GET /jobs/{id} describes it, and what its state means: the top-level `status`
 * adds "Cancelled - Ran too long" to `state.status`, and `state.reason_code` names IBM's
 * registered error (https://quantum.cloud.ibm.com/docs/errors).
 */
import { QprovError } from '../errors.js'

export interface RuntimeJob {
  id: string
  /** state.status: Queued | Running | Completed | Cancelled | Failed. */
  status: string
  /** The top-level status when it says more, e.g. "Cancelled - Ran too long". */
  statusDetail?: string
  /** Cancelled for exceeding its maximum execution time: an error, as qiskit-ibm-runtime counts it. */
  ranTooLong: boolean
  backend?: string
  tags: string[]
  session_id?: string
  created?: string
  program?: string
  reasonCode?: number
  /** Why a job failed or was cancelled, as the service words it. */
  reason?: string
  raw: Record<string, unknown>
}

/** Reason codes qprov explains; the rest are shown as IBM sends them. */
const REASONS: Record<number, string> = {
  1305: 'the job ran longer than its maximum execution time (max_execution_time / cost)',
  1517: 'the circuits are not ISA for the backend: transpile them for its target',
  1003: 'the service could not transpile the job for the backend'
}

/** One line for people: the code, what it means, and the service's own words. */
export function describeReason(job: RuntimeJob): string | undefined {
  if (job.reason === undefined && job.reasonCode === undefined) return undefined
  const known = job.reasonCode === undefined ? undefined : REASONS[job.reasonCode]
  const code = job.reasonCode === undefined ? '' : `error code ${job.reasonCode}; `
  const text = (job.reason ?? '').replace(/\s+/g, ' ').trim()
  return `${code}${known ? `${known}${text ? ` (${text})` : ''}` : text}`
}

const RAN_TOO_LONG = 'Cancelled - Ran too long'

export function toRuntimeJob(o: Record<string, unknown>, what: string): RuntimeJob {
  if (typeof o.id !== 'string')
    throw new QprovError('RUNTIME_BAD_RESPONSE', `${what}: job has no id`)
  const state = (typeof o.state === 'object' && o.state !== null ? o.state : {}) as Record<
    string,
    unknown
  >
  const top = typeof o.status === 'string' ? o.status : undefined
  const status = typeof state.status === 'string' ? state.status : top
  if (typeof status !== 'string')
    throw new QprovError('RUNTIME_BAD_RESPONSE', `${what}: job ${o.id} has no status`)
  const tags = Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : []
  const program = (o.program as Record<string, unknown> | undefined)?.id
  // IBM's client reads either spelling.
  const code = state.reason_code ?? state.reasonCode
  const reasonCode = typeof code === 'number' && Number.isInteger(code) ? code : undefined
  return {
    id: o.id,
    status,
    ...(top !== undefined && top !== status ? { statusDetail: top } : {}),
    ranTooLong: top === RAN_TOO_LONG || (status === 'Cancelled' && reasonCode === 1305),
    backend: typeof o.backend === 'string' ? o.backend : undefined,
    tags,
    session_id: typeof o.session_id === 'string' ? o.session_id : undefined,
    created: typeof o.created === 'string' ? o.created : undefined,
    program: typeof program === 'string' ? program : undefined,
    reasonCode,
    reason: typeof state.reason === 'string' ? state.reason : undefined,
    raw: o
  }
}
