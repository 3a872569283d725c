import { randomUUID } from 'node:crypto'
import { admit } from './admission.js'
import { IamEndpoint } from './iam-endpoint.js'
import { API_VERSIONS, backendRoute, usageView } from './backend-routes.js'
import { faultyAt, type Conditions } from './conditions.js'
import { sessionRoute } from './session-routes.js'
import { jobMetrics, noteStatus } from './job-outcome.js'
import { checkJobBody, isObject, tagsProblem } from './job-body.js'
import { listJobsRoute } from './job-list.js'
import type { Reply } from './reply.js'
import {
  isTerminal,
  jobResults,
  jobStatus,
  jobView,
  makeId,
  newJob,
  type EmulatedJob,
  type EmulatedSession,
  type JobStatus,
  type Lifecycle
} from './store.js'
import { target, type EmulatedTarget } from './targets.js'

/** IBM plans: only the Open plan lacks dedicated (session) mode. */
export type Plan = 'open' | 'pay-as-you-go' | 'flex' | 'premium' | 'dedicated'

const ISA_BELL =
  'OPENQASM 3.0; include "stdgates.inc"; bit[2] c; rz(pi/2) $0; sx $0; rz(pi/2) $0; rz(pi/2) $1; sx $1; rz(pi/2) $1; cz $0, $1; rz(pi/2) $1; sx $1; rz(pi/2) $1; c[0] = measure $0; c[1] = measure $1;'

export type { Reply }

export interface ApiCall {
  method: string
  path: string
  params: URLSearchParams
  headers: Record<string, string>
  body: string
  expireToken: boolean
}

export interface RoutesConfig {
  apiKey: string
  instanceCRN: string
  clock: () => number
  jobsPerMinute: number
  tokenTtlSeconds: number
  lifecycle: Lifecycle
  seed: string
  plan: Plan
  conditions: Conditions
}

const MORE_INFO = 'https://quantum.cloud.ibm.com/docs/api/qiskit-runtime-rest'

export class RuntimeRoutes {
  readonly jobs = new Map<string, EmulatedJob>()
  readonly sessions = new Map<string, EmulatedSession>()
  private readonly iam: IamEndpoint
  private creations: number[] = []
  private ids = 0
  readonly conditions: Conditions

  constructor(private readonly cfg: RoutesConfig) {
    this.conditions = cfg.conditions
    this.iam = new IamEndpoint(cfg.apiKey, cfg.tokenTtlSeconds, cfg.clock)
  }

  error(status: number, code: number, message: string): Reply {
    return {
      status,
      json: { errors: [{ code, message, more_info: MORE_INFO }], trace: randomUUID() }
    }
  }

  expireTokens(): void {
    this.iam.expireAll()
  }

  issuedTokens(): string[] {
    return this.iam.issued()
  }

  createDirect(d: {
    program?: 'sampler' | 'estimator'
    backend?: string
    tags?: string[]
    params?: Record<string, unknown>
    sessionId?: string
    /** Milliseconds since the epoch (default: now), for a history of jobs. */
    createdMs?: number
    /** An outcome the job already has, e.g. Completed for a job of last quarter. */
    status?: JobStatus
  }): string {
    const id = makeId(this.cfg.seed, ++this.ids)
    const program = d.program ?? 'sampler'
    const params = d.params ?? { pubs: [[ISA_BELL, null, 100]], version: 2 }
    const backend = d.backend ?? 'ibm_torino'
    const job = newJob(
      id,
      { program_id: program, backend, params, tags: d.tags ?? [] },
      d.createdMs ?? this.cfg.clock()
    )
    if (d.status) job.forced = d.status
    const t = target(backend)
    if (t) this.admit(job, t)
    else job.failure = { reason: `backend not found: ${backend}`, detail: backend }
    this.jobs.set(id, job)
    if (d.sessionId) job.session_id = d.sessionId
    return id
  }

  handle(call: ApiCall): Reply {
    if (call.path === '/identity/token')
      return call.method === 'POST'
        ? this.iam.token(call.headers['content-type'], call.body)
        : this.error(405, 1405, 'method not allowed')
    if (call.path === '/api/v1/versions')
      return {
        status: 200,
        json: { versions: API_VERSIONS }
      }
    if (!call.path.startsWith('/api/v1/')) return this.error(404, 1404, 'not found')
    const denied = this.authorize(call)
    if (denied) return denied
    return this.api(call, call.path.slice('/api/v1'.length).split('/').slice(1))
  }

  private authorize(call: ApiCall): Reply | undefined {
    const auth = /^Bearer (\S+)$/.exec(call.headers.authorization ?? '')
    if (!auth) return this.error(401, 1401, 'Authorization: Bearer <IAM token> is required')
    if (call.expireToken) this.iam.expire(auth[1])
    const state = this.iam.check(auth[1])
    if (state === 'unknown') return this.error(401, 1401, 'the bearer token is not valid')
    if (state === 'expired') return this.error(401, 1402, 'the bearer token has expired')
    const crn = call.headers['service-crn']
    if (!crn) return this.error(400, 1400, 'the Service-CRN header is required')
    if (crn !== this.cfg.instanceCRN)
      return this.error(403, 1403, 'the Service-CRN names an instance this user cannot access')
    const version = call.headers['ibm-api-version']
    if (!version) return this.error(400, 1400, 'the IBM-API-Version header is required')
    if (!API_VERSIONS.some(v => v.version === version))
      return this.error(400, 1400, `unsupported IBM-API-Version: ${version}`)
    return undefined
  }

  private json(call: ApiCall): { value?: unknown; problem?: Reply } {
    if (call.body === '') return { problem: this.error(400, 1400, 'a JSON body is required') }
    if (!(call.headers['content-type'] ?? '').startsWith('application/json'))
      return { problem: this.error(400, 1400, 'Content-Type must be application/json') }
    try {
      return { value: JSON.parse(call.body) }
    } catch {
      return { problem: this.error(400, 1400, 'the body is not valid JSON') }
    }
  }

