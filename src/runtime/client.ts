import { QprovError } from '../errors.js'
import { checkEndpointURL } from '../url-credentials.js'
import { QPROV_VERSION } from '../version.js'
import { stripTrailingSlash } from '../proof/crn.js'
import { sendRuntimeRequest, type HttpPolicy, type HttpRequest } from './http.js'
import { IamTokenManager } from './iam.js'
import { toRuntimeJob, type RuntimeJob } from './job-state.js'
import { tagLimitError } from './tag-rejection.js'

export type { RuntimeJob } from './job-state.js'

export const IBM_API_VERSION = '2026-04-15'
export const CLIENT_APPLICATION = `qiskit-version-2/qprov-${QPROV_VERSION}`

/** The documented `POST /jobs` body (the fields qprov sends). */
export interface CreateJobBody {
  program_id: string
  backend: string
  params: Record<string, unknown>
  tags?: string[]
  session_id?: string
  cost?: number
  log_level?: string
}

export interface CreatedJob {
  id: string
  backend: string
  session_id?: string
}

export interface JobList {
  jobs: RuntimeJob[]
  count: number
}

/** `GET /jobs` filters, as IBM's client sends them; every one narrows the list (AND). */
export interface JobListQuery {
  tags?: string[]
  backend?: string
  /** ISO-8601 UTC date-times. */
  createdAfter?: string
  createdBefore?: string
  sort?: 'ASC' | 'DESC'
  limit?: number
  offset?: number
}

export type SessionMode = 'dedicated' | 'batch'

export interface RuntimeSession {
  id: string
  mode: string
  state: string
  backend?: string
  accepting_jobs?: boolean
  raw: Record<string, unknown>
}

/** The Runtime edge: everything qprov needs from the IBM Qiskit Runtime REST API. */
export interface RuntimeApi {
  createJob(body: CreateJobBody): Promise<CreatedJob>
  /** `params: true` also reads the job's input (`exclude_params=false`), for comparing circuits. */
  getJob(id: string, opts?: { params?: boolean }): Promise<RuntimeJob>
  listJobs(q: JobListQuery): Promise<JobList>
  /** Follows offset paging until `count` jobs were read. */
  listAllJobs(tags: string[]): Promise<RuntimeJob[]>
  /** PUT replaces every tag and answers 204, so the result is what a GET reads back. */
  replaceTags(id: string, tags: string[]): Promise<string[]>
  cancelJob(id: string): Promise<void>
  /** undefined while the job has no final result (HTTP 204). */
  getResults(id: string): Promise<unknown>
  createSession(s: { mode: SessionMode; backend: string; maxTtl?: number }): Promise<RuntimeSession>
  getSession(id: string): Promise<RuntimeSession>
  /** Graceful (queued jobs still run) unless cancel is set. */
  closeSession(id: string, opts?: { cancel?: boolean }): Promise<void>
  /** GET /backends/{name}/configuration: basis gates, coupling map, qubit count. */
  getBackendConfiguration(name: string): Promise<Record<string, unknown>>
  /** GET /backends/{name}/properties (`updated_before`: the last calibration before then). */
  getBackendProperties(
    name: string,
    opts?: { updatedBefore?: string }
  ): Promise<Record<string, unknown> | undefined>
  /** GET /backends/{name}/status: `state` (operational), `status`, `length_queue`. */
  getBackendStatus(name: string): Promise<Record<string, unknown>>
  /** GET /instances/usage: consumed and limit seconds, `usage_limit_reached`. */
  getInstanceUsage(): Promise<Record<string, unknown>>
  /** GET /jobs/{id}/results exactly as served, at most MAX_SERVED_BYTES; undefined on 204. */
  getResultsBytes(id: string): Promise<Buffer | undefined>
  /** A GET of `path` (below the API base) whose body is kept exactly as served, up to maxBytes. */
  readServed(what: string, path: string, maxBytes: number): Promise<ServedBody>
}

/**
 * Each results, metrics or properties body is read as a stream and refused once it passes this
 * (RUNTIME_RESPONSE_TOO_LARGE): the proof bundle reader accepts files up to the same size.
 */
export const MAX_SERVED_BYTES = 16 * 1024 * 1024

export interface ServedBody {
  status: number
  bytes: Buffer
}

export interface RuntimeClientOptions {
  runtimeURL: string
  iamURL: string
  apiKey: string
  instanceCRN: string
  http?: HttpPolicy
  /** Seconds since the epoch, for token expiry. */
  now?: () => number
}

