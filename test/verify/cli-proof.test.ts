import { type ChildProcess } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onlyVerdict, verificationDoc } from '../helpers/verification-doc.js'
import schema from '../../schemas/binding.v1.schema.json' with { type: 'json' }
import { canonicalJson } from '../../src/proof/binding-document.js'
import type { SandboxConfig } from '../../src/sandbox/config.js'
import { startSandboxProcess } from '../helpers/cli.js'
import { runInProcess } from '../helpers/in-process.js'

// Every step a separate `qprov` process against `qprov sandbox` (its own process, real HTTP).
let sandboxProc: ChildProcess
let sbx: string
let cfg: SandboxConfig
let work: string
let keptRoot: string
const validate = new Ajv({ strict: false }).compile(schema)

const env = {
  ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
  SIGSTORE_ID_TOKEN: undefined,
  QISKIT_IBM_TOKEN: undefined
}
const qprov = (args: string[]) => runInProcess(args, { env })
const policy = () => [
  '--trusted-root',
  keptRoot,
  '--certificate-identity',
  cfg.identity,
  '--certificate-oidc-issuer',
  cfg.issuer
]
const verify = (paths: string[], extra: string[] = []) =>
  qprov(['verify', ...paths, ...policy(), '--json', ...extra])
const out = (name: string) => join(work, name)

function expectSchemaValid(dir: string): void {
  const bytes = readFileSync(join(dir, 'binding.json'), 'utf8')
  const doc = JSON.parse(bytes)
  expect(validate(doc), JSON.stringify(validate.errors)).toBe(true)
  expect(canonicalJson(doc)).toBe(bytes)
}

let submitted: { jobId: string }

/** The `next: qprov …` line a command printed, as argv (single-quoted words as the shell reads them). */
function nextCommand(stdout: string): string[] {
  const line = /^next: qprov (.*)$/m.exec(stdout)?.[1]
  expect(line, stdout).toBeDefined()
  return [...(line ?? '').matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map(m =>
    m[1] !== undefined ? m[1].replaceAll("'\\''", "'") : (m[2] ?? '')
  )
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'qprov-proof-cli-'))
  sbx = join(work, 'sandbox')
  sandboxProc = await startSandboxProcess(sbx)
  cfg = JSON.parse(readFileSync(join(sbx, 'sandbox.json'), 'utf8')) as SandboxConfig
  // Only the root is kept: verification must not need the sandbox that signed.
  keptRoot = join(work, 'kept-trusted-root.json')
  copyFileSync(cfg.trustedRoot, keptRoot)
  const r = await qprov([
    'submit',
    '--workload',
    'examples/bell',
    '--sandbox',
    sbx,
    '--out',
    out('job1'),
    '--json'
  ])
  expect(r.code, r.stderr).toBe(0)
  submitted = JSON.parse(r.stdout)
}, 180_000)

afterAll(async () => {
  if (sandboxProc && sandboxProc.exitCode === null) {
    const exited = new Promise(r => sandboxProc.once('exit', r))
    sandboxProc.kill('SIGTERM')
    await exited
  }
})

