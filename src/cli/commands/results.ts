import { resolve } from 'node:path'
import type { Command } from 'commander'
import { QprovError } from '../../errors.js'
import { addConnectionOptions } from '../connection-options.js'
import { printJson, printOut, progress, progressInPlace } from '../io.js'
import { addSigningOptions, signingFromOptions } from '../signing-options.js'
import { client, loadRuntime, type RuntimeFlags } from './runtime.js'

interface ResultsFlags extends RuntimeFlags {
  job: string
  bundle: string
  wait?: boolean
  timeout?: string
}

/** --timeout SECONDS: how long --wait may take in all (default: no limit). */
export function parseWaitSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > 7 * 24 * 3600)
    throw new QprovError('USAGE', '--timeout must be a whole number of seconds from 1 to 604800')
  return n * 1000
}

async function resultsAction(flags: ResultsFlags): Promise<void> {
  const timeoutMs = parseWaitSeconds(flags.timeout)
  if (timeoutMs !== undefined && !flags.wait)
    throw new QprovError('USAGE', '--timeout applies only with --wait')
  const m = await loadRuntime()
  m.checkJobId(flags.job)
  const [{ witnessResults }, { planSigning }] = await Promise.all([
    import('../../binding/witness-results.js'),
    import('../../attest/sign.js')
  ])
  // Bad signing flags are input errors: found before the first poll, not after the wait.
  const signing = signingFromOptions(flags).signing
  const { api } = client(m, flags)
  const r = await witnessResults({
    api,
    jobId: flags.job,
    bundleDir: flags.bundle,
    wait: flags.wait === true,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    plan: () => planSigning(signing),
    onState: (job, ms) =>
      progressInPlace(
        `job ${job.id}: ${job.statusDetail ?? job.status} (${Math.round(ms / 1000)} s)`,
        ['Completed', 'Failed', 'Cancelled'].includes(job.status)
      ),
    onProgress: progress
  })
  if (flags.json) {
    printJson({
      jobId: r.jobId,
      status: r.predicate.status,
      backend: r.predicate.backend,
      calibration: r.predicate.calibration.last_update_date,
      resultsStatement: r.statementDigest,
      ...(r.rekor ? { rekor: r.rekor } : {}),
      files: r.digests,
      proofBundle: resolve(flags.bundle)
    })
    return
  }
  printOut(`job: ${r.jobId} (${r.predicate.status} on ${r.predicate.backend})`)
  printOut(`results: ${r.predicate.files['results.json']}`)
  printOut(`calibration snapshot: ${r.predicate.calibration.last_update_date}`)
  printOut(`results statement: ${r.statementDigest}`)
  printOut(
    r.rekor
      ? `results rekor log index: ${r.rekor.logIndex}`
      : 'results rekor log index: none (signed timestamp only)'
  )
  printOut(`proof bundle: ${resolve(flags.bundle)}`)
}

/** `qprov results`: the results layer of a proof bundle (docs/binding-spec.md). */
export function registerResultsCommand(program: Command): void {
  const cmd = program
    .command('results')
    .description(
      'Once the bound job is final, fetch its results, metrics and the calibration\n' +
        'snapshot in force when it ran, exactly as IBM serves them (each at most\n' +
        '16 MiB), and sign and log a results statement over their digests, tied to\n' +
        "the bundle's binding. Writes results.json, job-metrics.json,\n" +
        'backend-properties.json, results-statement.json and results.sigstore.json\n' +
        "into the bundle. A Failed or Cancelled job exits 1 with IBM's reason.\n" +
        "The statement witnesses what IBM served; it is not IBM's endorsement."
    )
    .requiredOption('--job <id>', 'Runtime job ID (the one the bundle binds)')
    .requiredOption('--bundle <dir>', 'proof bundle directory of the job')
    .option('--wait', 'poll until the job is final (backoff 1 s doubling to 30 s)')
    .option('--timeout <seconds>', 'with --wait: give up after this many seconds')
    .option('--json', 'print a JSON object instead of text')
  addSigningOptions(cmd)
  addConnectionOptions(cmd).action(resultsAction)
}
