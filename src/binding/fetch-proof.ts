import { writeFilesAtomically } from '../atomic-file.js'
import { QprovError } from '../errors.js'
import { cleanDeep } from '../untrusted-text.js'
import type { RuntimeApi } from '../runtime/client.js'
import { checkJobId } from '../runtime/input-checks.js'
import { parseTags } from '../proof/tags.js'
import { PROOF_FILES } from '../proof/layout.js'
import { PROOF_FILE_NAMES } from '../proof/proof-bundle.js'
import {
  completeFrom,
  disagreement,
  type SkippedCandidate,
  type FoundProof,
  type ProofQuery,
  type ProofSource
} from './proof-sources.js'

export interface FetchProofOptions {
  jobId: string
  api: RuntimeApi
  /** Searched in this order; the first candidate that agrees with the job's tags wins. */
  sources: ProofSource[]
  outDir: string
  onProgress?: (message: string) => void
}

export interface FetchedProof {
  query: ProofQuery
  found: FoundProof
  /** Candidates that named this job but disagreed with its tags, and why. */
  rejected: { location: string; reason: string }[]
  /** Candidates sources passed over before the tag check (other signers, predicate types). */
  skipped: SkippedCandidate[]
  files: Record<string, string>
}

/**
 * `qprov fetch --job`: the job's tags (parsed strictly) say which evidence to look for; the
 * sources are searched in order, a candidate is taken only if its binding agrees with every tag,
 * and it is written as a proof bundle directory for `qprov verify` (which trusts none of this).
 */
export async function fetchProof(opts: FetchProofOptions): Promise<FetchedProof> {
  checkJobId(opts.jobId)
  const job = await opts.api.getJob(opts.jobId)
  const refs = parseTags(job.tags).refs
  if (refs === undefined)
    throw new QprovError('PROOF_NOT_FOUND', `job ${job.id} carries no qprov tags; nothing binds it`)
  const query: ProofQuery = { jobId: job.id, ...refs }
  opts.onProgress?.(`job ${job.id} is tagged with statement ${refs.statementDigest}`)
  const rejected: FetchedProof['rejected'] = []
  const skipped: SkippedCandidate[] = []
  // Candidates that agree with the tags but lack files (the attestation store holds only the
  // signed parts): a later candidate may complete them with exactly the bytes their binding signs.
  const partials: FoundProof[] = []
  const complete = (f: FoundProof) => PROOF_FILE_NAMES.every(n => f.files[n] !== undefined)
  for (const source of opts.sources) {
    opts.onProgress?.(`searching ${source.name}`)
    const candidates = await source.find(query)
    skipped.push(...(source.skipped ?? []))
    for (const found of candidates) {
      const why = disagreement(found.files, query)
      if (why !== undefined) {
        rejected.push({ location: found.location, reason: why })
        continue
      }
      for (const p of partials) completeFrom(p, found)
      const chosen = partials.find(complete) ?? (complete(found) ? found : undefined)
      if (chosen === undefined) {
        partials.push(found)
        continue
      }
      const files = await writeFilesAtomically(
        opts.outDir,
        PROOF_FILE_NAMES.map(n => [n, chosen.files[n] as Buffer])
      )
      // Locations and reasons quote candidates, asset names and server answers: cleaned once.
      return cleanDeep({ query, found: chosen, rejected, skipped, files })
    }
  }
  for (const p of partials) {
    const missing = PROOF_FILE_NAMES.filter(n => p.files[n] === undefined)
    rejected.push({
      location: p.location,
      reason: `it lacks ${missing.join(', ')}, and no other source held the bytes its binding signs`
    })
  }
  if (rejected.length > 0)
    throw new QprovError(
      'PROOF_MISMATCH',
      `refusing to write a proof bundle for job ${job.id}: ${rejected
        .map(r => `${r.location}: ${r.reason}`)
        .join('; ')}`,
      { details: { jobId: job.id, rejected, skipped } }
    )
  throw new QprovError(
    'PROOF_NOT_FOUND',
    `no proof bundle for job ${job.id} (statement ${refs.statementDigest}) in ${opts.sources
      .map(s => s.name)
      .join(', ')}`,
    { details: { jobId: job.id } }
  )
}

export { PROOF_FILES }
