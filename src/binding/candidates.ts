import { oneLine } from '../errors.js'
import { PROOF_FILES } from '../proof/layout.js'
import { signedTimeOf } from '../sigstore/signed-time.js'
import type { FilesVerifier } from '../verify/index.js'
import { CHECK_RULES, type BundleVerdict } from '../verify/verdict.js'
import type { FoundProof } from './proof-sources.js'
import type { RejectedCandidate, Rejection, UnpassedCheck } from './rejection.js'

export interface ValidCandidate {
  found: FoundProof
  /** The binding bundle's signed time (sigstore/signed-time.ts): the ranking key. */
  signedAt: Date
  /** Position in the search (sources in order, candidates in each source's order). */
  order: number
  /** Its verdict, for callers that read more than ok (audit's results requirement). */
  verdict?: BundleVerdict
}

export type Judgement =
  | { valid: true; candidate: ValidCandidate; verdict: BundleVerdict }
  | { valid: false; rejected: RejectedCandidate; verdict: BundleVerdict }

/**
 * Verifies one complete candidate as `qprov verify --job ID --online` would (the verifier is
 * built pinned to the job): its verdict must be ok, the live job's tags included, and its signed
 * binding must name jobId. Nothing about the candidate is trusted before that.
 */
export async function judge(
  found: FoundProof,
  order: number,
  jobId: string,
  verifier: FilesVerifier
): Promise<Judgement> {
  const verdict = await verifier.verify({
    path: found.location,
    form: 'directory',
    files: found.files
  })
  const reject = (rejection: Rejection, detail: string): Judgement => ({
    valid: false,
    verdict,
    rejected: { source: found.source, location: found.location, rejection, detail }
  })
  if (!verdict.ok) {
    const unpassed = verdict.checks.flatMap((c): UnpassedCheck[] =>
      c.status === 'fail'
        ? [
            {
              check: c.name,
              status: 'fail',
              finding: c.finding,
              ...(c.code ? { code: c.code } : {})
            }
          ]
        : c.status === 'skip' &&
            !(CHECK_RULES[c.name].optionalWhen as readonly string[]).includes(c.reason) &&
            c.reason !== 'prerequisite-failed'
          ? [{ check: c.name, status: 'skip', reason: c.reason }]
          : []
    )
    const first = verdict.checks.find(c => c.status === 'fail')
    return reject({ kind: 'not-verified', checks: unpassed }, first?.detail ?? 'no check passed')
  }
  if (verdict.jobId !== jobId)
    return reject({ kind: 'other-job', jobId: verdict.jobId }, `it binds job ${verdict.jobId}`)
  let signedAt: Date | undefined
  try {
    signedAt = signedTimeOf(
      JSON.parse((found.files[PROOF_FILES.bindingBundle] as Buffer).toString('utf8'))
    )
  } catch (e) {
    // V8's JSON.parse message would quote the file.
    const why = e instanceof SyntaxError ? 'its binding bundle is not JSON' : oneLine(e)
    return reject({ kind: 'no-signed-time' }, why)
  }
  if (signedAt === undefined)
    return reject({ kind: 'no-signed-time' }, 'its binding bundle carries no signed time')
  return { valid: true, verdict, candidate: { found, signedAt, order, verdict } }
}

/**
 * The documented tie rule (docs/binding-spec.md §11): the latest binding by signed time wins;
 * equal times go to the candidate found first. Returns every valid candidate, the pick first.
 */
export function rankCandidates(valid: ValidCandidate[]): ValidCandidate[] {
  return [...valid].sort((a, b) => b.signedAt.getTime() - a.signedAt.getTime() || a.order - b.order)
}
