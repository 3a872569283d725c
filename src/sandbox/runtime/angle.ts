/**
 * The emulator's own arithmetic for gate angles: numbers, pi/tau/euler, input parameters bound
 * to values, + - * / ** and brackets. undefined when the text holds anything else.
 */
const NAMED: Record<string, number> = {
  pi: Math.PI,
  π: Math.PI,
  tau: 2 * Math.PI,
  τ: 2 * Math.PI,
  euler: Math.E,
  ℇ: Math.E
}
const TOKEN =
  /\s*(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\*\*|[-+*/()]|[\p{L}_][\p{L}\p{N}_]*)/uy

export function angleOf(
  text: string,
  values: ReadonlyMap<string, number> = new Map()
): number | undefined {
  const parts: string[] = []
  TOKEN.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN.exec(text)) !== null) parts.push(m[1])
  if (parts.join('') !== text.replace(/\s+/g, '')) return undefined
  let i = 0
  const atom = (): number | undefined => {
    const p = parts[i++]
    if (p === undefined) return undefined
    if (p === '(') {
      const v = sum()
      return parts[i++] === ')' ? v : undefined
    }
    if (p === '-' || p === '+') {
      const v = power()
      return v === undefined ? undefined : p === '-' ? -v : v
    }
    if (/^[\d.]/.test(p)) return Number(p)
    return values.get(p) ?? NAMED[p]
  }
  const power = (): number | undefined => {
    const b = atom()
    if (parts[i] !== '**') return b
    i++
    const e = power()
    return b === undefined || e === undefined ? undefined : b ** e
  }
  const product = (): number | undefined => {
    let v = power()
    while (parts[i] === '*' || parts[i] === '/') {
      const op = parts[i++]
      const r = power()
      v = v === undefined || r === undefined ? undefined : op === '*' ? v * r : v / r
    }
    return v
  }
  const sum = (): number | undefined => {
    let v = product()
    while (parts[i] === '+' || parts[i] === '-') {
      const op = parts[i++]
      const r = product()
      v = v === undefined || r === undefined ? undefined : op === '+' ? v + r : v - r
    }
    return v
  }
  const v = sum()
  return i === parts.length && v !== undefined && Number.isFinite(v) ? v : undefined
}
