import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ASN1Obj, X509Certificate } from '@sigstore/core'
import { describe, expect, it } from 'vitest'
import { cacheDerEncodings } from '../../src/sigstore/der-encoding-cache.js'
import { REPO_ROOT } from '../helpers/cli.js'

const bundleCert = (file: string): Buffer<ArrayBuffer> => {
  const b = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/proof-chain/bundle', file), 'utf8'))
  return Buffer.from(b.verificationMaterial.certificate.rawBytes, 'base64')
}

describe('the DER encoding cache', () => {
  cacheDerEncodings()
  const stmt = bundleCert('statement.sigstore.json')
  const root = JSON.parse(
    readFileSync(
      join(REPO_ROOT, 'examples/proof-chain/sandbox-trusted-root.NOT-FOR-PRODUCTION.json'),
      'utf8'
    )
  )
  const ca = Buffer.from(
    root.certificateAuthorities[0].certChain.certificates[0].rawBytes,
    'base64'
  )

  it('is installed once, however often it is asked for', () => {
    const toDER = ASN1Obj.prototype.toDER
    cacheDerEncodings()
    expect(ASN1Obj.prototype.toDER).toBe(toDER)
  })

  it('gives each object its own encoding, the bytes it was parsed from, every time', () => {
    const a = X509Certificate.parse(stmt)
    const b = X509Certificate.parse(ca)
    for (let i = 0; i < 3; i++) {
      expect(a.root.toDER()).toEqual(stmt)
      expect(b.root.toDER()).toEqual(ca)
      expect(a.tbsCertificate.toDER()).toEqual(a.tbsCertificate.toDER())
    }
    expect(a.equals(X509Certificate.parse(Buffer.from(stmt)))).toBe(true)
    expect(a.equals(b)).toBe(false)
  })

  it('hands each caller a copy: changing one changes nothing another reads', () => {
    const cert = X509Certificate.parse(Buffer.from(stmt))
    const first = cert.root.toDER()
    first.fill(0)
    expect(cert.root.toDER()).toEqual(stmt)
    expect(cert.clone().root.toDER()).toEqual(stmt)
  })

  it('still tells a certificate from one that differs in a single byte', () => {
    const other = Buffer.from(stmt)
    other[other.length - 1] ^= 1
    const a = X509Certificate.parse(stmt)
    expect(a.root.toDER()).toEqual(stmt)
    expect(a.equals(X509Certificate.parse(other))).toBe(false)
  })
})
