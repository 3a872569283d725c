import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle,
  type RuntimeEmulatorOptions
} from '../../src/sandbox/runtime/emulator.js'
import { ISA_BACKEND, isaBell, wide } from '../helpers/isa.js'
import {
  connectRaw,
  rawRuntimeCall,
  runtimeHeaders,
  type Json,
  type RuntimeConn
} from '../helpers/raw-ibm.js'

// The emulator against IBM's documented API, with raw fetch: no qprov client code involved.
const GRANT = 'urn:ibm:params:oauth:grant-type:apikey'
const QASM = isaBell('meas')

let emu: RuntimeEmulatorHandle
let now: number
let conn: RuntimeConn

async function start(opts: RuntimeEmulatorOptions = {}) {
  emu = await startRuntimeEmulator({ clock: () => now, ...opts })
  conn = await connectRaw(emu)
}

beforeEach(async () => {
  now = Date.parse('2026-01-01T00:00:00Z')
  await start()
})
afterEach(() => emu.close())

async function iam(
  form: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded'
) {
  const res = await fetch(`${emu.iamURL}/identity/token`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Accept: 'application/json' },
    body: new URLSearchParams(form).toString()
  })
  return { status: res.status, json: (await res.json()) as Json }
}

/** A Runtime call with the documented headers, changed by `over` (`undefined` leaves one out). */
const call = (
  method: string,
  path: string,
  body?: unknown,
  over: Record<string, string | undefined> = {}
) => rawRuntimeCall({ ...conn, headers: over }, method, path, body)

const jobBody = (extra: Record<string, unknown> = {}) => ({
  program_id: 'sampler',
  backend: ISA_BACKEND,
  params: { pubs: [[QASM, null, 32]], version: 2 },
  ...extra
})

function expectErrorBody(json: {
  errors: { code: unknown; message: string; more_info: string }[]
  trace: string
}) {
  expect(json.errors).toHaveLength(1)
  expect(json.errors[0].message).toEqual(expect.any(String))
  expect(json.errors[0].more_info).toMatch(/^https:/)
  expect(json.trace).toEqual(expect.any(String))
}

describe('emulated IAM /identity/token', () => {
  it('mints a bearer token with the documented fields', async () => {
    const r = await iam({ grant_type: GRANT, apikey: emu.apiKey })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({
      token_type: 'Bearer',
      refresh_token: 'not_supported',
      expires_in: 3600,
      expiration: now / 1000 + 3600,
      scope: 'ibm_openid'
    })
  })

  it.each([
    [{ grant_type: 'password', apikey: 'x' }, 'BXNIM0109E'],
    [{ grant_type: GRANT }, 'BXNIM0109E'],
    [{ grant_type: GRANT, apikey: 'not-the-key' }, 'BXNIM0415E']
  ])('answers 400 with an IAM error body for %j', async (form, errorCode) => {
    const r = await iam(form as Record<string, string>)
    expect(r.status).toBe(400)
    expect(r.json.errorCode).toBe(errorCode)
  })

  it('requires a form-encoded body', async () => {
    expect((await iam({ grant_type: GRANT, apikey: emu.apiKey }, 'application/json')).status).toBe(
      400
    )
  })
})

describe('emulated Runtime /api/v1 headers', () => {
  it.each([
    ['Authorization', undefined, 401],
    ['Authorization', 'Bearer nope', 401],
    ['Service-CRN', undefined, 400],
    ['Service-CRN', 'crn:v1:bluemix:public:quantum-computing:us-east:a/x:y::', 403],
    ['IBM-API-Version', undefined, 400],
    ['IBM-API-Version', '1999-01-01', 400]
  ])('enforces %s (%s → %i) with an errors[] body', async (name, value, status) => {
    const r = await call('GET', '/jobs', undefined, { [name]: value })
    expect(r.status).toBe(status)
    expectErrorBody(r.json)
  })

  it('expires tokens after expires_in seconds', async () => {
    expect((await call('GET', '/jobs')).status).toBe(200)
    now += 3601 * 1000
    const r = await call('GET', '/jobs')
    expect(r.status).toBe(401)
    expect(r.json.errors[0].message).toMatch(/expired/)
  })

  it('serves /versions without authentication', async () => {
    const r = await fetch(`${emu.runtimeURL}/versions`)
    const json = (await r.json()) as Json
    expect(json.versions.map((v: { version: string }) => v.version)).toContain('2026-04-15')
  })
})

