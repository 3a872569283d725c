import { QprovError } from '../errors.js'
import { runtimeHttpError } from './api-errors.js'

export type Sleep = (ms: number) => Promise<void>
export type FetchLike = typeof fetch

export interface HttpPolicy {
  fetch?: FetchLike
  /** Injectable so tests can assert the requested delays without waiting for them. */
  sleep?: Sleep
  /** Per attempt, applied through an AbortSignal on every call. */
  timeoutMs?: number
  maxRetries?: number
  /** Per attempt for POST /jobs; default JOB_CREATE_TIMEOUT_MS. */
  jobCreateTimeoutMs?: number
  /** Longest single wait, also the most of a Retry-After qprov is willing to honour. */
  maxDelayMs?: number
}

export interface HttpRequest {
  what: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  headers: Record<string, string>
  body?: string
  /** Job creation: a 429 without Retry-After still waits, since IBM allows 5 creations a minute. */
  jobCreate?: boolean
  /** Refuse a successful body longer than this (read as a stream, stopped at the cap). */
  maxBytes?: number
}

export interface HttpResponse {
  status: number
  headers: Headers
  text: string
  /** The body exactly as served. */
  bytes: Buffer
}

/** The statuses IBM's own client retries, for every method but PATCH. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504, 520, 521, 522, 524])
const JOB_CREATE_RATE_WAIT_MS = 12_000
/** IBM's own client allows a job POST this long (large payloads are slow to accept). */
export const JOB_CREATE_TIMEOUT_MS = 900_000

export const realSleep: Sleep = ms => new Promise(r => setTimeout(r, ms))

export function backoffMs(retry: number, capMs: number): number {
  return Math.min(capMs, 500 * 2 ** (retry - 1))
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}

function tooLarge(req: HttpRequest, cap: number): QprovError {
  return new QprovError(
    'RUNTIME_RESPONSE_TOO_LARGE',
    `${req.what}: the response is larger than ${cap} bytes, the most qprov stores`,
    { details: { method: req.method, url: req.url } }
  )
}

/** The body, read chunk by chunk and abandoned as soon as it passes the cap. */
async function readBody(req: HttpRequest, res: Response): Promise<Buffer> {
  const cap = req.maxBytes
  if (cap === undefined || !res.ok || res.body === null) return Buffer.from(await res.arrayBuffer())
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (declared > cap) {
    await res.body.cancel()
    throw tooLarge(req, cap)
  }
  const chunks: Buffer[] = []
  let n = 0
  for await (const chunk of res.body) {
    n += chunk.byteLength
    if (n > cap) throw tooLarge(req, cap)
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks)
}

function transportError(req: HttpRequest, e: unknown, timeoutMs: number): QprovError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
    return new QprovError('RUNTIME_TIMEOUT', `${req.what} timed out after ${timeoutMs} ms`, {
      cause: e,
      details: { method: req.method, url: req.url }
    })
  const why = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e)
  return new QprovError('RUNTIME_NETWORK', `${req.what} failed: connection error (${why})`, {
    cause: e,
    details: { method: req.method, url: req.url }
  })
}

/**
 * One Runtime call with IBM's retry policy: 5xx/52x retried with backoff (POST included, PATCH
 * never, not even on 429), 429 after Retry-After, no other 4xx. Redirects are refused. Connection failures are retried only where a replay
 * cannot create a second resource, i.e. not for POST or PATCH.
 */
export async function sendRuntimeRequest(
  req: HttpRequest,
  policy: HttpPolicy = {}
): Promise<HttpResponse> {
  const doFetch = policy.fetch ?? fetch
  const sleep = policy.sleep ?? realSleep
  const timeoutMs = req.jobCreate
    ? (policy.jobCreateTimeoutMs ?? JOB_CREATE_TIMEOUT_MS)
    : (policy.timeoutMs ?? 60_000)
  const maxRetries = policy.maxRetries ?? 5
  const capMs = policy.maxDelayMs ?? 120_000
  const replaySafe = req.method !== 'POST' && req.method !== 'PATCH'
  let connectionRetries = 0
  for (let attempt = 1; ; attempt++) {
    let res: Response
    let bytes: Buffer
    try {
      res = await doFetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        // A redirect would replay the API key or bearer token to whatever host it names.
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs)
      })
      bytes = await readBody(req, res)
    } catch (e) {
      if (e instanceof QprovError) throw e
      const err = transportError(req, e, timeoutMs)
      if (replaySafe && connectionRetries < 3 && attempt <= maxRetries) {
        connectionRetries++
        await sleep(backoffMs(attempt, capMs))
        continue
      }
      throw err
    }
    const text = bytes.toString('utf8')
    if (res.ok) return { status: res.status, headers: res.headers, text, bytes }
    const retriesLeft = attempt <= maxRetries
    if (res.status === 429 && req.method !== 'PATCH' && retriesLeft) {
      const after = parseRetryAfter(res.headers.get('retry-after'))
      const wait = after ?? (req.jobCreate ? JOB_CREATE_RATE_WAIT_MS : undefined)
      if (wait !== undefined && wait <= capMs) {
        await sleep(wait)
        continue
      }
    }
    if (RETRY_STATUSES.has(res.status) && req.method !== 'PATCH' && retriesLeft) {
      await sleep(backoffMs(attempt, capMs))
      continue
    }
    throw runtimeHttpError(req.what, res.status, text)
  }
}
