import { CanonicalJsonError } from './canonical-json.js'
import { constantTimeEqual, coreHashes, receiptCore } from './hashes.js'
import { pyRepr } from './py-repr.js'
import { schemaErrors } from './schema.js'

/** The outcome of verifying one receipt; `valid` depends on the hashes only, never on schema_errors. */
export interface ReceiptVerdict {
  valid: boolean
  errors: string[]
  schema_errors: string[]
  receipt_id: string | null
  commit_sha: string | null
  content_hash_match: boolean
  receipt_id_match: boolean
  /** Present only when valid: a failing verdict must not hand out the hash a forger would need. */
  expected_content_hash?: string
  expected_receipt_id?: string
}

export const RECEIPT_TYPE = 'aiir.commit_receipt'
const VERSION_RE = /^[0-9]+\.[0-9]+\.[0-9]+([.+-][0-9a-zA-Z.+-]*)?$/

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** Pre-checks run together and are all reported, like the reference; [] when they pass. */
export function preCheckErrors(r: Record<string, unknown>): string[] {
  const errors: string[] = []
  if (r.type !== RECEIPT_TYPE) errors.push(`unknown receipt type: ${pyRepr(r.type)}`)
  const schema = Object.hasOwn(r, 'schema') ? r.schema : ''
  if (typeof schema !== 'string' || !schema.startsWith('aiir/'))
    errors.push(`unknown schema: ${pyRepr(schema)}`)
  if (typeof r.version !== 'string' || !VERSION_RE.test(r.version))
    errors.push(`invalid version format: ${pyRepr(r.version)}`)
  return errors
}

/** Verifies one parsed receipt in the reference's order: type → pre-checks → canonical core → hashes. */
export function verifyReceipt(receipt: unknown): ReceiptVerdict {
  const verdict: ReceiptVerdict = {
    valid: false,
    errors: [],
    schema_errors: [],
    receipt_id: null,
    commit_sha: null,
    content_hash_match: false,
    receipt_id_match: false
  }
  if (!isObject(receipt)) {
    verdict.errors.push('receipt is not a dict')
    return verdict
  }
  if (typeof receipt.receipt_id === 'string') verdict.receipt_id = receipt.receipt_id
  const commit = receipt.commit
  if (isObject(commit) && typeof commit.sha === 'string') verdict.commit_sha = commit.sha

  const pre = preCheckErrors(receipt)
  if (pre.length > 0) {
    verdict.errors = pre
    return verdict
  }
  let expected: { contentHash: string; receiptId: string }
  try {
    expected = coreHashes(receiptCore(receipt))
  } catch (e) {
    if (!(e instanceof CanonicalJsonError)) throw e
    // The reference folds every canonicalisation error into its depth message; say the real one.
    verdict.errors.push(e.message)
    return verdict
  }
  const claimedHash = typeof receipt.content_hash === 'string' ? receipt.content_hash : ''
  const claimedId = typeof receipt.receipt_id === 'string' ? receipt.receipt_id : ''
  verdict.content_hash_match = constantTimeEqual(expected.contentHash, claimedHash)
  verdict.receipt_id_match = constantTimeEqual(expected.receiptId, claimedId)
  if (!verdict.content_hash_match) verdict.errors.push('content hash mismatch')
  if (!verdict.receipt_id_match) verdict.errors.push('receipt_id mismatch')
  verdict.valid = verdict.content_hash_match && verdict.receipt_id_match
  verdict.schema_errors = schemaErrors(receipt)
  if (verdict.valid) {
    verdict.expected_content_hash = expected.contentHash
    verdict.expected_receipt_id = expected.receiptId
  }
  return verdict
}
