import { readFileSync } from 'node:fs'
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
const cli = (args: string[]) =>
  runInProcess(args[0] === 'tag' ? [...args, ...UNREACHABLE_SIGNING] : args, {
    env: { QISKIT_IBM_TOKEN: CANARY, ...UNREACHABLE_SIGNING_ENV }
  })
/**
 * Tagging done, binding not: these fake attestations carry no certificate, so the binding cannot
 * be built; the job and the command that finishes it are named (docs/binding-spec.md §9).
 */
const expectTaggedButUnbound = (r: CliResult) => {
  expect(r.code, r.stderr).not.toBe(0)
  expect(r.stderr).toMatch(/\[[A-Z_]+\].*Job \S+ exists; re-bind it with: qprov tag --job/)
}
const puts = () => emu.requests.filter(r => r.method === 'PUT')

/** The API key and every IAM token minted must appear nowhere a user or log could see them. */
const expectNoSecrets = (r: CliResult, dirs: string[]) =>
  expectSecretsAbsent(r, dirs, [CANARY, ...emu.issuedTokens()])

describe('qprov tag', () => {
  it('refuses a missing OIDC token before the job is read or changed', async () => {
    const id = emu.createJob({ tags: ['python'] })
    const { dir } = fakeAttestation()
    const before = emu.requests.length
    const r = await runInProcess(
      ['tag', '--job', id, '--attestation', dir, '--out', tmp(), ...conn()],
      {
        env: {
          QISKIT_IBM_TOKEN: CANARY,
          ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
          SIGSTORE_ID_TOKEN: undefined
        }
      }
    )
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toMatch(/^qprov: error \[OIDC_UNAVAILABLE\]/m)
    expect(r.stderr).not.toContain('exists; re-bind')
    expect(emu.requests.length).toBe(before)
    expect(emu.job(id)!.tags).toEqual(['python'])
  })

  it('adds qprov tags to a Python-submitted job and keeps its tags', async () => {
    const id = emu.createJob({ tags: ['python', 'team:q'] })
    const { dir, uuid } = fakeAttestation()
    const out = tmp()
    const r = await cli(['tag', '--job', id, '--attestation', dir, '--out', out, ...conn()])
    expectTaggedButUnbound(r)
    const tags = emu.job(id)!.tags
    expect(tags.slice(0, 2)).toEqual(['python', 'team:q'])
    expect(tags).toContain('qprov:v1')
    expect(tags).toContain('qprov-rekor-idx:42')
    expect(tags).toContain(`qprov-rekor-uuid:${uuid}`)
    expect(tags.find(t => t.startsWith('qprov-stmt:sha256:'))).toHaveLength(82)
    expect(JSON.parse(puts().at(-1)!.body).tags).toEqual(tags)
    const rec = JSON.parse(readFileSync(join(out, 'runtime-job.json'), 'utf8'))
    expect(rec).toMatchObject({
      jobId: id,
      tags,
      rekor: { logIndex: '42', uuid },
      backendSource: 'runtime'
    })
    expectNoSecrets(r, [out])
  })

  it('refuses too many user tags before any PUT', async () => {
    const id = emu.createJob({ tags: ['a', 'b', 'c', 'd', 'e'] })
    const { dir } = fakeAttestation()
    const n = puts().length
    const r = await cli(['tag', '--job', id, '--attestation', dir, '--out', tmp(), ...conn()])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/TAGS_INVALID.*9 tags.*5 of them are user tags/)
    expect(puts().length).toBe(n)
    expect(emu.job(id)!.tags).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('binds a job with 4 user tags by leaving out the optional Rekor UUID tag', async () => {
    const id = emu.createJob({ tags: ['a', 'b', 'c', 'd'] })
    const { dir } = fakeAttestation()
    const r = await cli(['tag', '--job', id, '--attestation', dir, '--out', tmp(), ...conn()])
    expectTaggedButUnbound(r)
    const tags = emu.job(id)!.tags
    expect(tags).toHaveLength(8)
    expect(tags).toContain('qprov-rekor-idx:42')
    expect(tags.some(t => t.startsWith('qprov-rekor-uuid:'))).toBe(false)
  })

  it('completes a job whose qprov tags were partly dropped, as its re-bind command promises', async () => {
    const { dir, uuid } = fakeAttestation()
    const first = emu.createJob({ tags: ['python'] })
    expectTaggedButUnbound(
      await cli(['tag', '--job', first, '--attestation', dir, '--out', tmp(), ...conn()])
    )
    const full = emu.job(first)!.tags.filter(t => t.startsWith('qprov'))
    for (const dropped of [`qprov-rekor-uuid:${uuid}`, 'qprov:v1']) {
      const id = emu.createJob({ tags: ['python', ...full.filter(t => t !== dropped)] })
      const r = await cli(['tag', '--job', id, '--attestation', dir, '--out', tmp(), ...conn()])
      expectTaggedButUnbound(r)
      expect([...emu.job(id)!.tags].sort()).toEqual(['python', ...full].sort())
    }
  })

  it('on a 400 from the tag update prints the job ID and the exact re-tag command', async () => {
    const id = emu.createJob({ tags: ['python'] })
    const { dir } = fakeAttestation()
    emu.faults.add({
      method: 'PUT',
      path: '/api/v1/jobs/*/tags',
      fault: { kind: 'status', status: 400 }
    })
    const out = tmp()
    const r = await cli(['tag', '--job', id, '--attestation', dir, '--out', out, ...conn()])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`job: ${id}`)
    expect(r.stderr).toMatch(/RUNTIME_TAGS_REJECTED.*HTTP 400/)
    expect(r.stderr).toContain(
      `Job ${id} exists; re-bind it with: qprov tag --job ${id} --attestation ${dir} --instance`
    )
    expect(puts().at(-1)!.status).toBe(400)
    expect(emu.job(id)!.tags).toEqual(['python'])
    expectNoSecrets(r, [out, dir])
  })
})