function asObject(text: string, what: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text)
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      return v as Record<string, unknown>
  } catch {
    // fall through to the error below
  }
  throw new QprovError('RUNTIME_BAD_RESPONSE', `${what} returned a body that is not a JSON object`)
}

function toSession(o: Record<string, unknown>, what: string): RuntimeSession {
  if (typeof o.id !== 'string')
    throw new QprovError('RUNTIME_BAD_RESPONSE', `${what}: session has no id`)
  return {
    id: o.id,
    mode: String(o.mode ?? ''),
    state: String(o.state ?? ''),
    backend: typeof o.backend_name === 'string' ? o.backend_name : undefined,
    accepting_jobs: typeof o.accepting_jobs === 'boolean' ? o.accepting_jobs : undefined,
    raw: o
  }
}

const seg = encodeURIComponent

/** The one real RuntimeApi: HTTP with IAM auth, IBM's headers and retry policy. */
export class HttpRuntimeApi implements RuntimeApi {
  private readonly base: string
  private readonly iam: IamTokenManager

  constructor(private readonly opts: RuntimeClientOptions) {
    // Bearer tokens go here: only over TLS (or on loopback), however the options were built.
    this.base = stripTrailingSlash(checkEndpointURL(opts.runtimeURL, 'the Runtime URL'))
    this.iam = new IamTokenManager({
      apiKey: opts.apiKey,
      iamURL: opts.iamURL,
      http: opts.http,
      now: opts.now
    })
  }

