import type { VerifyFailureCode } from '../errors.js'

/**
 * What `qprov verify` returns for one proof bundle. Every renderer (text table, --json, the HTML
 * report, the action's job summary and check run) renders this one shape; none of them decides.
 * Decisions read typed data only (status, finding, skip reason); `detail` is a sentence for people,
 * rendered from that data (outcome-text.ts), and nothing ever reads it back.
 */

/** Why a check was skipped. */
export const SKIP_REASONS = [
  /** --workload was not given, so there is nothing to re-hash. */
  'no-workload',
  /** --online was not given. */
  'offline',
  /** A check this one needs did not pass (named in `prerequisite`). */
  'prerequisite-failed',
  /** The bundle has no results layer (`qprov results` was not run for it). */
  'no-results'
] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

/** Why a check failed: one kind per distinct failure, whatever its wording. */
export const FINDING_KINDS = [
  // the container and the run
  'bundle-unreadable',
  'verification-error',
  'worker-lost',
  'file-missing',
  // a Sigstore bundle (cryptographic verification)
  'bundle-not-json',
  'bundle-malformed',
  'bundle-not-canonical',
  'unsigned-field',
  'signature-invalid',
  'untrusted-root',
  'not-dsse',
  // the signer (policy evaluation)
  'signer-policy',
  'signers-differ',
  'certificate-unreadable',
  // the signed statements
  'payload-type',
  'statement-invalid',
  'statement-file-differs',
  'predicate-type',
  'subjects-differ',
  'statement-not-rebuilt',
  'manifest-invalid',
  // the receipt and the commit
  'receipt-invalid',
  'receipt-differs',
  'commit-missing',
  'commit-mismatch',
  // the Rekor entry
  'tlog-entry-invalid',
  'tlog-entry-mismatch',
  // binding.json
  'binding-invalid',
  'binding-differs',
  'digest-mismatch',
  'provenance-mismatch',
  // runtime-job.json
  'record-invalid',
  'job-mismatch',
  'tags-invalid',
  'tags-missing',
  'tag-mismatch',
  'record-mismatch',
  // the workload files
  'workload-mismatch',
  // the workload's closure: what its signed job specs name
  'spec-without-circuits',
  'spec-not-in-workload',
  'spec-digest-differs',
  'circuit-outside-package',
  'circuit-not-in-manifest',
  'circuit-digest-differs',
  // the AI policy
  'ai-attestation-invalid',
  'ai-involved',
  'ai-undeclared',
  // the live job
  'online-unavailable',
  'online-mismatch',
  'online-circuits-unreadable',
  'online-circuit-mismatch',
  // the results layer
  'results-missing',
  'results-statement-differs',
  'results-invalid',
  'results-mismatch',
  'results-digest-mismatch',
  'results-not-completed',
  'online-results-unavailable',
  'online-results-mismatch'
] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

interface CheckRule {
  /** The skip reasons that still allow an ok verdict; any other skip is not a pass. */
  readonly optionalWhen: readonly SkipReason[]
}

/**
 * The checks in verdict order. Adding a check is one entry here; verify-bundle-files.ts then
 * fails to compile until the check has a function.
 */
export const CHECK_RULES = {
  'statement-signature': { optionalWhen: [] },
  'binding-signature': { optionalWhen: [] },
  'signer-identity': { optionalWhen: [] },
  'statement-content': { optionalWhen: [] },
  'receipt-integrity': { optionalWhen: [] },
  'commit-consistency': { optionalWhen: [] },
  'transparency-entry': { optionalWhen: [] },
  'binding-consistency': { optionalWhen: [] },
  'runtime-record': { optionalWhen: [] },
  'workload-files': { optionalWhen: ['no-workload'] },
  'workload-closure': { optionalWhen: ['no-workload'] },
  'ai-policy': { optionalWhen: [] },
  'results-signature': { optionalWhen: ['no-results'] },
  'results-content': { optionalWhen: ['no-results'] },
  'online-runtime': { optionalWhen: ['offline'] },
  'results-online': { optionalWhen: ['offline', 'no-results'] }
} as const satisfies Record<string, CheckRule>

export type CheckName = keyof typeof CHECK_RULES
export const CHECK_NAMES = Object.keys(CHECK_RULES) as readonly CheckName[]
export type CheckStatus = 'pass' | 'fail' | 'skip'

/** One value that differs: which field, what the signed side says, what was found. */
export interface Mismatch {
  field: string
  expected: string | null
  actual: string | null
}

export type FileChangeKind = 'added' | 'removed' | 'changed'
/** A workload file that differs from the signed manifest, by its manifest path. */
export interface FileChange {
  path: string
  change: FileChangeKind
}

export interface PassOutcome {
  status: 'pass'
  detail: string
}

export interface FailOutcome {
  status: 'fail'
  finding: FindingKind
  detail: string
  /** Each value that differs, when the finding compares values. */
  mismatches?: Mismatch[]
  /** Workload files that differ, when the finding is workload-mismatch. */
  changes?: FileChange[]
  /** The Sigstore or qprov code, when a signature did not verify. */
  code?: VerifyFailureCode
}

export interface SkipOutcome {
  status: 'skip'
  reason: SkipReason
  /** For prerequisite-failed: the check that did not pass. */
  prerequisite?: CheckName
  detail: string
}

export type Outcome = PassOutcome | FailOutcome | SkipOutcome
export type CheckResult = Outcome & { name: CheckName }

/** Facts shown to an auditor; present only when read from material that verified. */
export interface VerdictFacts {
  jobId?: string
  sessionId?: string
  backend?: string
  program?: string
  signerIdentity?: string
  signerIssuer?: string
  statementDigest?: string
  packageDigest?: string
  bindingDigest?: string
  receiptId?: string
  commit?: string
  /**
   * v1: uuid; v2: the shard's log ID and base URL (its indexes count within the shard).
   * null: the verified binding names no Rekor entry (signed on an instance without one).
   */
  rekor?: RekorFact | null
  /** The binding's own Rekor entry (the binding statement's signature); null: none logged. */
  bindingRekor?: RekorFact | null
  /** From a results layer whose checks passed: the signed sha256 of results.json, and when. */
  results?: { digest: string; fetchedAt: string; calibration: string }
}

export interface RekorFact {
  logIndex: string
  uuid?: string
  logId?: string
  baseUrl?: string
}

export interface BundleVerdict {
  /** True only if every check passed or was skipped as allowed; never true with a fail. */
  ok: boolean
  /** The path given on the command line (directory or single file). */
  bundle: string
  jobId: string | null
  checks: CheckResult[]
  facts: VerdictFacts
}
