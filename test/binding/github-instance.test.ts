import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { X509Certificate } from '@sigstore/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runVerify } from '../../src/action/modes/verify.js'
import { proofVerifier } from '../../src/action/verifier.js'
import type { ActionInputs } from '../../src/action/inputs.js'
import type { GitHubEdges } from '../../src/action/github-edges.js'
import type { Reporter } from '../../src/action/reporter.js'
import { planSigning, signStatement } from '../../src/attest/sign.js'
import { signingFromOptions } from '../../src/cli/signing-options.js'
import { bindingBytes, parseBinding } from '../../src/proof/binding-document.js'
import { bindingStatementPayload } from '../../src/proof/binding-statement.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { renderHtmlReport } from '../../src/verify/html-report.js'
import { verifyProofBundles } from '../../src/verify/index.js'
import { GITHUB_PROFILE } from '../../src/sigstore/profiles.js'
import { runInProcess } from '../helpers/in-process.js'
import { onlyVerdict } from '../helpers/verification-doc.js'

// `qprov sandbox --instance github` in process: Fulcio without a CT log, a TSA and the OIDC
// issuer, no Rekor, and a trusted root like GitHub's. Every qprov step runs in process too.
let sb: SandboxHandle
let work: string
let jobDir: string
let jobId: string

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const read = (dir: string, name: string): Json => JSON.parse(readFileSync(join(dir, name), 'utf8'))
const policy = () => [
  '--trusted-root',
  sb.config.trustedRoot,
  '--certificate-identity',
  sb.config.identity,
  '--certificate-oidc-issuer',
  sb.config.issuer
]

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'qprov-gh-instance-'))
  sb = await startSandbox({ dir: join(work, 'sandbox'), instance: 'github' })
  jobDir = join(work, 'store', 'job')
  mkdirSync(join(work, 'store'))
  const r = await runInProcess([
    'submit',
    '--workload',
    'examples/bell',
    '--sandbox',
    sb.dir,
    '--out',
    jobDir,
    '--json'
  ])
  expect(r.code, r.stderr).toBe(0)
  jobId = JSON.parse(r.stdout).jobId
}, 120_000)
afterAll(() => sb?.close())

describe('qprov sandbox --instance', () => {
  it('starts a github instance until SIGTERM, and refuses unknown instances and a prefill', async () => {
    const dir = join(work, 'cli-sandbox')
    const listening = process.listenerCount('SIGTERM')
    const running = runInProcess(['sandbox', '--instance', 'github', '--dir', dir])
    // Ready once it waits for the signal (sandbox.json is written a moment before that).
    while (process.listenerCount('SIGTERM') === listening) await new Promise(r => setTimeout(r, 50))
    const cfg = read(dir, 'sandbox.json')
    expect(cfg).toMatchObject({ instance: 'github' })
    expect(cfg.rekorURL).toBeUndefined()
    process.emit('SIGTERM')
    expect(await running).toMatchObject({ code: 0, stdout: 'ready\n' })
    const bad = await runInProcess(['sandbox', '--instance', 'staging', '--dir', dir])
    expect(bad).toMatchObject({ code: 2 })
    expect(bad.stderr).toMatch(/--instance must be public-good or github/)
    const prefill = await runInProcess(['sandbox', '--instance', 'github', '--log-prefill', '3'])
    expect(prefill.stderr).toMatch(/--log-prefill needs a Rekor/)
  })
})

