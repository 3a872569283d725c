import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle,
  type RuntimeEmulatorOptions
} from '../../src/sandbox/runtime/emulator.js'
import fc from 'fast-check'
import { checkIsa } from '../../src/sandbox/runtime/isa.js'
import { target } from '../../src/sandbox/runtime/targets.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { ISA_BACKEND, isaBell, wide } from '../helpers/isa.js'
import { runs } from '../helpers/property.js'
import {
  connectRaw,
  rawRuntimeCall,
  runJob,
  type Json,
  type RuntimeConn
} from '../helpers/raw-ibm.js'

let emu: RuntimeEmulatorHandle
let conn: RuntimeConn

async function start(opts: RuntimeEmulatorOptions = {}) {
  emu = await startRuntimeEmulator(opts)
  conn = await connectRaw(emu)
}
afterEach(() => emu.close())

const call = (method: string, path: string, body?: unknown) =>
  rawRuntimeCall(conn, method, path, body)
/** Creates a job over HTTP and reads it until it leaves Queued/Running. */
const run = (body: Record<string, unknown>) => runJob(conn, body)

const sampler = (qasm: string, backend = ISA_BACKEND, extra: Record<string, unknown> = {}) => ({
  program_id: 'sampler',
  backend,
  params: { pubs: [[qasm, null, 8]], version: 2, ...extra }
})

describe('emulated backends', () => {
  // GET /backends as qiskit-ibm-runtime reads devices[] (qiskit_runtime_service.py least_busy and
  // _create_backend_obj; test/registries.py callback_backends): objects, not bare names.
  it('lists its devices as objects with name, status, qubits and queue length', async () => {
    await start({ conditions: { backends: { ibm_fez: { state: false, status: 'maintenance' } } } })
    const { devices } = (await call('GET', '/backends')).json
    expect(devices.map((d: Json) => d.name)).toEqual([
      'ibm_torino',
      'ibm_fez',
      'ibm_brisbane',
      'ibm_boston'
    ])
    expect(devices[3]).toEqual({
      name: 'ibm_boston',
      status: { name: 'online', reason: '' },
      qubits: 156,
      physical_qubits: 332,
      queue_length: 0
    })
    expect(devices[1].status.name).toBe('offline')
  })

  it('serves a Heron configuration with the real coupling map', async () => {
    await start()
    const c = (await call('GET', '/backends/ibm_torino/configuration')).json
    expect(c).toMatchObject({
      backend_name: 'ibm_torino',
      n_qubits: 133,
      basis_gates: ['cz', 'id', 'rz', 'sx', 'x'],
      processor_type: { family: 'Heron', revision: '1' },
      simulator: false
    })
    expect(c.supported_instructions).toEqual(
      expect.arrayContaining(['measure', 'reset', 'if_else'])
    )
    // Heavy-hex: 150 couplings, listed both ways; qubit 0 touches only 1 and 15.
    expect(c.coupling_map).toHaveLength(300)
    expect(c.coupling_map.filter((p: number[]) => p[0] === 0)).toEqual([
      [0, 1],
      [0, 15]
    ])
    expect(c.gates.find((g: Json) => g.name === 'rz').parameters).toEqual(['theta'])
    const fez = (await call('GET', '/backends/ibm_fez/configuration')).json
    expect([fez.n_qubits, fez.processor_type.revision]).toEqual([156, '2'])
  })

  it('serves an Eagle whose ecr couplings run one way', async () => {
    await start()
    const c = (await call('GET', '/backends/ibm_brisbane/configuration')).json
    expect(c).toMatchObject({ n_qubits: 127, basis_gates: ['ecr', 'id', 'rz', 'sx', 'x'] })
    const edges = new Set(c.coupling_map.map((p: number[]) => p.join('>')))
    expect(edges.has('1>0')).toBe(true)
    expect(edges.has('0>1')).toBe(false)
  })

  it('refuses an unknown backend with 404 and an errors[] body, for configuration, jobs and sessions', async () => {
    await start()
    for (const r of [
      await call('GET', '/backends/ibm_nowhere/configuration'),
      await call('POST', '/jobs', sampler(isaBell(), 'ibm_nowhere')),
      await call('POST', '/sessions', { mode: 'batch', backend: 'ibm_nowhere' })
    ]) {
      expect(r.status).toBe(404)
      expect(r.json.errors[0].message).toBe('backend not found: ibm_nowhere')
      expect(r.json.trace).toEqual(expect.any(String))
    }
    expect(emu.jobs()).toHaveLength(0)
  })
})

