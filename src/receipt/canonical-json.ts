import { NumberLiteral } from './json-literal.js'

/**
 * AIIR canonical JSON: Python's `json.dumps(sort_keys=True, separators=(',', ':'),
 * ensure_ascii=True, allow_nan=False)`. For the values a receipt core may hold (strings, safe
 * integers, booleans, null, arrays, objects) this is byte-identical to RFC 8785.
 */

export const MAX_CORE_DEPTH = 64

export class CanonicalJsonError extends Error {}

/** Orders strings by Unicode code point (JS `sort()` compares UTF-16 units; they differ on astral keys). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]()
  const ib = b[Symbol.iterator]()
  for (;;) {
    const x = ia.next()
    const y = ib.next()
    if (x.done) return y.done ? 0 : -1
    if (y.done) return 1
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0)
    if (d !== 0) return d
  }
}

/** A JSON string literal with every non-ASCII code unit and DEL escaped as lowercase \uXXXX. */
export function escapeString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** Nesting depth of containers, computed without recursion so hostile input cannot blow the stack. */
export function nestingDepth(value: unknown, limit: number): number {
  let max = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number]
    if (v === null || typeof v !== 'object' || v instanceof NumberLiteral) continue
    if (d > max) max = d
    if (max > limit) return max
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1])
  }
  return max
}

/** Canonical JSON text of a value; throws CanonicalJsonError on depth > 64 or a non-safe-integer number. */
export function canonicalJson(value: unknown): string {
  if (nestingDepth(value, MAX_CORE_DEPTH) > MAX_CORE_DEPTH)
    throw new CanonicalJsonError('receipt structure too deeply nested')
  return encode(value)
}

/**
 * Why a number cannot be canonicalised, in Python's words where the reference has them (its
 * encoder refuses NaN and ±Infinity; its parser refuses integers of more than 4300 digits).
 */
export function unsupportedNumberReason(literal: string): string {
  const shown =
    literal.length > 40 ? `${literal.slice(0, 40)}… (${literal.length} characters)` : literal
  const digits = literal.replace(/^-/, '')
  if (/^\d+$/.test(digits)) {
    if (digits.length > 4300)
      return (
        `Exceeds the limit (4300 digits) for integer string conversion: value has ` +
        `${digits.length} digits`
      )
    return `unsupported number: integer ${shown} is outside ±(2^53 − 1), which qprov cannot hash exactly`
  }
  const n = Number(literal)
  if (!Number.isFinite(n)) {
    const repr = Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf'
    return `Out of range float values are not JSON compliant: ${repr}`
  }
  return `unsupported number: ${shown} is not an integer; only integers are canonicalised`
}

function encode(v: unknown): string {
  if (v === null || typeof v === 'boolean') return String(v)
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new CanonicalJsonError(unsupportedNumberReason(String(v)))
    return String(v)
  }
  if (typeof v === 'string') return escapeString(v)
  if (v instanceof NumberLiteral) throw new CanonicalJsonError(unsupportedNumberReason(v.literal))
  if (Array.isArray(v)) return `[${v.map(encode).join(',')}]`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o).sort(compareCodePoints)
    return `{${keys.map(k => `${escapeString(k)}:${encode(o[k])}`).join(',')}}`
  }
  throw new CanonicalJsonError(`unsupported value of type ${typeof v}`)
}