describe('emulated jobs', () => {
  it('creates a job and returns {id, backend}', async () => {
    const r = await call('POST', '/jobs', jobBody({ tags: ['a'] }))
    expect(r.status).toBe(200)
    expect(Object.keys(r.json).sort()).toEqual(['backend', 'id'])
    expect(r.json.id).toMatch(/^[A-Za-z0-9_-]+$/)
  })

  it.each([
    [{ start_session: true }, 400, 1208],
    [{ session_time: 60 }, 400, 1208],
    [{ note: 'x' }, 400, undefined],
    [{ params: { pubs: [[QASM]], version: 2, secret: 1 } }, 400, undefined],
    [{ params: { pubs: [[QASM]], version: 1 } }, 400, undefined],
    [{ params: { pubs: [[QASM]], options: { resilience: {} } } }, 400, undefined],
    [{ params: { pubs: [] } }, 400, undefined],
    [{ program_id: 'estimator', params: { pubs: [[QASM]] } }, 400, undefined],
    [{ program_id: 'nope' }, 404, undefined],
    // Tag codes: https://quantum.cloud.ibm.com/docs/errors, as issue 18 gives them (docs/runtime.md).
    [{ tags: Array.from({ length: 9 }, (_, i) => `t${i}`) }, 400, 1204],
    [{ tags: ['x'.repeat(87)] }, 400, 1205],
    [{ session_id: 'no-such-session' }, 404, undefined]
  ])('rejects the body change %j', async (change, status, code) => {
    const r = await call('POST', '/jobs', jobBody(change))
    expect(r.status).toBe(status)
    expectErrorBody(r.json)
    if (code !== undefined) expect(r.json.errors[0].code).toBe(code)
  })

  it('limits job creation to 5 a minute with 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await call('POST', '/jobs', jobBody())).status).toBe(200)
    now += 20_000
    const r = await call('POST', '/jobs', jobBody())
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('40')
    expectErrorBody(r.json)
    now += 40_000
    expect((await call('POST', '/jobs', jobBody())).status).toBe(200)
  })

  it('lets the limit be configured', async () => {
    await emu.close()
    await start({ jobsPerMinute: 1 })
    expect((await call('POST', '/jobs', jobBody())).status).toBe(200)
    expect((await call('POST', '/jobs', jobBody())).status).toBe(429)
  })

  it('answers a numeric Retry-After even with a limit of 0 a minute', async () => {
    await emu.close()
    await start({ jobsPerMinute: 0 })
    const r = await call('POST', '/jobs', jobBody())
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('60')
  })

  it('moves a job Queued → Running → Completed and answers results with 204 until done', async () => {
    const { id } = (await call('POST', '/jobs', jobBody())).json
    expect((await call('GET', `/jobs/${id}/results`)).status).toBe(204)
    const states = []
    for (let i = 0; i < 3; i++) states.push((await call('GET', `/jobs/${id}`)).json.state.status)
    expect(states).toEqual(['Queued', 'Running', 'Completed'])
    const r = await call('GET', `/jobs/${id}/results`)
    expect(r.status).toBe(200)
    expect(r.json.results[0].data.meas.samples).toHaveLength(32)
    for (const s of r.json.results[0].data.meas.samples) expect(s).toMatch(/^0x[0-3]$/)
  })

  it('can advance jobs by clock time instead of polls', async () => {
    await emu.close()
    await start({ lifecycle: { kind: 'time', stepMs: 1000 } })
    const { id } = (await call('POST', '/jobs', jobBody())).json
    expect((await call('GET', `/jobs/${id}`)).json.status).toBe('Queued')
    now += 2000
    expect((await call('GET', `/jobs/${id}`)).json.status).toBe('Completed')
  })

  it('derives results from the job deterministically', async () => {
    const a = emu.createJob({ params: { pubs: [[QASM, null, 16]], version: 2 } })
    const b = emu.createJob({ params: { pubs: [[QASM, null, 16]], version: 2 } })
    for (const id of [a, b]) emu.job(id)!.forced = 'Completed'
    const ra = (await call('GET', `/jobs/${a}/results`)).json
    expect((await call('GET', `/jobs/${a}/results`)).json).toEqual(ra)
    expect((await call('GET', `/jobs/${b}/results`)).json).not.toEqual(ra)
  })

  it('returns estimator expectation values per observable', async () => {
    const body = {
      program_id: 'estimator',
      backend: ISA_BACKEND,
      params: { pubs: [[QASM, [wide('ZZ'), wide('XX')]]], version: 2 }
    }
    const { id } = (await call('POST', '/jobs', body)).json
    emu.job(id)!.forced = 'Completed'
    const r = await call('GET', `/jobs/${id}/results`)
    expect(r.json.results[0].data.evs).toHaveLength(2)
  })

  it('returns the documented job fields, with params unless excluded', async () => {
    const { id } = (await call('POST', '/jobs', jobBody({ tags: ['x'], cost: 99999 }))).json
    const full = (await call('GET', `/jobs/${id}`)).json
    for (const k of ['id', 'created', 'program', 'state', 'status', 'cost'])
      expect(full).toHaveProperty(k)
    expect(full.cost).toBe(10800)
    expect(full.params.version).toBe(2)
    expect((await call('GET', `/jobs/${id}?exclude_params=true`)).json).not.toHaveProperty('params')
  })

  it('replaces all tags on PUT with 204 and enforces 8 × 86', async () => {
    const { id } = (await call('POST', '/jobs', jobBody({ tags: ['old'] }))).json
    const put = await call('PUT', `/jobs/${id}/tags`, { tags: ['n1', 'n2'] })
    expect(put.status).toBe(204)
    expect(put.text).toBe('')
    expect((await call('GET', `/jobs/${id}`)).json.tags).toEqual(['n1', 'n2'])
    const nine = await call('PUT', `/jobs/${id}/tags`, {
      tags: Array.from({ length: 9 }, (_, i) => `t${i}`)
    })
    expect(nine.status).toBe(400)
    expectErrorBody(nine.json)
    expect(nine.json.errors[0].code).toBe(1204)
    const long = await call('PUT', `/jobs/${id}/tags`, { tags: ['y'.repeat(87)] })
    expect([long.status, long.json.errors[0].code]).toEqual([400, 1205])
    expect((await call('PUT', `/jobs/${id}/tags`, { tags: [] })).status).toBe(204)
    expect((await call('GET', `/jobs/${id}`)).json.tags).toEqual([])
  })

  it('lists jobs by tags with AND semantics, limit, offset and count', async () => {
    for (const tags of [['a', 'b'], ['a'], ['a', 'b', 'c'], ['b']]) emu.createJob({ tags })
    const r = await call('GET', '/jobs?tags=a&tags=b&limit=1&offset=1')
    expect(r.json.count).toBe(2)
    expect(r.json.jobs).toHaveLength(1)
    expect(r.json).toMatchObject({ offset: 1, limit: 1 })
    expect((await call('GET', '/jobs?limit=201')).status).toBe(400)
  })

  it('cancels with 204 then 409, and deletes only terminal jobs', async () => {
    const { id } = (await call('POST', '/jobs', jobBody())).json
    expect((await call('DELETE', `/jobs/${id}`)).status).toBe(409)
    expect((await call('POST', `/jobs/${id}/cancel`)).status).toBe(204)
    expect((await call('POST', `/jobs/${id}/cancel`)).status).toBe(409)
    expect((await call('DELETE', `/jobs/${id}`)).status).toBe(204)
    expect((await call('GET', `/jobs/${id}`)).status).toBe(404)
  })
})

