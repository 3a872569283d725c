/**
 * The emulator answers like today's service: a current Heron configuration, dated properties,
 * backend status, instance usage, /versions, IBM's reason codes on failed and cancelled jobs.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle,
  type RuntimeEmulatorOptions
} from '../../src/sandbox/runtime/emulator.js'
import { target, targetNames } from '../../src/sandbox/runtime/targets.js'
import { isaBell } from '../helpers/isa.js'
import {
  connectRaw,
  rawRuntimeCall,
  runJob,
  type Json,
  type RuntimeConn
} from '../helpers/raw-ibm.js'

let emu: RuntimeEmulatorHandle | undefined
let conn: RuntimeConn

async function start(opts: RuntimeEmulatorOptions = {}) {
  emu = await startRuntimeEmulator(opts)
  conn = await connectRaw(emu)
}
afterEach(async () => {
  await emu?.close()
  emu = undefined
})

const call = (method: string, path: string, body?: unknown) =>
  rawRuntimeCall(conn, method, path, body)
const run = (body: Record<string, unknown>) => runJob(conn, body)

const sampler = (qasm: string, backend: string, pub: unknown[] = [null, 8], extra = {}) => ({
  program_id: 'sampler',
  backend,
  params: { pubs: [[qasm, ...pub]], version: 2 },
  ...extra
})

describe('built-in backends', () => {
  it('names the snapshot each backend comes from', () => {
    for (const name of targetNames())
      expect(target(name)!.facts.source).toMatch(
        /^qiskit-ibm-runtime 0\.49 fake_provider\/backends\/\w+\/conf_\w+\.json/
      )
  })

  // qiskit-ibm-runtime fake_provider/backends/boston/conf_boston.json (Heron r3), with rx and rzz
  // that the client filters out of the snapshot (utils/backend_decoder.py filter_raw_configuration)
  // and props_boston.json calibrates.
  it('serves a current Heron with fractional gates, measure_2 and reset_2, and no for or switch', async () => {
    await start()
    const c = (await call('GET', '/backends/ibm_boston/configuration')).json
    expect(c.basis_gates).toEqual(['cz', 'id', 'rz', 'sx', 'x', 'rx', 'rzz'])
    expect(c.supported_instructions).toEqual(
      expect.arrayContaining(['measure_2', 'reset_2', 'if_else', 'rx', 'rzz'])
    )
    expect(c.supported_instructions).not.toContain('for_loop')
    expect(c.supported_instructions).not.toContain('switch_case')
    expect(c.instruction_signatures.map((s: Json) => [s.name, s.num_clbits])).toEqual([
      ['reset_2', 0],
      ['measure_2', 1]
    ])
    expect(c.gates.find((g: Json) => g.name === 'rzz')).toMatchObject({ parameters: ['theta'] })
    expect(c.gates.find((g: Json) => g.name === 'rzz').coupling_map).toHaveLength(352)
    expect(c.processor_type).toEqual({ family: 'Heron', revision: '3' })
  })
})

describe('service endpoints', () => {
  // The shape of GET /versions in IBM's REST reference; dates as /work/shared/facts lists them.
  it('answers /versions with each version, its status and sunset date', async () => {
    await start()
    const { versions } = (await call('GET', '/versions')).json
    expect(versions).toContainEqual({
      version: '2025-05-01',
      status: 'deprecated',
      sunset_date: '2027-01-01'
    })
    expect(versions).toContainEqual({ version: '2026-04-15', status: 'live' })
  })

  it('reports status and usage as set for the day', async () => {
    await start({
      conditions: {
        backends: { ibm_boston: { state: false, status: 'maintenance', message: 'calibrating' } },
        usage: { consumedSeconds: 600, limitSeconds: 600, limitReached: true }
      }
    })
    expect((await call('GET', '/backends/ibm_boston/status')).json).toEqual({
      state: false,
      status: 'maintenance',
      message: 'calibrating',
      length_queue: 0,
      backend_version: '1.0.4'
    })
    expect((await call('GET', '/instances/usage')).json).toEqual({
      usage_consumed_seconds: 600,
      usage_limit_seconds: 600,
      usage_limit_reached: true
    })
  })

  // GET /backends/{name}/properties?updated_before=… is how qiskit-ibm-runtime's
  // IBMBackend.properties(datetime=…) asks for an older calibration (api/rest/cloud_backend.py).
  it('serves dated properties snapshots, marking faulty parts not operational', async () => {
    await start({
      conditions: {
        calibrations: [
          { backend: 'ibm_boston', date: '2026-05-01T00:00:00Z', faultyQubits: [3] },
          { backend: 'ibm_boston', date: '2026-06-01T00:00:00Z', faultyEdges: [[0, 1]] }
        ]
      }
    })
    const latest = (await call('GET', '/backends/ibm_boston/properties')).json
    expect(latest.last_update_date).toBe('2026-06-01T00:00:00Z')
    expect(latest.qubits[3]).toEqual([])
    const cz01 = latest.gates.find((g: Json) => g.gate === 'cz' && g.qubits.join() === '0,1')
    expect(cz01.parameters).toEqual([
      { date: '2026-06-01T00:00:00Z', name: 'operational', unit: '', value: 0 }
    ])
    const may = (await call('GET', '/backends/ibm_boston/properties?updated_before=2026-05-15'))
      .json
    expect(may.last_update_date).toBe('2026-05-01T00:00:00Z')
    expect(may.qubits[3]).toEqual([
      { date: '2026-05-01T00:00:00Z', name: 'operational', unit: '', value: 0 }
    ])
    const base = (await call('GET', '/backends/ibm_boston/properties?updated_before=2026-04-30'))
      .json
    expect(base.last_update_date).toBe('2026-04-17T12:19:24+02:00')
    expect(
      (await call('GET', '/backends/ibm_boston/properties?updated_before=2020-01-01')).status
    ).toBe(404)
    expect((await call('GET', '/backends/ibm_boston/properties?updated_before=soon')).status).toBe(
      400
    )
  })
})

describe('jobs ending as the service ends them', () => {
  // The top-level status adds "Cancelled - Ran too long"; qiskit-ibm-runtime reads reason code
  // 1305 on a cancelled job as an error (runtime_job_v2.py _status_from_job_response).
  it('cancels a job that runs longer than its cost, with reason code 1305', async () => {
    await start({ conditions: { executionSeconds: 400 } })
    const { id, job } = await run(sampler(isaBell(), 'ibm_torino', [null, 8], { cost: 300 }))
    expect(job.status).toBe('Cancelled - Ran too long')
    expect(job.state).toEqual({ status: 'Cancelled', reason: 'Ran too long', reason_code: 1305 })
    expect((await call('GET', `/jobs/${id}/results`)).status).toBe(404)
    const quick = await run(sampler(isaBell(), 'ibm_torino', [null, 8], { cost: 500 }))
    expect(quick.job.status).toBe('Completed')
  })

  // Registry code 1003, "Error in transpilation process.": IBM's answer to a circuit on faulty
  // parts (Qiskit/qiskit-ibm-runtime#792).
  it('fails a job on a qubit the calibration in force marks faulty', async () => {
    await start({
      conditions: {
        calibrations: [{ backend: 'ibm_torino', date: '2026-01-01T00:00:00Z', faultyQubits: [1] }]
      }
    })
    const { id, job } = await run(sampler(isaBell(), 'ibm_torino'))
    expect(job.state).toEqual({
      status: 'Failed',
      reason: 'Error in transpilation process.',
      reason_code: 1003
    })
    expect(emu!.job(id)!.failure!.detail).toBe('PUB 0: rz on faulty qubit 1')
  })

  // qiskit-ibm-runtime utils/utils.py is_valid_rzz_pub: angles bound from parameter values too.
  it('fails an rzz whose bound angle leaves [0, pi/2], and runs one inside it', async () => {
    await start()
    const qasm =
      'OPENQASM 3.0; input float[64] theta; bit[2] c; rzz(theta) $0, $1; c[0] = measure $0;'
    const bad = await run(sampler(qasm, 'ibm_boston', [[[0.5], [2]], 8]))
    expect(bad.job.state.reason_code).toBe(1517)
    expect(emu!.job(bad.id)!.failure!.detail).toBe(
      'PUB 0: The instruction rzz on qubits (0, 1) is supported only for angles in the range [0, pi/2], but an angle (2) outside of this range has been requested.'
    )
    expect((await run(sampler(qasm, 'ibm_boston', [[0.5, 1.5], 8]))).job.state.status).toBe(
      'Completed'
    )
  })

  // Qiskit primitives/containers/sampler_pub.py SamplerPub.validate.
  it('fails a PUB whose parameter values do not fit its inputs', async () => {
    await start()
    const qasm =
      'OPENQASM 3.0; input float[64] a; input float[64] b; bit[1] c; rz(a + b) $0; c[0] = measure $0;'
    const { job } = await run(sampler(qasm, 'ibm_torino', [[1, 2, 3], 8]))
    expect(job.state).toEqual({
      status: 'Failed',
      reason:
        'PUB 0: The number of values (3) does not match the number of parameters (2) for the circuit.'
    })
  })
})