describe('the github sandbox instance', () => {
  it('has no Rekor and a trusted root without transparency or CT logs', async () => {
    const cfg = read(sb.dir, 'sandbox.json')
    expect(cfg.instance).toBe('github')
    expect(cfg.rekorURL).toBeUndefined()
    const root = read(sb.dir, 'trusted_root.json')
    expect(root.tlogs).toEqual([])
    expect(root.ctlogs).toEqual([])
    expect(root.certificateAuthorities).toHaveLength(1)
    expect(root.timestampAuthorities).toHaveLength(1)
    const res = await fetch(`${new URL(cfg.fulcioURL).origin}/rekor/api/v1/log/entries`, {
      method: 'POST',
      body: '{}'
    })
    expect(res.status).toBe(404)
  })

  it('submit signs with a TSA timestamp only: no log entry, no SCT, no Rekor tags, binding names none', () => {
    for (const name of [PROOF_FILES.statementBundle, PROOF_FILES.bindingBundle]) {
      const b = read(jobDir, name)
      expect(b.verificationMaterial.tlogEntries ?? []).toEqual([])
      expect(b.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1)
      const cert = X509Certificate.parse(
        Buffer.from(b.verificationMaterial.certificate.rawBytes, 'base64')
      )
      expect(cert.extSCT).toBeUndefined()
    }
    expect(read(jobDir, PROOF_FILES.binding).provenance.transparency_entry).toBeNull()
    const tags = read(jobDir, PROOF_FILES.runtimeJob).tags as string[]
    expect(tags.filter(t => t.startsWith('qprov-rekor'))).toEqual([])
    expect(tags.filter(t => t.startsWith('qprov-'))).toHaveLength(2)
  })

  it('verify refuses the bundle under public-good and accepts it under --profile github', async () => {
    const pg = await runInProcess(['verify', jobDir, ...policy(), '--json'])
    expect(pg.code).toBe(1)
    const checks = onlyVerdict(pg.stdout).checks as {
      name: string
      status: string
      detail: string
    }[]
    expect(checks.find(c => c.name === 'statement-signature')).toMatchObject({
      status: 'fail',
      finding: 'signature-invalid',
      code: 'CERTIFICATE_ERROR',
      detail: 'statement.sigstore.json did not verify [CERTIFICATE_ERROR] (expected 1 SCTs, got 0)'
    })
    const gh = await runInProcess(['verify', jobDir, ...policy(), '--profile', 'github', '--json'])
    expect(gh.code, gh.stdout).toBe(0)
    const v = onlyVerdict(gh.stdout)
    expect(v).toMatchObject({ ok: true, jobId })
    expect(v.checks.find((c: { name: string }) => c.name === 'transparency-entry')).toEqual({
      name: 'transparency-entry',
      status: 'pass',
      detail: 'no Rekor entry (timestamp only), none bound'
    })
  })

  it('a binding signed to claim a Rekor entry the statement does not have fails transparency-entry', async () => {
    const forged = join(work, 'forged-entry')
    cpSync(jobDir, forged, { recursive: true })
    const doc = parseBinding(readFileSync(join(jobDir, PROOF_FILES.binding)))
    const uuid = 'ab'.repeat(32)
    doc.provenance.transparency_entry = { log: 'rekor', uuid, log_index: 7 }
    writeFileSync(join(forged, PROOF_FILES.binding), bindingBytes(doc))
    const signing = signingFromOptions({ sandbox: sb.dir }).signing
    const signed = await signStatement(bindingStatementPayload(doc), await planSigning(signing, {}))
    writeFileSync(join(forged, PROOF_FILES.bindingBundle), `${JSON.stringify(signed.bundle)}\n`)
    const [v] = await verifyProofBundles([forged], {
      policy: { identity: sb.config.identity, issuer: sb.config.issuer },
      trustedRoot: readFileSync(sb.config.trustedRoot, 'utf8'),
      profile: GITHUB_PROFILE,
      workers: 0
    })
    expect(v?.ok).toBe(false)
    expect(v?.checks.find(c => c.name === 'binding-signature')?.status).toBe('pass')
    expect(v?.checks.find(c => c.name === 'transparency-entry')).toMatchObject({
      status: 'fail',
      finding: 'tlog-entry-mismatch',
      mismatches: [{ field: 'transparency_entry', expected: null, actual: uuid }]
    })
  })

  it('custom thresholds that demand a log entry refuse it; ones that do not accept it', async () => {
    const custom = (t: string) =>
      runInProcess(['verify', jobDir, ...policy(), '--profile', 'custom', '--thresholds', t])
    expect((await custom('tlog=1,ctlog=0,timestamp=1')).code).toBe(1)
    expect((await custom('tlog=0,ctlog=0,timestamp=1')).code).toBe(0)
    expect((await custom('tlog=0,ctlog=0,timestamp=2')).code).toBe(1)
  })

  it('fetch needs the github profile too, then writes a bundle that verify accepts', async () => {
    const args = (out: string, extra: string[]) => [
      'fetch',
      '--job',
      jobId,
      '--from',
      join(work, 'store'),
      '--sandbox',
      sb.dir,
      ...policy(),
      ...extra,
      '--out',
      out,
      '--json'
    ]
    const refused = await runInProcess(args(join(work, 'refused'), []))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(
      /PROOF_MISMATCH.*failed statement-signature, binding-signature \(statement\.sigstore\.json did not verify \[CERTIFICATE_ERROR\] \(expected 1 SCTs, got 0\)\)/
    )
    const out = join(work, 'fetched')
    const f = await runInProcess(args(out, ['--profile', 'github']))
    expect(f.code, f.stderr).toBe(0)
    expect(JSON.parse(f.stdout)).toMatchObject({ source: 'local', location: jobDir, rejected: [] })
    const v = await runInProcess(['verify', out, ...policy(), '--profile', 'github'])
    expect(v.code, v.stdout).toBe(0)
  })

  it('reports a binding without a log entry as such in the facts and the HTML report', async () => {
    const [v] = await verifyProofBundles([jobDir], {
      policy: { identity: sb.config.identity, issuer: sb.config.issuer },
      trustedRoot: readFileSync(sb.config.trustedRoot, 'utf8'),
      profile: GITHUB_PROFILE,
      workers: 0
    })
    expect(v?.facts.rekor).toBeNull()
    expect(v?.facts.bindingRekor).toBeNull()
    const html = renderHtmlReport([v!])
    for (const whose of ['Statement', 'Binding'])
      expect(html).toContain(
        `<th scope="row">${whose} Rekor entry</th><td class="value">none: signed with a timestamp only</td>`
      )
  })

  it('the action’s verify mode takes the profile from its sigstore input', async () => {
    const outputs: [string, string][] = []
    const report = {
      output: (n: string, v: string) => outputs.push([n, v]),
      info: () => undefined,
      summary: () => Promise.resolve()
    } as unknown as Reporter
    const gh = {} as GitHubEdges
    const inputs = (sigstore: string) =>
      ({
        bundle: [jobDir],
        workspace: work,
        outDir: join(work, `action-${sigstore}`),
        sandbox: sb.dir,
        sigstore,
        checkRun: false
      }) as unknown as ActionInputs
    await runVerify(inputs('github'), report, gh, proofVerifier, {})
    expect(outputs.filter(([n]) => n === 'verified')).toEqual([['verified', 'true']])
    await expect(runVerify(inputs('public-good'), report, gh, proofVerifier, {})).rejects.toThrow(
      /not verified: .*statement-signature/
    )
    expect(outputs.filter(([n]) => n === 'verified').at(-1)).toEqual(['verified', 'false'])
  })
})
