import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { createRuntimeClient, type RuntimeApi } from '../../src/runtime/client.js'
import { submitJob } from '../../src/runtime/submit.js'
import { QprovError } from '../../src/errors.js'
import { ISA_BACKEND, isaBell } from '../helpers/isa.js'

const QASM = isaBell('c')
const STMT = `qprov-stmt:sha256:${'ab'.repeat(32)}`
const body = (tags: string[] = []) => ({
  program_id: 'sampler',
  backend: ISA_BACKEND,
  params: { pubs: [[QASM, null, 8]], version: 2 },
  tags
})

let emu: RuntimeEmulatorHandle
let sleeps: number[]
let nowSeconds: number

function client(timeoutMs = 2000, jobCreateTimeoutMs = timeoutMs): RuntimeApi {
  return createRuntimeClient({
    runtimeURL: emu.runtimeURL,
    iamURL: emu.iamURL,
    apiKey: emu.apiKey,
    instanceCRN: emu.instanceCRN,
    now: () => nowSeconds,
    http: { sleep: async ms => void sleeps.push(ms), timeoutMs, jobCreateTimeoutMs }
  })
}

const sent = (method: string, path: string | RegExp) =>
  emu.requests.filter(
    r => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))
  )
const iamCalls = () => sent('POST', '/identity/token')

beforeEach(async () => {
  emu = await startRuntimeEmulator({ jobsPerMinute: 100 })
  sleeps = []
  nowSeconds = Date.now() / 1000
})
afterEach(() => emu.close())

