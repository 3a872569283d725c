import type { IdentityPolicy } from '../sigstore/identity-policy.js'
import type { VerifyProfile } from '../sigstore/profiles.js'
import type { SpecBytes } from '../workload/closure.js'

/**
 * What `online-runtime` reads of the live job: a read-only view that the Runtime client satisfies,
 * so the verifier never depends on the client that submits and tags jobs.
 */
export interface LiveJob {
  id: string
  status: string
  backend?: string
  tags: string[]
  /** The job's primitive input as the service holds it, when asked for (`params: true`). */
  params?: unknown
}
export interface JobReader {
  getJob(id: string, opts?: { params?: boolean }): Promise<LiveJob>
  /**
   * The job's results bytes as served now; undefined while it has none (HTTP 204). A reader
   * without it cannot pass `results-online`.
   */
  getResultsBytes?(id: string): Promise<Buffer | undefined>
}

export const AI_POLICIES = ['any', 'declared-only', 'no-ai'] as const
export type AiPolicy = (typeof AI_POLICIES)[number]

/** What `qprov verify` and the action's verify mode pass to verifyProofBundles(). */
export interface VerifyOptions {
  /** trusted_root.json text (one root or JSON lines); default: the embedded public-good root. */
  trustedRoot?: string
  /** Who must have signed both statements: exact identity or anchored regexp, plus exact issuer. */
  policy: IdentityPolicy
  /** What each Sigstore signature must carry (default public-good: tlog, ctlog, timestamp 1). */
  profile?: VerifyProfile
  /**
   * Re-hash these workload paths and require the signed manifest. Paths are relative to `cwd`
   * (default the process's), and so are the manifest paths compared.
   */
  workload?: { paths: string[]; cwd?: string }
  /** The job every bundle must bind (`--job`, action input `job-id`). */
  jobId?: string
  /** Default `any`. */
  aiPolicy?: AiPolicy
  /** Fetch each job live and compare ID, tags and backend (check `online-runtime`). */
  online?: { api: JobReader }
  /** Worker threads for a batch; default the CPU count; 0 or 1 verifies on this thread. */
  workers?: number
  /** A bundle without a results layer fails (`--require-results`) instead of skipping. */
  requireResults?: boolean
}

/** The part of the options a worker thread needs: plain data only. */
export interface CheckOptions {
  trustedRoot?: string
  policy: IdentityPolicy
  profile?: VerifyProfile
  aiPolicy: AiPolicy
  /** Canonical bytes of the re-hashed workload manifest, when --workload was given. */
  workloadManifest?: Uint8Array
  /** The bytes of every qprov.job.json of the re-hashed workload (check `workload-closure`). */
  workloadSpecs?: SpecBytes[]
  /** The job every bundle must bind, when --job was given. */
  jobId?: string
  requireResults?: boolean
}
