import { createHash } from 'node:crypto'
import { QprovError } from '../errors.js'
import { firstSchemaError } from '../json-schema.js'
import { validateBindingSchema } from './binding-validator.js'
import { BINDING_SCHEMA_ID, PROOF_FILES } from './layout.js'
import type { ProvenanceRefs } from './tags.js'

/** The proof bundle files whose sha256 binding.json lists (every file but itself and its signature). */
export const DIGESTED_FILES = [
  PROOF_FILES.statement,
  PROOF_FILES.statementBundle,
  PROOF_FILES.receipt,
  PROOF_FILES.manifest,
  PROOF_FILES.runtimeJob
] as const
export type DigestedFile = (typeof DIGESTED_FILES)[number]

export type BackendSource = 'job-spec' | 'override' | 'runtime'

/**
 * The statement's transparency-log entry (docs/binding-spec.md §6). Rekor v1: the entry UUID and
 * the global log index. Rekor v2 (api_version 2): no UUID exists; the shard's base URL (as the
 * trusted root lists it), its log ID (hex of the checkpoint key ID) and the index within it.
 */
export type TransparencyEntry =
  | { log: 'rekor'; uuid: string; log_index: number }
  | { log: 'rekor'; api_version: 2; base_url: string; log_id: string; log_index: number }

/** binding.json v1; docs/binding-spec.md §6 defines every field. */
export interface BindingDocument {
  schema: typeof BINDING_SCHEMA_ID
  runtime: {
    provider: 'qiskit-runtime'
    session_id: string | null
    job_id: string
    instance: { crn: string; region: string }
    backend: string | null
    backend_source: BackendSource
    program: string | null
    created: string | null
    /** runtime-job.json's targetCheck, copied as recorded. */
    target_check?: Record<string, unknown>
  }
  provenance: {
    aiir_statement: string
    transparency_entry: TransparencyEntry | null
    workload_package: string
    receipt: { receipt_id: string; content_hash: string; commit: string }
    signer: { identity: string; issuer: string }
  }
  files: Record<DigestedFile, string>
}

/** The job-tag values (src/proof/tags.ts) that point at the entry a binding records. */
export function entryTagRefs(
  t: TransparencyEntry | null
): Pick<ProvenanceRefs, 'rekorLogIndex' | 'rekorUuid' | 'rekorLogId'> {
  if (t === null) return {}
  const rekorLogIndex = String(t.log_index)
  return 'uuid' in t
    ? { rekorLogIndex, rekorUuid: t.uuid }
    : { rekorLogIndex, rekorLogId: t.log_id }
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/**
 * Canonical JSON: object members sorted by key (UTF-16 order, as RFC 8785), no whitespace,
 * strings escaped as JSON.stringify does, numbers only as safe integers. binding.json is exactly
 * these bytes of the binding statement's predicate, so the two compare byte for byte.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new QprovError('BINDING_INVALID', `binding holds a non-integer number ${value}`)
    return String(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort()
    const obj = value as Record<string, unknown>
    return `{${keys.map(k => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
  }
  throw new QprovError('BINDING_INVALID', `binding holds a ${typeof value}`)
}

export function bindingBytes(doc: BindingDocument): Buffer {
  return Buffer.from(canonicalJson(doc), 'utf8')
}

/** Checks a parsed binding: its version first (an unknown major is refused), then the schema. */
export function checkBinding(raw: unknown): BindingDocument {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new QprovError('BINDING_INVALID', 'binding.json is not a JSON object')
  const id = (raw as { schema?: unknown }).schema
  const m = typeof id === 'string' ? /^https:\/\/qprov\.dev\/binding\/v(\d+)$/.exec(id) : null
  if (m === null)
    throw new QprovError('BINDING_INVALID', `binding.json has no qprov schema id (${String(id)})`)
  if (m[1] !== '1')
    throw new QprovError('BINDING_INVALID', `unsupported binding version v${m[1]}; this is v1`)
  if (!validateBindingSchema(raw))
    throw new QprovError(
      'BINDING_INVALID',
      `binding.json does not match ${BINDING_SCHEMA_ID}: ${firstSchemaError(validateBindingSchema)}`
    )
  const entry = (raw as BindingDocument).provenance.transparency_entry
  if (entry !== null && !Number.isSafeInteger(entry.log_index))
    throw new QprovError('BINDING_INVALID', 'transparency_entry.log_index is not a safe integer')
  return raw as BindingDocument
}

/** Reads binding.json bytes: JSON, a supported version, the schema, and canonical form. */
export function parseBinding(bytes: Uint8Array): BindingDocument {
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    throw new QprovError('BINDING_INVALID', 'binding.json is not JSON')
  }
  const doc = checkBinding(raw)
  if (!bindingBytes(doc).equals(Buffer.from(bytes)))
    throw new QprovError('BINDING_INVALID', 'binding.json is not in canonical form')
  return doc
}
