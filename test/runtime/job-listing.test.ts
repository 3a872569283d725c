import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { createRuntimeClient, type RuntimeApi } from '../../src/runtime/client.js'
import { isoInstant, listInstanceJobs } from '../../src/runtime/job-listing.js'

const DAY = 86_400_000
const T0 = Date.parse('2026-03-02T00:00:00Z')
let emu: RuntimeEmulatorHandle
let sleeps: number[]

function client(): RuntimeApi {
  return createRuntimeClient({
    runtimeURL: emu.runtimeURL,
    iamURL: emu.iamURL,
    apiKey: emu.apiKey,
    instanceCRN: emu.instanceCRN,
    http: { sleep: async ms => void sleeps.push(ms), timeoutMs: 5000 }
  })
}

const listCalls = () => emu.requests.filter(r => r.method === 'GET' && r.path === '/api/v1/jobs')

beforeEach(async () => {
  emu = await startRuntimeEmulator({ clock: () => T0 + 100 * DAY })
  sleeps = []
  emu.seedJobs(
    Array.from({ length: 530 }, (_, i) => ({
      createdMs: T0 + i * 3_600_000,
      backend: i % 2 ? 'ibm_torino' : 'ibm_fez',
      tags: i % 5 ? ['qprov:v1', 'lab'] : ['lab'],
      status: 'Completed' as const
    }))
  )
})
afterEach(() => emu.close())

describe('listing an instance', () => {
  it('reads every page by offset until count, 200 at a time, with exclude_params=true', async () => {
    const jobs = await listInstanceJobs(client(), {}, { concurrency: 2 })
    expect(jobs).toHaveLength(530)
    expect(new Set(jobs.map(j => j.id)).size).toBe(530)
    expect(jobs.map(j => j.id).sort()).toEqual(
      emu
        .jobs()
        .map(j => j.id)
        .sort()
    )
    const calls = listCalls()
    expect(calls.map(c => c.query.offset?.[0]).sort()).toEqual(['0', '200', '400'])
    for (const c of calls)
      expect(c.query).toMatchObject({ limit: ['200'], exclude_params: ['true'], sort: ['ASC'] })
  })

  it('sends tags (repeated), backend and the created window, and the service narrows the list', async () => {
    const after = isoInstant('2026-03-05', '--since')
    const before = isoInstant('2026-03-10T12:00:00Z', '--until')
    const jobs = await listInstanceJobs(client(), {
      tags: ['qprov:v1', 'lab'],
      backend: 'ibm_torino',
      createdAfter: after,
      createdBefore: before
    })
    const want = emu
      .jobs()
      .filter(
        j =>
          j.tags.includes('qprov:v1') &&
          j.backend === 'ibm_torino' &&
          j.createdMs >= Date.parse(after) &&
          j.createdMs < Date.parse(before)
      )
    expect(want.length).toBeGreaterThan(0)
    expect(jobs.map(j => j.id).sort()).toEqual(want.map(j => j.id).sort())
    expect(listCalls()[0]?.query).toMatchObject({
      tags: ['qprov:v1', 'lab'],
      backend: ['ibm_torino'],
      created_after: ['2026-03-05T00:00:00.000Z'],
      created_before: ['2026-03-10T12:00:00.000Z']
    })
  })

  it('waits out a 429 for its Retry-After and reads the same page again', async () => {
    emu.faults.add({
      method: 'GET',
      path: '/api/v1/jobs',
      nth: 2,
      fault: { kind: 'rate-limit', retryAfter: 7 }
    })
    const jobs = await listInstanceJobs(client(), {}, { concurrency: 1 })
    expect(jobs).toHaveLength(530)
    expect(sleeps).toEqual([7000])
    expect(listCalls().map(c => [c.query.offset?.[0], c.status])).toEqual([
      ['0', 200],
      ['200', 429],
      ['200', 200],
      ['400', 200]
    ])
  })

  it('refuses dates that are not dates', () => {
    expect(() => isoInstant('2026-02-30', '--since')).toThrow(
      /--since: 2026-02-30 is not a calendar date/
    )
    expect(() => isoInstant('last week', '--until')).toThrow(/--until takes a date/)
    expect(() => isoInstant('2026-01-01T00:00:00+01:00', '--until')).toThrow(/--until/)
  })
})
