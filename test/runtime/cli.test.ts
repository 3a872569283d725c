import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { type CliResult } from '../helpers/cli.js'
import { runInProcess } from '../helpers/in-process.js'
import {
  expectNoSecrets as expectSecretsAbsent,
  fakeAttestation,
  tmp,
  UNREACHABLE_SIGNING,
  UNREACHABLE_SIGNING_ENV
} from '../helpers/runtime-fixtures.js'

const CANARY = `QPROV-CANARY-APIKEY-${Math.random().toString(36).slice(2)}`
let emu: RuntimeEmulatorHandle

beforeAll(async () => {
  emu = await startRuntimeEmulator({ apiKey: CANARY, jobsPerMinute: 1000 })
})
afterAll(() => emu.close())
beforeEach(() => {
  emu.faults.clear()
})

const conn = () => [
  '--instance',
  emu.instanceCRN,
  '--runtime-url',
  emu.runtimeURL,
  '--iam-url',
  emu.iamURL
]
const env = { QISKIT_IBM_TOKEN: CANARY }
const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
  runInProcess(args, { env: { ...env, ...extraEnv } })

/** The API key and every IAM token minted must appear nowhere a user or log could see them. */
const expectNoSecrets = (r: CliResult, dirs: string[]) =>
  expectSecretsAbsent(r, dirs, [CANARY, ...emu.issuedTokens()])

const posts = () => emu.requests.filter(r => r.method === 'POST' && r.path === '/api/v1/jobs')

describe('qprov submit', () => {
  it('submits examples/bell with explicit tags, prints the job ID and leaks no secret', async () => {
    const out = tmp()
    const r = await cli([
      'submit',
      '--workload',
      'examples/bell',
      '--no-attest',
      '--tag',
      'ci:1',
      '--out',
      out,
      ...conn()
    ])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const id = /^job: (\S+)$/m.exec(r.stdout)![1]
    expect(emu.job(id)!.tags).toEqual(['example:bell', 'ci:1'])
    const rec = JSON.parse(readFileSync(join(out, 'runtime-job.json'), 'utf8'))
    expect(rec).toMatchObject({
      jobId: id,
      backend: 'ibm_torino',
      instanceCRN: emu.instanceCRN,
      tags: ['example:bell', 'ci:1']
    })
    const sent = JSON.parse(posts().at(-1)!.body)
    expect(sent.params.version).toBe(2)
    expect(sent.params.pubs[0][0]).toMatch(/^OPENQASM 3\.0;/)
    expectNoSecrets(r, [out])
  })

  it('overrides the backend with --backend and prints JSON with --json', async () => {
    const out = tmp()
    const r = await cli([
      'submit',
      '--workload',
      'examples/bell/qprov.job.json',
      'examples/bell/circuits',
      '--no-attest',
      '--backend',
      'ibm_fez',
      '--json',
      '--out',
      out,
      ...conn()
    ])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.backend).toBe('ibm_fez')
    expect(emu.job(j.jobId)!.backend).toBe('ibm_fez')
    const rec = JSON.parse(readFileSync(join(out, 'runtime-job.json'), 'utf8'))
    expect(rec).toMatchObject({
      backend: 'ibm_fez',
      backendSource: 'override',
      targetCheck: { status: 'passed', backend: 'ibm_fez', version: '1.2.8', qubits: 156 }
    })
  })

  it('opens a batch for a spec with mode batch and prints the session ID', async () => {
    const out = tmp()
    const r = await cli([
      'submit',
      '--workload',
      'examples/bell-estimator',
      '--no-attest',
      '--out',
      out,
      ...conn()
    ])
    expect(r.code, r.stderr).toBe(0)
    const session = /^session: (\S+)$/m.exec(r.stdout)![1]
    const id = /^job: (\S+)$/m.exec(r.stdout)![1]
    expect(emu.job(id)!.session_id).toBe(session)
    expect(emu.job(id)!.program).toBe('estimator')
    const rec = JSON.parse(readFileSync(join(out, 'runtime-job.json'), 'utf8'))
    expect(rec).toMatchObject({ jobId: id, sessionId: session, program: 'estimator' })
    const opened = emu.requests
      .filter(q => q.method === 'POST' && q.path === '/api/v1/sessions')
      .at(-1)!
    expect(JSON.parse(opened.body)).toEqual({ mode: 'batch', backend: 'ibm_torino' })
    const closed = emu.requests.filter(
      q => q.method === 'PATCH' && q.path === `/api/v1/sessions/${session}`
    )
    expect(closed.map(q => q.status)).toEqual([204])
  })

  it('refuses a tag set over the limits before sending anything', async () => {
    const out = join(tmp(), 'o')
    const before = emu.requests.length
    const r = await cli([
      'submit',
      '--workload',
      'examples/bell',
      '--tag',
      'a',
      'b',
      'c',
      'd',
      'e',
      '--out',
      out,
      ...conn()
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/TAGS_INVALID.*9 tags.*at most 8/)
    expect(emu.requests.length).toBe(before)
    expect(existsSync(out)).toBe(false)
  })

  it('without attestation says a job may exist when the create answer is lost', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'reset-after' } })
    const out = tmp()
    const stmt = `qprov-stmt:sha256:${'c'.repeat(64)}`
    const n = posts().length
    const r = await cli([
      'submit',
      '--workload',
      'examples/bell',
      '--no-attest',
      '--tag',
      'qprov:v1',
      stmt,
      '--out',
      out,
      ...conn()
    ])
    // Without attestation there is no recovery tag of qprov's own making: the error says so.
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/RUNTIME_NETWORK.*the job may have been created/)
    expect(posts().length).toBe(n + 1)
    expectNoSecrets(r, [out])
  })

  it('reads the API key only from an environment variable', async () => {
    const r = await cli([
      'submit',
      '--workload',
      'examples/bell',
      '--no-attest',
      '--api-key-env',
      CANARY,
      '--out',
      tmp(),
      ...conn()
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/NAME of an environment variable/)
    expect(r.stderr).not.toContain(CANARY)
    const missing = await runInProcess(['job', 'get', '--job', 'x', ...conn()], {
      env: { QISKIT_IBM_TOKEN: undefined }
    })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/set the QISKIT_IBM_TOKEN environment variable/)
  })

  it('rejects a malformed CRN as a usage error', async () => {
    const r = await cli(['job', 'get', '--job', 'x', '--instance', 'crn:v1:nope'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/not a Qiskit Runtime instance CRN/)
  })
})