describe('Runtime client fault handling (asserting what was sent)', () => {
  it('retries a 503 on POST /jobs and creates exactly one job', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'status', status: 503 } })
    const { id } = await client().createJob(body())
    const posts = sent('POST', '/api/v1/jobs')
    expect(posts.map(p => p.status)).toEqual([503, 200])
    expect(posts[1].body).toBe(posts[0].body)
    expect(emu.jobs().map(j => j.id)).toEqual([id])
    expect(sleeps).toEqual([500])
  })

  it('backs off exponentially over repeated 5xx/52x answers', async () => {
    emu.faults.add({
      method: 'GET',
      path: '/api/v1/jobs/*',
      times: 4,
      fault: { kind: 'status', status: 520 }
    })
    const id = emu.createJob()
    await client().getJob(id)
    expect(sleeps).toEqual([500, 1000, 2000, 4000])
    expect(sent('GET', `/api/v1/jobs/${id}`)).toHaveLength(5)
  })

  it('gives up after the retry budget with the last errors[] and trace', async () => {
    emu.faults.add({ path: '/api/v1/jobs/*', times: 100, fault: { kind: 'status', status: 502 } })
    const err = await client()
      .getJob('whatever')
      .catch(e => e)
    expect(err).toBeInstanceOf(QprovError)
    expect(err.code).toBe('RUNTIME_HTTP')
    expect(err.details.status).toBe(502)
    expect(err.details.trace).toBeTruthy()
    expect(sent('GET', '/api/v1/jobs/whatever')).toHaveLength(6)
  })

  it('does not retry PATCH on a 5xx', async () => {
    const api = client()
    const s = await api.createSession({ mode: 'batch', backend: ISA_BACKEND })
    emu.faults.add({
      method: 'PATCH',
      path: '/api/v1/sessions/*',
      fault: { kind: 'status', status: 503 }
    })
    const err = await api.closeSession(s.id).catch(e => e)
    expect(err.details.status).toBe(503)
    expect(sent('PATCH', `/api/v1/sessions/${s.id}`)).toHaveLength(1)
  })

  it('does not retry other 4xx', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'status', status: 409 } })
    const err = await client()
      .createJob(body())
      .catch(e => e)
    expect(err.details.status).toBe(409)
    expect(sent('POST', '/api/v1/jobs')).toHaveLength(1)
    expect(emu.jobs()).toHaveLength(0)
  })

  it('honours Retry-After on a 429 from job creation', async () => {
    emu.faults.add({
      method: 'POST',
      path: '/api/v1/jobs',
      fault: { kind: 'rate-limit', retryAfter: 7 }
    })
    await client().createJob(body())
    expect(sleeps).toEqual([7000])
    expect(sent('POST', '/api/v1/jobs').map(r => r.status)).toEqual([429, 200])
    expect(emu.jobs()).toHaveLength(1)
  })

  it('waits about 12 s when a job-creation 429 has no Retry-After', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'rate-limit' } })
    await client().createJob(body())
    expect(sleeps).toEqual([12000])
  })

  it('follows the emulator’s own 5-a-minute limit via Retry-After', async () => {
    await emu.close()
    emu = await startRuntimeEmulator({ jobsPerMinute: 2 })
    const api = client()
    await api.createJob(body())
    await api.createJob(body())
    const err = await api.createJob(body()).catch(e => e)
    // The limiter is real time here, so the retry hits the limit again until the budget ends.
    expect(err.code).toBe('RUNTIME_RATE_LIMITED')
    const retryAfter = sleeps[0]
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60_000)
    expect(emu.jobs()).toHaveLength(2)
  })

  it('re-mints an expired token once after a 401 and retries the call', async () => {
    const api = client()
    const id = emu.createJob()
    await api.getJob(id)
    emu.faults.add({ method: 'GET', path: '/api/v1/jobs/*', fault: { kind: 'expire-token' } })
    await api.getJob(id)
    expect(iamCalls()).toHaveLength(2)
    const gets = sent('GET', `/api/v1/jobs/${id}`)
    expect(gets.map(g => g.status)).toEqual([200, 401, 200])
    const [t1, t2] = emu.issuedTokens()
    expect(gets[1].headers.authorization).toBe(`Bearer ${t1}`)
    expect(gets[2].headers.authorization).toBe(`Bearer ${t2}`)
  })

  it('re-mints only once: a second 401 is an authentication error', async () => {
    emu.faults.add({ path: '/api/v1/jobs/*', times: 2, fault: { kind: 'expire-token' } })
    const err = await client()
      .getJob(emu.createJob())
      .catch(e => e)
    expect(err.code).toBe('RUNTIME_AUTH')
    expect(iamCalls()).toHaveLength(2)
  })

  it('re-mints before expiry once 80 % of the token lifetime has passed', async () => {
    const api = client()
    const id = emu.createJob()
    await api.getJob(id)
    nowSeconds += 0.79 * 3600
    await api.getJob(id)
    expect(iamCalls()).toHaveLength(1)
    nowSeconds += 0.02 * 3600
    await api.getJob(id)
    expect(iamCalls()).toHaveLength(2)
  })

  it('retries a connection reset on GET', async () => {
    const id = emu.createJob()
    emu.faults.add({ method: 'GET', path: '/api/v1/jobs/*', fault: { kind: 'reset' } })
    expect((await client().getJob(id)).id).toBe(id)
    expect(sent('GET', `/api/v1/jobs/${id}`)).toHaveLength(2)
  })

  it('reports a malformed JSON answer as a bad response', async () => {
    const id = emu.createJob()
    emu.faults.add({ method: 'GET', path: '/api/v1/jobs/*', fault: { kind: 'malformed-json' } })
    const err = await client()
      .getJob(id)
      .catch(e => e)
    expect(err.code).toBe('RUNTIME_BAD_RESPONSE')
  })

  it('gives job creation its own (900 s by default) timeout, not the per-call one', async () => {
    emu.faults.add({ path: '/api/v1/jobs', method: 'POST', fault: { kind: 'delay', ms: 400 } })
    const api = createRuntimeClient({
      runtimeURL: emu.runtimeURL,
      iamURL: emu.iamURL,
      apiKey: emu.apiKey,
      instanceCRN: emu.instanceCRN,
      http: { timeoutMs: 100, sleep: async () => {} }
    })
    expect((await api.createJob(body())).id).toBe(emu.jobs()[0].id)
    emu.faults.add({
      path: '/api/v1/jobs/*',
      method: 'GET',
      times: 4,
      fault: { kind: 'delay', ms: 400 }
    })
    expect((await api.getJob(emu.jobs()[0].id).catch(e => e)).code).toBe('RUNTIME_TIMEOUT')
  })

  it('never retries PATCH, not even a 429 with Retry-After', async () => {
    const api = client()
    const s = await api.createSession({ mode: 'batch', backend: ISA_BACKEND })
    emu.faults.add({
      method: 'PATCH',
      path: '/api/v1/sessions/*',
      fault: { kind: 'rate-limit', retryAfter: 3 }
    })
    const err = await api.closeSession(s.id).catch(e => e)
    expect(err.code).toBe('RUNTIME_RATE_LIMITED')
    expect(sent('PATCH', `/api/v1/sessions/${s.id}`)).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('does not exchange the API key again when the IAM exchange itself answers 401', async () => {
    emu.faults.add({
      method: 'POST',
      path: '/identity/token',
      times: 5,
      fault: { kind: 'status', status: 401 }
    })
    const err = await client()
      .getJob('x')
      .catch(e => e)
    expect(err.code).toBe('RUNTIME_AUTH')
    expect(iamCalls()).toHaveLength(1)
    expect(sent('GET', '/api/v1/jobs/x')).toHaveLength(0)
  })

  it('times out a slow call with a clear error', async () => {
    emu.faults.add({ path: '/api/v1/jobs', method: 'POST', fault: { kind: 'delay', ms: 1500 } })
    const err = await client(200)
      .createJob(body())
      .catch(e => e)
    expect(err.code).toBe('RUNTIME_TIMEOUT')
    expect(err.message).toContain('timed out after 200 ms')
    // A POST is not replayed after a timeout: it may already have created the job.
    expect(sent('POST', '/api/v1/jobs')).toHaveLength(1)
  })
})

