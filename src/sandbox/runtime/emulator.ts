import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes, randomUUID } from 'node:crypto'
import type { Conditions } from './conditions.js'
import { FaultPlan, type Fault, type FaultRule } from './faults.js'
import { RuntimeRoutes, type Plan, type Reply } from './routes.js'
import type { EmulatedJob, Lifecycle } from './store.js'

export type { Conditions } from './conditions.js'
export type { Fault, FaultRule } from './faults.js'
export type { EmulatedJob } from './store.js'
export type { Plan } from './routes.js'

export interface RuntimeEmulatorOptions {
  host?: string
  port?: number
  /** Job creations allowed per rolling minute (IBM documents 5). */
  jobsPerMinute?: number
  /** Lifetime of minted IAM tokens (IBM: 3600). */
  tokenTtlSeconds?: number
  /** Milliseconds since the epoch; injectable so tests control expiry and rate windows. */
  clock?: () => number
  /** Jobs advance one state per GET (default) or every stepMs of clock time. */
  lifecycle?: Lifecycle
  faults?: FaultRule[]
  apiKey?: string
  instanceCRN?: string
  /** Seed for job and session IDs; random by default. */
  seed?: string
  /** The instance's plan (default pay-as-you-go); the Open plan cannot open dedicated sessions. */
  plan?: Plan
  /** Calibrations, backend status, instance usage, job run time (default: all healthy). */
  conditions?: Conditions
}

/** What reached the emulator, for tests that assert what a client sent. */
export interface LoggedRequest {
  seq: number
  method: string
  path: string
  query: Record<string, string[]>
  headers: Record<string, string>
  body: string
  /** The status sent, or undefined when the connection was reset. */
  status?: number
  fault?: Fault['kind']
}

export interface DirectJob {
  program?: 'sampler' | 'estimator'
  backend?: string
  tags?: string[]
  params?: Record<string, unknown>
  sessionId?: string
  /** Milliseconds since the epoch (default: now). */
  createdMs?: number
  /** An outcome the job already has (default: it starts queued). */
  status?: 'Queued' | 'Running' | 'Completed' | 'Cancelled' | 'Failed'
}

export interface RuntimeEmulatorHandle {
  runtimeURL: string
  iamURL: string
  apiKey: string
  instanceCRN: string
  close(): Promise<void>
  readonly requests: LoggedRequest[]
  readonly faults: FaultPlan
  /** The service's state on the day; change it between calls to change what it answers. */
  readonly conditions: Conditions
  /** Creates a job as another client (e.g. Python) would, bypassing HTTP, limits and faults. */
  createJob(job?: DirectJob): string
  /** Many jobs at once (a bench's or an audit test's history), as createJob each; their IDs. */
  seedJobs(jobs: DirectJob[]): string[]
  job(id: string): EmulatedJob | undefined
  jobs(): EmulatedJob[]
  /** Every token minted so far stops working, as after their hour has passed. */
  expireTokens(): void
  /** The tokens minted so far (secrets: tests use them to check nothing leaked). */
  issuedTokens(): string[]
}

const MAX_BODY = 32 * 1024 * 1024

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString()))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, reply: Reply, malformed: boolean): void {
  const headers: Record<string, string> = { ...reply.headers }
  let payload = ''
  if (reply.text !== undefined) {
    payload = reply.text
    headers['Content-Type'] ??= 'text/plain'
  } else if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json)
    headers['Content-Type'] = 'application/json'
  }
  if (malformed) payload = payload.length > 2 ? payload.slice(0, payload.length - 2) : '{"'
  res.writeHead(reply.status, headers)
  res.end(reply.status === 204 ? undefined : payload)
}

/** A faithful local stand-in for IAM and the Qiskit Runtime REST API, on 127.0.0.1. */
export async function startRuntimeEmulator(
  opts: RuntimeEmulatorOptions = {}
): Promise<RuntimeEmulatorHandle> {
  const apiKey = opts.apiKey ?? `emulator-apikey-${randomBytes(16).toString('hex')}`
  const instanceCRN =
    opts.instanceCRN ??
    `crn:v1:bluemix:public:quantum-computing:us-east:a/${randomBytes(16).toString('hex')}:${randomUUID()}::`
  const faults = new FaultPlan(opts.faults)
  const requests: LoggedRequest[] = []
  const routes = new RuntimeRoutes({
    apiKey,
    instanceCRN,
    clock: opts.clock ?? (() => Date.now()),
    jobsPerMinute: opts.jobsPerMinute ?? 5,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 3600,
    lifecycle: opts.lifecycle ?? { kind: 'poll' },
    seed: opts.seed ?? randomBytes(8).toString('hex'),
    plan: opts.plan ?? 'pay-as-you-go',
    conditions: opts.conditions ?? {}
  })

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://emulator')
      const body = await readBody(req)
      const query: Record<string, string[]> = {}
      for (const [k, v] of url.searchParams) (query[k] ??= []).push(v)
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
      const method = req.method ?? 'GET'
      const entry: LoggedRequest = {
        seq: requests.length + 1,
        method,
        path: url.pathname,
        query,
        headers,
        body: body ?? ''
      }
      requests.push(entry)
      const fault = faults.take(method, url.pathname)
      if (fault) entry.fault = fault.kind
      if (fault?.kind === 'reset') {
        req.socket.destroy()
        return
      }
      if (fault?.kind === 'delay') await new Promise(r => setTimeout(r, fault.ms))
      let reply: Reply
      if (body === undefined) reply = routes.error(413, 1413, 'request body too large')
      else if (fault?.kind === 'status')
        reply = fault.body
          ? { status: fault.status, json: fault.body, headers: fault.headers }
          : {
              ...routes.error(fault.status, fault.status, 'injected fault'),
              headers: fault.headers
            }
      else if (fault?.kind === 'rate-limit')
        reply = {
          ...routes.error(429, 1429, 'rate limit exceeded'),
          headers:
            fault.retryAfter === undefined ? undefined : { 'Retry-After': String(fault.retryAfter) }
        }
      else
        reply = routes.handle({
          method,
          path: url.pathname,
          params: url.searchParams,
          headers,
          body,
          expireToken: fault?.kind === 'expire-token'
        })
      if (fault?.kind === 'reset-after') {
        req.socket.destroy()
        return
      }
      entry.status = reply.status
      if (!res.destroyed) send(res, reply, fault?.kind === 'malformed-json')
    })().catch(e => {
      res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ code: 1500, message: String(e) }], trace: randomUUID() }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://${opts.host ?? '127.0.0.1'}:${port}`
  return {
    runtimeURL: `${origin}/api/v1`,
    iamURL: origin,
    apiKey,
    instanceCRN,
    requests,
    faults,
    conditions: routes.conditions,
    createJob: job => routes.createDirect(job ?? {}),
    seedJobs: jobs => jobs.map(j => routes.createDirect(j)),
    job: id => routes.jobs.get(id),
    jobs: () => [...routes.jobs.values()],
    expireTokens: () => routes.expireTokens(),
    issuedTokens: () => routes.issuedTokens(),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
