import { afterEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle,
  type RuntimeEmulatorOptions
} from '../../src/sandbox/runtime/emulator.js'
import { ISA_BACKEND, isaBell } from '../helpers/isa.js'
import { connectRaw, rawRuntimeCall, type RuntimeConn } from '../helpers/raw-ibm.js'

// The emulator's results, metrics and dated calibration snapshots, read with raw fetch.
let emu: RuntimeEmulatorHandle
let now: number
let conn: RuntimeConn

async function start(opts: RuntimeEmulatorOptions = {}) {
  now = Date.parse('2026-03-01T10:00:00Z')
  emu = await startRuntimeEmulator({ clock: () => now, ...opts })
  conn = await connectRaw(emu, { 'X-Qx-Client-Application': 'qiskit-version-2/test' })
}
afterEach(() => emu.close())

const call = (method: string, path: string, body?: unknown) =>
  rawRuntimeCall(conn, method, path, body)

const bell = (shots: number) => ({
  program_id: 'sampler',
  backend: ISA_BACKEND,
  params: { pubs: [[isaBell('c'), null, shots]], version: 2 }
})

describe('emulated job outcome', () => {
  it('samples a Bell pair: mostly 00 and 11, both common, deterministic per job', async () => {
    await start({ lifecycle: { kind: 'time', stepMs: 1000 } })
    const { id } = (await call('POST', '/jobs', bell(2000))).json
    now += 5000
    const r = await call('GET', `/jobs/${id}/results`)
    expect(r.status).toBe(200)
    const samples: string[] = r.json.results[0].data.c.samples
    expect(r.json.results[0].data.c.num_bits).toBe(2)
    const counts: Record<string, number> = {}
    for (const s of samples) counts[s] = (counts[s] ?? 0) + 1
    expect(counts['0x0']).toBeGreaterThan(800)
    expect(counts['0x3']).toBeGreaterThan(800)
    expect((counts['0x1'] ?? 0) + (counts['0x2'] ?? 0)).toBeGreaterThan(0)
    expect((counts['0x1'] ?? 0) + (counts['0x2'] ?? 0)).toBeLessThan(200)
    expect((await call('GET', `/jobs/${id}/results`)).text).toBe(r.text)
  })

  it('serves metrics with created, running and finished times once the job ran', async () => {
    await start({ lifecycle: { kind: 'time', stepMs: 1000 } })
    const created = now
    const { id } = (await call('POST', '/jobs', bell(100))).json
    const early = (await call('GET', `/jobs/${id}/metrics`)).json
    expect(early.timestamps).toEqual({
      created: new Date(created).toISOString(),
      running: null,
      finished: null
    })
    expect(early.usage).toEqual({ qpu_charge_time_seconds: 0, status: 'pending' })
    now += 2500
    const m = (await call('GET', `/jobs/${id}/metrics`)).json
    expect(m.timestamps).toEqual({
      created: new Date(created).toISOString(),
      running: new Date(created + 1000).toISOString(),
      finished: new Date(created + 2000).toISOString()
    })
    expect(m.usage.status).toBe('complete')
    expect(m.usage.qpu_charge_time_seconds).toBeGreaterThan(0)
    expect(m.caller).toBe('qiskit-version-2/test')
    expect(m.circuits_execution_time_ns).toBe(1000 * 1_000_000)
  })

  it('records when a polled job was seen running and finished', async () => {
    await start()
    const { id } = (await call('POST', '/jobs', bell(10))).json
    await call('GET', `/jobs/${id}`)
    now += 1000
    await call('GET', `/jobs/${id}`)
    now += 1000
    expect((await call('GET', `/jobs/${id}`)).json.state.status).toBe('Completed')
    const t = (await call('GET', `/jobs/${id}/metrics`)).json.timestamps
    expect(Date.parse(t.running)).toBeLessThan(Date.parse(t.finished))
  })

  it('answers properties with the snapshot dated before updated_before', async () => {
    await start({
      conditions: {
        calibrations: [
          { backend: ISA_BACKEND, date: '2026-02-01T00:00:00Z', faultyQubits: [5] },
          { backend: ISA_BACKEND, date: '2026-02-20T00:00:00Z', faultyQubits: [7] }
        ]
      }
    })
    const at = (d: string) =>
      call('GET', `/backends/${ISA_BACKEND}/properties?updated_before=${encodeURIComponent(d)}`)
    const a = (await at('2026-02-10T00:00:00Z')).json
    const b = (await at('2026-02-25T00:00:00Z')).json
    expect(a.last_update_date).toBe('2026-02-01T00:00:00Z')
    expect(b.last_update_date).toBe('2026-02-20T00:00:00Z')
    for (const k of [
      'backend_name',
      'backend_version',
      'last_update_date',
      'qubits',
      'gates',
      'general'
    ])
      expect(a).toHaveProperty(k)
  })

  it('answers 404 for metrics of an unknown job', async () => {
    await start()
    expect((await call('GET', '/jobs/nosuchjob/metrics')).status).toBe(404)
  })
})
