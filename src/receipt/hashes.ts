import { createHash, timingSafeEqual } from 'node:crypto'
import { canonicalJson } from './canonical-json.js'

/** The six keys that are hashed; `receipt_id`, `content_hash`, `timestamp`, `extensions` are not. */
export const CORE_KEYS = ['type', 'schema', 'version', 'commit', 'ai_attestation', 'provenance']

export interface CoreHashes {
  canonical: string
  contentHash: string
  receiptId: string
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Picks the core keys that are present (a missing key is simply absent, as in the reference). */
export function receiptCore(receipt: Record<string, unknown>): Record<string, unknown> {
  const core: Record<string, unknown> = {}
  for (const k of CORE_KEYS) if (Object.hasOwn(receipt, k)) core[k] = receipt[k]
  return core
}

/** content_hash = "sha256:" + hex digest of the canonical core; receipt_id = "g1-" + its first 32 hex. */
export function coreHashes(core: Record<string, unknown>): CoreHashes {
  const canonical = canonicalJson(core)
  const hex = sha256Hex(canonical)
  return { canonical, contentHash: `sha256:${hex}`, receiptId: `g1-${hex.slice(0, 32)}` }
}

/** Constant-time string equality (like Python's hmac.compare_digest), whatever the lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest()
  const db = createHash('sha256').update(b, 'utf8').digest()
  return timingSafeEqual(da, db) && a.length === b.length
}
