import { spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxConfig } from '../../src/sandbox/config.js'
import { runCli, startSandboxProcess, type CliResult } from '../helpers/cli.js'

// Like runCli: the shipped bundle under `npm test` (QPROV_TEST_DIST=1), the sources otherwise.
// base64url of '{"alg":"ES256",' — the start of every JWT the sandbox issuer mints.
const SANDBOX_JWT_PREFIX = 'eyJhbGciOiJFUzI1NiIs'

/** Environment without any ambient token source, so only what a test passes is used. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
    SIGSTORE_ID_TOKEN: undefined,
    QPROV_QUIET: '0',
    ...extra
  }
}

function git(cwd: string, args: string[]): void {
  const r = spawnSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada',
      GIT_COMMITTER_EMAIL: 'ada@example.com'
    }
  })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString()}`)
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(d => d.isFile())
    .map(d => join(d.parentPath, d.name))
}

let sandboxProc: ChildProcess
let sandboxDir: string
let cfg: SandboxConfig
let repo: string
let attestRun: CliResult
let outDir: string

beforeAll(async () => {
  sandboxDir = mkdtempSync(join(tmpdir(), 'qprov-e2e-sandbox-'))
  sandboxProc = await startSandboxProcess(sandboxDir)
  cfg = JSON.parse(readFileSync(join(sandboxDir, 'sandbox.json'), 'utf8')) as SandboxConfig
  repo = mkdtempSync(join(tmpdir(), 'qprov-e2e-repo-'))
  git(repo, ['init', '-q', '-b', 'main'])
  mkdirSync(join(repo, 'circuits'))
  writeFileSync(join(repo, 'circuits', 'ghz.qasm'), 'OPENQASM 3.0;\nqubit[3] q;\nh q[0];\n')
  writeFileSync(join(repo, 'job.json'), '{"program_id":"sampler"}\n')
  git(repo, ['add', '.'])
  git(repo, ['commit', '-q', '-m', 'GHZ workload'])
  outDir = join(repo, 'attestation')
  attestRun = await runCli(
    [
      'attest',
      '--workload',
      'circuits',
      'job.json',
      '--sandbox',
      sandboxDir,
      '--out',
      outDir,
      '--json'
    ],
    { cwd: repo, env: cleanEnv() }
  )
}, 120_000)

afterAll(async () => {
  if (sandboxProc && sandboxProc.exitCode === null) {
    const exited = new Promise(r => sandboxProc.once('exit', r))
    sandboxProc.kill('SIGTERM')
    await exited
  }
})

function verifyCli(bundle: string, extra: string[] = [], artifact = join(repo, 'job.json')) {
  return runCli([
    'verify-bundle',
    '--bundle',
    bundle,
    '--certificate-identity',
    cfg.identity,
    '--certificate-oidc-issuer',
    cfg.issuer,
    ...extra,
    artifact
  ])
}

describe('qprov sandbox + attest + verify-bundle, each its own process over real HTTP', () => {
  it('writes sandbox.json with every endpoint, the Runtime emulator and a trusted root path', () => {
    for (const k of ['fulcioURL', 'rekorURL', 'tsaURL', 'actionsIdTokenRequestURL'] as const)
      expect(cfg[k]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    expect(cfg.runtimeURL).toMatch(/^http:\/\/127\.0\.0\.1:/)
    expect(JSON.parse(readFileSync(cfg.trustedRoot, 'utf8')).mediaType).toContain('trustedroot')
  })

  it('attests through the Actions-style token endpoint and reports digest, log index and UUID', () => {
    expect(attestRun.stderr).toContain('identity token from actions-oidc')
    expect(attestRun.code).toBe(0)
    const r = JSON.parse(attestRun.stdout)
    expect(r.statementDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(r.rekor.uuid).toMatch(/^[0-9a-f]{64}$/)
    expect(r.rekor.logIndex).toMatch(/^\d+$/)
    expect(r.files.bundle).toBe(join(outDir, 'statement.sigstore.json'))
    expect(readdirSync(outDir).sort()).toEqual([
      'statement.json',
      'statement.sigstore.json',
      'workload.manifest.json'
    ])
  })

  it('verifies offline with the sandbox root, identity and issuer', async () => {
    const v = await verifyCli(join(outDir, 'statement.sigstore.json'), [
      '--trusted-root',
      cfg.trustedRoot
    ])
    expect(v.stderr).toBe('')
    expect(v.code).toBe(0)
  })

  it('rejects the sandbox bundle without --trusted-root (public-good root)', async () => {
    const v = await verifyCli(join(outDir, 'statement.sigstore.json'))
    expect(v.code).not.toBe(0)
    expect(v.stdout + v.stderr).toContain('TIMESTAMP_ERROR')
  })

  it('rejects a tampered copy, a wrong identity and a wrong issuer', async () => {
    const bundle = JSON.parse(readFileSync(join(outDir, 'statement.sigstore.json'), 'utf8'))
    const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()
    bundle.dsseEnvelope.payload = Buffer.from(
      payload.replace('circuits/ghz.qasm', 'circuits/evil.qasm')
    ).toString('base64')
    const tampered = join(repo, 'tampered.sigstore.json')
    writeFileSync(tampered, JSON.stringify(bundle))
    const root = ['--trusted-root', cfg.trustedRoot]
    const good = join(outDir, 'statement.sigstore.json')
    const policy = (identity: string, issuer: string) => [
      'verify-bundle',
      '--bundle',
      good,
      ...root,
      '--certificate-identity',
      identity,
      '--certificate-oidc-issuer',
      issuer,
      join(repo, 'job.json')
    ]
    const [t, wrongId, wrongIssuer] = await Promise.all([
      verifyCli(tampered, root),
      runCli(policy(cfg.identity.replace('refs/heads/main', 'refs/heads/dev'), cfg.issuer)),
      runCli(policy(cfg.identity, 'https://token.actions.githubusercontent.com'))
    ])
    expect(t.code).not.toBe(0)
    expect(t.stdout + t.stderr).toContain('TLOG_BODY_ERROR')
    expect(wrongId.code).not.toBe(0)
    expect(wrongId.stderr).toContain('[UNTRUSTED_SIGNER_ERROR]')
    expect(wrongIssuer.code).not.toBe(0)
    expect(wrongIssuer.stderr).toContain('[UNTRUSTED_SIGNER_ERROR]')
  })

  it('never writes or prints an identity token or the request token', () => {
    const texts = [
      attestRun.stdout,
      attestRun.stderr,
      ...filesUnder(outDir).map(f => readFileSync(f, 'utf8'))
    ]
    for (const t of texts) {
      expect(t).not.toContain(cfg.actionsIdTokenRequestToken)
      expect(t).not.toContain(SANDBOX_JWT_PREFIX)
    }
  })

  it('keeps a token from --identity-token-env out of every output, on success and on rejection', async () => {
    const out = join(repo, 'canary-out')
    const ok = await runCli(
      [
        'attest',
        '--workload',
        'job.json',
        '--sandbox',
        sandboxDir,
        '--identity-token-env',
        'QPROV_CANARY',
        '--out',
        out
      ],
      { cwd: repo, env: cleanEnv({ QPROV_CANARY: cfg.identityToken }) }
    )
    expect(ok.code).toBe(0)
    expect(ok.stderr).toContain('identity token from env (QPROV_CANARY)')
    for (const t of [ok.stdout, ok.stderr, ...filesUnder(out).map(f => readFileSync(f, 'utf8'))])
      expect(t).not.toContain(cfg.identityToken)

    const canary = 'qprov-canary-7f3a9c.e1b2d4-not-a-real-token.c0ffee'
    const bad = await runCli(
      [
        'attest',
        '--workload',
        'job.json',
        '--sandbox',
        sandboxDir,
        '--identity-token-env',
        'QPROV_CANARY',
        '--out',
        join(repo, 'bad-out')
      ],
      { cwd: repo, env: cleanEnv({ QPROV_CANARY: canary }) }
    )
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('SIGNING_FAILED')
    expect(bad.stdout + bad.stderr).not.toContain(canary)
    expect(readdirSync(repo)).not.toContain('bad-out')
  })

  it('fails with exit 2 naming id-token: write when no token source exists', async () => {
    const r = await runCli(['attest', '--workload', 'job.json', '--out', join(repo, 'x')], {
      cwd: repo,
      env: cleanEnv()
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('OIDC_UNAVAILABLE')
    expect(r.stderr).toContain('permissions: id-token: write')
  })

  it('stops on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>(r => sandboxProc.once('exit', code => r(code)))
    sandboxProc.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
