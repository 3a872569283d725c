import { NumberLiteral } from './json-literal.js'

/**
 * Python `repr()` of a JSON value. The AIIR reference prints offending values this way in its error
 * strings (`unknown schema: ['aiir/x']`, `invalid version format: None`), and the conformance
 * vectors compare those strings exactly.
 */
export function pyRepr(v: unknown): string {
  if (v === undefined || v === null) return 'None'
  if (v === true) return 'True'
  if (v === false) return 'False'
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloat(v)
  if (v instanceof NumberLiteral) return literalRepr(v.literal)
  if (typeof v === 'string') return pyStr(v)
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`
  if (typeof v === 'object')
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${pyStr(k)}: ${pyRepr(x)}`)
      .join(', ')}}`
  return String(v)
}

function literalRepr(lit: string): string {
  if (lit === 'NaN') return 'nan'
  if (lit === 'Infinity') return 'inf'
  if (lit === '-Infinity') return '-inf'
  if (/^-?\d+$/.test(lit)) return BigInt(lit).toString()
  return pyFloat(Number(lit))
}

/** Python float repr: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const [mant, expStr] = x.toExponential().split('e')
  const exp = Number(expStr)
  const sign = mant.startsWith('-') ? '-' : ''
  const digits = mant.replace('-', '').replace('.', '')
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const e = Math.abs(exp).toString().padStart(2, '0')
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
  const frac = digits.slice(exp + 1) || '0'
  return `${sign}${int}.${frac}`
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u

function pyStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    if (ch === quote || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (cp === 0x20 || !NON_PRINTABLE.test(ch)) out += ch
    else if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`
    else out += `\\U${cp.toString(16).padStart(8, '0')}`
  }
  return out + quote
}
