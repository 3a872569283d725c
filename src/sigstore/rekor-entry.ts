import { createHash } from 'node:crypto'
import { QprovError } from '../errors.js'
import type { ProvenanceRefs } from '../proof/tags.js'

/**
 * Where a signature was logged. Rekor v1: the global log index and the entry UUID,
 * hex sha256(0x00 ‖ canonicalizedBody) (see docs/signing.md). Rekor v2 has no UUID and no global
 * index: an entry is named by its shard's log ID (hex of logId.keyId, the checkpoint key ID) and
 * its index within that shard.
 */
export type RekorEntryRef =
  | { apiVersion: 1; logIndex: string; uuid: string }
  | { apiVersion: 2; logIndex: string; logId: string }

/** The RFC 6962 leaf hash of a logged body, which is what Rekor uses as the entry UUID. */
export function rekorEntryUUID(canonicalizedBody: Buffer): string {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(canonicalizedBody)
    .digest('hex')
}

interface RawEntry {
  logIndex?: unknown
  canonicalizedBody?: unknown
  kindVersion?: { kind?: unknown; version?: unknown }
  logId?: { keyId?: unknown }
  inclusionProof?: { logIndex?: unknown }
}

/** Entry kinds only Rekor v2 writes; v1's intoto is also 0.0.2, so the kind decides too. */
const V2_KINDS = new Set(['hashedrekord/0.0.2', 'dsse/0.0.2'])

/** The API version that wrote a bundle's tlog entry, from its kind and version. */
function rekorApiVersion(entry: unknown): 1 | 2 {
  const kv = (entry as RawEntry | null)?.kindVersion
  return V2_KINDS.has(`${String(kv?.kind)}/${String(kv?.version)}`) ? 2 : 1
}

// Protobuf JSON omits an int64 equal to 0, so a logged body without an index is entry 0.
function indexOf(v: unknown, logged: boolean): string | undefined {
  if (typeof v === 'number') return String(v)
  if (v === undefined && logged) return '0'
  return typeof v === 'string' && /^(0|[1-9]\d*)$/.test(v) ? v : undefined
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
  const e = entries[0] as RawEntry
  const logged = typeof e.canonicalizedBody === 'string'
  const logIndex = indexOf(e.logIndex, logged)
  if (logIndex === undefined || !logged)
    throw new QprovError(
      'BUNDLE_INVALID',
      'the bundle tlog entry lacks logIndex or canonicalizedBody'
    )
  if (rekorApiVersion(e) === 1)
    return {
      apiVersion: 1,
      logIndex,
      uuid: rekorEntryUUID(Buffer.from(e.canonicalizedBody as string, 'base64'))
    }
  const keyId = e.logId?.keyId
  const logId = typeof keyId === 'string' ? Buffer.from(keyId, 'base64') : Buffer.alloc(0)
  if (logId.length !== 32)
    throw new QprovError('BUNDLE_INVALID', 'the Rekor v2 entry lacks a 32-byte logId.keyId')
  // v2 indexes are per shard: the entry's index is the one its inclusion proof is for.
  if (indexOf(e.inclusionProof?.logIndex, true) !== logIndex)
    throw new QprovError(
      'BUNDLE_INVALID',
      'the Rekor v2 entry logIndex differs from its inclusion proof logIndex'
    )
  return { apiVersion: 2, logIndex, logId: logId.toString('hex') }
}

/**
 * The base URL a trusted root lists for the log with this ID (hex), in the first root that has
 * it; undefined when none does. Roots are raw trusted_root.json objects.
 */
export function trustedLogURL(roots: unknown[], logIdHex: string): string | undefined {
  for (const root of roots) {
    const tlogs = (root as { tlogs?: unknown } | null)?.tlogs
    if (!Array.isArray(tlogs)) continue
    for (const t of tlogs as ({ baseUrl?: unknown; logId?: { keyId?: unknown } } | null)[]) {
      const keyId = t?.logId?.keyId
      // Compared as bytes: base64 in a root may differ in padding from another encoder's.
      if (typeof keyId === 'string' && typeof t?.baseUrl === 'string')
        if (Buffer.from(keyId, 'base64').toString('hex') === logIdHex) return t.baseUrl
    }
  }
  return undefined
}

/** The job-tag values that point at an entry. */
export function rekorTagRefs(
  entry: RekorEntryRef | undefined
): Pick<ProvenanceRefs, 'rekorLogIndex' | 'rekorUuid' | 'rekorLogId'> {
  if (entry === undefined) return {}
  return entry.apiVersion === 1
    ? { rekorLogIndex: entry.logIndex, rekorUuid: entry.uuid }
    : { rekorLogIndex: entry.logIndex, rekorLogId: entry.logId }
}