describe('emulated sessions', () => {
  it('creates, reads, closes gracefully and cancels sessions', async () => {
    const s = (await call('POST', '/sessions', { mode: 'dedicated', backend: ISA_BACKEND })).json
    expect(s).toMatchObject({
      mode: 'dedicated',
      backend_name: ISA_BACKEND,
      state: 'open',
      accepting_jobs: true,
      max_ttl: 28800
    })
    const j = (await call('POST', '/jobs', jobBody({ session_id: s.id }))).json
    expect(j.session_id).toBe(s.id)
    expect((await call('PATCH', `/sessions/${s.id}`, { accepting_jobs: false })).status).toBe(204)
    expect((await call('POST', '/jobs', jobBody({ session_id: s.id }))).status).toBe(400)
    expect((await call('DELETE', `/sessions/${s.id}/close`)).status).toBe(204)
    expect((await call('GET', `/sessions/${s.id}`)).json.state).toBe('closed')
    expect((await call('GET', `/jobs/${j.id}`)).json.status).toBe('Cancelled')
    expect((await call('POST', '/sessions', { mode: 'exclusive', backend: 'b' })).status).toBe(400)
  })
})

describe('fault plan', () => {
  it('fails exactly the Nth matching call and logs what was sent', async () => {
    emu.faults.add({
      method: 'GET',
      path: '/api/v1/jobs/*',
      nth: 2,
      fault: { kind: 'status', status: 503 }
    })
    const id = emu.createJob()
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await call('GET', `/jobs/${id}`)).status)
    expect(statuses).toEqual([200, 503, 200])
    const logged = emu.requests.filter(r => r.path === `/api/v1/jobs/${id}`)
    expect(logged.map(r => r.fault)).toEqual([undefined, 'status', undefined])
    expect(logged[0].headers['service-crn']).toBe(emu.instanceCRN)
  })

  it('resets connections, sends malformed JSON and delays', async () => {
    emu.faults.add({ path: '/api/v1/jobs', method: 'GET', fault: { kind: 'reset' } })
    await expect(call('GET', '/jobs')).rejects.toThrow()
    emu.faults.add({
      path: '/api/v1/jobs',
      method: 'GET',
      fault: { kind: 'malformed-json' }
    })
    await expect(call('GET', '/jobs')).rejects.toThrow(SyntaxError)
    emu.faults.add({
      path: '/api/v1/jobs',
      method: 'GET',
      fault: { kind: 'delay', ms: 300 }
    })
    const res = await fetch(`${emu.runtimeURL}/jobs`, {
      headers: runtimeHeaders(conn),
      signal: AbortSignal.timeout(100)
    }).catch(e => e)
    expect(res.name).toBe('TimeoutError')
  })

  it('answers 429 with the scripted Retry-After', async () => {
    emu.faults.add({
      path: '/api/v1/jobs',
      method: 'POST',
      fault: { kind: 'rate-limit', retryAfter: 3 }
    })
    const r = await call('POST', '/jobs', jobBody())
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('3')
    expect(emu.jobs()).toHaveLength(0)
  })
})
