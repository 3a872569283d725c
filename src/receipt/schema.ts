import type { ErrorObject } from 'ajv'
import { pyRepr } from './py-repr.js'
import { AIIR_TOOL_PREFIX, AUTHORSHIP_CLASSES, SCHEMA_V1, SCHEMA_V2 } from './receipt-schema.js'
import { validateReceiptV1, validateReceiptV2 } from './receipt-validator.js'

/** Structural findings for a receipt object, in reference wording where known; [] when clean. */
export function schemaErrors(receipt: Record<string, unknown>): string[] {
  const validate = receipt.schema === SCHEMA_V2 ? validateReceiptV2 : validateReceiptV1
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
