import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyBundle } from '../../src/sigstore/verify-bundle.js'
import { generateReceipts } from '../../src/receipt/generate.js'
import { verifyReceipt } from '../../src/receipt/verify.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { runActionInProcess as runActionProcess } from './action-in-process-run.js'
import { makeWorkspace, tmp, type ActionRun } from './action-process.js'

let sb: SandboxHandle
let ws: string

beforeAll(async () => {
  sb = await startSandbox({ dir: tmp('qprov-action-sb-'), runtime: { jobsPerMinute: 1000 } })
  ws = makeWorkspace()
})
afterAll(() => sb.close())
beforeEach(() => sb.runtime.faults.clear())

const signingInputs = () => ({
  sigstore: 'custom',
  'fulcio-url': sb.config.fulcioURL,
  'rekor-url': sb.config.rekorURL,
  'tsa-url': sb.config.tsaURL
})
const oidcEnv = () => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: sb.config.actionsIdTokenRequestURL,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: sb.config.actionsIdTokenRequestToken
})
const runtimeInputs = () => ({
  instance: sb.config.instanceCRN,
  'runtime-url': sb.config.runtimeURL,
  'iam-url': sb.config.iamURL,
  'api-key-env': 'SANDBOX_IBM_KEY'
})
const keyEnv = () => ({ SANDBOX_IBM_KEY: sb.config.apiKey })

function errorLines(r: ActionRun): string[] {
  return r.stdout.split('\n').filter(l => l.startsWith('::error::'))
}

/** A DSSE bundle verifies only against an artifact: the workload manifest's digest is a subject. */
function verifyAttestation(bundlePath: string, packageDigest: string) {
  return verifyBundle({
    bundle: readFileSync(bundlePath),
    artifact: { digest: packageDigest },
    trustedRoot: readFileSync(sb.config.trustedRoot),
    policy: { kind: 'identity', identity: sb.config.identity, issuer: sb.config.issuer }
  })
}

describe('action mode receipt', () => {
  it('writes a verifying receipt for HEAD with the declared AI tool and sets the outputs', async () => {
    const r = await runActionProcess(
      { mode: 'receipt', 'declare-ai': 'Copilot', 'out-dir': 'receipts-head' },
      { workspace: ws }
    )
    expect(r.code, r.stdout).toBe(0)
    const outDir = join(ws, 'receipts-head')
    expect(r.outputs).toMatchObject({
      'receipt-count': '1',
      'ai-commit-count': '1',
      'out-dir': outDir
    })
    const files = readdirSync(outDir).filter(f => f.endsWith('.json'))
    expect(files).toHaveLength(1)
    const receipt = JSON.parse(readFileSync(join(outDir, files[0]!), 'utf8'))
    expect(verifyReceipt(receipt).valid).toBe(true)
    expect(receipt.provenance.generator).toBe('qprov.action')
    expect(receipt.ai_attestation.signals_detected).toContain('declared:Copilot')
    expect(r.summary).toContain('qprov receipts for HEAD')
    expect(r.summary).toContain(receipt.commit.sha.slice(0, 12))
  })

  it('writes one receipt per commit of commit-range', async () => {
    const repo = makeWorkspace('first')
    const git = (...a: string[]) =>
      execFileSync('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', ...a], {
        cwd: repo
      })
        .toString()
        .trim()
    const base = git('rev-parse', 'HEAD')
    git('commit', '-q', '--allow-empty', '-m', 'second')
    git('commit', '-q', '--allow-empty', '-m', 'third')
    const r = await runActionProcess(
      { mode: 'receipt', 'commit-range': `${base}..HEAD`, 'out-dir': 'rs' },
      { workspace: repo }
    )
    expect(r.code, r.stdout).toBe(0)
    expect(r.outputs['receipt-count']).toBe('2')
    expect(r.outputs['ai-commit-count']).toBe('0')
    expect(readdirSync(join(repo, 'rs')).filter(f => f.endsWith('.json'))).toHaveLength(2)
  })
})

