import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMain } from '../../src/action/main.js'
import { fetchProof } from '../../src/binding/fetch-proof.js'
import { LocalDirectorySource } from '../../src/binding/proof-sources.js'
import { main } from '../../src/cli/main.js'
import { escapeText } from '../../src/github/summary.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { PUBLIC_GOOD_PROFILE } from '../../src/sigstore/profiles.js'
import { createRuntimeClient } from '../../src/runtime/client.js'
import { resolveConnection } from '../../src/runtime/connection.js'
import { clearSecretsForTest, setSecretMasker } from '../../src/secrets.js'
import { hasUnsafeText } from '../../src/untrusted-text.js'
import { startRuntimeEmulator } from '../../src/sandbox/runtime/emulator.js'
import { connectionSettings } from '../../src/settings/connection.js'
import { tmp } from '../action/action-process.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { captureOutput } from '../helpers/capture.js'
import { makeProofFixture, type ProofFixture } from '../verify/proof-fixture.js'
import { resetSummary } from '../action/action-in-process-run.js'

// Genuine proof bundles, copied under names that try to become workflow commands and table rows:
// a file name is the one untrusted text an attacker fully controls in a pull request.
const F = '\ufffd'
const EVIL = 'x\n::stop-commands::tok\n##[add-mask]y'
const EVIL_CLEAN = `x${F}::stop-commands::tok${F}##[add-mask]y`
const OWN = /^::(add-mask|error|warning|notice|debug|group|endgroup)::/

let fx: ProofFixture
let gh: FakeGitHub
const saved = { ...process.env }

beforeAll(async () => {
  fx = await makeProofFixture()
  gh = await startFakeGitHub()
}, 120_000)
afterAll(async () => {
  process.env = saved
  await gh?.close()
  await fx?.close()
})

function jobIdOf(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, PROOF_FILES.runtimeJob), 'utf8')) as { jobId: string })
    .jobId
}

function expectNoInjectedCommand(stdout: string): void {
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trimStart().startsWith('::')) expect(line).toMatch(OWN)
    if (!OWN.test(line)) expect(line).not.toContain('##[')
  }
}

