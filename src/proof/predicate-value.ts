import { QprovError } from '../errors.js'
import { NumberLiteral } from '../receipt/json-literal.js'

type RawJSON = (text: string) => unknown
const rawJSON = (JSON as unknown as { rawJSON: RawJSON }).rawJSON

/**
 * The receipt parser keeps non-integer number literals (1.0, 1e3) as NumberLiteral objects so
 * they hash as written; JSON.stringify must emit them verbatim too, or the predicate would differ
 * from the receipt that was verified.
 */
export function predicateValue(value: unknown): unknown {
  if (value instanceof NumberLiteral) {
    if (!Number.isFinite(Number(value.literal)))
      throw new QprovError(
        'RECEIPT_INVALID',
        `receipt holds ${value.literal}, which JSON cannot carry`
      )
    return rawJSON(value.literal)
  }
  if (Array.isArray(value)) return value.map(predicateValue)
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, predicateValue(v)]))
  return value
}
