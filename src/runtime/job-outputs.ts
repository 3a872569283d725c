/**
 * What a finished job leaves at IBM, read exactly as served so its digest can be signed:
 * GET /jobs/{id}/results (204 until final), GET /jobs/{id}/metrics, and the calibration
 * snapshot in force when it ran, GET /backends/{name}/properties?updated_before=<running time>,
 * as qiskit-ibm-runtime's `job.properties()` asks for it.
 */
import { QprovError } from '../errors.js'
import { MAX_SERVED_BYTES, type RuntimeApi } from './client.js'

const seg = encodeURIComponent

function objectOf(bytes: Buffer, what: string): Record<string, unknown> {
  let v: unknown
  try {
    v = JSON.parse(bytes.toString('utf8'))
  } catch {
    v = undefined
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new QprovError(
      'RUNTIME_BAD_RESPONSE',
      `${what} returned a body that is not a JSON object`
    )
  return v as Record<string, unknown>
}

/** The job's final result bytes; undefined while the service has none yet (HTTP 204). */
export async function fetchResultsBytes(
  api: RuntimeApi,
  jobId: string,
  maxBytes = MAX_SERVED_BYTES
): Promise<Buffer | undefined> {
  const what = `get results of job ${jobId}`
  const r = await api.readServed(what, `/jobs/${seg(jobId)}/results`, maxBytes)
  if (r.status === 204 || r.bytes.length === 0) return undefined
  return r.bytes
}

export interface JobMetrics {
  bytes: Buffer
  created: string | null
  running: string | null
  finished: string | null
  usage: { qpu_charge_time_seconds: number | null; status: string | null }
}

const isoOrNull = (v: unknown): string | null =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null

export async function fetchJobMetrics(
  api: RuntimeApi,
  jobId: string,
  maxBytes = MAX_SERVED_BYTES
): Promise<JobMetrics> {
  const what = `get metrics of job ${jobId}`
  const { bytes } = await api.readServed(what, `/jobs/${seg(jobId)}/metrics`, maxBytes)
  const o = objectOf(bytes, what)
  const t = (
    typeof o.timestamps === 'object' && o.timestamps !== null ? o.timestamps : {}
  ) as Record<string, unknown>
  const u = (typeof o.usage === 'object' && o.usage !== null ? o.usage : {}) as Record<
    string,
    unknown
  >
  const seconds = u.qpu_charge_time_seconds
  return {
    bytes,
    created: isoOrNull(t.created),
    running: isoOrNull(t.running),
    finished: isoOrNull(t.finished),
    usage: {
      qpu_charge_time_seconds:
        typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : null,
      status: typeof u.status === 'string' ? u.status : null
    }
  }
}

export interface CalibrationSnapshot {
  bytes: Buffer
  lastUpdateDate: string
}

/** The snapshot dated at or before `updatedBefore`; a body without last_update_date is refused. */
export async function fetchCalibrationSnapshot(
  api: RuntimeApi,
  backend: string,
  updatedBefore: string,
  maxBytes = MAX_SERVED_BYTES
): Promise<CalibrationSnapshot> {
  const what = `get properties of backend ${backend} before ${updatedBefore}`
  const qs = new URLSearchParams({ updated_before: updatedBefore })
  const { bytes } = await api.readServed(
    what,
    `/backends/${seg(backend)}/properties?${qs}`,
    maxBytes
  )
  const o = objectOf(bytes, what)
  if (typeof o.last_update_date !== 'string' || Number.isNaN(Date.parse(o.last_update_date)))
    throw new QprovError(
      'RUNTIME_BAD_RESPONSE',
      `${what}: the properties carry no last_update_date`
    )
  return { bytes, lastUpdateDate: o.last_update_date }
}
