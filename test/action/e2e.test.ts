import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import {
  runnerEnvFor,
  startFakeGitHub,
  unzipEntries,
  type FakeGitHub
} from '../fakes/github-server.js'
import {
  REPO_ROOT,
  makeWorkspace,
  runActionProcess,
  tmp,
  type ActionRun
} from './action-process.js'
import { verificationDoc } from '../helpers/verification-doc.js'

/**
 * The BUILT action run as the runner runs it, against `qprov sandbox` for Sigstore, OIDC and the
 * Runtime, and the fake GitHub for the results service, blob store and REST API. Under `npm test`
 * (QPROV_TEST_DIST=1) that is dist/index.js, which the dist check has just found byte-identical to
 * a fresh build; otherwise dist/ may be stale, so scripts/build.mjs builds into a temporary
 * directory.
 */
const CANARY = `QPROV-E2E-KEY-${Math.random().toString(36).slice(2)}`
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/

let entry: string
let sb: SandboxHandle
let gh: FakeGitHub
let ws: string
let token: string
let eventPath: string
const headSha = 'ab12'.repeat(10)

beforeAll(async () => {
  if (process.env.QPROV_TEST_DIST === '1') entry = join(REPO_ROOT, 'dist/index.js')
  else {
    const out = tmp('qprov-built-')
    execFileSync(process.execPath, ['scripts/build.mjs', out], { cwd: REPO_ROOT, stdio: 'pipe' })
    entry = join(out, 'index.js')
  }
  sb = await startSandbox({
    dir: tmp('qprov-e2e-sb-'),
    runtime: { apiKey: CANARY, jobsPerMinute: 1000 }
  })
  gh = await startFakeGitHub()
  token = gh.addToken({ contents: 'write', attestations: 'write', checks: 'write' })
  ws = makeWorkspace()
  eventPath = join(tmp('qprov-event-'), 'event.json')
  writeFileSync(eventPath, JSON.stringify({ pull_request: { head: { sha: headSha } } }))
}, 120_000)
afterAll(async () => {
  await sb?.close()
  await gh?.close()
})

const env = (extra: Record<string, string | undefined> = {}) => ({
  ...runnerEnvFor(gh),
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_EVENT_NAME: 'pull_request',
  E2E_IBM_KEY: CANARY,
  ...extra
})
const run = (inputs: Record<string, string>, extra: Record<string, string | undefined> = {}) =>
  runActionProcess(
    { sandbox: sb.dir, 'api-key-env': 'E2E_IBM_KEY', 'github-token': token, ...inputs },
    { workspace: ws, env: env(extra), entry }
  )
const errors = (r: ActionRun) => r.stdout.split('\n').filter(l => l.startsWith('::error::'))

function expectNoSecrets(r: ActionRun, extra: [string, string][] = []): void {
  const secrets = [
    CANARY,
    token,
    gh.runtimeToken,
    sb.config.identityToken,
    sb.config.actionsIdTokenRequestToken,
    ...sb.runtime.issuedTokens()
  ]
  const visible: [string, string][] = [
    [
      'log',
      r.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
    ],
    ['stderr', r.stderr],
    ['outputs', r.outputFile],
    ['summary', r.summary],
    ...extra
  ]
  for (const [where, text] of visible) {
    for (const s of secrets) expect(text.includes(s), `secret in ${where}`).toBe(false)
    // The results service's SAS URL is logged by @actions/artifact's ::debug:: only, masked by the
    // runner; no token-shaped value appears anywhere else.
    expect(JWT.test(text), `a JWT in ${where}`).toBe(false)
  }
}

let proofDir: string
let tagRun: ActionRun

