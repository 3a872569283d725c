import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type Conditions,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { runInProcess } from '../helpers/in-process.js'

let emu: RuntimeEmulatorHandle

beforeAll(async () => {
  emu = await startRuntimeEmulator({ jobsPerMinute: 1000 })
})
afterAll(() => emu.close())

const tmp = () => mkdtempSync(join(tmpdir(), 'qprov-target-'))
const conn = () => [
  '--instance',
  emu.instanceCRN,
  '--runtime-url',
  emu.runtimeURL,
  '--iam-url',
  emu.iamURL
]
const cli = (args: string[]) => runInProcess(args, { env: { QISKIT_IBM_TOKEN: emu.apiKey } })

/** A copy of an example whose circuit (or spec) a test then changes. */
function exampleCopy(name: string): string {
  const dir = join(tmp(), name)
  cpSync(join(REPO_ROOT, 'examples', name), dir, { recursive: true })
  return dir
}

/** What reached the emulator from `from` on: method and path, IAM left out. */
const callsSince = (from: number) =>
  emu.requests
    .slice(from)
    .flatMap(r => (r.path.startsWith('/api/v1/') ? [`${r.method} ${r.path}`] : []))

async function submit(workload: string, ...extra: string[]) {
  const out = join(tmp(), 'out')
  const from = emu.requests.length
  const r = await cli([
    'submit',
    '--workload',
    workload,
    '--no-attest',
    '--out',
    out,
    ...extra,
    ...conn()
  ])
  return { r, out, calls: callsSince(from) }
}

/** Polls `qprov job get` until the job is terminal, as a user would. */
async function settle(id: string): Promise<string> {
  for (let i = 0; i < 6; i++) {
    const g = await cli(['job', 'get', '--job', id, ...conn()])
    expect(g.code, g.stderr).toBe(0)
    if (/^status: (Completed|Failed|Cancelled)/m.test(g.stdout)) return g.stdout
  }
  throw new Error(`job ${id} did not finish`)
}

