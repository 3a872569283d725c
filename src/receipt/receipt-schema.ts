import type { SchemaObject } from 'ajv'
import { AUTHORSHIP_CLASS_SPELLINGS } from './aiir-vocabulary.js'

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

export function receiptSchema(v2: boolean): SchemaObject {
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
