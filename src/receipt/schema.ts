import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv'
import { AUTHORSHIP_CLASS_SPELLINGS } from './aiir-vocabulary.js'
import { pyRepr } from './py-repr.js'

/**
 * qprov's own structural schema for AIIR commit receipts v1/v2. It reports findings as
 * `schema_errors`, which never change validity (the hash decides). Extra keys are tolerated, as the
 * reference's checker does; error texts follow the reference's wording where the vectors pin it.
 */

export const SCHEMA_V1 = 'aiir/commit_receipt.v1'
export const SCHEMA_V2 = 'aiir/commit_receipt.v2'
export const AIIR_TOOL_PREFIX = 'https://github.com/invariant-systems-ai/aiir@'
/** Every spelling AIIR's validator accepts, in code-point order as the reference prints them. */
export const AUTHORSHIP_CLASSES = [...AUTHORSHIP_CLASS_SPELLINGS.keys()].sort()

const SHA = '^([0-9a-f]{40}|[0-9a-f]{64})$'
const HASH = '^sha256:[0-9a-f]{64}$'
const str = (extra: object = {}) => ({ type: 'string', ...extra })
const identity = {
  type: 'object',
  required: ['name', 'email', 'date'],
  properties: { name: str({ maxLength: 1024 }), email: str({ maxLength: 1024 }), date: str() }
}

function commitSchema(v2: boolean): SchemaObject {
  const base = ['sha', 'author', 'committer', 'subject', 'message_hash', 'diff_hash']
  return {
    type: 'object',
    required: [
      ...base.slice(0, 1),
      ...(v2 ? ['tree_sha', 'parent_shas'] : []),
      ...base.slice(1),
      'files_changed'
    ],
    properties: {
      sha: str({ pattern: SHA }),
      tree_sha: str({ pattern: '^([0-9a-f]{40}|[0-9a-f]{64})?$' }),
      parent_shas: { type: 'array', items: str({ pattern: SHA }) },
      author: identity,
      committer: identity,
      subject: str(),
      message_hash: str({ pattern: HASH }),
      diff_hash: str({ pattern: HASH }),
      files_changed: { type: 'integer', minimum: 0 },
      files: { type: 'array', maxItems: 100, items: str() },
      files_capped: { type: 'boolean' },
      files_redacted: { const: true }
    }
  }
}

function receiptSchema(v2: boolean): SchemaObject {
  return {
    type: 'object',
    required: [
      'type',
      'schema',
      'version',
      'commit',
      'ai_attestation',
      'provenance',
      'receipt_id',
      'content_hash',
      'timestamp',
      'extensions'
    ],
    properties: {
      type: { const: 'aiir.commit_receipt' },
      schema: { enum: [SCHEMA_V1, SCHEMA_V2] },
      version: str({ pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+([.+\\-][0-9a-zA-Z.+\\-]*)?$' }),
      commit: commitSchema(v2),
      ai_attestation: {
        type: 'object',
        required: ['is_ai_authored', 'signals_detected', 'signal_count', 'detection_method'],
        properties: {
          is_ai_authored: { type: 'boolean' },
          signals_detected: { type: 'array', items: str() },
          signal_count: { type: 'integer', minimum: 0 },
          is_bot_authored: { type: 'boolean' },
          bot_signals_detected: { type: 'array', items: str() },
          bot_signal_count: { type: 'integer', minimum: 0 },
          authorship_class: { enum: AUTHORSHIP_CLASSES },
          detection_method: str()
        }
      },
      provenance: {
        type: 'object',
        required: ['repository', 'tool', 'generator'],
        properties: {
          repository: { type: ['string', 'null'] },
          tool: str({ pattern: '^https://github\\.com/invariant-systems-ai/aiir@' }),
          generator: str()
        }
      },
      receipt_id: str({ pattern: '^g1-[0-9a-f]{32}$' }),
      content_hash: str({ pattern: HASH }),
      timestamp: str({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' }),
      extensions: { type: 'object' }
    }
  }
}

let validators: { v1: ValidateFunction; v2: ValidateFunction } | undefined
// Compiled on first use: compiling both costs tens of milliseconds at every CLI start otherwise.
function compiledValidators(): { v1: ValidateFunction; v2: ValidateFunction } {
  if (validators === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true })
    validators = { v1: ajv.compile(receiptSchema(false)), v2: ajv.compile(receiptSchema(true)) }
  }
  return validators
}

/** Structural findings for a receipt object, in reference wording where known; [] when clean. */
export function schemaErrors(receipt: Record<string, unknown>): string[] {
  const { v1, v2 } = compiledValidators()
  const validate = receipt.schema === SCHEMA_V2 ? v2 : v1
  validate(receipt)
  const errors = (validate.errors ?? []).map(formatError)
  return [...errors, ...semanticErrors(receipt)]
}

function dotted(instancePath: string): string {
  return instancePath.slice(1).replaceAll('/', '.')
}

function formatError(e: ErrorObject): string {
  const path = dotted(e.instancePath)
  const got = pyRepr(e.data)
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty
    return `${path ? `${path}.` : ''}${missing} is required`
  }
  if (path === 'receipt_id' && e.keyword === 'pattern')
    return `receipt_id must match 'g1-' + 32 hex chars, got ${got}`
  if (path === 'content_hash' && e.keyword === 'pattern')
    return `content_hash must match 'sha256:' + 64 hex chars, got ${got}`
  if (path === 'schema') return `schema must be one of ('${SCHEMA_V1}', '${SCHEMA_V2}'), got ${got}`
  if (path === 'type') return `type must be 'aiir.commit_receipt', got ${got}`
  if (path === 'ai_attestation.authorship_class')
    return `${path} must be one of ${pyRepr(AUTHORSHIP_CLASSES)}, got ${got}`
  if (path === 'provenance.tool' && e.keyword === 'pattern')
    return `provenance.tool must start with '${AIIR_TOOL_PREFIX}', got ${got}`
  return `${path || 'receipt'} ${e.message ?? e.keyword}, got ${got}`
}

function semanticErrors(r: Record<string, unknown>): string[] {
  const out: string[] = []
  const ai = r.ai_attestation as Record<string, unknown> | undefined
  if (ai && typeof ai === 'object' && Array.isArray(ai.signals_detected)) {
    const n = ai.signals_detected.length
    if (typeof ai.signal_count === 'number' && ai.signal_count !== n)
      out.push(`ai_attestation.signal_count (${ai.signal_count}) != len(signals_detected) (${n})`)
  }
  const c = r.commit as Record<string, unknown> | undefined
  if (c && typeof c === 'object' && !Array.isArray(c)) {
    if (!('files' in c) && c.files_redacted !== true)
      out.push('commit must have either files or files_redacted: true')
  }
  return out
}
