import type { VerifyFailureCode } from '../errors.js'
import type { CheckName, FindingKind, SkipReason } from '../verify/verdict.js'

/** One check of a rejected candidate's verdict that did not pass, as typed data. */
export type UnpassedCheck =
  | { check: CheckName; status: 'fail'; finding: FindingKind; code?: VerifyFailureCode }
  | { check: CheckName; status: 'skip'; reason: SkipReason }

/** Why fetch refused a candidate: typed, from the candidate's verdict where there is one. */
export type Rejection =
  /**
   * The verifier did not pass it: the checks that failed (finding kinds), and those skipped for a
   * reason the verdict does not allow, in check order.
   */
  | { kind: 'not-verified'; checks: UnpassedCheck[] }
  /** It verified, but for another job than --job (the runtime-record pin makes this unreachable). */
  | { kind: 'other-job'; jobId: string | null }
  /** It verified, but its binding bundle carries no signed time to rank it by. */
  | { kind: 'no-signed-time' }
  /** Files are missing and no later source held the bytes its binding signs. */
  | { kind: 'incomplete'; missing: string[] }

export interface RejectedCandidate {
  source: string
  location: string
  rejection: Rejection
  /** For people only: the first failing check's detail, or what is missing. */
  detail: string
}

/** One line for people: `failed binding-signature, signer-identity (…detail…)`. */
export function describeRejection(r: RejectedCandidate): string {
  const x = r.rejection
  switch (x.kind) {
    case 'not-verified':
      return `failed ${x.checks.map(c => c.check).join(', ')} (${r.detail})`
    case 'other-job':
      return `it verified for job ${x.jobId}`
    case 'no-signed-time':
      return `no signed time (${r.detail})`
    case 'incomplete':
      return `it lacks ${x.missing.join(', ')}, and no other source held the bytes its binding signs`
  }
}
