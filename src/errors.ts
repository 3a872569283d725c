/**
 * The one error type of qprov. Every failure carries a stable code so callers and tests can tell
 * failures apart. The exit status follows from the code alone (no call site chooses it), and the
 * CLI and the action map it in one place: 2 = usage or input error, 1 = anything else.
 */
import { cleanText } from './untrusted-text.js'

export type ExitCode = 1 | 2

/** What kind of failure a code is; usage and input errors exit 2, every other category 1. */
export type ErrorCategory =
  | 'usage'
  | 'input'
  | 'output'
  | 'git'
  | 'receipt'
  | 'signing'
  | 'verification'
  | 'proof'
  | 'runtime'
  | 'github'
  | 'environment'
  | 'internal'

/**
 * Every error code with its exit status and category, one line each. README.md documents this
 * table ("Error codes"); test/errors.test.ts keeps the two in agreement.
 */
export const ERROR_CODES = {
  USAGE: { exit: 2, category: 'usage' },
  INPUT_NOT_FOUND: { exit: 2, category: 'input' },
  INPUT_SYMLINK: { exit: 2, category: 'input' },
  INPUT_TOO_LARGE: { exit: 2, category: 'input' },
  INPUT_NOT_JSON: { exit: 2, category: 'input' },
  INPUT_INVALID: { exit: 2, category: 'input' },
  BAD_REF: { exit: 2, category: 'input' },
  NOT_A_GIT_REPO: { exit: 2, category: 'input' },
  WORKLOAD_INVALID: { exit: 2, category: 'input' },
  JOB_SPEC_INVALID: { exit: 2, category: 'input' },
  TARGET_MISMATCH: { exit: 2, category: 'input' },
  BACKEND_UNKNOWN: { exit: 2, category: 'input' },
  TAGS_INVALID: { exit: 2, category: 'input' },
  TRUSTED_ROOT_INVALID: { exit: 2, category: 'input' },
  POLICY_INVALID: { exit: 2, category: 'input' },
  CONFIG_INVALID: { exit: 2, category: 'input' },
  OIDC_UNAVAILABLE: { exit: 2, category: 'input' },
  PROOF_BUNDLE_INVALID: { exit: 2, category: 'input' },
  OUTPUT_UNUSABLE: { exit: 2, category: 'input' },
  ATTESTATION_MISMATCH: { exit: 2, category: 'input' },
  URL_CREDENTIALS: { exit: 2, category: 'input' },
  OUTPUT_WRITE_FAILED: { exit: 1, category: 'output' },
  GIT_ERROR: { exit: 1, category: 'git' },
  RECEIPT_INVALID: { exit: 1, category: 'receipt' },
  OIDC_REQUEST_FAILED: { exit: 1, category: 'signing' },
  SIGNING_FAILED: { exit: 1, category: 'signing' },
  BUNDLE_INVALID: { exit: 1, category: 'verification' },
  VERIFY_FAILED: { exit: 1, category: 'verification' },
  ARTIFACT_MISMATCH: { exit: 1, category: 'verification' },
  SUBJECT_MISMATCH: { exit: 1, category: 'verification' },
  STATEMENT_INVALID: { exit: 1, category: 'verification' },
  BINDING_INVALID: { exit: 1, category: 'proof' },
  PROOF_NOT_FOUND: { exit: 1, category: 'proof' },
  PROOF_MISMATCH: { exit: 1, category: 'proof' },
  RUNTIME_AUTH: { exit: 1, category: 'runtime' },
  RUNTIME_HTTP: { exit: 1, category: 'runtime' },
  RUNTIME_RATE_LIMITED: { exit: 1, category: 'runtime' },
  RUNTIME_TIMEOUT: { exit: 1, category: 'runtime' },
  RUNTIME_NETWORK: { exit: 1, category: 'runtime' },
  RUNTIME_BAD_RESPONSE: { exit: 1, category: 'runtime' },
  RUNTIME_TAGS_REJECTED: { exit: 1, category: 'runtime' },
  RUNTIME_RESPONSE_TOO_LARGE: { exit: 1, category: 'runtime' },
  RUNTIME_JOB_NOT_COMPLETED: { exit: 1, category: 'runtime' },
  RUNTIME_JOB_PENDING: { exit: 1, category: 'runtime' },
  GITHUB_API: { exit: 1, category: 'github' },
  PUBLISH_FAILED: { exit: 1, category: 'github' },
  RELEASE_IMMUTABLE: { exit: 1, category: 'github' },
  NODE_UNSUPPORTED: { exit: 1, category: 'environment' },
  INTERNAL: { exit: 1, category: 'internal' }
} as const satisfies Record<string, { exit: ExitCode; category: ErrorCategory }>

export type ErrorCode = keyof typeof ERROR_CODES

/** The exit status of an error code: the one place it is decided. */
export function exitCodeOf(code: ErrorCode): ExitCode {
  return ERROR_CODES[code].exit
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
  /** Which tag limit the service said was hit. */
  tagLimit?: 'count' | 'length'
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
