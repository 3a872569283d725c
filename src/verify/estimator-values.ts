/** One expectation value of an estimator PUB, at its position in the evs array. */
export interface EstimatorValue {
  /** Position in evs; [] when evs is a single number. */
  index: number[]
  ev: number
  std: number
  /** ensemble_standard_error, when the result carries it. */
  ensembleError?: number
}

export interface EstimatorData {
  shape: number[]
  values: EstimatorValue[]
  omitted: number
}

export type EstimatorProblem = {
  problem: 'unexpected-shape' | 'invalid-value' | 'too-large'
  detail: string
}

export const MAX_LISTED_VALUES = 4096
const MAX_VALUES = 1_000_000
const MAX_DEPTH = 32

type Flat = { shape: number[]; numbers: number[] } | EstimatorProblem

/**
 * A rectangular nested array of numbers flattened in row-major order with its shape. Depth and
 * size are capped, so a hostile document costs at most MAX_VALUES visits.
 */
function flatten(value: unknown, field: string): Flat {
  if (typeof value === 'number') return { shape: [], numbers: [value] }
  const shape: number[] = []
  for (let v: unknown = value; Array.isArray(v); v = v[0]) {
    if (shape.length === MAX_DEPTH)
      return { problem: 'too-large', detail: `${field} is nested deeper than ${MAX_DEPTH}` }
    shape.push(v.length)
  }
  const total = shape.reduce((a, b) => a * b, 1)
  if (total > MAX_VALUES)
    return { problem: 'too-large', detail: `${field} has more than ${MAX_VALUES} values` }
  const numbers: number[] = []
  const walk = (v: unknown, depth: number): boolean => {
    if (depth === shape.length) {
      if (typeof v !== 'number') return false
      numbers.push(v)
      return true
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) return false
    for (const item of v) if (!walk(item, depth + 1)) return false
    return true
  }
  if (!walk(value, 0))
    return { problem: 'invalid-value', detail: `${field} is not a rectangular array of numbers` }
  return { shape, numbers }
}

const sameShape = (a: number[], b: number[]): boolean =>
  a.length === b.length && a.every((n, i) => n === b[i])

/** Row-major position of the i-th value in an array of this shape. */
function position(i: number, shape: number[]): number[] {
  const index = new Array<number>(shape.length)
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number
    index[d] = i % n
    i = Math.floor(i / n)
  }
  return index
}

/**
 * evs and stds (and ensemble_standard_error when present; IBM's schema spells it
 * `ensamble_standard_error`) must have one shape: a mismatch would pair an error with the wrong
 * value, so it is not decoded at all.
 */
export function decodeEstimatorData(
  data: Record<string, unknown>
): EstimatorData | EstimatorProblem {
  const evs = flatten(data.evs, 'evs')
  if ('problem' in evs) return evs
  if (data.stds === undefined) return { problem: 'unexpected-shape', detail: 'stds is missing' }
  const stds = flatten(data.stds, 'stds')
  if ('problem' in stds) return stds
  if (!sameShape(evs.shape, stds.shape))
    return { problem: 'unexpected-shape', detail: 'stds and evs differ in shape' }
  const ensembleRaw = data.ensemble_standard_error ?? data.ensamble_standard_error
  let ensemble: number[] | undefined
  if (ensembleRaw !== undefined) {
    const e = flatten(ensembleRaw, 'ensemble_standard_error')
    if ('problem' in e) return e
    if (!sameShape(evs.shape, e.shape))
      return {
        problem: 'unexpected-shape',
        detail: 'ensemble_standard_error and evs differ in shape'
      }
    ensemble = e.numbers
  }
  const listed = Math.min(evs.numbers.length, MAX_LISTED_VALUES)
  const values: EstimatorValue[] = []
  for (let i = 0; i < listed; i++) {
    const value: EstimatorValue = {
      index: position(i, evs.shape),
      ev: evs.numbers[i] as number,
      std: stds.numbers[i] as number
    }
    if (ensemble) value.ensembleError = ensemble[i] as number
    values.push(value)
  }
  return { shape: evs.shape, values, omitted: evs.numbers.length - listed }
}