describe('a hostile bundle path in the action (verify mode, check run on)', () => {
  it('prints one defused log line, keeps the summary table whole and cleans the annotation', async () => {
    const ws = tmp('qprov-inject-ws-')
    const bundle = join(ws, 'proofs', EVIL)
    mkdirSync(join(ws, 'proofs'))
    cpSync(fx.a, bundle, { recursive: true })
    const rec = JSON.parse(readFileSync(join(bundle, PROOF_FILES.runtimeJob), 'utf8'))
    rec.backend = 'ibm_tampered'
    writeFileSync(join(bundle, PROOF_FILES.runtimeJob), JSON.stringify(rec, null, 2))
    const runner = tmp('qprov-inject-runner-')
    const summaryFile = join(runner, 'summary')
    writeFileSync(summaryFile, '')
    writeFileSync(join(runner, 'output'), '')
    process.env = {
      PATH: saved.PATH,
      HOME: runner,
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: join(runner, 'output'),
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_REPOSITORY: gh.repository,
      GITHUB_API_URL: gh.apiURL,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: 'b'.repeat(40),
      INPUT_MODE: 'verify',
      INPUT_BUNDLE: 'proofs',
      INPUT_SANDBOX: fx.sandbox.dir,
      'INPUT_CHECK-RUN': 'true',
      'INPUT_GITHUB-TOKEN': gh.addToken({ checks: 'write' }),
      'INPUT_OUT-DIR': 'report'
    }
    clearSecretsForTest()
    let out
    try {
      out = await captureOutput(() => {
        resetSummary()
        return runMain()
      })
    } finally {
      process.env = { ...saved }
      // runMain installs the action's masker; the CLI runs below must not inherit it.
      setSecretMasker(undefined)
    }
    expectNoInjectedCommand(out.stdout)
    const shown = `${ws}/proofs/x${F}::stop-commands::tok${F}${F}#[add-mask]y`
    expect(out.stdout.split('\n')).toContain(`NOT verified: ${shown} (job ${jobIdOf(fx.a)})`)
    const error = out.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(error).toHaveLength(1)
    expect(error[0]).toMatch(
      new RegExp(`^::error::qprov \\[VERIFY_FAILED\\]: not verified: ${ws}/proofs/x${F}::stop`)
    )

    const summary = readFileSync(summaryFile, 'utf8')
    const cell = escapeText(`${ws}/proofs/${EVIL_CLEAN}`)
    expect(summary).toContain(`#### ❌ not verified: <code>${cell}</code>`)
    expect(summary).not.toMatch(/\n::|\n##\[|\n\| /)

    const run = gh.checkRuns.at(-1)!
    expect(run.annotations.length).toBeGreaterThan(0)
    for (const a of run.annotations as Record<string, unknown>[]) {
      expect(a.path).toBe(`proofs/${EVIL_CLEAN}`)
      expect(String(a.title)).toMatch(/^qprov [a-z-]+$/)
      expect(hasUnsafeText(String(a.message))).toBe(false)
    }
    const report = JSON.parse(readFileSync(join(ws, 'report', 'qprov-verify-report.json'), 'utf8'))
    expect(report.verdicts[0].bundle).toBe(`${ws}/proofs/${EVIL_CLEAN}`)
  })
})

describe('a hostile candidate name in fetch', () => {
  it('reports the location cleaned, and the CLI prints it on one line', async () => {
    const from = tmp('qprov-inject-from-')
    cpSync(fx.a, join(from, EVIL), { recursive: true })
    const conn = resolveConnection(connectionSettings({ sandbox: fx.sandbox.dir }), {})
    const jobId = jobIdOf(fx.a)
    const r = await fetchProof({
      jobId,
      api: createRuntimeClient(conn),
      sources: [new LocalDirectorySource([from])],
      verification: {
        policy: fx.policy,
        trustedRoot: fx.trustedRoot,
        profile: PUBLIC_GOOD_PROFILE
      },
      outDir: join(tmp('qprov-inject-out-'), 'proof')
    })
    expect(r.chosen.found.location).toBe(join(from, EVIL_CLEAN))

    const cli = await captureOutput(() =>
      main([
        'fetch',
        '--job',
        jobId,
        '--from',
        from,
        '--sandbox',
        fx.sandbox.dir,
        '--trusted-root',
        fx.sandbox.config.trustedRoot,
        '--certificate-identity',
        fx.policy.identity,
        '--certificate-oidc-issuer',
        fx.policy.issuer,
        '--out',
        join(tmp('qprov-inject-out-'), 'proof')
      ])
    )
    expect(cli.result).toBe(0)
    expect(cli.stdout.split('\n')[1]).toMatch(
      new RegExp(
        `^found in local: ${from}/x${F}::stop-commands::tok${F}${F}#\\[add-mask\\]y \\(signed [0-9T:.-]+Z\\)$`
      )
    )
    expectNoInjectedCommand(cli.stdout + cli.stderr)
  })
})

describe("a hostile server answer in 'qprov job get'", () => {
  it('prints each tag on its own line: a tag cannot forge the provenance line', async () => {
    const emu = await startRuntimeEmulator({ apiKey: 'emulator-key-123456' })
    try {
      const forged = `x\nprovenance: sha256:${'a'.repeat(64)}`
      const id = emu.createJob({ tags: [forged, '\u001b[2J##[add-mask]k'] })
      process.env.QPROV_TEST_KEY = 'emulator-key-123456'
      const out = await captureOutput(() =>
        main([
          'job',
          'get',
          '--job',
          id,
          '--instance',
          emu.instanceCRN,
          '--runtime-url',
          emu.runtimeURL,
          '--iam-url',
          emu.iamURL,
          '--api-key-env',
          'QPROV_TEST_KEY'
        ])
      )
      expect(out.result).toBe(0)
      const lines = out.stdout.split('\n')
      expect(lines).toContain(`tag: x${F}provenance: sha256:${'a'.repeat(64)}`)
      expect(lines).toContain(`tag: ${F}[2J${F}#[add-mask]k`)
      expect(lines.filter(l => l.startsWith('provenance:'))).toEqual(['provenance: none'])
    } finally {
      delete process.env.QPROV_TEST_KEY
      await emu.close()
    }
  })
})