describe('emulated job admission', () => {
  it('requires version 2 and array PUBs, as the primitives schema does', async () => {
    await start()
    const bare = {
      program_id: 'sampler',
      backend: ISA_BACKEND,
      params: { pubs: [isaBell()], version: 2 }
    }
    expect((await call('POST', '/jobs', bare)).json.errors[0].message).toMatch(
      /PUB must be an array/
    )
    const noVersion = sampler(isaBell())
    delete (noVersion.params as Record<string, unknown>).version
    expect((await call('POST', '/jobs', noVersion)).status).toBe(400)
    const wrongShots = { ...bare, params: { pubs: [[isaBell(), null, 0]], version: 2 } }
    expect((await call('POST', '/jobs', wrongShots)).status).toBe(400)
  })

  // Reason code 1517 and the reason text IBM Quantum showed for it
  // (qiskit-community/qiskit-algorithms#165); the registry is https://ibm.biz/error_codes#1517.
  it('creates a non-ISA job and then fails it with reason code 1517 and the service text', async () => {
    await start()
    const { id, job } = await run(
      sampler('OPENQASM 3.0; bit[2] c; h $0; cx $0, $1; c[0] = measure $0; c[1] = measure $1;')
    )
    expect(job.state).toEqual({
      status: 'Failed',
      reason_code: 1517,
      reason:
        'Circuits do not match the target definition (non-ISA circuits). -- \\n Transpile your circuits for the target before submitting a primitive query. For\\n example, you can use the following code block given an IBMBackend object backend \\n and circuits of type List[QuantumCircuit]:\\n from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager\\n pm = generate_preset_pass_manager(optimization_level=1, target=backend.target)\\n isa_circuits = pm.run(circuits)\\n Then pass isa_circuits to the Sampler or Estimator.\\n -- https://ibm.biz/error_codes#1517'
    })
    expect(job.status).toBe('Failed')
    expect(emu.job(id)!.failure!.detail).toBe(
      'PUB 0: The instruction h on qubits (0,) is not supported by the target system.'
    )
    expect((await call('GET', `/jobs/${id}/results`)).status).toBe(404)
  })

  it.each([
    ['an uncoupled cz', 'OPENQASM 3.0; cz $0, $7;', 'cz on qubits (0, 7)'],
    ['a qubit beyond the device', 'OPENQASM 3.0; x $133;', 'x on qubits (133,)'],
    ['an ecr against its direction', 'OPENQASM 3.0; ecr $0, $1;', 'ecr on qubits (0, 1)']
  ])('fails %s', async (_, qasm, what) => {
    await start()
    const backend = qasm.includes('ecr') ? 'ibm_brisbane' : ISA_BACKEND
    const { id, job } = await run(sampler(qasm, backend))
    expect(job.state.reason_code).toBe(1517)
    expect(emu.job(id)!.failure!.detail).toBe(
      `PUB 0: The instruction ${what} is not supported by the target system.`
    )
  })

  it('completes an Eagle job whose ecr follows the coupling direction', async () => {
    await start()
    const { job } = await run(
      sampler('OPENQASM 3.0; bit[1] c; ecr $1, $0; c[0] = measure $0;', 'ibm_brisbane')
    )
    expect(job.state.status).toBe('Completed')
  })

  it('fails an estimator job whose observables are narrower than the circuit', async () => {
    await start()
    const body = {
      program_id: 'estimator',
      backend: ISA_BACKEND,
      params: { pubs: [[isaBell('c', false), ['ZZ']]], version: 2 }
    }
    const { job } = await run(body)
    expect(job.state.reason).toBe(
      'PUB 0: The number of qubits of the circuit (133) does not match the number of qubits of the observable (2).'
    )
  })
})

