import { decode, encode, type EncodeOptions } from 'cbor2'
import { sortLengthFirstDeterministic } from 'cbor2/sorts'
import { receiptCore } from './hashes.js'

/**
 * The `.cbor` sidecar AIIR writes next to a receipt: the canonical CBOR of an envelope around the
 * core. Canonical here means RFC 8949 §4.2.3 length-first key order, shortest forms.
 */

const ENCODE: EncodeOptions = { sortKeys: sortLengthFirstDeterministic }

export function sidecarEnvelope(receipt: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'aiir.canonical_object',
    schema: 'aiir/canonical_object.v1',
    kind: `${String(receipt.type)}.core`,
    object_schema: receipt.schema,
    core: receiptCore(receipt)
  }
}

export function encodeSidecar(receipt: Record<string, unknown>): Uint8Array {
  return encode(sidecarEnvelope(receipt), ENCODE)
}

/**
 * True when the bytes are canonical CBOR of exactly the envelope AIIR writes for this receipt:
 * the same five fields, envelope strings equal, and a core that re-encodes to the same bytes as
 * the JSON receipt's core (so undefined, Maps, tags and number kinds all count).
 */
export function sidecarMatches(bytes: Uint8Array, receipt: Record<string, unknown>): boolean {
  try {
    const decoded = decode(bytes)
    if (!sameBytes(encode(decoded, ENCODE), bytes)) return false
    if (!isPlainObject(decoded)) return false
    const want = sidecarEnvelope(receipt)
    const keys = Object.keys(decoded).sort()
    if (keys.join() !== Object.keys(want).sort().join()) return false
    for (const k of ['type', 'schema', 'kind', 'object_schema'] as const)
      if (typeof decoded[k] !== 'string' || decoded[k] !== want[k]) return false
    return sameBytes(encode(decoded.core, ENCODE), encode(want.core, ENCODE))
  } catch {
    return false
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0
}
