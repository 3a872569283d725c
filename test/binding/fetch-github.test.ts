import { type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signStatement } from '../../src/attest/sign.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import {
  defaultBundleFileName,
  packProofBundle,
  readProofDirectory
} from '../../src/proof/proof-bundle.js'
import { defaultArtifactName } from '../../src/github/artifact-name.js'
import { actionsArtifactStore } from '../../src/github/artifact-store.js'
import { octokitAttestationStore } from '../../src/github/attestation-store.js'
import { runContext, type RunContext } from '../../src/github/context.js'
import { octokitFor } from '../../src/github/octokit.js'
import { octokitReleaseStore } from '../../src/github/release-store.js'
import { createRuntimeClient } from '../../src/runtime/client.js'
import { resolveConnection } from '../../src/runtime/connection.js'
import { connectionSettings } from '../../src/settings/connection.js'
import type { SandboxConfig } from '../../src/sandbox/config.js'
import { DEFAULT_IDENTITY } from '../../src/sandbox/sigstore/oidc-issuer.js'
import { startSigstoreSandbox, type SigstoreSandbox } from '../../src/sandbox/sigstore/server.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { startSandboxProcess } from '../helpers/cli.js'
import { runInProcess } from '../helpers/in-process.js'
import { onlyVerdict } from '../helpers/verification-doc.js'

// qprov sandbox in its own process, every qprov step a separate process, GitHub a strict fake
// over real HTTP, published to through the real src/github clients.
let sandboxProc: ChildProcess
let impostor: SigstoreSandbox
let sbx: string
let cfg: SandboxConfig
let work: string
let jobId: string
let proofDir: string
let bothRoots: string
const fakes: FakeGitHub[] = []

const quiet = {
  ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
  SIGSTORE_ID_TOKEN: undefined,
  GITHUB_TOKEN: undefined,
  GH_TOKEN: undefined,
  GITHUB_API_URL: undefined
}
const qprov = (args: string[], env: Record<string, string | undefined> = {}) =>
  runInProcess(args, { env: { ...quiet, ...env } })
const fresh = () => mkdtempSync(join(work, 'out-'))
const policy = (root: string) => [
  '--trusted-root',
  root,
  '--certificate-identity',
  cfg.identity,
  '--certificate-oidc-issuer',
  cfg.issuer
]

async function fakeGitHub(): Promise<{ gh: FakeGitHub; ctx: RunContext; write: string }> {
  const gh = await startFakeGitHub()
  fakes.push(gh)
  const ctx = runContext({ GITHUB_REPOSITORY: gh.repository, GITHUB_API_URL: gh.apiURL })
  const write = gh.addToken({ contents: 'write', attestations: 'write', actions: 'write' })
  return { gh, ctx, write }
}
const readToken = (gh: FakeGitHub) =>
  gh.addToken({ contents: 'read', attestations: 'read', actions: 'read' })

async function attachAsset(gh: FakeGitHub, ctx: RunContext, write: string, files = proofDir) {
  const file = join(fresh(), defaultBundleFileName(jobId))
  writeFileSync(file, packProofBundle(await readProofDirectory(files), jobId))
  gh.addRelease('v1.0.0')
  await octokitReleaseStore(octokitFor(ctx, write), ctx).attach({
    tag: 'v1.0.0',
    file,
    name: defaultBundleFileName(jobId),
    contentType: 'application/json'
  })
}

/** Signs these exact payload bytes as another signer (another CA and identity). */
async function impostorSigns(payload: Buffer): Promise<Record<string, unknown>> {
  const s = await signStatement(payload, {
    endpoints: {
      fulcioURL: impostor.fulcioURL,
      rekorURL: impostor.rekorURL,
      tsaURL: impostor.tsaURL
    },
    token: { token: impostor.identityToken, source: 'explicit', from: 'test' },
    trustedRoots: []
  })
  return s.bundle
}

function withPredicateType(bundle: Record<string, unknown>, type: string) {
  const env = bundle.dsseEnvelope as { payload: string }
  const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'))
  st.predicateType = type
  return {
    ...bundle,
    dsseEnvelope: { ...env, payload: Buffer.from(JSON.stringify(st)).toString('base64') }
  }
}

