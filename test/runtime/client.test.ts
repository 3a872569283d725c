import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { createRuntimeClient, IBM_API_VERSION, type RuntimeApi } from '../../src/runtime/client.js'
import { QprovError } from '../../src/errors.js'
import { ISA_BACKEND, isaBell } from '../helpers/isa.js'

const QASM = isaBell('c')
const body = (tags: string[] = []) => ({
  program_id: 'sampler',
  backend: ISA_BACKEND,
  params: { pubs: [[QASM, null, 16]], version: 2 },
  tags
})

let emu: RuntimeEmulatorHandle
let api: RuntimeApi
let sleeps: number[]

beforeEach(async () => {
  emu = await startRuntimeEmulator({ jobsPerMinute: 100 })
  sleeps = []
  api = createRuntimeClient({
    runtimeURL: emu.runtimeURL,
    iamURL: emu.iamURL,
    apiKey: emu.apiKey,
    instanceCRN: emu.instanceCRN,
    http: { sleep: async ms => void sleeps.push(ms), timeoutMs: 2000 }
  })
})
afterEach(() => emu.close())

const apiCalls = () => emu.requests.filter(r => r.path.startsWith('/api/v1'))

describe('Runtime client against the emulator', () => {
  it('sends the IBM headers and a form-encoded IAM exchange', async () => {
    const { id } = await api.createJob(body())
    expect(id).toMatch(/^[a-v0-9]{20}$/)
    const [iam, create] = emu.requests
    expect(iam.path).toBe('/identity/token')
    expect(iam.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(new URLSearchParams(iam.body).get('apikey')).toBe(emu.apiKey)
    expect(iam.headers['service-crn']).toBeUndefined()
    expect(create.headers.authorization).toBe(`Bearer ${emu.issuedTokens()[0]}`)
    expect(create.headers['service-crn']).toBe(emu.instanceCRN)
    expect(create.headers['ibm-api-version']).toBe(IBM_API_VERSION)
    expect(create.headers['x-qx-client-application']).toMatch(/^qiskit-version-2\/qprov-/)
    expect(JSON.parse(create.body)).toEqual(body())
  })

  it('reuses the token until 80 % of its lifetime has passed', async () => {
    await api.createJob(body())
    const { id } = await api.createJob(body())
    await api.getJob(id)
    expect(emu.requests.filter(r => r.path === '/identity/token')).toHaveLength(1)
  })

  it('moves a job Queued → Running → Completed and returns deterministic sampler results', async () => {
    const { id } = await api.createJob(body())
    expect(await api.getResults(id)).toBeUndefined()
    expect((await api.getJob(id)).status).toBe('Queued')
    expect((await api.getJob(id)).status).toBe('Running')
    expect((await api.getJob(id)).status).toBe('Completed')
    const r1 = (await api.getResults(id)) as { results: { data: { c: { samples: string[] } } }[] }
    const r2 = await api.getResults(id)
    expect(r1.results[0].data.c.samples).toHaveLength(16)
    expect(r2).toEqual(r1)
  })

  it('replaces tags with PUT and reads them back', async () => {
    const { id } = await api.createJob(body(['a']))
    expect(await api.replaceTags(id, ['b', 'c'])).toEqual(['b', 'c'])
    const put = emu.requests.find(r => r.method === 'PUT')!
    expect(put.path).toBe(`/api/v1/jobs/${id}/tags`)
    expect(JSON.parse(put.body)).toEqual({ tags: ['b', 'c'] })
    expect(put.status).toBe(204)
  })

  it('lists jobs by tags with AND semantics across pages', async () => {
    for (let i = 0; i < 5; i++) emu.createJob({ tags: ['x', i % 2 === 0 ? 'even' : 'odd'] })
    const page = await api.listJobs({ tags: ['x', 'even'], limit: 2 })
    expect(page.count).toBe(3)
    expect(page.jobs).toHaveLength(2)
    const all = await api.listAllJobs(['x'])
    expect(all).toHaveLength(5)
    expect(new Set(all.map(j => j.id)).size).toBe(5)
    const lists = apiCalls().filter(r => r.method === 'GET' && r.path === '/api/v1/jobs')
    expect(lists.at(-1)!.query.tags).toEqual(['x'])
  })

  it('cancels a queued job and refuses to cancel it twice', async () => {
    const { id } = await api.createJob(body())
    await api.cancelJob(id)
    expect((await api.getJob(id)).status).toBe('Cancelled')
    const err = await api.cancelJob(id).catch(e => e)
    expect(err).toBeInstanceOf(QprovError)
    expect(err.details.status).toBe(409)
  })

  it('creates, reads and closes sessions gracefully or by cancelling', async () => {
    const s = await api.createSession({ mode: 'batch', backend: ISA_BACKEND })
    expect(s.mode).toBe('batch')
    const job = await api.createJob({ ...body(), session_id: s.id })
    expect(job.session_id).toBe(s.id)
    await api.closeSession(s.id)
    expect((await api.getSession(s.id)).accepting_jobs).toBe(false)
    const patch = emu.requests.find(r => r.method === 'PATCH')!
    expect(JSON.parse(patch.body)).toEqual({ accepting_jobs: false })
    const err = await api.createJob({ ...body(), session_id: s.id }).catch(e => e)
    expect(err.details.status).toBe(400)
    const d = await api.createSession({ mode: 'dedicated', backend: ISA_BACKEND })
    await api.closeSession(d.id, { cancel: true })
    expect((await api.getSession(d.id)).state).toBe('closed')
    expect(emu.requests.some(r => r.method === 'DELETE' && r.path.endsWith('/close'))).toBe(true)
  })

  it('parses errors[] and trace into a typed error', async () => {
    const err = await api.getJob('nosuchjob').catch(e => e)
    expect(err).toBeInstanceOf(QprovError)
    expect(err.code).toBe('RUNTIME_HTTP')
    expect(err.details.status).toBe(404)
    expect(err.details.trace).toMatch(/.+/)
    expect(err.message).toContain('job not found')
  })

  it('reports a wrong API key as an authentication error', async () => {
    const bad = createRuntimeClient({
      runtimeURL: emu.runtimeURL,
      iamURL: emu.iamURL,
      apiKey: 'wrong-api-key-value',
      instanceCRN: emu.instanceCRN
    })
    const err = await bad.getJob('x').catch(e => e)
    expect(err.code).toBe('RUNTIME_AUTH')
    expect(err.message).toContain('API key could not be found')
    expect(err.message).not.toContain('wrong-api-key-value')
  })
})

describe("the backend's state", () => {
  // qiskit-ibm-runtime api/rest/cloud_backend.py: properties(datetime) sends updated_before.
  it('asks for an older calibration with updated_before and reads status and usage', async () => {
    emu.conditions.calibrations = [
      { backend: ISA_BACKEND, date: '2026-05-01T00:00:00Z', faultyQubits: [4] }
    ]
    emu.conditions.usage = { consumedSeconds: 5, limitReached: false }
    const now = await api.getBackendProperties(ISA_BACKEND)
    const before = await api.getBackendProperties(ISA_BACKEND, {
      updatedBefore: '2026-04-30T00:00:00Z'
    })
    expect([now?.last_update_date, before?.last_update_date]).toEqual([
      '2026-05-01T00:00:00Z',
      '2025-02-26T15:26:08-05:00'
    ])
    expect(apiCalls().map(r => [r.path, r.query.updated_before])).toEqual([
      [`/api/v1/backends/${ISA_BACKEND}/properties`, undefined],
      [`/api/v1/backends/${ISA_BACKEND}/properties`, ['2026-04-30T00:00:00Z']]
    ])
    expect(await api.getBackendStatus(ISA_BACKEND)).toMatchObject({ state: true, status: 'active' })
    expect(await api.getInstanceUsage()).toEqual({
      usage_consumed_seconds: 5,
      usage_limit_reached: false
    })
  })

  it('reads an empty properties answer as no properties', async () => {
    emu.faults.add({
      path: `/api/v1/backends/${ISA_BACKEND}/properties`,
      fault: { kind: 'status', status: 200, body: {} }
    })
    expect(await api.getBackendProperties(ISA_BACKEND)).toBeUndefined()
  })
})