describe("the emulator's circuit reader", () => {
  it('answers every input with a verdict, a failure reason being one line', () => {
    const boston = target('ibm_boston')!
    const piece = fc.constantFrom(
      ...['OPENQASM 3.0;', 'bit[2] c;', 'qubit[2] q;', 'rz(pi/2) $0;', 'cz $0, $1;', 'h q[0];'],
      ...['c[0] = measure $0;', 'if (c[0]) {', '}', '{', '(', '$', '//x\n', '/*', 'gate g a {'],
      ...['x', ';', ' ', '[', '\n', 'switch (c) {', 'case 0 {', 'delay[10dt] $1;', '=', '$200;'],
      ...['case 0:', 'break;', 'default: {', 'for int i in {0, 3}', 'let a = {c[0]};', 'box {'],
      ...['c[0] = measure_2 $0;', 'reset_2 $0;', 'rzz(pi) $0, $1;', 'input float[64] t;']
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), parts => {
        const v = checkIsa(parts.join(' '), boston)
        if (!v.ok) expect(v.why).toMatch(/^[^\n]+$/)
        else expect(v.facts.width).toBeGreaterThanOrEqual(0)
      }),
      runs()
    )
  })
})

describe('emulated results', () => {
  it('returns sampler data for every classical register', async () => {
    await start()
    const qasm =
      'OPENQASM 3.0; bit[2] alpha; bit[1] beta; x $0; alpha[0] = measure $0; alpha[1] = measure $1; beta[0] = measure $2;'
    const { id, job } = await run(sampler(qasm))
    expect(job.state.status).toBe('Completed')
    const r = (await call('GET', `/jobs/${id}/results`)).json
    expect(Object.keys(r.results[0].data)).toEqual(['alpha', 'beta'])
    expect(r.results[0].data.alpha.num_bits).toBe(2)
    expect(r.results[0].data.beta.samples).toHaveLength(8)
    for (const s of r.results[0].data.beta.samples) expect(s).toMatch(/^0x[01]$/)
  })

  it('accepts estimator default_shots and returns evs, stds and ensemble_standard_error', async () => {
    await start()
    const { id, job } = await run({
      program_id: 'estimator',
      backend: ISA_BACKEND,
      params: {
        pubs: [[isaBell('c', false), [wide('ZZ'), wide('XX')]]],
        version: 2,
        options: { default_shots: 1024 }
      }
    })
    expect(job.state.status).toBe('Completed')
    const r = (await call('GET', `/jobs/${id}/results`)).json.results[0]
    expect(r.data.evs).toHaveLength(2)
    expect(r.data.stds).toHaveLength(2)
    expect(r.data.ensemble_standard_error).toHaveLength(2)
    expect(r.metadata).toMatchObject({ shots: 1024, target_precision: 1 / 32 })
  })
})

describe('emulated plans', () => {
  it('refuses a dedicated session on the Open plan and allows a batch', async () => {
    await start({ plan: 'open' })
    const s = await call('POST', '/sessions', { mode: 'dedicated', backend: ISA_BACKEND })
    expect(s.status).toBe(400)
    expect(s.json.errors[0].message).toMatch(
      /Open plan.*does not support session \(dedicated\) mode/
    )
    expect((await call('POST', '/sessions', { mode: 'batch', backend: ISA_BACKEND })).status).toBe(
      200
    )
  })

  it('opens a dedicated session on a paid plan', async () => {
    await start({ plan: 'premium' })
    const s = await call('POST', '/sessions', { mode: 'dedicated', backend: ISA_BACKEND })
    expect([s.status, s.json.mode]).toEqual([200, 'dedicated'])
  })
})

describe('independence of client and emulator', () => {
  it('the emulator imports no client module, and the client none of the emulator', () => {
    const imports = (dir: string) =>
      readdirSync(join(REPO_ROOT, dir)).flatMap(f =>
        f.endsWith('.ts')
          ? [...readFileSync(join(REPO_ROOT, dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map(
              m => m[1]
            )
          : []
      )
    expect(
      imports('src/sandbox/runtime').filter(p => p.includes('runtime/') || p.startsWith('../'))
    ).toEqual([])
    expect(imports('src/runtime').filter(p => p.includes('sandbox'))).toEqual([])
  })
})