describe('qprov submit checks circuits against the backend before anything is created', () => {
  it.each(['bell', 'bell-estimator', 'ghz'])(
    'submits examples/%s cleanly with the check on, and its job completes',
    async name => {
      const { r, out, calls } = await submit(`examples/${name}`)
      expect(r.code, r.stderr).toBe(0)
      expect(calls.slice(0, 4)).toEqual([
        'GET /api/v1/backends/ibm_torino/configuration',
        'GET /api/v1/backends/ibm_torino/properties',
        'GET /api/v1/backends/ibm_torino/status',
        'GET /api/v1/instances/usage'
      ])
      expect(calls).toContain('POST /api/v1/jobs')
      expect(r.stderr).not.toMatch(/warning/)
      const id = /^job: (\S+)$/m.exec(r.stdout)![1]
      expect(await settle(id)).toMatch(/^status: Completed$/m)
      const rec = JSON.parse(readFileSync(join(out, 'runtime-job.json'), 'utf8'))
      expect(rec).toMatchObject({
        targetCheck: { status: 'passed', backend: 'ibm_torino', version: '1.0.54', qubits: 133 },
        backendSource: 'job-spec'
      })
    }
  )

  it('refuses h and cx on physical qubits with exit 2 and no job-creating request', async () => {
    const dir = exampleCopy('bell')
    writeFileSync(
      join(dir, 'circuits/bell.qasm'),
      'OPENQASM 3.0;\ninclude "stdgates.inc";\nbit[2] c;\nh $0;\ncx $0, $1;\nc[0] = measure $0;\nc[1] = measure $1;\n'
    )
    const { r, calls } = await submit(dir)
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(
      "qprov: error [TARGET_MISMATCH]: circuit circuits/bell.qasm: line 4: gate 'h' on $0 is not supported by ibm_torino (basis: cz, id, rz, sx, x) (and 1 more)"
    )
    expect(calls).toEqual([
      'GET /api/v1/backends/ibm_torino/configuration',
      'GET /api/v1/backends/ibm_torino/properties'
    ])
  })

  it('refuses the original virtual-qubit Bell circuit', async () => {
    const dir = exampleCopy('bell')
    writeFileSync(
      join(dir, 'circuits/bell.qasm'),
      'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n'
    )
    const { r, calls } = await submit(dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /TARGET_MISMATCH\]: circuit circuits\/bell\.qasm: line 3: declares virtual qubits 'q'; an ISA circuit addresses physical qubits \(\$0 … \$132 on ibm_torino\)/
    )
    expect(calls).toEqual([
      'GET /api/v1/backends/ibm_torino/configuration',
      'GET /api/v1/backends/ibm_torino/properties'
    ])
  })

  it('refuses a cz on an uncoupled pair', async () => {
    const dir = exampleCopy('bell')
    const path = join(dir, 'circuits/bell.qasm')
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^cz \$0, \$1;$/m, 'cz $0, $7;'))
    const { r, calls } = await submit(dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /TARGET_MISMATCH\]: circuit circuits\/bell\.qasm: line \d+: cz \$0, \$7: qubits not coupled on ibm_torino$/m
    )
    expect(calls).toEqual([
      'GET /api/v1/backends/ibm_torino/configuration',
      'GET /api/v1/backends/ibm_torino/properties'
    ])
  })

  it('refuses observables narrower than the circuit, before the batch is opened', async () => {
    const dir = exampleCopy('bell-estimator')
    const spec = JSON.parse(readFileSync(join(dir, 'qprov.job.json'), 'utf8'))
    spec.pubs[0].observables = ['ZZ', 'XX']
    writeFileSync(join(dir, 'qprov.job.json'), JSON.stringify(spec))
    const { r, calls } = await submit(dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /TARGET_MISMATCH\]: PUB 0 \(circuits\/bell-state\.qasm\): observable width 2 ≠ circuit width 133/
    )
    expect(calls).toEqual([
      'GET /api/v1/backends/ibm_torino/configuration',
      'GET /api/v1/backends/ibm_torino/properties'
    ])
  })

  it('checks a --backend override against that backend, and refuses an unknown one', async () => {
    const eagle = await submit('examples/bell', '--backend', 'ibm_brisbane')
    expect(eagle.r.code).toBe(2)
    expect(eagle.r.stderr).toMatch(
      /gate 'cz' on \$0, \$1 is not supported by ibm_brisbane \(basis: ecr, id, rz, sx, x\)/
    )
    expect(eagle.calls).toEqual([
      'GET /api/v1/backends/ibm_brisbane/configuration',
      'GET /api/v1/backends/ibm_brisbane/properties'
    ])
    const none = await submit('examples/bell', '--backend', 'ibm_nowhere')
    expect(none.r.code).toBe(2)
    expect(none.r.stderr).toMatch(/BACKEND_UNKNOWN\]: backend ibm_nowhere is not available/)
    expect(none.calls).toEqual(['GET /api/v1/backends/ibm_nowhere/configuration'])
  })

  it('with --skip-target-check lets a non-ISA job through; the service fails it and job get says why', async () => {
    const dir = exampleCopy('bell')
    writeFileSync(
      join(dir, 'circuits/bell.qasm'),
      'OPENQASM 3.0;\ninclude "stdgates.inc";\nbit[2] c;\nh $0;\ncx $0, $1;\nc[0] = measure $0;\nc[1] = measure $1;\n'
    )
    const { r, out, calls } = await submit(dir, '--skip-target-check')
    expect(r.code, r.stderr).toBe(0)
    expect(calls).not.toContain('GET /api/v1/backends/ibm_torino/configuration')
    expect(calls).toContain('POST /api/v1/jobs')
    const id = /^job: (\S+)$/m.exec(r.stdout)![1]
    const shown = await settle(id)
    expect(shown).toMatch(/^status: Failed$/m)
    expect(shown).toMatch(
      /^reason: error code 1517; the circuits are not ISA for the backend: transpile them for its target \(Circuits do not match the target definition \(non-ISA circuits\)\. .*#1517\)$/m
    )
    const rec = JSON.parse(readFileSync(join(out, 'runtime-job.json'), 'utf8'))
    expect(rec).toMatchObject({
      jobId: id,
      targetCheck: { status: 'skipped', backend: 'ibm_torino' },
      backendSource: 'job-spec'
    })
  })
})

