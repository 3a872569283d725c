import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import {
  runnerEnvFor,
  startFakeGitHub,
  unzipEntries,
  type FakeGitHub
} from '../fakes/github-server.js'
import {
  filesUnder,
  makeWorkspace,
  runActionProcess,
  tmp,
  type ActionRun
} from './action-process.js'

const CANARY = `QPROV-CANARY-APIKEY-${Math.random().toString(36).slice(2)}`
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/

let sb: SandboxHandle
let ws: string
let gh: FakeGitHub
let ghToken: string

beforeAll(async () => {
  sb = await startSandbox({
    dir: tmp('qprov-canary-sb-'),
    runtime: { apiKey: CANARY, jobsPerMinute: 1000 }
  })
  ws = makeWorkspace()
  gh = await startFakeGitHub()
  ghToken = gh.addToken({ contents: 'write', attestations: 'write' })
})
afterAll(async () => {
  await sb.close()
  await gh.close()
})
beforeEach(() => sb.runtime.faults.clear())

const inputs = (outDir: string) => ({
  sigstore: 'custom',
  'fulcio-url': sb.config.fulcioURL,
  'rekor-url': sb.config.rekorURL,
  'tsa-url': sb.config.tsaURL,
  instance: sb.config.instanceCRN,
  'runtime-url': sb.config.runtimeURL,
  'iam-url': sb.config.iamURL,
  'api-key-env': 'CANARY_IBM_KEY',
  'github-token': ghToken,
  'out-dir': outDir
})
const env = () => ({
  CANARY_IBM_KEY: CANARY,
  ACTIONS_ID_TOKEN_REQUEST_URL: sb.config.actionsIdTokenRequestURL,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: sb.config.actionsIdTokenRequestToken,
  ...runnerEnvFor(gh)
})

/** Values the action announced with ::add-mask::, in order. */
function maskedValues(r: ActionRun): string[] {
  return r.stdout
    .split('\n')
    .filter(l => l.startsWith('::add-mask::'))
    .map(l => l.slice('::add-mask::'.length))
}

/**
 * Every secret (the API key, the OIDC request token, every OIDC and IAM token) must appear only
 * in ::add-mask:: lines: not in the log, the outputs, the summary, or any file in out-dir.
 */
function expectNoLeak(r: ActionRun, dirs: string[], extra: [string, string][] = []): void {
  // @actions/artifact masks the blob SAS signature itself and then logs the URL in ::debug::
  // lines, which the runner masks; that one value is left to the runner.
  const masked = maskedValues(r).filter(m => !r.stdout.includes(`sig=${m}`))
  const secrets = new Set([
    CANARY,
    ghToken,
    gh.runtimeToken,
    sb.config.actionsIdTokenRequestToken,
    sb.config.identityToken,
    ...sb.runtime.issuedTokens(),
    ...masked
  ])
  const visible: [string, string][] = [
    [
      'stdout',
      r.stdout
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::'))
        .join('\n')
    ],
    ['stderr', r.stderr],
    ['GITHUB_OUTPUT', r.outputFile],
    ['GITHUB_STEP_SUMMARY', r.summary],
    ...dirs.flatMap(filesUnder).map(f => [f, readFileSync(f, 'utf8')] as [string, string]),
    ...extra
  ]
  for (const [where, text] of visible) {
    for (const s of secrets)
      expect(text.includes(s), `a secret (${s.slice(0, 8)}…) appears in ${where}`).toBe(false)
    expect(JWT.test(text), `a JWT appears in ${where}`).toBe(false)
  }
}

describe('secrets in the action', () => {
  it('masks the API key, request token, OIDC token and IAM token and leaks none on success', async () => {
    const r = await runActionProcess(
      { mode: 'submit', workload: 'examples/bell', ...inputs('canary-ok') },
      { workspace: ws, env: env() }
    )
    expect(r.code, r.stdout).toBe(0)
    expect(r.outputs['job-id']).toBeTruthy()
    const masked = maskedValues(r)
    expect(masked).toContain(CANARY)
    expect(masked).toContain(sb.config.actionsIdTokenRequestToken)
    expect(masked.some(m => JWT.test(m))).toBe(true)
    const iam = sb.runtime.issuedTokens()
    expect(iam.length).toBeGreaterThan(0)
    expect(masked.some(m => iam.includes(m))).toBe(true)
    expect(masked).toContain(gh.runtimeToken)
    expect(masked).toContain(ghToken)
    // The artifact the real client uploaded, as it arrived in the blob store.
    const art = gh.artifacts.find(a => String(a.id) === r.outputs['artifact-id'])!
    const entries = [...(await unzipEntries(art.blob!))].map(
      ([name, data]) => [`artifact:${name}`, data.toString('utf8')] as [string, string]
    )
    expect(entries.length).toBeGreaterThan(2)
    expectNoLeak(r, [join(ws, 'canary-ok')], entries)
  })

  it('leaks nothing when the tag update fails, and names the job and the re-tag command', async () => {
    const id = sb.runtime.createJob({ tags: ['python'] })
    sb.runtime.faults.add({
      method: 'PUT',
      path: '/api/v1/jobs/*/tags',
      fault: { kind: 'status', status: 400 }
    })
    const att = join(ws, 'canary-tag')
    const r = await runActionProcess(
      { mode: 'tag', 'job-id': id, workload: 'examples/bell', ...inputs('canary-tag') },
      { workspace: ws, env: env() }
    )
    expect(r.code).toBe(1)
    const errors = r.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/RUNTIME_TAGS_REJECTED.*HTTP 400/)
    expect(errors[0]).toContain(
      `Job ${id} exists; re-bind it with: qprov tag --job ${id} --attestation ${att} --instance ${sb.config.instanceCRN}`
    )
    expect(errors[0]).toContain(`mode: tag, job-id: ${id}`)
    expect(r.outputs['job-id']).toBe(id)
    expect(sb.runtime.job(id)!.tags).toEqual(['python'])
    expect(maskedValues(r)).toContain(CANARY)
    expectNoLeak(r, [att])
  })

  it('sets job-id as soon as the job exists when reading its tags back fails', async () => {
    sb.runtime.faults.add({
      method: 'GET',
      path: '/api/v1/jobs/*',
      fault: { kind: 'status', status: 403 }
    })
    const out = join(ws, 'canary-readback')
    const r = await runActionProcess(
      { mode: 'submit', workload: 'examples/bell', ...inputs('canary-readback') },
      { workspace: ws, env: env() }
    )
    expect(r.code).toBe(1)
    const id = r.outputs['job-id']!
    expect(sb.runtime.job(id)).toBeDefined()
    const errors = r.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`Job ${id} exists; re-bind it with: qprov tag --job ${id}`)
    expect(errors[0]).toContain(`--attestation ${out}`)
    expect(r.outputs['statement-digest']).toMatch(/^sha256:/)
    expectNoLeak(r, [out])
  })

  it('never prints an API key passed as api-key-env, masked or not', async () => {
    // 44 characters that also form a valid variable name: a key pasted where the name belongs.
    const keyLike = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f'
    const r = await runActionProcess(
      {
        mode: 'submit',
        workload: 'examples/bell',
        ...inputs('canary-keylike'),
        'api-key-env': keyLike
      },
      { workspace: ws, env: env() }
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /::error::qprov \[USAGE\]: no IBM Cloud API key.*NAME of an environment variable/
    )
    const outside = r.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
    expect(outside + r.stderr + r.summary).not.toContain(keyLike)
    expect(maskedValues(r)).toContain(keyLike)
  })
})
