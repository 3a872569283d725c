import { witnessResults, type WitnessedResults } from '../../binding/witness-results.js'
import { planSigning } from '../../attest/sign.js'
import type { RuntimeTarget } from '../../binding/runtime-target.js'
import type { ActionInputs } from '../inputs.js'
import type { Reporter } from '../reporter.js'
import { actionSigning } from './attest.js'

/** What a results step adds to its summary, and the digests of the files it wrote. */
export interface ActionWitness {
  result: WitnessedResults
  digests: Record<string, string>
  rows: [string, string][]
}

/**
 * Waits for the bound job (results-timeout), then writes and signs the results layer into the
 * bundle directory; one log line per state change, and IBM's reason when the job did not complete.
 */
export async function witnessForAction(
  inputs: ActionInputs,
  report: Reporter,
  target: () => RuntimeTarget,
  jobId: string,
  bundleDir: string,
  env: NodeJS.ProcessEnv
): Promise<ActionWitness> {
  const signing = actionSigning(inputs, env)
  const result = await witnessResults({
    api: target().api,
    jobId,
    bundleDir,
    wait: true,
    ...(inputs.resultsTimeout !== undefined ? { timeoutMs: inputs.resultsTimeout * 1000 } : {}),
    plan: () => planSigning(signing, env),
    onState: (job, ms) =>
      report.info(`job ${job.id}: ${job.statusDetail ?? job.status} (${Math.round(ms / 1000)} s)`),
    onProgress: m => report.info(m)
  })
  report.output('results-digest', result.predicate.files['results.json'])
  report.output('results-statement-digest', result.statementDigest)
  return {
    result,
    digests: result.digests,
    rows: [
      ['results', `${result.predicate.status}: ${result.predicate.files['results.json']}`],
      ['calibration snapshot', result.predicate.calibration.last_update_date],
      ['results statement', result.statementDigest]
    ]
  }
}