describe('the built action, end to end', () => {
  it('attest: signs against the sandbox and outputs job-tags for qiskit-ibm-runtime', async () => {
    const r = await run({ mode: 'attest', workload: 'examples/bell', 'out-dir': 'e2e-att' })
    expect(r.code, r.stdout).toBe(0)
    const tags = JSON.parse(r.outputs['job-tags']!) as string[]
    expect(tags).toContain('qprov:v1')
    expect(tags).toContain(`qprov-stmt:${r.outputs['statement-digest']}`)
    expect(r.summary).toContain('```mermaid')
    expectNoSecrets(r)
  })

  it('tag: attests, tags and binds a job submitted elsewhere, then uploads, attaches and stores the proof', async () => {
    const rel = gh.addRelease('v0.1.0', { draft: true })
    const id = sb.runtime.createJob({ tags: ['python'] })
    const r = await run({
      mode: 'tag',
      'job-id': id,
      workload: 'examples/bell',
      'out-dir': 'e2e-tag',
      'release-tag': 'v0.1.0',
      'attestation-store': 'true',
      'artifact-retention-days': '3'
    })
    tagRun = r
    expect(r.code, r.stdout).toBe(0)
    proofDir = join(ws, 'e2e-tag')
    expect(r.outputs['bundle-path']).toBe(proofDir)
    expect(r.outputs['binding-digest']).toMatch(/^sha256:[0-9a-f]{64}$/)
    for (const f of Object.values(PROOF_FILES)) expect(existsSync(join(proofDir, f)), f).toBe(true)
    // The artifact as the real @actions/artifact client uploaded it.
    const art = gh.artifacts.find(a => String(a.id) === r.outputs['artifact-id'])!
    expect(art.name).toBe(`qprov-proof-${id}`)
    expect(r.outputs['artifact-digest']).toBe(art.hash)
    expect(r.outputs['artifact-url']).toBe(
      `https://github.com/${gh.repository}/actions/runs/777/artifacts/${art.id}`
    )
    const entries = await unzipEntries(art.blob!)
    expect([...entries.keys()].sort()).toEqual(Object.values(PROOF_FILES).sort())
    for (const [name, data] of entries)
      expect(data.equals(readFileSync(join(proofDir, name)))).toBe(true)
    // The release asset is the single file, byte for byte.
    expect(rel.assets.map(a => a.name)).toEqual([`${id}.qprov.json`])
    expect(rel.assets[0]!.data.equals(readFileSync(join(proofDir, `${id}.qprov.json`)))).toBe(true)
    expect(r.outputs['release-asset-url']).toContain(`/releases/download/v0.1.0/${id}.qprov.json`)
    // Both DSSE bundles went to the attestation store.
    const ids = JSON.parse(r.outputs['attestation-ids']!) as number[]
    expect(ids).toHaveLength(2)
    const stored = gh.attestations.filter(a => ids.includes(a.id))
    expect(stored.map(a => JSON.stringify(a.bundle)).sort()).toEqual(
      [PROOF_FILES.statementBundle, PROOF_FILES.bindingBundle]
        .map(f => JSON.stringify(JSON.parse(readFileSync(join(proofDir, f), 'utf8'))))
        .sort()
    )
    expect(r.summary).toContain(id)
    expectNoSecrets(
      r,
      [...entries].map(([n, d]) => [`artifact ${n}`, d.toString('utf8')])
    )
  })

  it('verify: the proof bundle made in tag mode verifies, with a report and a successful check run', async () => {
    expect(tagRun?.code).toBe(0)
    const r = await run({
      mode: 'verify',
      bundle: 'e2e-tag',
      'out-dir': 'e2e-verify',
      'check-run': 'true'
    })
    expect(r.code, r.stdout).toBe(0)
    expect(r.outputs.verified).toBe('true')
    const report = verificationDoc(readFileSync(r.outputs['report-path']!, 'utf8'))
    expect(report.ok).toBe(true)
    const html = readFileSync(join(ws, 'e2e-verify', 'qprov-verify-report.html'), 'utf8')
    expect(html).toContain('The proof chain verified')
    const run_ = gh.checkRuns.at(-1)!
    expect(run_.body).toMatchObject({
      head_sha: headSha,
      conclusion: 'success',
      status: 'completed'
    })
    expect(r.outputs['check-run-url']).toBe(`https://github.com/${gh.repository}/runs/${run_.id}`)
    expect(r.summary).toContain('1 of 1 proof bundles verified')
    expect(r.summary).toContain('binding-consistency')
    // The verified bundle's chain, as the signing modes show theirs.
    expect(r.summary).toContain('```mermaid')
    expect(r.summary).toContain(`J["Runtime job<br/>`)
    expect(report.trustedRoot.sandbox).toBe(true)
    expect(html).toContain('id="sandbox-banner"')
    expectNoSecrets(r)
  })

  it('verify: a tampered copy fails the step, verified is false and the summary names the check', async () => {
    const bad = join(ws, 'e2e-tampered')
    cpSync(proofDir, bad, { recursive: true })
    for (const f of readdirSync(bad))
      if (f.endsWith('.qprov.json')) execFileSync('rm', [join(bad, f)])
    const rec = JSON.parse(readFileSync(join(bad, PROOF_FILES.runtimeJob), 'utf8'))
    rec.backend = 'ibm_tampered'
    writeFileSync(join(bad, PROOF_FILES.runtimeJob), JSON.stringify(rec, null, 2))
    const r = await run({
      mode: 'verify',
      bundle: 'e2e-tampered',
      'out-dir': 'e2e-verify-bad',
      'check-run': 'true'
    })
    expect(r.code).toBe(1)
    expect(r.outputs.verified).toBe('false')
    const report = verificationDoc(readFileSync(r.outputs['report-path']!, 'utf8'))
    expect(report.ok).toBe(false)
    const failed = report.verdicts[0]!.checks.filter(c => c.status === 'fail')
    expect(failed.length).toBeGreaterThan(0)
    expect(errors(r)).toEqual([
      expect.stringMatching(/VERIFY_FAILED.*not verified: .*e2e-tampered/)
    ])
    for (const c of failed)
      expect(r.summary).toMatch(new RegExp(`${c.name}</code></td><td>❌ fail`))
    const run_ = gh.checkRuns.at(-1)!
    expect(run_.body.conclusion).toBe('failure')
    expect(run_.annotations.length).toBe(failed.length)
  })

  it('verify works like a fork pull request: no id-token, a read-only token', async () => {
    const ro = gh.addToken({ contents: 'read' })
    const r = await runActionProcess(
      {
        mode: 'verify',
        bundle: 'e2e-tag',
        sandbox: sb.dir,
        'github-token': ro,
        'out-dir': 'e2e-fork'
      },
      { workspace: ws, env: env({ ACTIONS_ID_TOKEN_REQUEST_URL: undefined }), entry }
    )
    expect(r.code, r.stdout).toBe(0)
    expect(r.outputs.verified).toBe('true')
  })

  it('a failed publish keeps the proof bundle and says where it is', async () => {
    gh.addRelease('v9.9.9', { immutable: true })
    const id = sb.runtime.createJob({ tags: [] })
    const r = await run({
      mode: 'tag',
      'job-id': id,
      workload: 'examples/bell',
      'out-dir': 'e2e-kept',
      'release-tag': 'v9.9.9'
    })
    expect(r.code).toBe(1)
    const out = join(ws, 'e2e-kept')
    expect(errors(r)).toEqual([
      expect.stringMatching(
        new RegExp(`RELEASE_IMMUTABLE.*still a draft.*The proof bundle is kept in ${out}`)
      )
    ])
    for (const f of Object.values(PROOF_FILES)) expect(existsSync(join(out, f)), f).toBe(true)
    expect(r.outputs['job-id']).toBe(id)
    expect(r.outputs['artifact-id']).toMatch(/^[0-9]+$/)
  })

  it('submit: submits, binds and uploads the proof bundle as an artifact', async () => {
    const r = await run({ mode: 'submit', workload: 'examples/bell', 'out-dir': 'e2e-submit' })
    expect(r.code, r.stdout).toBe(0)
    const art = gh.artifacts.find(a => String(a.id) === r.outputs['artifact-id'])!
    const entries = await unzipEntries(art.blob!)
    expect([...entries.keys()].sort()).toEqual(Object.values(PROOF_FILES).sort())
    const v = await run({ mode: 'verify', bundle: 'e2e-submit', 'out-dir': 'e2e-submit-v' })
    expect(v.code, v.stdout).toBe(0)
    expect(v.outputs.verified).toBe('true')
    expectNoSecrets(
      r,
      [...entries].map(([n, d]) => [`artifact ${n}`, d.toString('utf8')])
    )
  })
})