describe("qprov submit reads the backend's state on the day", () => {
  afterEach(() => {
    for (const k of Object.keys(emu.conditions)) delete emu.conditions[k as keyof Conditions]
  })

  // qiskit-ibm-runtime ibm_backend.py IBMBackend.check_faulty, run before the job is submitted.
  it('refuses a circuit on a qubit the latest calibration marks faulty, before anything is created', async () => {
    emu.conditions.calibrations = [
      { backend: 'ibm_torino', date: '2026-03-01T00:00:00Z', faultyQubits: [1] }
    ]
    const { r, calls } = await submit('examples/bell')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /TARGET_MISMATCH\]: circuit circuits\/bell\.qasm: line \d+: rz \$1: qubit \$1 is faulty on ibm_torino \(properties of 2026-03-01T00:00:00Z\) \(and \d+ more\)$/m
    )
    expect(calls).toEqual([
      'GET /api/v1/backends/ibm_torino/configuration',
      'GET /api/v1/backends/ibm_torino/properties'
    ])
  })

  // The client only warns: IBMBackend.status() (operational) and
  // QiskitRuntimeService._check_instance_usage (usage_limit_reached).
  it('warns, and still submits, when the backend is not operational or the plan is exhausted', async () => {
    emu.conditions.backends = { ibm_torino: { state: false, status: 'maintenance' } }
    emu.conditions.usage = { consumedSeconds: 600, limitSeconds: 600, limitReached: true }
    const { r, calls } = await submit('examples/bell')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain(
      'qprov: warning: ibm_torino is not operational (status maintenance); the job would wait in its queue'
    )
    expect(r.stderr).toContain(
      'qprov: warning: this instance has met its usage limit: workloads will not run until time is made available'
    )
    expect(calls).toContain('POST /api/v1/jobs')
  })

  // The top-level status "Cancelled - Ran too long"; reason code 1305 (runtime_job_v2.py).
  it('shows a job cancelled for running too long as such, with its reason code', async () => {
    emu.conditions.executionSeconds = 400
    const { r } = await submit('examples/bell')
    expect(r.code, r.stderr).toBe(0)
    const id = /^job: (\S+)$/m.exec(r.stdout)![1]
    const shown = await settle(id)
    expect(shown).toMatch(/^status: Cancelled - Ran too long$/m)
    const j = JSON.parse((await cli(['job', 'get', '--job', id, '--json', ...conn()])).stdout)
    expect(j.state).toMatchObject({
      status: 'Cancelled - Ran too long',
      ranTooLong: true,
      reasonCode: 1305
    })
    expect(j.job.state.reason_code).toBe(1305)
    expect(shown).toMatch(
      /^reason: error code 1305; the job ran longer than its maximum execution time \(max_execution_time \/ cost\) \(Ran too long\)$/m
    )
  })
})

describe('qprov submit on an Open-plan instance', () => {
  it('cannot open a dedicated session: the service says why and no job is created', async () => {
    const open = await startRuntimeEmulator({ plan: 'open' })
    try {
      const dir = exampleCopy('bell')
      const spec = JSON.parse(readFileSync(join(dir, 'qprov.job.json'), 'utf8'))
      writeFileSync(join(dir, 'qprov.job.json'), JSON.stringify({ ...spec, mode: 'session' }))
      const r = await runInProcess(
        ['submit', '--workload', dir, '--no-attest', '--out', join(tmp(), 'out')]
          .concat(['--instance', open.instanceCRN, '--runtime-url', open.runtimeURL])
          .concat(['--iam-url', open.iamURL]),
        { env: { QISKIT_IBM_TOKEN: open.apiKey } }
      )
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/RUNTIME_HTTP.*Open plan, which does not support session/)
      expect(open.requests.some(q => q.method === 'POST' && q.path === '/api/v1/jobs')).toBe(false)
      expect(open.jobs()).toEqual([])
    } finally {
      await open.close()
    }
  })
})
