/**
 * The one error type of qprov. Every failure carries a stable code so callers and tests can tell
 * failures apart, and an exit code the CLI and the action map in one place:
 * 1 = remote or verification failure, 2 = usage or input error.
 */
export type ErrorCode =
  // usage and input (exit 2)
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_SYMLINK'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_NOT_JSON'
  | 'INPUT_INVALID'
  | 'BAD_REF'
  | 'GIT_ERROR'
  | 'WORKLOAD_INVALID'
  | 'JOB_SPEC_INVALID'
  | 'TARGET_MISMATCH'
  | 'BACKEND_UNKNOWN'
  | 'TAGS_INVALID'
  | 'TRUSTED_ROOT_INVALID'
  | 'POLICY_INVALID'
  | 'CONFIG_INVALID'
  | 'MODE_NOT_IMPLEMENTED'
  | 'OUTPUT_UNUSABLE'
  | 'ATTESTATION_MISMATCH'
  | 'URL_CREDENTIALS'
  // receipts
  | 'RECEIPT_CANONICAL'
  | 'RECEIPT_INVALID'
  // signing and verification
  | 'OIDC_UNAVAILABLE'
  | 'SIGNING_FAILED'
  | 'BUNDLE_INVALID'
  | 'VERIFY_FAILED'
  | 'STATEMENT_INVALID'
  // binding and proof bundles
  | 'BINDING_INVALID'
  | 'PROOF_BUNDLE_INVALID'
  | 'PROOF_NOT_FOUND'
  | 'PROOF_MISMATCH'
  // IBM Quantum Runtime
  | 'RUNTIME_AUTH'
  | 'RUNTIME_HTTP'
  | 'RUNTIME_RATE_LIMITED'
  | 'RUNTIME_TIMEOUT'
  | 'RUNTIME_NETWORK'
  | 'RUNTIME_BAD_RESPONSE'
  | 'RUNTIME_TAGS_REJECTED'
  // GitHub
  | 'GITHUB_API'
  | 'PUBLISH_FAILED'
  | 'RELEASE_IMMUTABLE'
  | 'INTERNAL'

export type ExitCode = 1 | 2

const INPUT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'USAGE',
  'INPUT_NOT_FOUND',
  'INPUT_SYMLINK',
  'INPUT_TOO_LARGE',
  'INPUT_NOT_JSON',
  'INPUT_INVALID',
  'BAD_REF',
  'WORKLOAD_INVALID',
  'JOB_SPEC_INVALID',
  'TARGET_MISMATCH',
  'BACKEND_UNKNOWN',
  'TAGS_INVALID',
  'TRUSTED_ROOT_INVALID',
  'POLICY_INVALID',
  'CONFIG_INVALID',
  'MODE_NOT_IMPLEMENTED',
  'OIDC_UNAVAILABLE',
  'PROOF_BUNDLE_INVALID',
  'OUTPUT_UNUSABLE',
  'ATTESTATION_MISMATCH',
  'URL_CREDENTIALS'
])

export interface QprovErrorOptions {
  exitCode?: ExitCode
  cause?: unknown
  /** Extra machine-readable facts (e.g. a job ID that exists although a later step failed). */
  details?: Record<string, unknown>
}

export class QprovError extends Error {
  readonly code: ErrorCode
  readonly exitCode: ExitCode
  readonly details: Record<string, unknown>

  constructor(code: ErrorCode, message: string, options: QprovErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'QprovError'
    this.code = code
    this.exitCode = options.exitCode ?? (INPUT_CODES.has(code) ? 2 : 1)
    this.details = options.details ?? {}
  }
}

export function isQprovError(e: unknown): e is QprovError {
  return e instanceof QprovError
}

/** Any thrown value as one line: multi-line messages would break log parsers and annotations. */
export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e)
  return msg.replace(/\s*\n\s*/g, ' ').trim()
}
