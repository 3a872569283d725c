import { oneLine } from '../errors.js'
import { parseTags } from '../proof/tags.js'
import { pubCircuitProblem, pubProblemFacts, type SignedCircuits } from './online-circuits.js'
import type { JobReader } from './options.js'
import { fail, mismatch, notRun, pass } from './outcome.js'
import type { BundleVerdict, CheckResult, Mismatch, Outcome } from './verdict.js'

/**
 * `online-runtime`: the live job (IBM or the emulator) has the bound ID, backend and qprov tags,
 * and runs only signed circuits: each PUB's circuit is, by digest, a file of the signed package
 * (with --workload, the very file the signed job spec names for it). Status, usage and the user's
 * own tags legitimately change later and are not compared. `circuits` is a reason when the signed
 * manifest could not be read.
 */
export async function onlineRuntime(
  api: JobReader,
  v: BundleVerdict,
  circuits: SignedCircuits | string
): Promise<CheckResult> {
  const named = (o: Outcome): CheckResult => ({ name: 'online-runtime', ...o })
  const f = v.facts
  if (f.jobId === undefined || f.statementDigest === undefined)
    return named(notRun('binding-signature'))
  let job
  try {
    job = await api.getJob(f.jobId, { params: true })
  } catch (e) {
    return named(fail('online-unavailable', { subject: `job ${f.jobId}`, note: oneLine(e) }))
  }
  const live = (mismatches: Mismatch[]): CheckResult =>
    named(fail('online-mismatch', { subject: `job ${f.jobId}`, mismatches }))
  if (job.id !== f.jobId) return live([mismatch('live job ID', f.jobId, job.id)])
  if ((job.backend ?? undefined) !== f.backend)
    return live([mismatch('live backend', f.backend, job.backend)])
  let refs
  try {
    refs = parseTags(job.tags).refs
  } catch (e) {
    return named(fail('tags-invalid', { subject: `live job ${job.id}`, note: oneLine(e) }))
  }
  if (refs === undefined) return named(fail('tags-missing', { subject: `live job ${job.id}` }))
  const tags = [
    mismatch('live tag qprov-stmt', f.statementDigest, refs.statementDigest),
    mismatch('live tag qprov-pkg', f.packageDigest, refs.packageDigest),
    mismatch('live tag qprov-rekor-idx', f.rekor?.logIndex, refs.rekorLogIndex),
    refs.rekorUuid === undefined
      ? undefined
      : mismatch('live tag qprov-rekor-uuid', f.rekor?.uuid, refs.rekorUuid),
    mismatch('live tag qprov-rekor-log', f.rekor?.logId, refs.rekorLogId)
  ].filter((m): m is Mismatch => m !== undefined && m.expected !== m.actual)
  if (tags.length > 0) return live(tags)
  if (typeof circuits === 'string')
    return named(fail('online-circuits-unreadable', { subject: `job ${job.id}`, note: circuits }))
  const problem = pubCircuitProblem(job.params, circuits)
  if (problem !== undefined) {
    const { finding, facts } = pubProblemFacts(problem)
    return named(fail(finding, { subject: `job ${job.id}`, ...facts }))
  }
  const runs = circuits.pubs ? 'the circuits the signed job spec names' : 'only signed circuits'
  return named(
    pass(
      `live job ${job.id} on ${job.backend} (${job.status}) carries the bound tags and runs ${runs}`
    )
  )
}
