/**
 * What `qprov verify` returns for one proof bundle. Every renderer (text table, --json, the HTML
 * report, the action's job summary and check run) renders this one shape; none of them decides.
 */
export const CHECK_NAMES = [
  'statement-signature',
  'binding-signature',
  'signer-identity',
  'statement-content',
  'receipt-integrity',
  'commit-consistency',
  'transparency-entry',
  'binding-consistency',
  'runtime-record',
  'workload-files',
  'ai-policy',
  'online-runtime'
] as const

export type CheckName = (typeof CHECK_NAMES)[number]
export type CheckStatus = 'pass' | 'fail' | 'skip'

export interface CheckResult {
  name: CheckName
  status: CheckStatus
  /** One line, untrusted where it quotes bundle content: renderers escape it. */
  detail: string
}

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
  /** v1: uuid; v2: the shard's log ID and base URL (its indexes count within the shard). */
  rekor?: { logIndex: string; uuid?: string; logId?: string; baseUrl?: string }
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
