import { oneLine } from '../errors.js'
import { parseTags } from '../proof/tags.js'
import { describePubProblem, pubCircuitProblem, type SignedCircuits } from './online-circuits.js'
import type { JobReader } from './options.js'
import type { BundleVerdict, CheckResult } from './verdict.js'

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
  const result = (status: CheckResult['status'], detail: string): CheckResult => ({
    name: 'online-runtime',
    status,
    detail
  })
  const f = v.facts
  if (f.jobId === undefined || f.statementDigest === undefined)
    return result('fail', 'not run: the binding did not verify, so there is no job to look up')
  let job
  try {
    job = await api.getJob(f.jobId, { params: true })
  } catch (e) {
    return result('fail', `cannot read job ${f.jobId}: ${oneLine(e)}`)
  }
  if (job.id !== f.jobId) return result('fail', `the service answered with job ${job.id}`)
  if ((job.backend ?? undefined) !== f.backend)
    return result('fail', `live backend ${job.backend}, bound ${f.backend}`)
  let refs
  try {
    refs = parseTags(job.tags).refs
  } catch (e) {
    return result('fail', `live tags: ${oneLine(e)}`)
  }
  if (refs === undefined) return result('fail', `job ${job.id} carries no qprov tags now`)
  if (refs.statementDigest !== f.statementDigest)
    return result('fail', `live qprov-stmt is ${refs.statementDigest}`)
  if (refs.packageDigest !== f.packageDigest)
    return result('fail', `live qprov-pkg is ${refs.packageDigest}`)
  if (refs.rekorLogIndex !== f.rekor?.logIndex)
    return result('fail', `live qprov-rekor-idx is ${refs.rekorLogIndex}`)
  if (refs.rekorUuid !== undefined && refs.rekorUuid !== f.rekor?.uuid)
    return result('fail', `live qprov-rekor-uuid is ${refs.rekorUuid}`)
  if (typeof circuits === 'string') return result('fail', circuits)
  const problem = pubCircuitProblem(job.params, circuits)
  if (problem !== undefined) return result('fail', describePubProblem(problem))
  return result(
    'pass',
    `live job ${job.id} on ${job.backend} (${job.status}) carries the bound tags and runs ${circuits.pubs ? 'the circuits the signed job spec names' : 'only signed circuits'}`
  )
}