const fileOf = (dir: string, name: string) => readFileSync(join(dir, name))
const payloadOf = (bundleFile: string) =>
  Buffer.from(JSON.parse(readFileSync(bundleFile, 'utf8')).dsseEnvelope.payload, 'base64')

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'qprov-fetch-gh-'))
  sbx = join(work, 'sandbox')
  sandboxProc = await startSandboxProcess(sbx)
  cfg = JSON.parse(readFileSync(join(sbx, 'sandbox.json'), 'utf8')) as SandboxConfig
  impostor = await startSigstoreSandbox({
    identity: { ...DEFAULT_IDENTITY, repository: 'mallory/impostor' }
  })
  // Both roots are trusted: the impostor's bundles verify, and only the identity policy refuses them.
  bothRoots = join(work, 'both-roots.jsonl')
  writeFileSync(
    bothRoots,
    `${JSON.stringify(JSON.parse(readFileSync(cfg.trustedRoot, 'utf8')))}\n${JSON.stringify(impostor.trustedRoot)}\n`
  )
  proofDir = join(work, 'job1')
  const r = await qprov([
    'submit',
    '--workload',
    'examples/bell',
    '--sandbox',
    sbx,
    '--out',
    proofDir,
    '--json'
  ])
  expect(r.code, r.stderr).toBe(0)
  jobId = JSON.parse(r.stdout).jobId
}, 180_000)

afterAll(async () => {
  await Promise.all([...fakes.map(f => f.close()), impostor?.close()])
  if (sandboxProc && sandboxProc.exitCode === null) {
    const exited = new Promise(r => sandboxProc.once('exit', r))
    sandboxProc.kill('SIGTERM')
    await exited
  }
})