describe('proof bundles across processes (qprov sandbox)', () => {
  it('submit writes the complete proof bundle, and verify accepts it', async () => {
    expectSchemaValid(out('job1'))
    const v = await verify([out('job1')])
    expect(v.code, v.stderr).toBe(0)
    const j = onlyVerdict(v.stdout)
    expect(j).toMatchObject({ ok: true, bundle: out('job1'), jobId: submitted.jobId })
    expect(j.checks.map((c: { name: string }) => c.name)).toContain('binding-signature')
  })

  it('verify --sandbox DIR takes its root, identity and issuer, marked not for production', async () => {
    const v = await qprov(['verify', out('job1'), '--sandbox', sbx, '--json'])
    expect(v.code, v.stderr).toBe(0)
    const doc = verificationDoc(v.stdout)
    expect(doc.policy).toMatchObject({ identity: cfg.identity, issuer: cfg.issuer })
    expect(doc.trustedRoot.sandbox).toBe(true)
    const root = readFileSync(join(sbx, 'trusted_root.json'))
    expect(doc.trustedRoot.sha256).toBe(createHash('sha256').update(root).digest('hex'))
  })

  it('verify --online compares the live job in the emulator', async () => {
    const v = await verify([out('job1')], ['--online', '--sandbox', sbx])
    expect(v.code, v.stderr).toBe(0)
    const online = onlyVerdict(v.stdout).checks.find(
      (c: { name: string }) => c.name === 'online-runtime'
    )
    expect(online?.status).toBe('pass')
  })

  it('tag of an existing job writes a proof bundle that verifies', async () => {
    const plain = await qprov([
      'submit',
      '--no-attest',
      '--workload',
      'examples/bell',
      '--sandbox',
      sbx,
      '--out',
      out('plain'),
      '--json'
    ])
    expect(plain.code, plain.stderr).toBe(0)
    const jobId = JSON.parse(plain.stdout).jobId
    const att = await qprov([
      'attest',
      '--workload',
      'examples/bell',
      '--sandbox',
      sbx,
      '--out',
      out('att')
    ])
    expect(att.code, att.stderr).toBe(0)
    const t = await qprov([
      'tag',
      '--job',
      jobId,
      '--attestation',
      out('att'),
      '--sandbox',
      sbx,
      '--out',
      out('tagged')
    ])
    expect(t.code, t.stderr).toBe(0)
    expectSchemaValid(out('tagged'))
    const doc = JSON.parse(readFileSync(join(out('tagged'), 'binding.json'), 'utf8'))
    expect(doc.runtime.backend_source).toBe('runtime')
    const v = await verify([out('tagged')])
    expect(v.code, v.stdout).toBe(0)
    expect(onlyVerdict(v.stdout).jobId).toBe(jobId)
    // tag prints the verify command with the signer, root and job filled in; it verifies as printed.
    const next = nextCommand(t.stdout)
    expect(next).toEqual(
      expect.arrayContaining(['--job', jobId, '--certificate-identity', cfg.identity])
    )
    const n = await qprov(next)
    expect(n.code, n.stdout).toBe(0)
  })

  it('submit --attestation DIR reuses that attestation: same statement, same Rekor entry', async () => {
    const r = await qprov([
      'submit',
      '--workload',
      'examples/bell',
      '--attestation',
      out('att'),
      '--sandbox',
      sbx,
      '--out',
      out('reused'),
      '--json'
    ])
    expect(r.code, r.stderr).toBe(0)
    const jobId = JSON.parse(r.stdout).jobId
    for (const f of ['statement.json', 'statement.sigstore.json'])
      expect(readFileSync(join(out('reused'), f))).toEqual(readFileSync(join(out('att'), f)))
    const logged = (dir: string) =>
      JSON.parse(readFileSync(join(dir, 'statement.sigstore.json'), 'utf8')).verificationMaterial
        .tlogEntries[0].logIndex
    const binding = JSON.parse(readFileSync(join(out('reused'), 'binding.json'), 'utf8'))
    expect(String(binding.provenance.transparency_entry.log_index)).toBe(String(logged(out('att'))))
    const v = await verify([out('reused')], ['--job', jobId])
    expect(v.code, v.stdout).toBe(0)
    const mixed = await qprov([
      'submit',
      '--workload',
      'examples/bell',
      '--attestation',
      out('att'),
      '--no-attest',
      '--sandbox',
      sbx,
      '--out',
      out('reused2')
    ])
    expect(mixed.code).toBe(2)
  })

  it('tag --workload attests first, as the action does, and the bundle verifies', async () => {
    const plain = await qprov([
      'submit',
      '--no-attest',
      '--workload',
      'examples/bell',
      '--sandbox',
      sbx,
      '--out',
      out('plain-w'),
      '--json'
    ])
    expect(plain.code, plain.stderr).toBe(0)
    const jobId = JSON.parse(plain.stdout).jobId
    const both = await qprov([
      'tag',
      '--job',
      jobId,
      '--attestation',
      out('att'),
      '--workload',
      'examples/bell',
      '--sandbox',
      sbx,
      '--out',
      out('tw0')
    ])
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('give exactly one of --attestation DIR / --workload PATH')
    const t = await qprov([
      'tag',
      '--job',
      jobId,
      '--workload',
      'examples/bell',
      '--sandbox',
      sbx,
      '--out',
      out('tagged-w')
    ])
    expect(t.code, t.stderr).toBe(0)
    const v = await verify([out('tagged-w')], ['--job', jobId])
    expect(v.code, v.stdout).toBe(0)
  })

  it('pack, fetch --job from a local directory, then verify; unpack round-trips the bytes', async () => {
    mkdirSync(out('store'))
    const p = await qprov([
      'bundle',
      'pack',
      out('job1'),
      '--out',
      join(out('store'), `${submitted.jobId}.qprov.json`)
    ])
    expect(p.code, p.stderr).toBe(0)
    const f = await qprov([
      'fetch',
      '--job',
      submitted.jobId,
      '--from',
      out('store'),
      '--sandbox',
      sbx,
      ...policy(),
      '--out',
      out('fetched')
    ])
    expect(f.code, f.stderr).toBe(0)
    const next = await qprov(nextCommand(f.stdout))
    expect(next.code, next.stdout).toBe(0)
    expect(next.stdout).toContain(`(job ${submitted.jobId})`)
    const v = await verify([out('fetched'), join(out('store'), `${submitted.jobId}.qprov.json`)])
    expect(v.code, v.stdout).toBe(0)
    expect(verificationDoc(v.stdout).verdicts.map(x => x.ok)).toEqual([true, true])
    const u = await qprov([
      'bundle',
      'unpack',
      join(out('store'), `${submitted.jobId}.qprov.json`),
      '--out',
      out('unpacked')
    ])
    expect(u.code, u.stderr).toBe(0)
    for (const name of [
      'binding.json',
      'binding.sigstore.json',
      'statement.json',
      'runtime-job.json'
    ])
      expect(readFileSync(join(out('unpacked'), name))).toEqual(
        readFileSync(join(out('job1'), name))
      )
  })

  it('fetch refuses a bundle whose binding.json is not the signed one, and writes nothing', async () => {
    const bad = out('badstore/x')
    mkdirSync(bad, { recursive: true })
    for (const n of [
      'binding.sigstore.json',
      'statement.json',
      'statement.sigstore.json',
      'receipt.json',
      'workload.manifest.json',
      'runtime-job.json'
    ])
      copyFileSync(join(out('job1'), n), join(bad, n))
    const doc = JSON.parse(readFileSync(join(out('job1'), 'binding.json'), 'utf8'))
    doc.provenance.aiir_statement = `sha256:${'1'.repeat(64)}`
    writeFileSync(join(bad, 'binding.json'), canonicalJson(doc))
    const f = await qprov([
      'fetch',
      '--job',
      submitted.jobId,
      '--from',
      out('badstore'),
      '--sandbox',
      sbx,
      ...policy(),
      '--out',
      out('refused')
    ])
    expect(f.code).toBe(1)
    expect(f.stderr).toMatch(
      /PROOF_MISMATCH.*no candidate verified: .*badstore\/x: failed binding-consistency \(binding\.json is not the signed predicate: provenance\.aiir_statement is "sha256:1{64}"/
    )
    expect(existsSync(out('refused'))).toBe(false)
  })

  it('a job whose binding could not be signed is reported with its ID and a command that finishes it', async () => {
    // The first token request (the workload statement) goes through; the binding's is refused,
    // as when the OIDC endpoint fails between the two signatures. The job exists by then.
    let tokenRequests = 0
    let refuseAfterFirst = true
    const upstream = new URL(cfg.actionsIdTokenRequestURL)
    const proxy = createServer((req, res) => {
      tokenRequests++
      if (refuseAfterFirst && tokenRequests > 1) {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"unavailable"}')
        return
      }
      const target = new URL(req.url ?? '/', upstream)
      fetch(target, { headers: { authorization: req.headers.authorization ?? '' } })
        .then(async r =>
          res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text())
        )
        .catch(() => res.writeHead(502).end())
    })
    await new Promise<void>(r => proxy.listen(0, '127.0.0.1', r))
    try {
      const port = (proxy.address() as AddressInfo).port
      const flaky = out('flaky-sandbox')
      mkdirSync(flaky)
      const proxied = new URL(cfg.actionsIdTokenRequestURL)
      proxied.host = `127.0.0.1:${port}`
      writeFileSync(
        join(flaky, 'sandbox.json'),
        JSON.stringify({ ...cfg, actionsIdTokenRequestURL: proxied.toString() })
      )
      const dir = out('unbound')
      const r = await qprov([
        'submit',
        '--workload',
        'examples/bell',
        '--sandbox',
        flaky,
        '--out',
        dir
      ])
      expect(r.code, r.stderr).toBe(1)
      const jobId = /^job: (\S+)$/m.exec(r.stdout)![1]
      expect(r.stderr).toContain(`Job ${jobId} exists`)
      expect(existsSync(join(dir, 'binding.json'))).toBe(false)
      const m = /re-bind it with: (qprov tag .*)$/m.exec(r.stderr)
      expect(m, r.stderr).not.toBeNull()
      const args = m![1].split(' ').slice(1)
      expect(args.slice(0, 3)).toEqual(['tag', '--job', jobId])
      refuseAfterFirst = false
      const again = await qprov(args)
      expect(again.code, again.stderr).toBe(0)
      const v = await verify([dir])
      expect(v.code, v.stdout).toBe(0)
      expect(onlyVerdict(v.stdout).jobId).toBe(jobId)
    } finally {
      proxy.close()
    }
  })

  it('an --out that cannot take the binding is refused before any job is created', async () => {
    const dir = out('blocked')
    mkdirSync(join(dir, 'binding.json'), { recursive: true })
    const r = await qprov(['submit', '--workload', 'examples/bell', '--sandbox', sbx, '--out', dir])
    // Checked before signing or submitting (issue 8): no job exists, so there is nothing to re-bind.
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/OUTPUT_UNUSABLE.*binding\.json in it is a directory/)
    expect(r.stdout).not.toMatch(/^job: /m)
    expect(r.stderr).not.toContain('re-bind it with')
  })

  it('names the failing check for a tampered copy (exit 1) and refuses bad flags (exit 2)', async () => {
    const dir = out('tampered')
    mkdirSync(dir)
    for (const n of [
      'binding.json',
      'binding.sigstore.json',
      'statement.json',
      'statement.sigstore.json',
      'receipt.json',
      'workload.manifest.json',
      'runtime-job.json'
    ])
      copyFileSync(join(out('job1'), n), join(dir, n))
    const rec = JSON.parse(readFileSync(join(dir, 'runtime-job.json'), 'utf8'))
    rec.jobId = 'someotherjob0000001'
    writeFileSync(join(dir, 'runtime-job.json'), `${JSON.stringify(rec, null, 2)}\n`)
    const t = await qprov(['verify', dir, ...policy()])
    expect(t.code).toBe(1)
    expect(t.stdout).toMatch(
      /FAIL {2}runtime-record +.*: runtime-job\.json jobId is "someotherjob0000001", expected "\w+"/
    )
    expect(t.stdout).toContain('NOT verified')
    const noIssuer = await qprov(['verify', out('job1'), '--certificate-identity', cfg.identity])
    expect(noIssuer.code).toBe(2)
    expect(noIssuer.stderr).toMatch(
      /^qprov: error \[USAGE\]: --certificate-oidc-issuer is required\n$/
    )
    const workers = await verify([out('job1')], ['--workers', '0'])
    expect(workers.code).toBe(2)
    // A path that does not exist is a failed verdict that says so, never an empty stdout.
    const missing = await verify([out('nope'), out('job1')])
    expect(missing.code).toBe(1)
    const doc = verificationDoc(missing.stdout)
    expect(doc.ok).toBe(false)
    expect(doc.verdicts.map(v => v.ok)).toEqual([false, true])
    expect(doc.verdicts[0]?.checks[0]).toMatchObject({
      status: 'fail',
      finding: 'bundle-unreadable'
    })
    expect(doc.verdicts[0]?.checks[0]?.detail).toContain('not found')
  })

  it('still verifies after the sandbox that signed is gone, with only its trusted root kept', async () => {
    const exited = new Promise(r => sandboxProc.once('exit', r))
    sandboxProc.kill('SIGTERM')
    await exited
    const v = await verify([out('job1'), out('tagged')], ['--workers', '2'])
    expect(v.code, v.stdout).toBe(0)
    expect(verificationDoc(v.stdout).verdicts.map(x => x.ok)).toEqual([true, true])
  })
})
