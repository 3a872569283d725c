import type { KeyObject } from 'node:crypto'

/**
 * ECDSA P-256 verification over a digest the caller already holds, as Rekor v2 checks a
 * hashedrekord (it never sees the signed bytes, only their hash). Node's crypto.verify always
 * hashes its input, so this is SEC 1 §4.1.4 in BigInt arithmetic. The sandbox keeps its own copy
 * on purpose: it is the client's test oracle and shares no code with it. Public values only.
 */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n
const A = P - 3n
const G: Point = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n
]

type Point = [bigint, bigint] | null

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m

function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m]
  let [s0, s1] = [1n, 0n]
  while (r1 !== 0n) {
    const q = r0 / r1
    ;[r0, r1] = [r1, r0 - q * r1]
    ;[s0, s1] = [s1, s0 - q * s1]
  }
  return mod(s0, m)
}

function add(p: Point, q: Point): Point {
  if (p === null) return q
  if (q === null) return p
  const [x1, y1] = p
  const [x2, y2] = q
  if (x1 === x2 && mod(y1 + y2, P) === 0n) return null
  const l =
    x1 === x2 && y1 === y2
      ? mod((3n * x1 * x1 + A) * inverse(2n * y1, P), P)
      : mod((y2 - y1) * inverse(x2 - x1, P), P)
  const x3 = mod(l * l - x1 - x2, P)
  return [x3, mod(l * (x1 - x3) - y1, P)]
}

function multiply(k: bigint, p: Point): Point {
  let result: Point = null
  let addend = p
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(result, addend)
    addend = add(addend, addend)
  }
  return result
}

/** r and s of a DER ECDSA-Sig-Value; undefined for anything else. */
function parseSignature(der: Buffer): [bigint, bigint] | undefined {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return undefined
  const ints: bigint[] = []
  let at = 2
  for (let i = 0; i < 2; i++) {
    const len = der[at + 1] as number
    if (der[at] !== 0x02 || len === 0 || len > 33 || at + 2 + len > der.length) return undefined
    ints.push(BigInt(`0x${der.subarray(at + 2, at + 2 + len).toString('hex')}`))
    at += 2 + len
  }
  return at === der.length ? (ints as [bigint, bigint]) : undefined
}

const onCurve = ([x, y]: [bigint, bigint]): boolean =>
  mod(
    y * y -
      (x * x * x + A * x + 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn),
    P
  ) === 0n

export function verifyP256Digest(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    return false
  if (digest.length !== 32) return false
  const rs = parseSignature(signature)
  if (rs === undefined) return false
  const [r, s] = rs
  if (r < 1n || r >= N || s < 1n || s >= N) return false
  const jwk = key.export({ format: 'jwk' })
  const coord = (v?: string) =>
    BigInt(`0x${Buffer.from(v ?? '', 'base64url').toString('hex') || '0'}`)
  const q: [bigint, bigint] = [coord(jwk.x), coord(jwk.y)]
  if (!onCurve(q)) return false
  const w = inverse(s, N)
  const e = BigInt(`0x${digest.toString('hex')}`)
  const point = add(multiply(mod(e * w, N), G), multiply(mod(r * w, N), q))
  return point !== null && mod(point[0], N) === r
}