describe('action mode attest', () => {
  it('signs through GitHub OIDC and the bundle verifies against the sandbox root', async () => {
    const r = await runActionProcess(
      {
        mode: 'attest',
        workload: 'examples/bell',
        'declare-ai': 'Claude Code',
        'out-dir': 'att',
        ...signingInputs()
      },
      { workspace: ws, env: oidcEnv() }
    )
    expect(r.code, r.stdout).toBe(0)
    expect(r.outputs['statement-digest']).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(r.outputs['package-digest']).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(r.outputs['rekor-log-index']).toMatch(/^\d+$/)
    expect(r.outputs['bundle-path']).toBe(join(ws, 'att', 'statement.sigstore.json'))
    const v = verifyAttestation(r.outputs['bundle-path']!, r.outputs['package-digest']!)
    expect(v.verified, v.error).toBe(true)
    expect(v.statementDigest).toBe(r.outputs['statement-digest'])
    expect(r.summary).toContain(r.outputs['statement-digest'])
    const statement = JSON.parse(readFileSync(join(ws, 'att', 'statement.json'), 'utf8'))
    expect(statement.predicate.provenance.generator).toBe('qprov.action')
    expect(statement.predicate.ai_attestation.signals_detected).toContain('declared:Claude Code')
  })

  it('logs to the Rekor v2 shard with input rekor-version 2 and names the shard in the outputs', async () => {
    const r = await runActionProcess(
      {
        mode: 'attest',
        workload: 'examples/bell',
        'out-dir': 'att-v2',
        ...signingInputs(),
        'rekor-url': sb.config.rekorV2URL ?? '',
        'rekor-version': '2'
      },
      { workspace: ws, env: oidcEnv() }
    )
    expect(r.code, r.stdout).toBe(0)
    const bundle = JSON.parse(readFileSync(r.outputs['bundle-path']!, 'utf8'))
    const entry = bundle.verificationMaterial.tlogEntries[0]
    expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
    expect(r.outputs['rekor-log-id']).toBe(Buffer.from(entry.logId.keyId, 'base64').toString('hex'))
    expect(r.outputs['rekor-uuid']).toBe('')
    expect(r.summary).toContain(sb.config.rekorV2URL)
    const v = verifyAttestation(r.outputs['bundle-path']!, r.outputs['package-digest']!)
    expect(v.verified, v.error).toBe(true)
    const bad = await runActionProcess(
      { mode: 'attest', workload: 'examples/bell', 'out-dir': 'att-v3', 'rekor-version': '3' },
      { workspace: ws, env: oidcEnv() }
    )
    expect(bad.code).toBe(1)
    expect(errorLines(bad)).toEqual([
      expect.stringMatching(/^::error::qprov \[USAGE\]: input rekor-version must be one of 1, 2/)
    ])
  })

  it('wraps the commit’s receipt taken from receipts-json and writes it into out-dir', async () => {
    const [receipt] = await generateReceipts({ repoDir: ws, commit: 'HEAD', declareAi: ['Aider'] })
    const other = { ...receipt, commit: { ...(receipt!.commit as object), sha: 'f'.repeat(40) } }
    const r = await runActionProcess(
      {
        mode: 'attest',
        workload: 'examples/bell',
        'receipts-json': JSON.stringify([other, receipt]),
        'out-dir': 'att-json',
        ...signingInputs()
      },
      { workspace: ws, env: oidcEnv() }
    )
    expect(r.code, r.stdout).toBe(0)
    const outDir = join(ws, 'att-json')
    const written = readdirSync(outDir).filter(f => f.startsWith('receipt_') && f.endsWith('.json'))
    expect(written).toHaveLength(1)
    const statement = JSON.parse(readFileSync(join(outDir, 'statement.json'), 'utf8'))
    expect(statement.predicate).toEqual(receipt)
    expect(
      verifyAttestation(r.outputs['bundle-path']!, r.outputs['package-digest']!).verified
    ).toBe(true)
  })

  it('fails when receipts-json has no receipt for the commit', async () => {
    const [receipt] = await generateReceipts({ repoDir: ws, commit: 'HEAD' })
    const other = { ...receipt, commit: { ...(receipt!.commit as object), sha: 'e'.repeat(40) } }
    const r = await runActionProcess(
      {
        mode: 'attest',
        workload: 'examples/bell',
        'receipts-json': JSON.stringify([other]),
        'out-dir': 'att-none',
        ...signingInputs()
      },
      { workspace: ws, env: oidcEnv() }
    )
    expect(r.code).toBe(1)
    expect(errorLines(r)).toHaveLength(1)
    expect(errorLines(r)[0]).toMatch(/INPUT_INVALID.*1 receipts, none for commit [0-9a-f]{40}/)
  })
})