describe('qprov job get', () => {
  it('shows status, tags and the provenance they point at', async () => {
    const { dir } = fakeAttestation()
    const id = emu.createJob({ tags: ['python'] })
    await cli(
      ['tag', '--job', id, '--attestation', dir, '--out', tmp(), ...conn(), ...UNREACHABLE_SIGNING],
      UNREACHABLE_SIGNING_ENV
    )
    const r = await cli(['job', 'get', '--job', id, '--json', ...conn()])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.job.id).toBe(id)
    expect(j.provenance.rekorLogIndex).toBe('42')
    const text = await cli(['job', 'get', '--job', id, ...conn()])
    expect(text.stdout).toMatch(/^status: (Queued|Running|Completed)$/m)
    expect(text.stdout).toMatch(/^provenance: sha256:[0-9a-f]{64}$/m)
  })

  it('fails with exit 1 and the service message for an unknown job', async () => {
    const r = await cli(['job', 'get', '--job', 'nosuchjob', ...conn()])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/RUNTIME_HTTP.*HTTP 404: job not found/)
  })
})

describe('bad input fails with exit 2 before any request', () => {
  it.each([
    [['job', 'get', '--job', 'a/b'], /USAGE.*--job must be a Runtime job ID/],
    [['job', 'get', '--job', 'x'.repeat(1001)], /USAGE.*--job must be a Runtime job ID/],
    [['job', 'get', '--job', 'abc', '--timeout-ms', '2147483648'], /USAGE.*--timeout-ms/],
    [['job', 'get', '--job', 'abc', '--timeout-ms', '0'], /USAGE.*--timeout-ms/],
    [
      ['job', 'get', '--job', 'abc', '--runtime-url', 'ftp://x'],
      /USAGE.*--runtime-url must be an https URL/
    ],
    [
      ['job', 'get', '--job', 'abc', '--iam-url', 'not a url'],
      /USAGE.*--iam-url must be an https URL/
    ],
    [['tag', '--job', '../x', '--attestation', '/nonexistent', '--out', '/tmp/x'], /USAGE.*--job/],
    [
      [
        'submit',
        '--workload',
        'examples/bell',
        '--no-attest',
        '--backend',
        'a b',
        '--out',
        '/tmp/qprov-never'
      ],
      /USAGE.*--backend must be a backend name/
    ]
  ])('%j', async (args, message) => {
    const before = emu.requests.length
    // conn() first: the flags given in the case override it.
    const [cmd, ...rest] = args
    const r = await cli(
      cmd === 'job' ? ['job', 'get', ...conn(), ...rest.slice(1)] : [cmd, ...conn(), ...rest]
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(emu.requests.length).toBe(before)
  })
})

describe('--sandbox DIR', () => {
  it('takes endpoints, key and instance from DIR/sandbox.json, flags overriding', async () => {
    const dir = tmp()
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      join(dir, 'sandbox.json'),
      JSON.stringify({
        runtimeURL: emu.runtimeURL,
        iamURL: emu.iamURL,
        apiKey: CANARY,
        instanceCRN: emu.instanceCRN
      })
    )
    const id = emu.createJob()
    const r = await runInProcess(['job', 'get', '--job', id, '--sandbox', dir], {
      env: { QISKIT_IBM_TOKEN: undefined }
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`job: ${id}`)
    const wrong = await runInProcess(
      [
        'job',
        'get',
        '--job',
        id,
        '--sandbox',
        dir,
        '--runtime-url',
        'http://127.0.0.1:9/api/v1',
        '--timeout-ms',
        '2000'
      ],
      {
        env: { QISKIT_IBM_TOKEN: undefined }
      }
    )
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/RUNTIME_NETWORK/)
  })
})
