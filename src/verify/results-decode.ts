import { cleanText, cutText } from '../untrusted-text.js'
import { decodeEstimatorData, type EstimatorValue } from './estimator-values.js'
import { countRegister, MAX_NUM_BITS, type RegisterCounts } from './register-counts.js'

/**
 * The plain-JSON results IBM's REST API serves for a primitive job submitted without
 * `support_qiskit` (the shapes of ibm-quantum-schemas' sampler_result_v2 and
 * estimator_result_v2), decoded for people to read. Display only: no verification decision reads
 * this model, and results.json's digest is checked on its bytes, decoded or not. The input is
 * untrusted; every size is capped and nothing here throws.
 */
export type NotDecodedReason =
  'too-large' | 'not-json' | 'qiskit-encoded' | 'unexpected-shape' | 'invalid-value'

export interface NotDecoded {
  kind: 'not-decoded'
  reason: NotDecodedReason
  /** One line written by qprov; a register name in it is cleaned and cut. */
  detail: string
}

export interface SamplerPub {
  kind: 'sampler'
  registers: RegisterCounts[]
}

export interface EstimatorPub {
  kind: 'estimator'
  /** evs' shape: [] for one number, [n] for n observables, and so on. */
  shape: number[]
  values: EstimatorValue[]
  /** Values beyond those listed, left out to bound the work. */
  omitted: number
}

export type DecodedPub = (SamplerPub | EstimatorPub | NotDecoded) & { index: number }

export type DecodedResults =
  { kind: 'decoded'; pubs: DecodedPub[]; omittedPubs: number } | NotDecoded

export const MAX_RESULTS_CHARS = 64 * 1024 * 1024
export const MAX_PUBS = 1000
const MAX_REGISTERS = 128
/** Samples across all PUBs; PUBs beyond it are left undecoded rather than slow the report. */
const MAX_TOTAL_SAMPLES = 4_000_000
const NAME_CHARS = 100

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const notDecoded = (reason: NotDecodedReason, detail: string): NotDecoded => ({
  kind: 'not-decoded',
  reason,
  detail
})

/** Qiskit's RuntimeEncoder tags its objects with `__type__`; those are not the plain format. */
const isQiskitEncoded = (v: unknown): boolean => isObject(v) && Object.hasOwn(v, '__type__')

const registerName = (key: string): string => cutText(cleanText(key), NAME_CHARS)

function decodeSampler(
  data: Record<string, unknown>,
  budget: { samples: number }
): SamplerPub | NotDecoded {
  const keys = Object.keys(data)
  if (keys.length > MAX_REGISTERS)
    return notDecoded('too-large', `more than ${MAX_REGISTERS} classical registers`)
  const registers: RegisterCounts[] = []
  for (const key of keys) {
    const reg = data[key]
    const name = registerName(key)
    if (!isObject(reg) || !Array.isArray(reg.samples))
      return notDecoded('unexpected-shape', `register ${name} has no samples array`)
    const numBits = reg.num_bits
    if (typeof numBits !== 'number' || !Number.isInteger(numBits) || numBits < 0)
      return notDecoded('unexpected-shape', `register ${name} has no valid num_bits`)
    if (numBits > MAX_NUM_BITS)
      return notDecoded('too-large', `register ${name} has more than ${MAX_NUM_BITS} bits`)
    if (reg.samples.length > budget.samples)
      return notDecoded('too-large', `more than ${MAX_TOTAL_SAMPLES} samples in all`)
    budget.samples -= reg.samples.length
    const counts = countRegister(name, reg.samples, numBits)
    if ('problem' in counts)
      return notDecoded('invalid-value', `register ${name}: ${counts.detail}`)
    registers.push(counts)
  }
  return { kind: 'sampler', registers }
}

/** evs present as a number or an array marks an estimator PUB; a register named evs is an object. */
const looksEstimator = (data: Record<string, unknown>): boolean =>
  typeof data.evs === 'number' || Array.isArray(data.evs)

function decodePub(
  pub: unknown,
  budget: { samples: number }
): SamplerPub | EstimatorPub | NotDecoded {
  if (isQiskitEncoded(pub)) return notDecoded('qiskit-encoded', 'a Qiskit-encoded PUB result')
  if (!isObject(pub) || !isObject(pub.data))
    return notDecoded('unexpected-shape', 'a PUB result without a data object')
  if (isQiskitEncoded(pub.data)) return notDecoded('qiskit-encoded', 'Qiskit-encoded PUB data')
  if (looksEstimator(pub.data)) {
    const est = decodeEstimatorData(pub.data)
    return 'problem' in est ? notDecoded(est.problem, est.detail) : { kind: 'estimator', ...est }
  }
  return decodeSampler(pub.data, budget)
}

/** Decodes an already parsed results document. */
export function decodeResultsValue(doc: unknown): DecodedResults {
  if (isQiskitEncoded(doc))
    return notDecoded('qiskit-encoded', 'Qiskit-encoded results (submitted with support_qiskit)')
  if (!isObject(doc) || !Array.isArray(doc.results))
    return notDecoded('unexpected-shape', 'no results array')
  const budget = { samples: MAX_TOTAL_SAMPLES }
  const pubs = doc.results
    .slice(0, MAX_PUBS)
    .map((pub: unknown, index) => ({ ...decodePub(pub, budget), index }))
  return { kind: 'decoded', pubs, omittedPubs: Math.max(0, doc.results.length - MAX_PUBS) }
}

/** Decodes results.json's text exactly as stored; a byte string is read as UTF-8. */
export function decodeResults(text: string | Uint8Array): DecodedResults {
  const size = typeof text === 'string' ? text.length : text.byteLength
  if (size > MAX_RESULTS_CHARS)
    return notDecoded('too-large', `results are larger than ${MAX_RESULTS_CHARS} characters`)
  let doc: unknown
  try {
    doc = JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text))
  } catch {
    // Python's json writes NaN and Infinity, which are not JSON; such results stay undecoded.
    return notDecoded('not-json', 'results are not JSON')
  }
  return decodeResultsValue(doc)
}
