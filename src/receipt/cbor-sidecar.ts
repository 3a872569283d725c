import { isDeepStrictEqual } from 'node:util'
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

/** True when the bytes are canonical CBOR whose decoded core equals the JSON receipt's core. */
export function sidecarMatches(bytes: Uint8Array, receipt: Record<string, unknown>): boolean {
  let decoded: unknown
  try {
    decoded = decode(bytes)
    const again = encode(decoded, ENCODE)
    if (Buffer.compare(Buffer.from(again), Buffer.from(bytes)) !== 0) return false
  } catch {
    return false
  }
  if (decoded === null || typeof decoded !== 'object') return false
  const env = decoded as Record<string, unknown>
  return (
    env.type === 'aiir.canonical_object' &&
    isDeepStrictEqual(toPlain(env.core), toPlain(receiptCore(receipt)))
  )
}

/** Plain-object copy so that prototype differences between decoders don't affect comparison. */
function toPlain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v ?? null)) as unknown
}
