import { writeFilesAtomically } from '../atomic-file.js'
import { QprovError } from '../errors.js'
import { cleanDeep } from '../untrusted-text.js'
import type { RuntimeApi, RuntimeJob } from '../runtime/client.js'
import { checkJobId } from '../runtime/input-checks.js'
import { parseBinding } from '../proof/binding-document.js'
import { parseTags } from '../proof/tags.js'
import { PROOF_FILES } from '../proof/layout.js'
import { PROOF_FILE_NAMES, REQUIRED_PROOF_FILE_NAMES } from '../proof/proof-bundle.js'
import type { IdentityPolicy } from '../sigstore/identity-policy.js'
import type { VerifyProfile } from '../sigstore/profiles.js'
import { filesVerifier, type JobReader } from '../verify/index.js'
import { judge, rankCandidates, type ValidCandidate } from './candidates.js'
import { describeRejection, type RejectedCandidate } from './rejection.js'
import {
  completeFrom,
  type SkippedCandidate,
  type FoundProof,
  type ProofQuery,
  type ProofSource
} from './proof-sources.js'

/** What every candidate is verified under: the same policy `qprov verify` takes. */
export interface FetchPolicy {
  policy: IdentityPolicy
  /** trusted_root.json text; default the embedded public-good root. */
  trustedRoot?: string
  profile: VerifyProfile
}

export interface FetchProofOptions {
  jobId: string
  api: RuntimeApi
  /** Searched in this order; every candidate of every source is verified. */
  sources: ProofSource[]
  verification: FetchPolicy
  outDir: string
  onProgress?: (message: string) => void
}

export interface FetchedProof {
  query: ProofQuery
  /** The candidate written: the first of `valid`. */
  chosen: ValidCandidate
  /** Every candidate that verified, the pick first (candidates.ts: rankCandidates). */
  valid: ValidCandidate[]
  /** Candidates that did not verify or could not be completed, in search order. */
  rejected: RejectedCandidate[]
  /** Candidates sources passed over before verification (other signers, predicate types). */
  skipped: SkippedCandidate[]
  files: Record<string, string>
}

const isComplete = (f: FoundProof) => REQUIRED_PROOF_FILE_NAMES.every(n => f.files[n] !== undefined)

/** The live job as read once at the start: each candidate's tags are compared with it. */
function liveJob(job: RuntimeJob, api: FetchProofOptions['api']): JobReader {
  return {
    getResultsBytes: id => api.getResultsBytes(id),
    getJob: id => {
      if (id !== job.id)
        return Promise.reject(
          new QprovError('PROOF_MISMATCH', `fetch read job ${job.id}, not ${id}`)
        )
      return Promise.resolve(job)
    }
  }
}

/** What a search of every source found for one job, each candidate verified. */
export interface ProofSearch {
  job: RuntimeJob
  query: ProofQuery
  /** Every candidate that verified, the pick first (candidates.ts: rankCandidates). */
  valid: ValidCandidate[]
  rejected: RejectedCandidate[]
  skipped: SkippedCandidate[]
}

/**
 * The job's tags (parsed strictly) say which evidence to look for. Every candidate of every
 * source is verified under the given policy, pinned to the job and compared with its live tags;
 * a rejected candidate is kept with the checks it failed, and the search goes on. Writes nothing:
 * `fetch` writes the pick, `audit` classifies the job.
 */