describe('qprov fetch --repo (fake GitHub, qprov sandbox)', () => {
  it('picks the attestations by predicate type and signer, completes them from the release asset, and verify accepts the result', async () => {
    const { gh, ctx, write } = await fakeGitHub()
    gh.filterPredicateType = false // the client must filter predicate types itself
    const stmtBundle = JSON.parse(fileOf(proofDir, PROOF_FILES.statementBundle).toString('utf8'))
    const bindBundle = JSON.parse(fileOf(proofDir, PROOF_FILES.bindingBundle).toString('utf8'))
    const pkg = `sha256:${JSON.parse(fileOf(proofDir, PROOF_FILES.binding).toString('utf8')).provenance.workload_package.slice(7)}`
    // Decoys first, so that taking the first one returned would take a decoy.
    const store = octokitAttestationStore(octokitFor(ctx, write), ctx)
    const otherSignerStatement = await impostorSigns(
      payloadOf(join(proofDir, PROOF_FILES.statementBundle))
    )
    const otherSignerBinding = await impostorSigns(
      payloadOf(join(proofDir, PROOF_FILES.bindingBundle))
    )
    await store.store(otherSignerBinding)
    await store.store(otherSignerStatement)
    await store.store(withPredicateType(stmtBundle, 'https://in-toto.io/attestation/release/v0.1'))
    await store.store(withPredicateType(stmtBundle, 'https://slsa.dev/provenance/v1'))
    await store.store(stmtBundle)
    await store.store(bindBundle)
    expect(gh.attestations.filter(a => a.subjects.includes(pkg))).toHaveLength(6)
    await attachAsset(gh, ctx, write)

    const token = readToken(gh)
    const out = fresh()
    const f = await qprov(
      [
        'fetch',
        '--job',
        jobId,
        '--repo',
        gh.repository,
        '--github-api-url',
        gh.apiURL,
        '--sandbox',
        sbx,
        ...policy(bothRoots),
        '--out',
        out,
        '--json'
      ],
      { GITHUB_TOKEN: token, QPROV_QUIET: '0' }
    )
    expect(f.code, f.stderr).toBe(0)
    expect(`${f.stdout}${f.stderr}`).not.toContain(token)
    const j = JSON.parse(f.stdout)
    expect(j.source).toBe('attestations')
    expect(j.location).toMatch(/attestation #2 for sha256:[0-9a-f]{64} in .* \(binding\)/)
    expect(j.completedFrom).toEqual([`release v1.0.0 asset ${defaultBundleFileName(jobId)}`])
    const reasons = j.skipped.map((s: { reason: string }) => s.reason).join('\n')
    expect(reasons).toMatch(/not verified: .*identity/i)
    expect(j.skipped.length).toBe(2) // the impostor's binding and statement; other types never came back
    // Every file is the genuine one, byte for byte, none the impostor's.
    for (const name of Object.values(PROOF_FILES))
      expect(fileOf(out, name)).toEqual(fileOf(proofDir, name))
    expect(fileOf(out, PROOF_FILES.statementBundle).toString()).not.toContain(
      (otherSignerStatement.dsseEnvelope as { signatures: { sig: string }[] }).signatures[0]!.sig
    )
    const v = await qprov(['verify', out, ...policy(cfg.trustedRoot), '--json'])
    expect(v.code, v.stdout).toBe(0)
    expect(onlyVerdict(v.stdout)).toMatchObject({ ok: true, jobId })
    // GitHub saw downloads through the REST API and the signed 302 target.
    expect(gh.requests.some(r => /\/releases\/assets\/\d+$/.test(r.path) && r.status === 302)).toBe(
      true
    )
  }, 120_000)

  it('without the release asset, the attestation store alone cannot make a bundle (manifest, runtime-job.json)', async () => {
    const { gh, ctx, write } = await fakeGitHub()
    const store = octokitAttestationStore(octokitFor(ctx, write), ctx)
    for (const f of [PROOF_FILES.statementBundle, PROOF_FILES.bindingBundle])
      await store.store(JSON.parse(fileOf(proofDir, f).toString('utf8')))
    const out = join(fresh(), 'none')
    const f = await qprov(
      [
        'fetch',
        '--job',
        jobId,
        '--repo',
        gh.repository,
        '--github-api-url',
        gh.apiURL,
        '--sandbox',
        sbx,
        ...policy(cfg.trustedRoot),
        '--out',
        out
      ],
      { GITHUB_TOKEN: readToken(gh) }
    )
    expect(f.code).toBe(1)
    expect(f.stderr).toMatch(/PROOF_MISMATCH.*lacks workload\.manifest\.json, runtime-job\.json/)
    expect(existsSync(out)).toBe(false)
  }, 60_000)

  it('finds the proof bundle in a workflow artifact (zip through the REST API and its 302)', async () => {
    const { gh, ctx } = await fakeGitHub()
    const saved = { ...process.env }
    try {
      process.env.ACTIONS_RUNTIME_TOKEN = gh.runtimeToken
      process.env.ACTIONS_RESULTS_URL = gh.resultsURL
      const names = readdirSync(proofDir).filter(n =>
        Object.values(PROOF_FILES).includes(n as never)
      )
      await actionsArtifactStore(ctx).upload({
        name: defaultArtifactName(jobId),
        files: names.map(n => join(proofDir, n)),
        rootDirectory: proofDir
      })
    } finally {
      process.env = saved
    }
    const token = readToken(gh)
    const out = fresh()
    const f = await qprov(
      [
        'fetch',
        '--job',
        jobId,
        '--repo',
        gh.repository,
        '--sandbox',
        sbx,
        ...policy(cfg.trustedRoot),
        '--out',
        out,
        '--json'
      ],
      { GITHUB_TOKEN: undefined, GH_TOKEN: token, GITHUB_API_URL: gh.apiURL }
    )
    expect(f.code, f.stderr).toBe(0)
    expect(`${f.stdout}${f.stderr}`).not.toContain(token)
    const j = JSON.parse(f.stdout)
    expect(j.source).toBe('workflow artifacts')
    expect(
      gh.requests.some(r => /\/actions\/artifacts\/\d+\/zip$/.test(r.path) && r.status === 302)
    ).toBe(true)
    const v = await qprov(['verify', out, ...policy(cfg.trustedRoot), '--json'])
    expect(v.code, v.stdout).toBe(0)
  }, 60_000)

  it('a release asset counts only when it verifies: a decoy signed by another workflow is rejected and the artifact of a later source is taken', async () => {
    const { gh, ctx, write } = await fakeGitHub()
    // The decoy: every file genuine, the binding statement signed again by another identity
    // (as a pull-request run could) that a root the auditor trusts has certified.
    const decoy = join(fresh(), 'decoy')
    cpSync(proofDir, decoy, { recursive: true })
    const forged = await impostorSigns(payloadOf(join(proofDir, PROOF_FILES.bindingBundle)))
    writeFileSync(join(decoy, PROOF_FILES.bindingBundle), `${JSON.stringify(forged)}\n`)
    await attachAsset(gh, ctx, write, decoy)
    const saved = { ...process.env }
    try {
      process.env.ACTIONS_RUNTIME_TOKEN = gh.runtimeToken
      process.env.ACTIONS_RESULTS_URL = gh.resultsURL
      const names = readdirSync(proofDir).filter(n =>
        Object.values(PROOF_FILES).includes(n as never)
      )
      await actionsArtifactStore(ctx).upload({
        name: defaultArtifactName(jobId),
        files: names.map(n => join(proofDir, n)),
        rootDirectory: proofDir
      })
    } finally {
      process.env = saved
    }
    const out = fresh()
    const f = await qprov(
      [
        'fetch',
        '--job',
        jobId,
        '--repo',
        gh.repository,
        '--github-api-url',
        gh.apiURL,
        '--sandbox',
        sbx,
        ...policy(bothRoots),
        '--out',
        out,
        '--json'
      ],
      { GITHUB_TOKEN: readToken(gh) }
    )
    expect(f.code, f.stderr).toBe(0)
    const j = JSON.parse(f.stdout)
    expect(j.source).toBe('workflow artifacts')
    expect(j.valid).toHaveLength(1)
    expect(j.rejected).toEqual([
      {
        source: 'release assets',
        location: `release v1.0.0 asset ${defaultBundleFileName(jobId)}`,
        kind: 'not-verified',
        // The impostor's sandbox logged its signature in another Rekor log, so the binding's
        // evidence is not shaped like the statement's: refused before its signer is even read.
        checks: [{ check: 'binding-signature', status: 'fail', finding: 'unsigned-field' }],
        detail: expect.stringMatching(
          /binding\.sigstore\.json: .*verificationMaterial \(log entries and timestamps, as statement\.sigstore\.json has them\)/
        )
      }
    ])
    for (const name of Object.values(PROOF_FILES))
      expect(fileOf(out, name)).toEqual(fileOf(proofDir, name))
  }, 60_000)

  it('no token is a clear usage error; a bad token is an HTTP error that never echoes it', async () => {
    const { gh } = await fakeGitHub()
    const args = [
      'fetch',
      '--job',
      jobId,
      '--repo',
      gh.repository,
      '--github-api-url',
      gh.apiURL,
      '--sandbox',
      sbx,
      ...policy(cfg.trustedRoot),
      '--out',
      fresh()
    ]
    const none = await qprov(args)
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(
      /^qprov: error \[USAGE\]: --repo .* needs a GitHub token in GITHUB_TOKEN or GH_TOKEN/m
    )
    const canary = 'ghs_CANARYcanaryCANARYcanary0123456789'
    const bad = await qprov(args, { GITHUB_TOKEN: canary, QPROV_QUIET: '0' })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/GITHUB_API.*HTTP 401 Bad credentials/)
    expect(`${bad.stdout}${bad.stderr}`).not.toContain(canary)
  }, 60_000)

  it('refuses a release asset that disagrees with the live job’s tags (PROOF_MISMATCH, nothing written)', async () => {
    const { gh, ctx, write } = await fakeGitHub()
    await attachAsset(gh, ctx, write)
    // The job's Rekor index tag no longer matches the bundle's binding.
    const api = createRuntimeClient(resolveConnection(connectionSettings({ sandbox: sbx }), {}))
    const job = await api.getJob(jobId)
    const retagged = job.tags.map(t =>
      t.startsWith('qprov-rekor-idx:') ? `qprov-rekor-idx:${Number(t.split(':')[1]) + 1}` : t
    )
    expect(retagged).not.toEqual(job.tags)
    await api.replaceTags(jobId, retagged)
    const out = join(fresh(), 'none')
    const f = await qprov(
      [
        'fetch',
        '--job',
        jobId,
        '--repo',
        gh.repository,
        '--github-api-url',
        gh.apiURL,
        '--sandbox',
        sbx,
        ...policy(cfg.trustedRoot),
        '--out',
        out
      ],
      { GITHUB_TOKEN: readToken(gh) }
    )
    expect(f.code).toBe(1)
    expect(f.stderr).toMatch(
      /PROOF_MISMATCH.*release v1\.0\.0 asset .*: failed online-runtime \(.*live tag qprov-rekor-idx is "\d+", expected "\d+"\)/
    )
    expect(existsSync(out)).toBe(false)
  }, 60_000)
})
