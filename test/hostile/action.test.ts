import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { writeAttestationDir } from '../helpers/attestation.js'
import { runActionInProcess } from '../action/action-in-process-run.js'
import { makeWorkspace, tmp, type ActionRun } from '../action/action-process.js'
import { snapshot, startCountingProxy, type CountingProxy } from './harness.js'

// The action takes the same hostile inputs through its own edge: the same refusals must hold,
// before any request. Sigstore and the OIDC endpoint are a counting server with nothing behind it.
// Each step runs in this process through the action's entry (runMain), one after another: the
// refusals are the point here, and dist/index.js as a process has its own tests (action/e2e).
const tag = Math.random().toString(36).slice(2)
const CANARY_KEY = `QPROV-CANARY-ACTION-KEY-${tag}`
const CANARY_PASS = `CanaryActionPass${tag}`
let emu: RuntimeEmulatorHandle
let sigstore: CountingProxy
let ws: string

beforeAll(async () => {
  emu = await startRuntimeEmulator({ apiKey: CANARY_KEY, jobsPerMinute: 1000 })
  sigstore = await startCountingProxy('http://127.0.0.1:9')
  ws = makeWorkspace()
}, 60_000)
afterAll(async () => {
  await sigstore.close()
  await emu.close()
})

const signing = () => ({
  sigstore: 'custom',
  'fulcio-url': `${sigstore.origin}/fulcio`,
  'rekor-url': `${sigstore.origin}/rekor`
})
const runtime = () => ({
  instance: emu.instanceCRN,
  'runtime-url': emu.runtimeURL,
  'iam-url': emu.iamURL
})
const env = () => ({
  QISKIT_IBM_TOKEN: CANARY_KEY,
  ACTIONS_ID_TOKEN_REQUEST_URL: `${sigstore.origin}/oidc/token?api-version=2.0`,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: `request-token-${tag}`
})
const credURL = `http://canary:${CANARY_PASS}@127.0.0.1:9/`

function expectRefused(r: ActionRun, code: string, message: RegExp): void {
  expect(r.code, r.stdout).toBe(1)
  const errors = r.stdout.split('\n').filter(l => l.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatch(new RegExp(`^::error::qprov \\[${code}\\]: `))
  expect(errors[0]).toMatch(message)
  // ::add-mask:: is how a secret reaches the runner's masker; every other line must lack it.
  const shown = `${r.stdout}\n${r.stderr}\n${r.outputFile}\n${r.summary}`
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const s of [CANARY_KEY, CANARY_PASS, `request-token-${tag}`]) expect(shown).not.toContain(s)
  expect(sigstore.seen).toEqual([])
  expect(emu.requests).toEqual([])
}

describe('the action refuses hostile input before any request', () => {
  it('mode attest with out-dir a regular file', async () => {
    writeFileSync(join(ws, 'a-file'), 'x')
    const before = snapshot(ws)
    const r = await runActionInProcess(
      { mode: 'attest', workload: 'examples/bell', 'out-dir': 'a-file', ...signing() },
      { workspace: ws, env: env() }
    )
    expectRefused(r, 'OUTPUT_UNUSABLE', /out-dir .*a-file cannot be used: it is a regular file/)
    expect(snapshot(ws)).toEqual(before)
  })

  it('mode attest with credentials in fulcio-url', async () => {
    const r = await runActionInProcess(
      {
        mode: 'attest',
        workload: 'examples/bell',
        'out-dir': 'att-creds',
        ...signing(),
        'fulcio-url': credURL
      },
      { workspace: ws, env: env() }
    )
    expectRefused(r, 'URL_CREDENTIALS', /must not contain a user name or password/)
  })

  it('mode submit with credentials in runtime-url', async () => {
    const r = await runActionInProcess(
      {
        mode: 'submit',
        workload: 'examples/bell',
        'out-dir': 'sub-creds',
        ...signing(),
        ...runtime(),
        'runtime-url': credURL
      },
      { workspace: ws, env: env() }
    )
    expectRefused(r, 'URL_CREDENTIALS', /runtime-url must not contain/)
  })

  it('mode receipt with out-dir below a regular file', async () => {
    writeFileSync(join(ws, 'b-file'), 'x')
    const r = await runActionInProcess(
      { mode: 'receipt', 'out-dir': 'b-file/receipts' },
      { workspace: ws, env: env() }
    )
    expectRefused(r, 'OUTPUT_UNUSABLE', /a part of the path above it is a file/)
  })

  it('mode tag with a statement.json one newline off the signed payload changes no tag', async () => {
    const id = emu.createJob({ tags: ['python'] })
    const att = tmp('qprov-action-att-')
    writeAttestationDir(att)
    const stmt = join(att, 'statement.json')
    writeFileSync(stmt, `${readFileSync(stmt, 'utf8')}\n`)
    cpSync(att, join(ws, 'att-nl'), { recursive: true })
    const r = await runActionInProcess(
      {
        mode: 'tag',
        'job-id': id,
        'attestation-dir': 'att-nl',
        'out-dir': 'tagged',
        ...signing(),
        ...runtime()
      },
      { workspace: ws, env: env() }
    )
    expectRefused(r, 'ATTESTATION_MISMATCH', /differs from the signed payload/)
    expect(emu.job(id)?.tags).toEqual(['python'])
  })
})
