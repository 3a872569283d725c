/** One measured outcome of a classical register: its bits, most significant first. */
export interface Outcome {
  bitstring: string
  count: number
}

export interface RegisterCounts {
  name: string
  numBits: number
  /** Samples in the register, the sum of every outcome's count. */
  shots: number
  /** Outcomes seen, of which `top` lists the most frequent. */
  distinct: number
  /** Most frequent first; ties in ascending bit order. At most TOP_OUTCOMES. */
  top: Outcome[]
}

/** Why a register could not be counted, in words a reader of the report can act on. */
export type CountProblem = { problem: 'invalid-sample'; detail: string }

export const TOP_OUTCOMES = 64
/** IBM's largest devices have a few hundred qubits; a wider register is not a result. */
export const MAX_NUM_BITS = 4096
const MAX_SAMPLE_CHARS = 2 + MAX_NUM_BITS / 4 + 8

const HEX = /^0x([0-9a-f]+)$/i
const NIBBLE = Array.from({ length: 16 }, (_, i) => i.toString(2).padStart(4, '0'))

/** Lower case, no prefix, no leading zeros: one key per value, whatever the server's spelling. */
function normalHex(sample: string): string | undefined {
  const m = HEX.exec(sample)
  if (!m) return undefined
  const digits = (m[1] as string).toLowerCase().replace(/^0+/, '')
  return digits === '' ? '0' : digits
}

/** Significant bits of a normalised hex value. */
function bitLength(hex: string): number {
  if (hex === '0') return 0
  return (hex.length - 1) * 4 + parseInt(hex[0] as string, 16).toString(2).length
}

function toBitstring(hex: string, numBits: number): string {
  // slice(-0) would keep every bit, so a zero-width register is spelled out.
  if (numBits === 0) return ''
  let bits = ''
  for (const d of hex) bits += NIBBLE[parseInt(d, 16)]
  return bits.slice(-numBits).padStart(numBits, '0')
}

interface Entry {
  hex: string
  count: number
}

/** Equal bit lengths compare as strings; otherwise the shorter value is the smaller. */
const hexLess = (a: string, b: string): boolean =>
  a.length !== b.length ? a.length < b.length : a < b

/** True when a ranks before b: more frequent, then the smaller value. */
const ranksBefore = (a: Entry, b: Entry): boolean =>
  a.count !== b.count ? a.count > b.count : hexLess(a.hex, b.hex)

/**
 * The k best entries, best first. A heap whose root is the worst kept entry makes this
 * O(n log k), so a register of a million distinct outcomes costs no full sort.
 */
function topK(entries: Iterable<Entry>, k: number): Entry[] {
  const heap: Entry[] = []
  const worse = (i: number, j: number) => ranksBefore(heap[j] as Entry, heap[i] as Entry)
  const swap = (i: number, j: number) => {
    const t = heap[i] as Entry
    heap[i] = heap[j] as Entry
    heap[j] = t
  }
  for (const e of entries) {
    if (heap.length < k) {
      heap.push(e)
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1
        if (!worse(i, p)) break
        swap(i, p)
        i = p
      }
    } else if (ranksBefore(e, heap[0] as Entry)) {
      heap[0] = e
      for (let i = 0; ;) {
        const l = 2 * i + 1
        const r = l + 1
        let w = i
        if (l < heap.length && worse(l, w)) w = l
        if (r < heap.length && worse(r, w)) w = r
        if (w === i) break
        swap(i, w)
        i = w
      }
    }
  }
  return heap.sort((a, b) => (ranksBefore(a, b) ? -1 : 1))
}

/**
 * Counts a register's hex samples. Samples are tallied by their text first and each distinct
 * text is checked once, so a million shots cost a million map updates and little else.
 */
export function countRegister(
  name: string,
  samples: readonly unknown[],
  numBits: number
): RegisterCounts | CountProblem {
  const raw = new Map<string, number>()
  for (const s of samples) {
    if (typeof s !== 'string' || s.length > MAX_SAMPLE_CHARS)
      return { problem: 'invalid-sample', detail: 'a sample is not a hex string' }
    raw.set(s, (raw.get(s) ?? 0) + 1)
  }
  // IBM writes canonical hex ('0x1f'); only another spelling needs a second map to merge values.
  let canonical = true
  const merged = new Map<string, number>()
  for (const [s, n] of raw) {
    const hex = normalHex(s)
    if (hex === undefined)
      return { problem: 'invalid-sample', detail: 'a sample is not a hex string' }
    if (bitLength(hex) > numBits)
      return { problem: 'invalid-sample', detail: `a sample is wider than num_bits (${numBits})` }
    if (canonical && s[1] === 'x' && s.length === hex.length + 2 && s.endsWith(hex)) continue
    if (canonical) {
      canonical = false
      for (const [k, m] of raw) {
        if (k === s) break
        merged.set(k.slice(2), m)
      }
    }
    merged.set(hex, (merged.get(hex) ?? 0) + n)
  }
  const byValue = canonical ? raw : merged
  const prefix = canonical ? 2 : 0
  const entries = (function* () {
    for (const [key, count] of byValue) yield { hex: key.slice(prefix), count }
  })()
  return {
    name,
    numBits,
    shots: samples.length,
    distinct: byValue.size,
    top: topK(entries, TOP_OUTCOMES).map(e => ({
      bitstring: toBitstring(e.hex, numBits),
      count: e.count
    }))
  }
}
