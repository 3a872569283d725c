import { ASN1Obj } from '@sigstore/core'

const CACHED = Symbol.for('qprov.der-encoding-cache')
const encodings = new WeakMap<ASN1Obj, Buffer>()

/**
 * Keeps each parsed ASN.1 object's DER encoding, so that a certificate is encoded once.
 *
 * @sigstore/core's ASN1Obj.toDER builds the encoding again, field by field, on every call, and
 * @sigstore/verify calls it for every certificate comparison (`X509Certificate.equals`, which the
 * chain builder runs between the signing certificate and each trusted CA, and again to
 * de-duplicate the chain), every issuer signature check and every clone. That was a third of
 * a cold `qprov verify` of one proof bundle: with the cache it went from 0.35 s to 0.28-0.32 s
 * (`npm run bench -- action`), and a test loop over 1,622 bundle variants from 75 s to 20 s.
 *
 * Sound because a parsed object is never changed: the verifier only reads what it parsed, so the
 * first encoding stays the encoding. Every comparison and signature check still runs, on the
 * same bytes; each caller gets its own copy, so no caller can alter what another one reads.
 * test/sigstore/der-encoding-cache.test.ts holds the cache to a fresh encoding.
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
