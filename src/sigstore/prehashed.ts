import { constants, createECDH, publicDecrypt, type KeyObject } from 'node:crypto'

/**
 * Signature verification over a digest the caller already holds (the `sha256:<hex>` artifact
 * form of verify-bundle). Node's crypto.verify always hashes its input, so ECDSA is checked here
 * with BigInt arithmetic and RSA PKCS#1 v1.5 through the recovered DigestInfo. Public values only:
 * nothing here needs to be constant-time. Unsupported key types never verify.
 */
export function verifyPrehashedSha256(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  try {
    if (digest.length !== 32) return false
    if (key.asymmetricKeyType === 'ec') return verifyEcdsa(key, digest, signature)
    if (key.asymmetricKeyType === 'rsa') return verifyRsaPkcs1(key, digest, signature)
    return false
  } catch {
    return false
  }
}

const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')

function verifyRsaPkcs1(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature)
  return recovered.equals(Buffer.concat([SHA256_DIGEST_INFO, digest]))
}

interface Curve {
  p: bigint
  n: bigint
  b: bigint
  g: [bigint, bigint]
}

const CURVES: Record<string, { p: string; n: string; b: string; openssl: string }> = {
  'P-256': {
    p: 'ffffffff00000001000000000000000000000000ffffffffffffffffffffffff',
    n: 'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551',
    b: '5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b',
    openssl: 'prime256v1'
  },
  'P-384': {
    p: 'fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff',
    n: 'ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973',
    b: 'b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef',
    openssl: 'secp384r1'
  }
}
const curveCache = new Map<string, Curve>()

/** Curve constants; the generator comes from OpenSSL (public key of d = 1) rather than a table. */
export function curve(name: string): Curve | undefined {
  const spec = CURVES[name]
  if (spec === undefined) return undefined
  let c = curveCache.get(name)
  if (c === undefined) {
    const ecdh = createECDH(spec.openssl)
    const size = spec.p.length / 2
    const one = Buffer.alloc(size)
    one[size - 1] = 1
    ecdh.setPrivateKey(one)
    const g = ecdh.getPublicKey()
    c = {
      p: BigInt(`0x${spec.p}`),
      n: BigInt(`0x${spec.n}`),
      b: BigInt(`0x${spec.b}`),
      g: [toBig(g.subarray(1, 1 + size)), toBig(g.subarray(1 + size))]
    }
    curveCache.set(name, c)
  }
  return c
}

function toBig(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString('hex')}`)
}

function mod(a: bigint, m: bigint): bigint {
  const r = a % m
  return r < 0n ? r + m : r
}

function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m]
  let [s0, s1] = [1n, 0n]
  while (r1 !== 0n) {
    const q = r0 / r1
    ;[r0, r1] = [r1, r0 - q * r1]
    ;[s0, s1] = [s1, s0 - q * s1]
  }
  if (r0 !== 1n) throw new Error('not invertible')
  return mod(s0, m)
}

type Jacobian = [bigint, bigint, bigint]
const INFINITY: Jacobian = [0n, 1n, 0n]

// Jacobian doubling and addition for a = -3 curves.
function double([x, y, z]: Jacobian, p: bigint): Jacobian {
  if (z === 0n || y === 0n) return INFINITY
  const y2 = mod(y * y, p)
  const s = mod(4n * x * y2, p)
  const z2 = mod(z * z, p)
  const m = mod(3n * (x - z2) * (x + z2), p)
  const x3 = mod(m * m - 2n * s, p)
  return [x3, mod(m * (s - x3) - 8n * y2 * y2, p), mod(2n * y * z, p)]
}

function add(a: Jacobian, b: Jacobian, p: bigint): Jacobian {
  if (a[2] === 0n) return b
  if (b[2] === 0n) return a
  const z1z1 = mod(a[2] * a[2], p)
  const z2z2 = mod(b[2] * b[2], p)
  const u1 = mod(a[0] * z2z2, p)
  const u2 = mod(b[0] * z1z1, p)
  const s1 = mod(a[1] * b[2] * z2z2, p)
  const s2 = mod(b[1] * a[2] * z1z1, p)
  if (u1 === u2) return s1 === s2 ? double(a, p) : INFINITY
  const h = u2 - u1
  const r = s2 - s1
  const hh = mod(h * h, p)
  const hhh = mod(h * hh, p)
  const v = mod(u1 * hh, p)
  const x3 = mod(r * r - hhh - 2n * v, p)
  return [x3, mod(r * (v - x3) - s1 * hhh, p), mod(a[2] * b[2] * h, p)]
}

/** u1·G + u2·Q by a joint double-and-add. */
function twoMul(u1: bigint, g: Jacobian, u2: bigint, q: Jacobian, p: bigint): Jacobian {
  const gq = add(g, q, p)
  let acc = INFINITY
  const bits = Math.max(u1.toString(2).length, u2.toString(2).length)
  for (let i = bits - 1; i >= 0; i--) {
    acc = double(acc, p)
    const b1 = (u1 >> BigInt(i)) & 1n
    const b2 = (u2 >> BigInt(i)) & 1n
    if (b1 && b2) acc = add(acc, gq, p)
    else if (b1) acc = add(acc, g, p)
    else if (b2) acc = add(acc, q, p)
  }
  return acc
}

function verifyEcdsa(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const jwk = key.export({ format: 'jwk' })
  const c = curve(String(jwk.crv))
  if (c === undefined || jwk.x === undefined || jwk.y === undefined) return false
  const rs = parseDerSignature(signature)
  if (rs === undefined) return false
  const [r, s] = rs
  if (r <= 0n || r >= c.n || s <= 0n || s >= c.n) return false
  const qx = toBig(Buffer.from(jwk.x, 'base64url'))
  const qy = toBig(Buffer.from(jwk.y, 'base64url'))
  // Node already validated the key on import, but a point off the curve must never pass.
  if (mod(qy * qy - (qx * qx * qx - 3n * qx + c.b), c.p) !== 0n) return false
  // Digest (256 bits) is never longer than n for P-256/P-384, so no truncation is needed.
  const e = mod(toBig(digest), c.n)
  const w = inverse(s, c.n)
  const point = twoMul(mod(e * w, c.n), [c.g[0], c.g[1], 1n], mod(r * w, c.n), [qx, qy, 1n], c.p)
  if (point[2] === 0n) return false
  const zInv = inverse(point[2], c.p)
  const x = mod(point[0] * zInv * zInv, c.p)
  return mod(x, c.n) === r
}

/** Strict DER `SEQUENCE { INTEGER r, INTEGER s }`. */
export function parseDerSignature(sig: Buffer): [bigint, bigint] | undefined {
  if (sig.length < 8 || sig[0] !== 0x30) return undefined
  let off = 2
  let seqLen = sig[1]
  if (seqLen === 0x81) {
    seqLen = sig[2]
    off = 3
  } else if (seqLen & 0x80) return undefined
  if (off + seqLen !== sig.length) return undefined
  const ints: bigint[] = []
  for (let k = 0; k < 2; k++) {
    if (sig[off] !== 0x02) return undefined
    const len = sig[off + 1]
    if (len === 0 || len & 0x80 || off + 2 + len > sig.length) return undefined
    const body = sig.subarray(off + 2, off + 2 + len)
    if (body[0] & 0x80) return undefined // negative
    if (len > 1 && body[0] === 0 && !(body[1] & 0x80)) return undefined // non-minimal
    ints.push(toBig(body))
    off += 2 + len
  }
  return off === sig.length ? [ints[0], ints[1]] : undefined
}