describe('action mode submit', () => {
  it('attests, submits with provenance tags and sets job-id', async () => {
    const r = await runActionProcess(
      {
        mode: 'submit',
        workload: 'examples/bell',
        'out-dir': 'sub',
        'upload-artifact': 'false',
        ...signingInputs(),
        ...runtimeInputs()
      },
      { workspace: ws, env: { ...oidcEnv(), ...keyEnv() } }
    )
    expect(r.code, r.stdout).toBe(0)
    const id = r.outputs['job-id']!
    const job = sb.runtime.job(id)!
    expect(job).toBeDefined()
    expect(job.tags).toContain('example:bell')
    expect(job.tags).toContain('qprov:v1')
    expect(job.tags).toContain(`qprov-stmt:${r.outputs['statement-digest']}`)
    expect(job.tags).toContain(`qprov-rekor-idx:${r.outputs['rekor-log-index']}`)
    const rec = JSON.parse(readFileSync(join(ws, 'sub', 'runtime-job.json'), 'utf8'))
    expect(rec).toMatchObject({ jobId: id, tags: job.tags })
    expect(r.outputs['bundle-path']).toBe(join(ws, 'sub'))
    expect(
      verifyAttestation(join(ws, 'sub', 'statement.sigstore.json'), r.outputs['package-digest']!)
        .verified
    ).toBe(true)
    expect(r.summary).toContain(id)
  })

  it('requires the instance CRN', async () => {
    const r = await runActionProcess(
      { mode: 'submit', workload: 'examples/bell', 'api-key-env': 'SANDBOX_IBM_KEY' },
      { workspace: ws, env: keyEnv() }
    )
    expect(r.code).toBe(1)
    expect(errorLines(r)).toEqual([
      expect.stringMatching(/^::error::qprov \[USAGE\]: input instance .* is required/)
    ])
  })

  it('never takes the API key from anything but the named environment variable', async () => {
    const calls = sb.runtime.requests.length
    const r = await runActionProcess(
      { mode: 'submit', workload: 'examples/bell', ...runtimeInputs() },
      { workspace: ws, env: { ...oidcEnv(), QISKIT_IBM_TOKEN: sb.config.apiKey } }
    )
    expect(r.code).toBe(1)
    expect(errorLines(r)[0]).toMatch(/no IBM Cloud API key: set the SANDBOX_IBM_KEY/)
    expect(sb.runtime.requests.length).toBe(calls)
  })
})

describe('action mode tag', () => {
  it('attests the workload first, then adds qprov tags to a job created outside qprov, keeping its tags', async () => {
    const id = sb.runtime.createJob({ tags: ['python', 'team:q'] })
    const r = await runActionProcess(
      {
        mode: 'tag',
        'job-id': id,
        workload: 'examples/bell',
        'out-dir': 'tagged',
        'upload-artifact': 'false',
        ...signingInputs(),
        ...runtimeInputs()
      },
      { workspace: ws, env: { ...oidcEnv(), ...keyEnv() } }
    )
    expect(r.code, r.stdout).toBe(0)
    const tags = sb.runtime.job(id)!.tags
    expect(tags.slice(0, 2)).toEqual(['python', 'team:q'])
    expect(tags).toContain('qprov:v1')
    expect(tags).toContain(`qprov-stmt:${r.outputs['statement-digest']}`)
    expect(tags).toContain(`qprov-rekor-idx:${r.outputs['rekor-log-index']}`)
    expect(JSON.parse(r.outputs['job-tags']!)).toEqual(tags.filter(t => t.startsWith('qprov')))
    expect(r.outputs['job-id']).toBe(id)
    expect(existsSync(join(ws, 'tagged', 'runtime-job.json'))).toBe(true)
    expect(
      verifyAttestation(join(ws, 'tagged', 'statement.sigstore.json'), r.outputs['package-digest']!)
        .verified
    ).toBe(true)
  })

  it('refuses both attestation-dir and workload, and neither', async () => {
    const both = await runActionProcess(
      {
        mode: 'tag',
        'job-id': 'j1',
        'attestation-dir': 'a',
        workload: 'examples/bell',
        ...runtimeInputs()
      },
      { workspace: ws, env: keyEnv() }
    )
    expect(errorLines(both)).toEqual([
      expect.stringMatching(/USAGE.*either input attestation-dir or input workload/)
    ])
    const neither = await runActionProcess(
      { mode: 'tag', 'job-id': 'j1', ...runtimeInputs() },
      { workspace: ws, env: keyEnv() }
    )
    expect(errorLines(neither)).toEqual([
      expect.stringMatching(/USAGE.*needs input attestation-dir/)
    ])
  })

  it('fails early without id-token: write, before any Runtime request', async () => {
    const id = sb.runtime.createJob({ tags: [] })
    const calls = sb.runtime.requests.length
    const r = await runActionProcess(
      { mode: 'tag', 'job-id': id, workload: 'examples/bell', ...runtimeInputs() },
      { workspace: ws, env: keyEnv() }
    )
    expect(r.code).toBe(1)
    expect(errorLines(r)).toEqual([
      expect.stringMatching(/OIDC_UNAVAILABLE.*`permissions: id-token: write`/)
    ])
    expect(sb.runtime.requests.length).toBe(calls)
  })
})

describe('action failures', () => {
  it('fails an unknown mode (incl. the old bundle placeholder) with one ::error:: line', async () => {
    for (const mode of ['frobnicate', 'bundle']) {
      const r = await runActionProcess({ mode }, { workspace: ws })
      expect(r.code).toBe(1)
      expect(errorLines(r)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^::error::qprov \\[USAGE\\]: input mode must be one of receipt, attest, submit, tag, results, verify, got "${mode}"`
          )
        )
      ])
    }
  })

  it('verify mode requires input bundle', async () => {
    const r = await runActionProcess({ mode: 'verify' }, { workspace: ws })
    expect(r.code).toBe(1)
    expect(errorLines(r)).toEqual([
      expect.stringMatching(/^::error::qprov \[USAGE\]: input bundle is required for mode verify/)
    ])
  })
})
