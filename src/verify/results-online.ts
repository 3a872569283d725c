import { oneLine } from '../errors.js'
import { sha256Digest } from '../proof/binding-document.js'
import type { JobReader } from './options.js'
import { fail, mismatch, notRun, pass } from './outcome.js'
import type { BundleVerdict, CheckResult, Outcome } from './verdict.js'

/**
 * `results-online`: the bytes IBM serves for the job now have the sha256 the results statement
 * signed, so results changed (or withdrawn) after they were witnessed are detected. Runs only on
 * a results layer whose offline checks passed; without a layer it keeps the offline outcome.
 */
export async function onlineResults(api: JobReader, v: BundleVerdict): Promise<CheckResult> {
  const named = (o: Outcome): CheckResult => ({ name: 'results-online', ...o })
  const content = v.checks.find(c => c.name === 'results-content')
  const offline = v.checks.find(c => c.name === 'results-online')
  if (
    content?.status === 'skip' ||
    (content?.status === 'fail' && content.finding === 'results-missing')
  )
    return offline ?? named(notRun('results-content'))
  const signed = v.facts.results
  if (content?.status !== 'pass' || signed === undefined || v.facts.jobId === undefined)
    return named(notRun('results-content'))
  const subject = `job ${v.facts.jobId}`
  if (api.getResultsBytes === undefined)
    return named(
      fail('online-results-unavailable', { subject, note: 'this reader cannot read results' })
    )
  let live: Buffer | undefined
  try {
    live = await api.getResultsBytes(v.facts.jobId)
  } catch (e) {
    return named(fail('online-results-unavailable', { subject, note: oneLine(e) }))
  }
  const actual = live === undefined ? null : sha256Digest(live)
  if (actual !== signed.digest)
    return named(
      fail('online-results-mismatch', {
        subject,
        mismatches: [mismatch('live results.json sha256', signed.digest, actual)]
      })
    )
  return named(pass(`IBM still serves the results of ${subject} signed at ${signed.fetchedAt}`))
}