  private async call(
    what: string,
    method: HttpRequest['method'],
    path: string,
    body?: unknown,
    extra: { jobCreate?: boolean; maxBytes?: number } = {}
  ) {
    const send = async (token: string) => {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        'Service-CRN': this.opts.instanceCRN,
        'IBM-API-Version': IBM_API_VERSION,
        'X-Qx-Client-Application': CLIENT_APPLICATION,
        Accept: 'application/json'
      }
      if (body !== undefined) headers['Content-Type'] = 'application/json'
      return sendRuntimeRequest(
        {
          what,
          method,
          url: `${this.base}${path}`,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          ...extra
        },
        this.opts.http
      )
    }
    // A failed IAM exchange throws here, outside the 401 retry: minting again would not help.
    const token = await this.iam.token()
    try {
      return await send(token)
    } catch (e) {
      // An expired or revoked token: mint a new one and try exactly once more.
      if (!(e instanceof QprovError) || e.details.status !== 401) throw e
      this.iam.invalidate()
      return send(await this.iam.token())
    }
  }

  async createJob(body: CreateJobBody): Promise<CreatedJob> {
    const res = await this.call('create job', 'POST', '/jobs', body, { jobCreate: true }).catch(
      (e: unknown) => {
        throw tagLimitError(e, body.tags ?? [], 'a new job (none was created)') ?? e
      }
    )
    const o = asObject(res.text, 'create job')
    if (typeof o.id !== 'string' || o.id === '')
      throw new QprovError('RUNTIME_BAD_RESPONSE', 'create job: response has no job id')
    return {
      id: o.id,
      backend: typeof o.backend === 'string' ? o.backend : body.backend,
      session_id: typeof o.session_id === 'string' ? o.session_id : undefined
    }
  }

  async getJob(id: string, opts: { params?: boolean } = {}): Promise<RuntimeJob> {
    const what = `get job ${id}`
    const exclude = opts.params === true ? 'false' : 'true'
    const res = await this.call(what, 'GET', `/jobs/${seg(id)}?exclude_params=${exclude}`)
    return toRuntimeJob(asObject(res.text, what), what)
  }

  async listJobs(q: JobListQuery): Promise<JobList> {
    const qs = new URLSearchParams()
    for (const t of q.tags ?? []) qs.append('tags', t)
    if (q.backend !== undefined) qs.set('backend', q.backend)
    if (q.createdAfter !== undefined) qs.set('created_after', q.createdAfter)
    if (q.createdBefore !== undefined) qs.set('created_before', q.createdBefore)
    if (q.sort !== undefined) qs.set('sort', q.sort)
    if (q.limit !== undefined) qs.set('limit', String(q.limit))
    if (q.offset !== undefined) qs.set('offset', String(q.offset))
    qs.set('exclude_params', 'true')
    const res = await this.call('list jobs', 'GET', `/jobs?${qs}`)
    const o = asObject(res.text, 'list jobs')
    if (!Array.isArray(o.jobs) || typeof o.count !== 'number')
      throw new QprovError('RUNTIME_BAD_RESPONSE', 'list jobs: response lacks jobs[] or count')
    return {
      jobs: o.jobs.map(j => toRuntimeJob(j as Record<string, unknown>, 'list jobs')),
      count: o.count
    }
  }

  async listAllJobs(tags: string[]): Promise<RuntimeJob[]> {
    const out: RuntimeJob[] = []
    for (;;) {
      const page = await this.listJobs({ tags, limit: 200, offset: out.length })
      out.push(...page.jobs)
      if (page.jobs.length === 0 || out.length >= page.count) return out
    }
  }

  async replaceTags(id: string, tags: string[]): Promise<string[]> {
    try {
      await this.call(`replace tags of job ${id}`, 'PUT', `/jobs/${seg(id)}/tags`, { tags })
    } catch (e) {
      const limit = tagLimitError(e, tags, `job ${id}`)
      if (limit) throw limit
      if (e instanceof QprovError && e.details.status === 400)
        throw new QprovError('RUNTIME_TAGS_REJECTED', e.message, { details: e.details })
      throw e
    }
    return (await this.getJob(id)).tags
  }

  async cancelJob(id: string): Promise<void> {
    await this.call(`cancel job ${id}`, 'POST', `/jobs/${seg(id)}/cancel`)
  }

  async getResults(id: string): Promise<unknown> {
    const what = `get results of job ${id}`
    const res = await this.call(what, 'GET', `/jobs/${seg(id)}/results`)
    if (res.status === 204 || res.text === '') return undefined
    try {
      return JSON.parse(res.text)
    } catch {
      return res.text
    }
  }

  async createSession(s: {
    mode: SessionMode
    backend: string
    maxTtl?: number
  }): Promise<RuntimeSession> {
    const body: Record<string, unknown> = { mode: s.mode, backend: s.backend }
    if (s.maxTtl !== undefined) body.max_ttl = s.maxTtl
    const res = await this.call('create session', 'POST', '/sessions', body)
    return toSession(asObject(res.text, 'create session'), 'create session')
  }

  async getSession(id: string): Promise<RuntimeSession> {
    const what = `get session ${id}`
    const res = await this.call(what, 'GET', `/sessions/${seg(id)}`)
    return toSession(asObject(res.text, what), what)
  }

  async closeSession(id: string, opts: { cancel?: boolean } = {}): Promise<void> {
    if (opts.cancel) {
      await this.call(`cancel session ${id}`, 'DELETE', `/sessions/${seg(id)}/close`)
      return
    }
    try {
      await this.call(`close session ${id}`, 'PATCH', `/sessions/${seg(id)}`, {
        accepting_jobs: false
      })
    } catch (e) {
      // A session that is already gone needs no closing (IBM's client ignores this 404 too).
      if (!(e instanceof QprovError) || e.details.status !== 404) throw e
    }
  }

  async getBackendConfiguration(name: string): Promise<Record<string, unknown>> {
    const what = `get configuration of backend ${name}`
    const res = await this.call(what, 'GET', `/backends/${seg(name)}/configuration`)
    return asObject(res.text, what)
  }

  async getBackendProperties(
    name: string,
    opts: { updatedBefore?: string } = {}
  ): Promise<Record<string, unknown> | undefined> {
    const what = `get properties of backend ${name}`
    const qs = opts.updatedBefore
      ? `?${new URLSearchParams({ updated_before: opts.updatedBefore })}`
      : ''
    const res = await this.call(what, 'GET', `/backends/${seg(name)}/properties${qs}`)
    // An empty answer means no properties, as IBM's client reads it.
    if (res.text.trim() === '' || res.text.trim() === '{}') return undefined
    return asObject(res.text, what)
  }

  async getBackendStatus(name: string): Promise<Record<string, unknown>> {
    const what = `get status of backend ${name}`
    return asObject((await this.call(what, 'GET', `/backends/${seg(name)}/status`)).text, what)
  }

  async getInstanceUsage(): Promise<Record<string, unknown>> {
    const what = 'get instance usage'
    return asObject((await this.call(what, 'GET', '/instances/usage')).text, what)
  }

  async getResultsBytes(id: string): Promise<Buffer | undefined> {
    const what = `get results of job ${id}`
    const r = await this.readServed(what, `/jobs/${seg(id)}/results`, MAX_SERVED_BYTES)
    return r.status === 204 || r.bytes.length === 0 ? undefined : r.bytes
  }

  async readServed(what: string, path: string, maxBytes: number): Promise<ServedBody> {
    const res = await this.call(what, 'GET', path, undefined, { maxBytes })
    return { status: res.status, bytes: res.bytes }
  }
}

export function createRuntimeClient(opts: RuntimeClientOptions): RuntimeApi {
  return new HttpRuntimeApi(opts)
}
