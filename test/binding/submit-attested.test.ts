import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { runInProcess } from '../helpers/in-process.js'

// `qprov submit` end to end: attestation against the Sigstore sandbox, the job against the emulator.
const CANARY = `QPROV-CANARY-APIKEY-${Math.random().toString(36).slice(2)}`
let emu: RuntimeEmulatorHandle
let sandbox: SandboxHandle
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qprov-sbx-'))
  sandbox = await startSandbox({ dir })
  emu = await startRuntimeEmulator({ apiKey: CANARY, jobsPerMinute: 1000 })
  // The sandbox runs an emulator of its own; point sandbox.json at this one, whose faults we script.
  const { runtimeURL, iamURL, apiKey, instanceCRN } = emu
  const cfgPath = join(dir, 'sandbox.json')
  const cfg = JSON.parse(readFileSync(cfgPath, 'utf8'))
  writeFileSync(cfgPath, JSON.stringify({ ...cfg, runtimeURL, iamURL, apiKey, instanceCRN }))
})
afterAll(async () => {
  await emu.close()
  await sandbox.close()
})
beforeEach(() => emu.faults.clear())

const submit = (out: string, extra: string[] = []) =>
  runInProcess(
    ['submit', '--workload', 'examples/bell', '--sandbox', dir, '--out', out, ...extra],
    {
      env: { QISKIT_IBM_TOKEN: undefined }
    }
  )
const tmp = () => join(mkdtempSync(join(tmpdir(), 'qprov-sub-')), 'out')
const secrets = () => [CANARY, ...emu.issuedTokens()]

function expectNoSecrets(texts: string[], out: string) {
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' })
    .map(f => join(out, f))
    .filter(f => statSync(f).isFile())
  for (const t of [...texts, ...files.map(f => readFileSync(f, 'utf8'))])
    for (const s of secrets()) expect(t).not.toContain(s)
}

describe('qprov submit with attestation (sandbox)', () => {
  it('attests, submits with provenance tags and records the binding', async () => {
    const out = tmp()
    const r = await submit(out)
    expect(r.code, r.stderr).toBe(0)
    const id = /^job: (\S+)$/m.exec(r.stdout)![1]
    const rec = JSON.parse(readFileSync(join(out, 'runtime-job.json'), 'utf8'))
    const job = emu.job(id)!
    expect(job.tags).toEqual(rec.tags)
    expect(job.tags).toContain(`qprov-stmt:${rec.statementDigest}`)
    expect(job.tags).toContain(`qprov-pkg:${rec.packageDigest}`)
    expect(job.tags).toContain(`qprov-rekor-idx:${rec.rekor.logIndex}`)
    expect(job.tags).toContain(`qprov-rekor-uuid:${rec.rekor.uuid}`)
    expect(job.tags).toContain('example:bell')
    expect(rec.runtimeURL).toBe(emu.runtimeURL)
    for (const t of job.tags) expect(r.stdout).toContain(`tag: ${t}`)
    expectNoSecrets([r.stdout, r.stderr], out)
  })

  it('refuses, before signing, user tags that leave no room for the Rekor log index tag', async () => {
    const out = tmp()
    const posts = emu.requests.filter(q => q.method === 'POST').length
    // example:bell plus four more: 5 user tags + qprov:v1, stmt, pkg, rekor-idx = 9.
    const r = await submit(out, ['--tag', 'a', 'b', 'c', 'd'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/TAGS_INVALID.*9 tags.*5 of them are user tags/)
    expect(existsSync(join(out, 'statement.json'))).toBe(false)
    expect(emu.requests.filter(q => q.method === 'POST').length).toBe(posts)
  })

  it('binds a job with 4 user tags using 4 qprov tags (no Rekor UUID tag)', async () => {
    const out = tmp()
    const r = await submit(out, ['--tag', 'a', 'b', 'c'])
    expect(r.code, r.stderr).toBe(0)
    const rec = JSON.parse(readFileSync(join(out, 'runtime-job.json'), 'utf8'))
    const tags = emu.job(rec.jobId)!.tags
    expect(tags).toHaveLength(8)
    expect(tags).toContain(`qprov-rekor-idx:${rec.rekor.logIndex}`)
    expect(tags.some(t => t.startsWith('qprov-rekor-uuid:'))).toBe(false)
  })

  it('refuses to submit again into an --out that holds an earlier job, before signing', async () => {
    const out = tmp()
    expect((await submit(out)).code).toBe(0)
    const statement = readFileSync(join(out, 'statement.json'), 'utf8')
    const record = readFileSync(join(out, 'runtime-job.json'), 'utf8')
    const jobs = emu.jobs().length
    const r = await submit(out)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/USAGE.*runtime-job\.json already exists/)
    expect(readFileSync(join(out, 'statement.json'), 'utf8')).toBe(statement)
    expect(readFileSync(join(out, 'runtime-job.json'), 'utf8')).toBe(record)
    expect(emu.jobs().length).toBe(jobs)
  })

  it('when a lost job cannot be found, names its tag, where to look and the re-bind command', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'reset' } })
    const out = tmp()
    const r = await submit(out)
    expect(r.code).toBe(1)
    expect(r.stderr).not.toContain('no job was created')
    expect(r.stderr).toMatch(/RUNTIME_NETWORK.*may still have been created/)
    expect(r.stderr).toMatch(/GET \/api\/v1\/jobs\?tags=qprov-stmt%3Asha256%3A[0-9a-f]{64}/)
    expect(r.stderr).toContain(
      `re-bind it with: qprov tag --job JOB_ID --attestation ${out} --instance ${emu.instanceCRN} --sandbox ${dir} --out ${out}`
    )
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('finds the job by its statement tag when the create answer is lost to a reset', async () => {
    emu.faults.add({ method: 'POST', path: '/api/v1/jobs', fault: { kind: 'reset-after' } })
    const before = emu.jobs().length
    const out = tmp()
    const r = await submit(out)
    expect(r.code, r.stderr).toBe(0)
    expect(emu.jobs().length).toBe(before + 1)
    const id = /^job: (\S+)$/m.exec(r.stdout)![1]
    expect(emu.jobs().at(-1)!.id).toBe(id)
    expect(r.stderr).toContain(`found job ${id} by its tag`)
    expect(
      emu.requests.filter(q => q.method === 'POST' && q.path === '/api/v1/jobs').at(-1)!.fault
    ).toBe('reset-after')
  })

  it('on a timeout after creation prints the job ID and the exact re-tag command', async () => {
    emu.faults.add({
      method: 'GET',
      path: '/api/v1/jobs/*',
      times: 10,
      fault: { kind: 'delay', ms: 1500 }
    })
    const out = tmp()
    const r = await submit(out, ['--timeout-ms', '300'])
    expect(r.code).toBe(1)
    const id = /^job: (\S+)$/m.exec(r.stdout)![1]
    expect(emu.job(id)).toBeDefined()
    expect(r.stderr).toMatch(/RUNTIME_TIMEOUT/)
    expect(r.stderr).toContain(
      `Job ${id} exists; re-bind it with: qprov tag --job ${id} --attestation ${out} --instance ${emu.instanceCRN} --sandbox ${dir} --out ${out}`
    )
    expectNoSecrets([r.stdout, r.stderr], out)
  })
})