  private api(call: ApiCall, seg: string[]): Reply {
    const m = call.method
    const [root, id, sub] = seg
    if (root === 'jobs' && seg.length === 1) {
      if (m === 'POST') return this.createJob(call)
      if (m === 'GET')
        return listJobsRoute(this.jobs.values(), call.params, {
          lifecycle: this.cfg.lifecycle,
          now: this.cfg.clock(),
          error: (s, c, msg) => this.error(s, c, msg)
        })
    }
    if (root === 'jobs' && id !== undefined) {
      const job = this.jobs.get(id)
      if (!job) return this.error(404, 1404, `job not found: ${id}`)
      const now = this.cfg.clock()
      const status = jobStatus(job, this.cfg.lifecycle, now)
      noteStatus(job, status, now)
      if (seg.length === 2 && m === 'GET') {
        job.polls++
        const exclude = call.params.get('exclude_params') === 'true'
        return { status: 200, json: jobView(job, status, { excludeParams: exclude }) }
      }
      if (seg.length === 2 && m === 'DELETE') {
        if (!isTerminal(status)) return this.error(409, 1409, 'only a terminal job can be deleted')
        this.jobs.delete(id)
        return { status: 204 }
      }
      if (sub === 'tags' && seg.length === 3 && m === 'PUT') {
        const { value, problem } = this.json(call)
        if (problem) return problem
        if (!isObject(value) || Object.keys(value).some(k => k !== 'tags'))
          return this.error(400, 1400, 'the body must be {"tags": [...]}')
        const bad = tagsProblem(value.tags)
        if (bad) return this.error(bad.status, bad.code, bad.message)
        // Like IBM's client, the set is de-duplicated; order is not promised.
        job.tags = [...new Set(value.tags as string[])]
        return { status: 204 }
      }
      if (sub === 'results' && seg.length === 3 && m === 'GET') {
        if (status === 'Completed') return { status: 200, json: jobResults(job) }
        if (isTerminal(status)) return this.error(404, 1404, `job ${id} ended ${status}: no result`)
        return { status: 204 }
      }
      if (sub === 'metrics' && seg.length === 3 && m === 'GET')
        return {
          status: 200,
          json: jobMetrics(job, status, this.cfg.lifecycle, call.headers['x-qx-client-application'])
        }
      if (sub === 'cancel' && seg.length === 3 && m === 'POST') {
        if (isTerminal(status)) return this.error(409, 1409, `job ${id} is ${status}`)
        job.forced = 'Cancelled'
        return { status: 204 }
      }
      if (sub === 'logs' && seg.length === 3 && m === 'GET')
        return this.error(404, 1404, 'no logs for this job')
    }
    if (root === 'sessions')
      return sessionRoute(
        {
          sessions: this.sessions,
          jobs: this.jobs,
          plan: this.cfg.plan,
          lifecycle: this.cfg.lifecycle,
          clock: this.cfg.clock,
          newId: () => makeId(`${this.cfg.seed}/session`, ++this.ids),
          error: (s, c, msg) => this.error(s, c, msg),
          json: () => this.json(call)
        },
        call.method,
        call.path,
        seg
      )
    if (root === 'backends' && m === 'GET')
      return backendRoute(seg, call.params, this.conditions, (s, c, msg) => this.error(s, c, msg))
    if (root === 'instances' && sub === undefined && id === 'usage' && m === 'GET')
      return { status: 200, json: usageView(this.conditions) }
    return this.error(404, 1404, `no route for ${m} ${call.path}`)
  }

  /** What the service finds when the job leaves the queue, with the calibration in force now. */
  private admit(job: EmulatedJob, t: EmulatedTarget): void {
    const c = this.conditions
    const faulty = faultyAt(c, t.name, t.facts.properties_date, this.cfg.clock())
    Object.assign(job, admit(job.program, job.params, t, faulty))
    job.overrun = (c.executionSeconds ?? 1) > job.cost
  }

  private createJob(call: ApiCall): Reply {
    const { value, problem } = this.json(call)
    if (problem) return problem
    const checked = checkJobBody(value)
    if ('status' in checked) return this.error(checked.status, checked.code, checked.message)
    const t = target(checked.backend)
    if (!t) return this.error(404, 1404, `backend not found: ${checked.backend}`)
    if (checked.session_id !== undefined) {
      const s = this.sessions.get(checked.session_id)
      if (!s) return this.error(404, 1404, `session not found: ${checked.session_id}`)
      if (!s.accepting_jobs) return this.error(400, 1217, `session ${s.id} is not accepting jobs`)
    }
    const now = this.cfg.clock()
    this.creations = this.creations.filter(t => t > now - 60_000)
    if (this.creations.length >= this.cfg.jobsPerMinute) {
      // With a limit below 1 there is no earlier creation to wait out: a full minute.
      const oldest = this.creations[0] ?? now
      const wait = Math.max(1, Math.ceil((oldest + 60_000 - now) / 1000))
      return {
        ...this.error(429, 1429, `at most ${this.cfg.jobsPerMinute} jobs may be created a minute`),
        headers: { 'Retry-After': String(wait) }
      }
    }
    this.creations.push(now)
    const id = makeId(this.cfg.seed, ++this.ids)
    const job = newJob(id, checked, now)
    this.admit(job, t)
    this.jobs.set(id, job)
    const json: Record<string, unknown> = { id, backend: checked.backend }
    if (checked.session_id !== undefined) json.session_id = checked.session_id
    if (checked.private !== undefined) json.private = checked.private
    return { status: 200, json }
  }
}
