import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { connectRaw, rawRuntimeCall, type Json, type RuntimeConn } from '../helpers/raw-ibm.js'

// GET /jobs of the emulator with raw fetch, as IBM documents it: no qprov client code involved.
let emu: RuntimeEmulatorHandle
let conn: RuntimeConn
const DAY = 86_400_000
const T0 = Date.parse('2026-01-05T00:00:00Z')

beforeAll(async () => {
  emu = await startRuntimeEmulator({ clock: () => T0 + 30 * DAY })
  conn = await connectRaw(emu, { 'Content-Type': undefined, Accept: 'application/json' })
  emu.seedJobs(
    Array.from({ length: 450 }, (_, i) => ({
      createdMs: T0 + (i % 30) * DAY + i,
      backend: i % 3 === 0 ? 'ibm_fez' : 'ibm_torino',
      tags: i % 2 === 0 ? ['qprov:v1', 'even'] : ['odd'],
      status: 'Completed' as const
    }))
  )
})
afterAll(() => emu.close())

const list = (query: string) => rawRuntimeCall(conn, 'GET', `/jobs?${query}`)

describe('GET /jobs in the emulator', () => {
  it('pages with limit 200 by default, newest first, and counts every match', async () => {
    const first = await list('')
    expect(first.status).toBe(200)
    expect(Object.keys(first.json).sort()).toEqual(['count', 'jobs', 'limit', 'offset'])
    expect(first.json).toMatchObject({ count: 450, offset: 0, limit: 200 })
    expect(first.json.jobs).toHaveLength(200)
    const created = first.json.jobs.map((j: Json) => Date.parse(j.created))
    expect(created).toEqual([...created].sort((a, b) => b - a))
    const last = await list('offset=400&limit=200')
    expect(last.json.jobs).toHaveLength(50)
    expect((await list('offset=450')).json.jobs).toEqual([])
    // The list leaves params out unless asked.
    expect(first.json.jobs[0].params).toBeUndefined()
    expect((await list('limit=1&exclude_params=false')).json.jobs[0].params).toBeDefined()
  })

  it('ANDs tags, backend and the created window, with created_before exclusive', async () => {
    const r = await list(
      `tags=qprov:v1&tags=even&backend=ibm_fez&created_after=${new Date(T0 + 10 * DAY).toISOString()}` +
        `&created_before=${new Date(T0 + 20 * DAY).toISOString()}&sort=ASC`
    )
    const want = Array.from({ length: 450 }, (_, i) => i).filter(
      i => i % 2 === 0 && i % 3 === 0 && i % 30 >= 10 && i % 30 < 20
    )
    expect(r.json.count).toBe(want.length)
    for (const j of r.json.jobs) {
      expect(j.backend).toBe('ibm_fez')
      expect(j.tags).toEqual(['qprov:v1', 'even'])
    }
    const created = r.json.jobs.map((j: Json) => Date.parse(j.created))
    expect(created).toEqual([...created].sort((a, b) => a - b))
    expect((await list('tags=even&tags=odd')).json.count).toBe(0)
  })

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=1e2', 'limit'],
    ['limit=', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=1.5', 'offset'],
    ['limit=5&limit=6', 'limit'],
    ['created_after=2026-01-01', 'created_after'],
    ['created_before=yesterday', 'created_before'],
    ['created_after=2026-01-01T00:00:00%2B02:00', 'created_after'],
    ['sort=asc', 'sort'],
    ['pending=yes', 'pending'],
    ['exclude_params=1', 'exclude_params']
  ])('refuses %s with a 400 and IBM error body', async (query, name) => {
    const r = await list(query)
    expect(r.status).toBe(400)
    expect(r.json.errors[0]).toMatchObject({ code: 1400, message: expect.stringContaining(name) })
    expect(typeof r.json.trace).toBe('string')
  })
})
