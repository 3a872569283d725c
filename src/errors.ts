/**
 * The one error type of qprov. Every failure carries a stable code so callers and tests can tell
 * failures apart. The exit code follows from the code alone (no call site chooses it), and the
 * CLI and the action map it in one place: 1 = remote, output or verification failure,
 * 2 = usage or input error.
 */
import { cleanText } from './untrusted-text.js'

export type ErrorCode =
  // usage and input (exit 2)
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_SYMLINK'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_NOT_JSON'
  | 'INPUT_INVALID'
  | 'BAD_REF'
  | 'NOT_A_GIT_REPO'
  | 'GIT_ERROR'
  | 'WORKLOAD_INVALID'
  | 'JOB_SPEC_INVALID'
  | 'TARGET_MISMATCH'
  | 'BACKEND_UNKNOWN'
  | 'TAGS_INVALID'
  | 'TRUSTED_ROOT_INVALID'
  | 'POLICY_INVALID'
  | 'CONFIG_INVALID'
  | 'OUTPUT_UNUSABLE'
  | 'ATTESTATION_MISMATCH'
  | 'URL_CREDENTIALS'
  // writing results
  | 'OUTPUT_WRITE_FAILED'
  // receipts
  | 'RECEIPT_CANONICAL'
  | 'RECEIPT_INVALID'
  // signing and verification
  | 'OIDC_UNAVAILABLE'
  | 'OIDC_REQUEST_FAILED'
  | 'SIGNING_FAILED'
  | 'BUNDLE_INVALID'
  | 'VERIFY_FAILED'
  | 'ARTIFACT_MISMATCH'
  | 'SUBJECT_MISMATCH'
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
  'NOT_A_GIT_REPO',
  'WORKLOAD_INVALID',
  'JOB_SPEC_INVALID',
  'TARGET_MISMATCH',
  'BACKEND_UNKNOWN',
  'TAGS_INVALID',
  'TRUSTED_ROOT_INVALID',
  'POLICY_INVALID',
  'CONFIG_INVALID',
  'OIDC_UNAVAILABLE',
  'PROOF_BUNDLE_INVALID',
  'OUTPUT_UNUSABLE',
  'ATTESTATION_MISMATCH',
  'URL_CREDENTIALS'
])

/** The exit code of an error code: the one place it is decided. */
export function exitCodeOf(code: ErrorCode): ExitCode {
  return INPUT_CODES.has(code) ? 2 : 1
}

/**
 * The failure codes of @sigstore/verify (VerificationError, PolicyError). The verifier reports
 * them as they are, so a caller can tell a bad inclusion proof from a bad certificate. Any other
 * code (e.g. the library's code for a bundle feature it does not support) is VERIFY_FAILED.
 */
export const SIGSTORE_VERIFY_CODES = [
  'TLOG_ERROR',
  'TLOG_INCLUSION_PROOF_ERROR',
  'TLOG_INCLUSION_PROMISE_ERROR',
  'TLOG_MISSING_INCLUSION_ERROR',
  'TLOG_BODY_ERROR',
  'CERTIFICATE_ERROR',
  'PUBLIC_KEY_ERROR',
  'SIGNATURE_ERROR',
  'TIMESTAMP_ERROR',
  'UNTRUSTED_SIGNER_ERROR'
] as const
export type SigstoreVerifyCode = (typeof SIGSTORE_VERIFY_CODES)[number]

/** Why a verification failed: a qprov code, or the sigstore-js code that refused it. */
export type VerifyFailureCode = ErrorCode | SigstoreVerifyCode

export function isSigstoreVerifyCode(code: unknown): code is SigstoreVerifyCode {
  return (SIGSTORE_VERIFY_CODES as readonly unknown[]).includes(code)
}

/** What a Runtime failure tells a caller beyond its message; every field is optional. */
export interface RuntimeErrorDetails {
  /** HTTP status of the answer that failed. */
  status?: number
  /** IBM's trace id, for support requests. */
  trace?: string
  /** IBM's `errors` array. */
  errors?: unknown[]
  method?: string
  url?: string
  /** The job exists although a later step failed. */
  jobId?: string
  sessionId?: string
  /** The unique tag a lost job can be found by. */
  recoveryTag?: string
  /** Several new jobs carry the recovery tag. */
  jobIds?: string[]
  /** Tags the service dropped. */
  missing?: string[]
}

/** Extra machine-readable facts; the RUNTIME_* codes carry RuntimeErrorDetails. */
export type ErrorDetails = RuntimeErrorDetails & Record<string, unknown>

export interface QprovErrorOptions {
  cause?: unknown
  details?: ErrorDetails
}

/**
 * The message is cleaned here (src/untrusted-text.ts): it quotes paths, job IDs, server answers
 * and file names, and is printed by the CLI, the action and the verifier alike.
 */
export class QprovError extends Error {
  readonly code: ErrorCode
  readonly exitCode: ExitCode
  readonly details: ErrorDetails

  constructor(code: ErrorCode, message: string, options: QprovErrorOptions = {}) {
    super(cleanText(message), options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'QprovError'
    this.code = code
    this.exitCode = exitCodeOf(code)
    this.details = options.details ?? {}
  }
}

export function isQprovError(e: unknown): e is QprovError {
  return e instanceof QprovError
}

/**
 * Any thrown value as one clean line: a library's multi-line message is joined with spaces, and
 * whatever it quotes (a URL, a file name, a server's answer) is cleaned.
 */
export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e)
  return cleanText(msg.replace(/\s*[\r\n]+\s*/g, ' ').trim())
}
