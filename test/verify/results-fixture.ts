import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { verifyProofBundles } from '../../src/verify/index.js'
import type { VerifyOptions } from '../../src/verify/options.js'
import type { BundleVerdict } from '../../src/verify/verdict.js'
import { runInProcess } from '../helpers/in-process.js'
import { gitWorkspace, submitInProcess, tmpDir } from '../helpers/in-process-submit.js'

/** A sandbox, and proof bundles of examples/bell submitted there, with or without a results layer. */
export interface ResultsFixture {
  sb: SandboxHandle
  ws: string
  /** Submitted and bound, no results layer. */
  plain: string
  /** The same kind of bundle (another job) completed with `qprov results`. */
  withResults: string
  /** A second job's bundle with its own results layer. */
  other: string
  jobOf(bundle: string): string
  /** A copy of a bundle directory, to tamper with. */
  copy(bundle: string): string
  submit(): Promise<string>
  results(bundle: string, extra?: string[]): ReturnType<typeof runInProcess>
  verify(bundle: string, o?: Partial<VerifyOptions>): Promise<BundleVerdict>
  close(): Promise<void>
}

export async function makeResultsFixture(): Promise<ResultsFixture> {
  const sb = await startSandbox({
    dir: tmpDir('qprov-res-sb-'),
    runtime: { jobsPerMinute: 10_000 }
  })
  const ws = gitWorkspace()
  const trustedRoot = readFileSync(sb.config.trustedRoot, 'utf8')
  const jobOf = (bundle: string) =>
    (
      JSON.parse(readFileSync(join(bundle, 'binding.json'), 'utf8')) as {
        runtime: { job_id: string }
      }
    ).runtime.job_id
  const submit = async () => {
    const out = join(tmpDir(), 'bundle')
    await submitInProcess(sb, ws, ['examples/bell'], out)
    return out
  }
  const results = (bundle: string, extra: string[] = []) => {
    const id = jobOf(bundle)
    // The emulator moves a job one state per poll; finishing it here keeps the test quick.
    const job = sb.runtime.job(id)
    if (job && !job.forced && !extra.includes('--no-force')) job.forced = 'Completed'
    return runInProcess([
      'results',
      '--job',
      id,
      '--bundle',
      bundle,
      '--sandbox',
      sb.dir,
      ...extra.filter(a => a !== '--no-force')
    ])
  }
  const complete = async () => {
    const b = await submit()
    const r = await results(b)
    if (r.code !== 0) throw new Error(`qprov results failed: ${r.stderr}`)
    return b
  }
  const plain = await submit()
  const withResults = await complete()
  const other = await complete()
  return {
    sb,
    ws,
    plain,
    withResults,
    other,
    jobOf,
    copy(bundle) {
      const to = join(tmpDir(), 'copy')
      cpSync(bundle, to, { recursive: true })
      return to
    },
    submit,
    results,
    async verify(bundle, o = {}) {
      const [v] = await verifyProofBundles([bundle], {
        trustedRoot,
        policy: { identity: sb.config.identity, issuer: sb.config.issuer },
        workers: 0,
        ...o
      })
      return v as BundleVerdict
    },
    close: () => sb.close()
  }
}
