import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runResults } from '../../src/action/modes/results.js'
import { runSubmit } from '../../src/action/modes/runtime.js'
import { sha256Digest } from '../../src/proof/binding-document.js'
import { RESULTS_FILES } from '../../src/proof/layout.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { verifyProofBundles } from '../../src/verify/index.js'
import { actionInputs, recordingEdges, recordingReporter } from '../helpers/action-in-process.js'
import { gitWorkspace, tmpDir } from '../helpers/in-process-submit.js'

let sb: SandboxHandle
beforeAll(async () => {
  sb = await startSandbox({ dir: tmpDir('qprov-ar-sb-'), runtime: { jobsPerMinute: 10_000 } })
}, 60_000)
afterAll(() => sb?.close())

const verify = async (bundle: string) => {
  const [v] = await verifyProofBundles([bundle], {
    trustedRoot: readFileSync(sb.config.trustedRoot, 'utf8'),
    policy: { identity: sb.config.identity, issuer: sb.config.issuer },
    workers: 0,
    requireResults: true
  })
  return v!
}

describe('action results', () => {
  it('submit with wait-for-results publishes the bundle with its results layer', async () => {
    const ws = gitWorkspace()
    const report = recordingReporter()
    const gh = recordingEdges()
    await runSubmit(
      actionInputs(ws, {
        mode: 'submit',
        sandbox: sb.dir,
        workload: ['examples/bell'],
        waitForResults: true,
        resultsTimeout: 60
      }),
      report,
      gh,
      {}
    )
    const out = report.outputs['bundle-path'] as string
    const results = readFileSync(join(out, RESULTS_FILES.results))
    expect(report.outputs['results-digest']).toBe(sha256Digest(results))
    expect(report.lines.some(l => /: Completed \(/.test(l))).toBe(true)
    const uploaded = gh.published.artifacts[0]!.files
    for (const n of Object.values(RESULTS_FILES)) expect(uploaded[n]).toBeDefined()
    expect((await verify(out)).ok).toBe(true)
  }, 60_000)

  it('mode results completes a bundle from an earlier submit step and publishes it', async () => {
    const ws = gitWorkspace()
    const first = recordingReporter()
    await runSubmit(
      actionInputs(ws, { mode: 'submit', sandbox: sb.dir, workload: ['examples/bell'] }),
      first,
      recordingEdges(),
      {}
    )
    const jobId = first.outputs['job-id'] as string
    const bundle = first.outputs['bundle-path'] as string
    expect((await verify(bundle)).ok).toBe(false)
    sb.runtime.job(jobId)!.forced = 'Completed'
    const report = recordingReporter()
    const gh = recordingEdges()
    await runResults(
      actionInputs(ws, { mode: 'results', sandbox: sb.dir, jobId, bundle: [bundle] }),
      report,
      gh,
      {}
    )
    expect(report.outputs['results-statement-digest']).toBe(
      sha256Digest(readFileSync(join(bundle, RESULTS_FILES.statement)))
    )
    expect(Object.keys(gh.published.artifacts[0]!.files)).toContain(RESULTS_FILES.bundle)
    expect(gh.published.artifacts[0]!.files[RESULTS_FILES.results]).toBeDefined()
    expect(report.summaries[0]?.title).toBe('qprov results')
    expect((await verify(bundle)).ok).toBe(true)
  }, 60_000)

  it('mode results fails naming IBM reason when the job failed', async () => {
    const ws = gitWorkspace()
    const first = recordingReporter()
    await runSubmit(
      actionInputs(ws, { mode: 'submit', sandbox: sb.dir, workload: ['examples/bell'] }),
      first,
      recordingEdges(),
      {}
    )
    const jobId = first.outputs['job-id'] as string
    sb.runtime.job(jobId)!.forced = 'Cancelled'
    await expect(
      runResults(
        actionInputs(ws, {
          mode: 'results',
          sandbox: sb.dir,
          jobId,
          bundle: [first.outputs['bundle-path'] as string]
        }),
        recordingReporter(),
        recordingEdges(),
        {}
      )
    ).rejects.toMatchObject({ code: 'RUNTIME_JOB_NOT_COMPLETED' })
  }, 60_000)

  it('mode results requires job-id', async () => {
    await expect(
      runResults(
        actionInputs(tmpDir(), { mode: 'results', sandbox: sb.dir }),
        recordingReporter(),
        recordingEdges(),
        {}
      )
    ).rejects.toMatchObject({ code: 'USAGE' })
  })
})
