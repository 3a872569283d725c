import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { REPO_ROOT, cliNodeArgs, runCli, type CliResult } from '../helpers/cli.js'
import { runInProcess } from '../helpers/in-process.js'
import {
  CASES,
  NUMBER_REASONS,
  TOKEN_FIRST_CASES,
  receiptText,
  type Fixtures,
  type HostileCase
} from './cases.js'
import {
  STACK_TRACE,
  errorLines,
  fifoWriter,
  mkfifo,
  snapshot,
  startCountingProxy,
  stopWriter,
  type CountingProxy
} from './harness.js'

// Hostile input across every command, generated here at run time. One sandbox serves the suite;
// its Sigstore services sit behind a counting proxy, and its Runtime emulator logs every request,
// so "nothing was signed, logged or created" is observed, not assumed.
const tag = Math.random().toString(36).slice(2)
const CANARY_KEY = `QPROV-CANARY-APIKEY-${tag}`
const CANARY_USER = `canaryuser${tag}`
const CANARY_PASS = `CanaryPass${tag}`
const CASE_TIMEOUT_MS = 20_000

let root: string
let sandbox: SandboxHandle
let proxy: CountingProxy
let fx: Fixtures
let baseline: { sigstore: number; runtime: number; jobs: string }

const jobsNow = () =>
  JSON.stringify(
    sandbox.runtime
      .jobs()
      .map(j => [j.id, j.tags])
      .sort()
  )
const secrets = () => [
  CANARY_KEY,
  CANARY_USER,
  CANARY_PASS,
  sandbox.config.identityToken,
  sandbox.config.actionsIdTokenRequestToken,
  ...sandbox.runtime.issuedTokens()
]

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'qprov-hostile-'))
  sandbox = await startSandbox({
    dir: join(root, 'sandbox'),
    runtime: { apiKey: CANARY_KEY, jobsPerMinute: 1000 }
  })
  proxy = await startCountingProxy(new URL(sandbox.config.fulcioURL).origin)
  const via = (u: string) => u.replace(new URL(u).origin, proxy.origin)
  const sbx = join(root, 'sbx')
  cpSync(sandbox.dir, sbx, { recursive: true })
  const c = sandbox.config
  writeFileSync(
    join(sbx, 'sandbox.json'),
    JSON.stringify({
      ...c,
      fulcioURL: via(c.fulcioURL),
      rekorURL: via(c.rekorURL as string),
      tsaURL: via(c.tsaURL),
      actionsIdTokenRequestURL: via(c.actionsIdTokenRequestURL)
    })
  )
  // One real attestation (signed and logged through the proxy) for the tag and verify cases.
  const att = join(root, 'att')
  const r = await runInProcess(
    ['attest', '--workload', 'examples/bell', '--sandbox', sbx, '--out', att],
    { cwd: REPO_ROOT }
  )
  expect(r.code, r.stderr).toBe(0)
  const manifest = readFileSync(join(att, 'workload.manifest.json'))
  fx = {
    sbx,
    att,
    jobId: sandbox.runtime.createJob({ tags: ['python', 'team:q'] }),
    trustedRoot: join(sbx, 'trusted_root.json'),
    identity: c.identity,
    issuer: c.issuer,
    artifactDigest: `sha256:${createHash('sha256').update(manifest).digest('hex')}`,
    crn: sandbox.runtime.instanceCRN,
    runtimeURL: sandbox.runtime.runtimeURL,
    iamURL: sandbox.runtime.iamURL,
    canaryUser: CANARY_USER,
    canaryPass: CANARY_PASS
  }
  baseline = {
    sigstore: proxy.seen.length,
    runtime: sandbox.runtime.requests.length,
    jobs: jobsNow()
  }
}, 120_000)

