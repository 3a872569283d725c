import { QprovError } from '../errors.js'
import { firstSchemaError } from '../json-schema.js'
import type { BackendSource } from './binding-document.js'
import { validateRuntimeJob } from './runtime-job-validator.js'

export const RUNTIME_JOB_KIND = 'qprov.runtime-job/v1'

/** What runtime-job.json (and from it the signed binding document) records of the check. */
export type TargetCheckOutcome =
  | { status: 'passed'; backend: string; version?: string; qubits: number }
  | { status: 'skipped'; backend: string }

/**
 * runtime-job.json: where the job is and what its tags point at; never holds a secret.
 * schemas/runtime-job.v1.schema.json is its definition; src/binding/job-record.ts writes it.
 */
export interface RuntimeJobRecord {
  kind: typeof RUNTIME_JOB_KIND
  jobId: string
  sessionId?: string
  backend?: string
  program?: string
  /** When the service created the job (ISO 8601, as the Runtime API reports it). */
  created?: string
  instanceCRN: string
  runtimeURL: string
  tags: string[]
  statementDigest?: string
  packageDigest?: string
  /** v1: the entry UUID when tagged; v2: the shard's log ID (its index counts within it). */
  rekor?: { logIndex: string; uuid?: string; logId?: string }
  /** Whether the circuits were checked against the backend's configuration before submission. */
  targetCheck?: TargetCheckOutcome
  /**
   * Where the backend came from: qprov.job.json, a --backend override of it, or the job itself
   * (`qprov tag`). Records of qprov 0.1 written by `tag` lack it.
   */
  backendSource?: BackendSource
  recordedAt: string
}

function bad(why: string): QprovError {
  return new QprovError('PROOF_BUNDLE_INVALID', `runtime-job.json ${why}`)
}

/** The one reader of runtime-job.json: its kind first, then its schema; nothing is guessed. */
export function parseRuntimeJob(bytes: Uint8Array): RuntimeJobRecord {
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    throw bad('is not JSON')
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad('is not an object')
  const kind = (raw as { kind?: unknown }).kind
  if (kind !== RUNTIME_JOB_KIND) throw bad(`has kind ${JSON.stringify(kind)}`)
  if (!validateRuntimeJob(raw))
    throw bad(`does not match ${RUNTIME_JOB_KIND}: ${firstSchemaError(validateRuntimeJob)}`)
  return raw as RuntimeJobRecord
}
