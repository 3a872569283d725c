import { ASN1Obj } from '@sigstore/core'

const encodings = new WeakMap<ASN1Obj, Buffer>()
let installed = false

/**
 * Keeps each parsed ASN.1 object's DER encoding, in this test process only.
 *
 * @sigstore/core encodes a certificate again on every comparison (`X509Certificate.equals`,
 * `.verify`, `.clone`), and @sigstore/verify compares the signing certificate with every trusted
 * CA while it builds and de-duplicates the chain. In a suite that verifies a thousand variants of
 * one bundle that re-encoding was three quarters of the time (byte-sweep: 75 s against 20 s for
 * the same loop). A parsed object never changes, so its encoding is computed once; each caller
 * gets its own copy. Every comparison and signature check still runs on those bytes.
 */
export function cacheDerEncodings(): void {
  if (installed) return
  installed = true
  const encode = ASN1Obj.prototype.toDER
  ASN1Obj.prototype.toDER = function (this: ASN1Obj): Buffer {
    let der = encodings.get(this)
    if (der === undefined) encodings.set(this, (der = encode.call(this)))
    return Buffer.from(der)
  }
}