afterAll(async () => {
  await proxy?.close()
  await sandbox?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

const CASE_ENV = { QISKIT_IBM_TOKEN: CANARY_KEY }
// How long qprov waits on a silent pipe: a FIFO nobody writes is refused after this, so keep it
// short; where a writer process runs, long enough for it to start on a loaded machine.
const PIPE_WAIT_MS = { silent: '200', writer: '5000' }

// In-process runs share this process's streams, environment and working directory: one at a time.
let inProcessTurn: Promise<unknown> = Promise.resolve()

/**
 * A case runs in this process through the CLI's entry (main), one after another, unless its
 * directory holds a FIFO: pipes are a process matter (a blocked open would hold this process), so
 * those cases start the CLI as its own process, as `runCli` does for every exit-code test.
 */
function cli(
  args: string[],
  cwd?: string,
  ownProcess = false,
  pipeWriter = false
): Promise<CliResult> {
  if (ownProcess) {
    const wait = pipeWriter ? PIPE_WAIT_MS.writer : PIPE_WAIT_MS.silent
    return runCli(args, {
      ...(cwd ? { cwd } : {}),
      env: { ...CASE_ENV, QPROV_PIPE_WAIT_MS: wait },
      timeoutMs: CASE_TIMEOUT_MS
    })
  }
  const run = inProcessTurn.then(() => runInProcess(args, { cwd: cwd ?? REPO_ROOT, env: CASE_ENV }))
  inProcessTurn = run.catch(() => undefined)
  return run
}

function expectNoSecret(texts: string[]): void {
  for (const t of texts) for (const s of secrets()) expect(t).not.toContain(s)
}

/** Nothing reached the sandbox's Sigstore services or its Runtime, and no job changed. */
function expectNothingSent(tokenRequestAllowed = false): void {
  const seen = proxy.seen.slice(baseline.sigstore)
  expect(tokenRequestAllowed ? seen.filter(s => !s.startsWith('GET /oidc/token')) : seen).toEqual(
    []
  )
  expect(
    sandbox.runtime.requests.slice(baseline.runtime).map(q => `${q.method} ${q.path}`)
  ).toEqual([])
  expect(jobsNow()).toBe(baseline.jobs)
}

async function runCase(c: HostileCase, tokenRequestAllowed = false): Promise<void> {
  const dir = mkdtempSync(join(root, 'case-'))
  const cleanup = c.prep?.(fx, dir)
  const args = c.args(fx, dir)
  const before = { dir: snapshot(dir), att: snapshot(fx.att), sbx: snapshot(fx.sbx) }
  const ownProcess = Object.values(before.dir).includes('fifo')
  let r: CliResult
  try {
    r = await cli(args, c.cwd?.(fx, dir), ownProcess, c.pipeWriter === true)
  } finally {
    cleanup?.()
  }
  const exit = c.exit ?? 2
  expect(r.code, `${c.name}\n${r.stderr}`).toBe(exit)
  if (exit === 2) {
    const lines = errorLines(r.stderr)
    expect(lines, r.stderr).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^qprov: error \\[${c.code}\\]: `))
    expect(lines[0]).toMatch(c.message)
  } else {
    expect(errorLines(r.stderr)).toEqual([])
    expect(r.stderr).toMatch(new RegExp(`\\[${c.code}\\]`))
    expect(r.stderr).toMatch(c.message)
  }
  expect(`${r.stdout}\n${r.stderr}`).not.toMatch(STACK_TRACE)
  expect(r.stderr).not.toMatch(/\[INTERNAL\]/)
  expectNoSecret([r.stdout, r.stderr])
  expect({ dir: snapshot(dir), att: snapshot(fx.att), sbx: snapshot(fx.sbx) }).toEqual(before)
  expectNothingSent(tokenRequestAllowed)
}

describe('hostile input: one clear error, exit 2, nothing sent, nothing written', () => {
  it('has at least 60 cases across every command', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60)
    const commands = new Set(
      CASES.map(c => {
        const a = c.args(fx, mkdtempSync(join(root, 'count-')))
        return ['receipt', 'job', 'bundle'].includes(a[0]) ? `${a[0]} ${a[1]}` : a[0]
      })
    )
    for (const cmd of [
      'verify-bundle',
      'receipt verify',
      'receipt create',
      'digest',
      'attest',
      'submit',
      'tag',
      'job get',
      'verify',
      'fetch',
      'bundle pack',
      'bundle unpack',
      'sandbox',
      'emulator'
    ])
      expect(commands).toContain(cmd)
  })

  for (const c of CASES) it.concurrent(c.name, () => runCase(c), CASE_TIMEOUT_MS + 10_000)
})

// Run after the block above, one at a time: only these may fetch an OIDC token.
describe('hostile input read after the token request: still nothing signed or sent', () => {
  for (const c of TOKEN_FIRST_CASES) it(c.name, () => runCase(c, true), CASE_TIMEOUT_MS + 10_000)
})

describe('tag binds only what was signed', () => {
  it('tag with a statement.json one byte off the signed payload changes no tag and exits 2', async () => {
    const id = sandbox.runtime.createJob({ tags: ['python'] })
    const before = sandbox.runtime.requests.length
    const att = join(mkdtempSync(join(root, 'nl-')), 'att')
    cpSync(fx.att, att, { recursive: true })
    const payload = readFileSync(join(att, 'statement.json'))
    writeFileSync(join(att, 'statement.json'), Buffer.concat([payload, Buffer.from('\n')]))
    const r = await cli([
      'tag',
      '--job',
      id,
      '--attestation',
      att,
      '--out',
      att,
      '--sandbox',
      fx.sbx
    ])
    expect(r.code).toBe(2)
    expect(errorLines(r.stderr)).toEqual([
      expect.stringMatching(
        /^qprov: error \[ATTESTATION_MISMATCH\]: .*differs from the signed payload/
      )
    ])
    expect(sandbox.runtime.job(id)?.tags).toEqual(['python'])
    expect(sandbox.runtime.requests.length).toBe(before)
  })

  it('the untouched attestation still tags the job (the check refuses only what differs)', async () => {
    const id = sandbox.runtime.createJob({ tags: ['python'] })
    const out = mkdtempSync(join(root, 'ok-'))
    const r = await cli([
      'tag',
      '--job',
      id,
      '--attestation',
      fx.att,
      '--out',
      out,
      '--sandbox',
      fx.sbx
    ])
    expect(r.code, r.stderr).toBe(0)
    const digest = createHash('sha256')
      .update(readFileSync(join(fx.att, 'statement.json')))
      .digest('hex')
    expect(sandbox.runtime.job(id)?.tags).toContain(`qprov-stmt:sha256:${digest}`)
    expectNoSecret([r.stdout, r.stderr, readFileSync(join(out, 'runtime-job.json'), 'utf8')])
    expect(readFileSync(join(out, 'binding.json'), 'utf8')).toContain(id)
  })
})

describe('pipes within the cap keep working', () => {
  it('verifies a bundle and an artifact read from FIFOs whose writers are running', async () => {
    const dir = mkdtempSync(join(root, 'pipe-'))
    const bundle = mkfifo(join(dir, 'bundle'))
    const artifact = mkfifo(join(dir, 'artifact'))
    const writers = [
      fifoWriter(bundle, join(fx.att, 'statement.sigstore.json')),
      fifoWriter(artifact, join(fx.att, 'workload.manifest.json'))
    ]
    const r = await cli(
      [
        'verify-bundle',
        '--bundle',
        bundle,
        '--trusted-root',
        fx.trustedRoot,
        '--certificate-identity',
        fx.identity,
        '--certificate-oidc-issuer',
        fx.issuer,
        artifact
      ],
      undefined,
      true
    ).finally(() => writers.forEach(stopWriter))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^verified: dsse bundle signed by /)
  })

  it('verifies through bash process substitution, as `--bundle <(cat file)` is written', async () => {
    const bundle = join(fx.att, 'statement.sigstore.json')
    const argv = cliNodeArgs(
      'verify-bundle',
      '--trusted-root',
      fx.trustedRoot,
      '--certificate-identity',
      fx.identity,
      '--certificate-oidc-issuer',
      fx.issuer,
      fx.artifactDigest
    )
    const cmd = 'b="$1"; shift; exec "$@" --bundle <(cat "$b")'
    const r = await new Promise<CliResult>(resolve => {
      const child = spawn('bash', ['-c', cmd, 'bash', bundle, process.execPath, ...argv], {
        cwd: REPO_ROOT,
        env: { ...process.env, QPROV_QUIET: '1' }
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', d => (stdout += d))
      child.stderr.on('data', d => (stderr += d))
      const timer = setTimeout(() => child.kill('SIGKILL'), CASE_TIMEOUT_MS)
      child.on('close', code => {
        clearTimeout(timer)
        resolve({ code: code ?? -1, stdout, stderr })
      })
    })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^verified: dsse bundle/)
  })
})

describe('receipt verify names the real reason for numbers it cannot canonicalise', () => {
  for (const [name, literal, reason] of NUMBER_REASONS)
    it.concurrent(`a flat receipt holding ${name}`, async () => {
      const dir = mkdtempSync(join(root, 'num-'))
      const path = join(dir, 'receipt.json')
      writeFileSync(path, receiptText(literal))
      const r = await cli(['receipt', 'verify', '--json', path])
      expect(r.code, r.stderr).toBe(1)
      const [out] = JSON.parse(r.stdout) as { valid: boolean; errors: string[] }[]
      expect(out.valid).toBe(false)
      expect(out.errors).toHaveLength(1)
      expect(out.errors[0]).toMatch(reason)
      expect(r.stdout).not.toContain('too deeply nested')
      // the literal is never echoed whole: a 100 000-digit number would flood the log
      expect(r.stdout.length).toBeLessThan(2000)
    })
})