export async function searchProof(opts: Omit<FetchProofOptions, 'outDir'>): Promise<ProofSearch> {
  checkJobId(opts.jobId)
  // With its params: online-runtime compares each candidate's signed circuits with the job's.
  const job = await opts.api.getJob(opts.jobId, { params: true })
  const refs = parseTags(job.tags).refs
  if (refs === undefined)
    throw new QprovError('PROOF_NOT_FOUND', `job ${job.id} carries no qprov tags; nothing binds it`)
  const query: ProofQuery = { jobId: job.id, ...refs }
  opts.onProgress?.(`job ${job.id} is tagged with statement ${refs.statementDigest}`)
  const verifier = filesVerifier({
    ...opts.verification,
    jobId: query.jobId,
    aiPolicy: 'any',
    online: { api: liveJob(job, opts.api) }
  })
  const valid: ValidCandidate[] = []
  const rejected: RejectedCandidate[] = []
  const skipped: SkippedCandidate[] = []
  // Candidates that lack files (the attestation store holds only the signed parts), waiting
  // for a later source to hold exactly the bytes their binding signs.
  let partials: { found: FoundProof; order: number }[] = []
  let order = 0
  const verify = async (found: FoundProof, at: number) => {
    opts.onProgress?.(`verifying ${found.location}`)
    const j = await judge(found, at, query.jobId, verifier)
    // Rejections are reported once, in the result or the error, not as progress.
    if (j.valid) valid.push(j.candidate)
    else rejected.push(j.rejected)
  }
  for (const source of opts.sources) {
    opts.onProgress?.(`searching ${source.name}`)
    const candidates = await source.find(query)
    skipped.push(...(source.skipped ?? []))
    for (const found of candidates) {
      const at = order++
      for (const p of partials) completeFrom(p.found, found)
      const done = partials.filter(p => isComplete(p.found))
      partials = partials.filter(p => !isComplete(p.found))
      for (const p of done) await verify(p.found, p.order)
      if (isComplete(found)) await verify(found, at)
      else partials.push({ found, order: at })
    }
  }
  for (const { found } of partials)
    rejected.push({
      source: found.source,
      location: found.location,
      rejection: {
        kind: 'incomplete',
        missing: REQUIRED_PROOF_FILE_NAMES.filter(n => found.files[n] === undefined)
      },
      detail: 'missing files'
    })
  return { job, query, valid: rankCandidates(valid), rejected, skipped }
}

/**
 * `qprov fetch --job`: searchProof, then the candidate whose binding was signed last is written.
 */
export async function fetchProof(opts: FetchProofOptions): Promise<FetchedProof> {
  const { job, query, valid: ranked, rejected, skipped } = await searchProof(opts)
  const chosen = ranked[0]
  if (chosen === undefined)
    throw nothingVerified(job.id, query.statementDigest, opts, rejected, skipped)
  // The pin, checked on the very bytes about to be written.
  const bytes = chosen.found.files
  if (parseBinding(bytes[PROOF_FILES.binding] as Buffer).runtime.job_id !== query.jobId)
    throw new QprovError(
      'PROOF_MISMATCH',
      `refusing to write a binding for another job than ${query.jobId}`
    )
  const files = await writeFilesAtomically(
    opts.outDir,
    // The results layer comes along when the chosen candidate has one (it was verified with it).
    PROOF_FILE_NAMES.filter(n => bytes[n] !== undefined).map(n => [n, bytes[n] as Buffer])
  )
  // Locations and reasons quote candidates, asset names and server answers: cleaned once.
  return cleanDeep({ query, chosen, valid: ranked, rejected, skipped, files })
}

function nothingVerified(
  jobId: string,
  statementDigest: string,
  opts: FetchProofOptions,
  rejected: RejectedCandidate[],
  skipped: SkippedCandidate[]
): QprovError {
  if (rejected.length > 0)
    return new QprovError(
      'PROOF_MISMATCH',
      `refusing to write a proof bundle for job ${jobId}: no candidate verified: ${rejected
        .map(r => `${r.location}: ${describeRejection(r)}`)
        .join('; ')}`,
      { details: { jobId, rejected, skipped } }
    )
  return new QprovError(
    'PROOF_NOT_FOUND',
    `no proof bundle for job ${jobId} (statement ${statementDigest}) in ${opts.sources
      .map(s => s.name)
      .join(', ')}`,
    { details: { jobId } }
  )
}
