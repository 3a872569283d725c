import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle,
  type RuntimeEmulatorOptions
} from '../../src/sandbox/runtime/emulator.js'
import { createRuntimeClient, type RuntimeApi } from '../../src/runtime/client.js'
import {
  fetchCalibrationSnapshot,
  fetchJobMetrics,
  fetchResultsBytes
} from '../../src/runtime/job-outputs.js'
import { pollPauseMs, requireCompleted, waitForFinalState } from '../../src/runtime/job-wait.js'
import { QprovError } from '../../src/errors.js'
import { ISA_BACKEND, isaBell } from '../helpers/isa.js'

let emu: RuntimeEmulatorHandle
let api: RuntimeApi
let sleeps: number[]

async function start(opts: RuntimeEmulatorOptions = {}) {
  emu = await startRuntimeEmulator({ jobsPerMinute: 100, ...opts })
  sleeps = []
  api = createRuntimeClient({
    runtimeURL: emu.runtimeURL,
    iamURL: emu.iamURL,
    apiKey: emu.apiKey,
    instanceCRN: emu.instanceCRN,
    http: { sleep: async ms => void sleeps.push(ms), timeoutMs: 2000 }
  })
}
beforeEach(() => start())
afterEach(() => emu.close())

const newJob = (shots = 64) =>
  emu.createJob({
    backend: ISA_BACKEND,
    params: { pubs: [[isaBell('c'), null, shots]], version: 2 }
  })
const noSleep = async () => {}

describe('results, metrics and the calibration snapshot', () => {
  it('reads no results (204) until the job is final, then the bytes exactly as served', async () => {
    const id = newJob()
    expect(await fetchResultsBytes(api, id)).toBeUndefined()
    const job = await waitForFinalState(api, id, { wait: true, sleep: noSleep })
    expect(job.status).toBe('Completed')
    const bytes = await fetchResultsBytes(api, id)
    const raw = await fetch(`${emu.runtimeURL}/jobs/${id}/results`, {
      headers: {
        Authorization: `Bearer ${emu.issuedTokens()[0]}`,
        'Service-CRN': emu.instanceCRN,
        'IBM-API-Version': '2026-04-15'
      }
    })
    expect(bytes?.equals(Buffer.from(await raw.arrayBuffer()))).toBe(true)
  })

  it('refuses a body larger than the cap with RUNTIME_RESPONSE_TOO_LARGE', async () => {
    const id = newJob(4000)
    await waitForFinalState(api, id, { wait: true, sleep: noSleep })
    const e = await fetchResultsBytes(api, id, 1000).catch(x => x)
    expect(e).toBeInstanceOf(QprovError)
    expect(e.code).toBe('RUNTIME_RESPONSE_TOO_LARGE')
    expect(e.message).toContain('larger than 1000 bytes')
  })

  it('retries a 503 and honours Retry-After on a 429 while reading results', async () => {
    const id = newJob()
    await waitForFinalState(api, id, { wait: true, sleep: noSleep })
    emu.faults.add({ path: `/api/v1/jobs/${id}/results`, fault: { kind: 'status', status: 503 } })
    emu.faults.add({
      path: `/api/v1/jobs/${id}/results`,
      nth: 2,
      fault: { kind: 'rate-limit', retryAfter: 7 }
    })
    sleeps = []
    expect(await fetchResultsBytes(api, id)).toBeInstanceOf(Buffer)
    expect(sleeps).toContain(7000)
  })

  it('reads the metrics timestamps and the snapshot in force when the job ran', async () => {
    const id = newJob()
    await waitForFinalState(api, id, { wait: true, sleep: noSleep })
    const m = await fetchJobMetrics(api, id)
    expect(m.created).not.toBeNull()
    expect(m.running).not.toBeNull()
    expect(m.finished).not.toBeNull()
    expect(m.usage.status).toBe('complete')
    const snap = await fetchCalibrationSnapshot(api, ISA_BACKEND, m.running!)
    expect(Date.parse(snap.lastUpdateDate)).toBeLessThanOrEqual(Date.parse(m.running!))
    expect(JSON.parse(snap.bytes.toString()).backend_name).toBe(ISA_BACKEND)
    const path = emu.requests.at(-1)!
    expect(path.query.updated_before).toEqual([m.running])
  })

  it('names the job and tells how to go on when it is not final and not waited for', async () => {
    const id = newJob()
    const e = await waitForFinalState(api, id, { wait: false }).catch(x => x)
    expect(e.code).toBe('RUNTIME_JOB_PENDING')
    expect(e.message).toContain(id)
    expect(e.message).toContain('--wait')
  })

  it('gives up after the timeout, and backs off between polls', async () => {
    let t = 0
    const id = newJob()
    emu.job(id)!.forced = 'Queued'
    const pauses: number[] = []
    const e = await waitForFinalState(api, id, {
      wait: true,
      timeoutMs: 10_000,
      now: () => t,
      sleep: async ms => {
        pauses.push(ms)
        t += ms
      }
    }).catch(x => x)
    expect(e.code).toBe('RUNTIME_JOB_PENDING')
    expect(pauses).toEqual([1000, 2000, 4000])
    expect(pollPauseMs(10)).toBe(30_000)
  })

  it('names IBM reason when the job failed', async () => {
    const id = emu.createJob({ backend: 'ibm_nowhere' })
    const job = await waitForFinalState(api, id, { wait: true, sleep: noSleep })
    expect(job.status).toBe('Failed')
    const e = (() => {
      try {
        requireCompleted(job)
      } catch (x) {
        return x as QprovError
      }
    })()
    expect(e?.code).toBe('RUNTIME_JOB_NOT_COMPLETED')
    expect(e?.message).toContain('ended Failed: ')
    expect(e?.message).toContain('backend not found')
  })
})
