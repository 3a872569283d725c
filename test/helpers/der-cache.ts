import { ASN1Obj } from '@sigstore/core'

const CACHED = Symbol.for('qprov.test.der-cache')
const encodings = new WeakMap<ASN1Obj, Buffer>()

/**
 * Keeps each parsed ASN.1 object's DER encoding, in test processes only (vitest.config.ts loads
 * this file first in every test process; the CLI's own processes and dist/ never load it).
 *
 * @sigstore/core encodes a certificate again on every comparison (`X509Certificate.equals`,
 * `.verify`, `.clone`), and @sigstore/verify compares the signing certificate with every trusted
 * CA while it builds and de-duplicates the chain. In a suite that verifies a thousand variants of
 * one bundle that re-encoding was three quarters of the time (a byte-sweep loop: 75 s against
 * 20 s). A parsed object never changes, so its encoding is computed once; each caller gets its
 * own copy. Every comparison and signature check still runs on those bytes
 * (test/verify/byte-sweep.test.ts checks the cache against a fresh encoding).
 */
export function cacheDerEncodings(): void {
  const proto = ASN1Obj.prototype as ASN1Obj & { [CACHED]?: true }
  if (proto[CACHED]) return
  const encode = proto.toDER
  proto.toDER = function (this: ASN1Obj): Buffer {
    let der = encodings.get(this)
    if (der === undefined) encodings.set(this, (der = encode.call(this)))
    return Buffer.from(der)
  }
  proto[CACHED] = true
}

cacheDerEncodings()