describe('submitJob', () => {
  it('finds the job by its statement tag when the create answer is lost to a reset', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'reset-after' } })
    const seen: string[] = []
    const r = await submitJob(
      client(),
      { body: body(['u', STMT]), recoveryTag: STMT },
      { onJobId: id => seen.push(id) }
    )
    expect(r.recovered).toBe(true)
    expect(emu.jobs().map(j => j.id)).toEqual([r.jobId])
    expect(seen).toEqual([r.jobId])
    expect(sent('POST', '/api/v1/jobs')).toHaveLength(1)
  })

  it('never claims no job was created: searches by tag again, then names the tag and where to look', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'reset' } })
    const err = await submitJob(client(), {
      body: body([STMT]),
      recoveryTag: STMT,
      recovery: { attempts: 3, delayMs: 50, sleep: async ms => void sleeps.push(ms) }
    }).catch(e => e)
    expect(err.code).toBe('RUNTIME_NETWORK')
    expect(err.message).not.toContain('no job was created')
    expect(err.message).toContain('may still have been created')
    expect(err.message).toContain(`GET /api/v1/jobs?tags=${encodeURIComponent(STMT)}`)
    expect(err.details.recoveryTag).toBe(STMT)
    // One search before the POST, then three after it, with a pause between them.
    expect(sent('GET', '/api/v1/jobs')).toHaveLength(4)
    expect(sleeps).toEqual([50, 50])
  })

  it('keeps searching when a search right after a lost answer fails', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'reset-after' } })
    emu.faults.add({
      method: 'GET',
      path: '/api/v1/jobs',
      nth: 2,
      fault: { kind: 'status', status: 400 }
    })
    const r = await submitJob(client(), {
      body: body([STMT]),
      recoveryTag: STMT,
      recovery: { delayMs: 7, sleep: async ms => void sleeps.push(ms) }
    })
    expect(r.recovered).toBe(true)
    expect(emu.jobs().map(j => j.id)).toEqual([r.jobId])
    expect(sleeps).toEqual([7])
  })

  it('treats a 2xx create answer with an unusable body as lost and finds the job by its tag', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'malformed-json' } })
    const r = await submitJob(client(), { body: body([STMT]), recoveryTag: STMT })
    expect(r.recovered).toBe(true)
    expect(emu.jobs().map(j => j.id)).toEqual([r.jobId])
    expect(sent('POST', '/api/v1/jobs')).toHaveLength(1)
  })

  it('finds the job after a job-creation timeout instead of reporting a failure', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'delay', ms: 600 } })
    const r = await submitJob(client(2000, 150), {
      body: body([STMT]),
      recoveryTag: STMT,
      recovery: { attempts: 20, delayMs: 100 }
    })
    expect(r.recovered).toBe(true)
    expect(emu.jobs().map(j => j.id)).toEqual([r.jobId])
  })

  it('carries the job ID when reading the job back times out', async () => {
    emu.faults.add({
      method: 'GET',
      path: '/api/v1/jobs/*',
      times: 10,
      fault: { kind: 'delay', ms: 1000 }
    })
    const err = await submitJob(client(150), { body: body([STMT]) }).catch(e => e)
    const id = emu.jobs()[0].id
    expect(err.code).toBe('RUNTIME_TIMEOUT')
    expect(err.details.jobId).toBe(id)
    expect(err.message).toContain(`job ${id} was created`)
  })

  it('opens a batch, submits into it and closes it gracefully', async () => {
    const r = await submitJob(client(), { body: body([STMT]), mode: 'batch' })
    const session = JSON.parse(sent('POST', '/api/v1/sessions')[0].body)
    expect(session).toEqual({ mode: 'batch', backend: ISA_BACKEND })
    expect(JSON.parse(sent('POST', '/api/v1/jobs')[0].body).session_id).toBe(r.sessionId)
    expect(JSON.parse(sent('PATCH', `/api/v1/sessions/${r.sessionId}`)[0].body)).toEqual({
      accepting_jobs: false
    })
    expect(r.tags).toEqual([STMT])
  })

  it('cancels the session it opened when job creation fails', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'status', status: 400 } })
    await expect(submitJob(client(), { body: body(), mode: 'session' })).rejects.toThrow(/400/)
    const s = JSON.parse(sent('POST', '/api/v1/sessions')[0].body)
    expect(s.mode).toBe('dedicated')
    expect(sent('DELETE', /\/api\/v1\/sessions\/.+\/close$/)).toHaveLength(1)
  })
})
