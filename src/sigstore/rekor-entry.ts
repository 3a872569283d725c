import { createHash } from 'node:crypto'
import { QprovError } from '../errors.js'

/** Where a signature was logged. uuid = hex sha256(0x00 ‖ canonicalizedBody), see docs/signing.md. */
export interface RekorEntryRef {
  logIndex: string
  uuid: string
}

/** The RFC 6962 leaf hash of a logged body, which is what Rekor uses as the entry UUID. */
export function rekorEntryUUID(canonicalizedBody: Buffer): string {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(canonicalizedBody)
    .digest('hex')
}

/**
 * The Rekor entry of a serialized bundle; undefined when nothing was logged (a TSA-only bundle).
 * An entry without its index or body is malformed, not absent.
 */
export function rekorEntryOf(bundle: unknown): RekorEntryRef | undefined {
  const entries = (bundle as { verificationMaterial?: { tlogEntries?: unknown } } | undefined)
    ?.verificationMaterial?.tlogEntries
  if (!Array.isArray(entries) || entries.length === 0) return undefined
  if (entries[0] === null || typeof entries[0] !== 'object')
    throw new QprovError('BUNDLE_INVALID', 'the bundle tlog entry is not an object')
  const e = entries[0] as { logIndex?: unknown; canonicalizedBody?: unknown }
  // Protobuf JSON omits an int64 equal to 0, so a logged body without an index is entry 0.
  const logIndex =
    typeof e.logIndex === 'number'
      ? String(e.logIndex)
      : e.logIndex === undefined && typeof e.canonicalizedBody === 'string'
        ? '0'
        : e.logIndex
  if (typeof logIndex !== 'string' || typeof e.canonicalizedBody !== 'string')
    throw new QprovError(
      'BUNDLE_INVALID',
      'the bundle tlog entry lacks logIndex or canonicalizedBody'
    )
  return { logIndex, uuid: rekorEntryUUID(Buffer.from(e.canonicalizedBody, 'base64')) }
}
