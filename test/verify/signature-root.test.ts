import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import type { PreparedTrust } from '../../src/sigstore/verify-bundle.js'
import { checkSignedBundle } from '../../src/verify/signature-checks.js'
import { digestOf } from '../../src/verify/bundle-context.js'
import { exampleFiles, examplePolicy, exampleTrust, findingOf } from './example-bundle.js'

/**
 * checkSignedBundle when the cryptography fails: told apart as a bundle from another trusted
 * root, and under a stricter verification profile. The example's binding bundle, no sandbox.
 */
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const NAME = PROOF_FILES.bindingBundle
const subject = digestOf(exampleFiles, PROOF_FILES.statement) as string
const json = () => JSON.parse(exampleFiles[NAME].toString('utf8')) as Json
const bytesOf = (j: unknown) => Buffer.from(`${JSON.stringify(j)}\n`)
/** The binding bundle with one bit of its DSSE signature flipped: the cryptography fails. */
const badSignature = (): Json => {
  const j = json()
  const sig = Buffer.from(j.dsseEnvelope.signatures[0].sig, 'base64')
  sig[sig.length - 1] ^= 1
  j.dsseEnvelope.signatures[0].sig = sig.toString('base64')
  return j
}
const trustWith = (names: string[]): PreparedTrust => ({
  ...exampleTrust,
  authorities: { names, certs: [] }
})
const check = (j: Json, trust: PreparedTrust = exampleTrust) =>
  checkSignedBundle(bytesOf(j), NAME, subject, { trust, policy: examplePolicy })

describe('a signature that fails under a root that did not issue its certificate', () => {
  it('is untrusted-root, naming the leaf issuer and the root’s authorities', () => {
    expect(exampleTrust.authorities.certs.length).toBeGreaterThan(0)
    expect(findingOf(check(badSignature()).signature)).toBe('signature-invalid')
    const other = check(badSignature(), trustWith(['O=one', 'O=two']))
    expect(other.signature).toMatchObject({ status: 'fail', finding: 'untrusted-root' })
    expect(other.identity).toBeUndefined()
    expect(other.json).toEqual(badSignature())
    expect(findingOf(check(badSignature(), trustWith([])).signature)).toBe('untrusted-root')
  })

  it('is signature-invalid when the bundle has no readable certificate to tell', () => {
    // One DER value that is no certificate, as the bundle's certificate and as the one its log
    // entry names, so the unsigned-field pins let it through to the cryptography.
    const garbage = Buffer.from('3003020101', 'hex').toString('base64')
    const j = json()
    const entry = j.verificationMaterial.tlogEntries[0]
    const body = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString('utf8'))
    const pem = `-----BEGIN CERTIFICATE-----\n${garbage}\n-----END CERTIFICATE-----\n`
    body.spec.signatures[0].verifier = Buffer.from(pem).toString('base64')
    entry.canonicalizedBody = Buffer.from(JSON.stringify(body)).toString('base64')
    j.verificationMaterial.certificate.rawBytes = garbage
    const r = check(j, trustWith([]))
    expect(r.signature).toMatchObject({
      status: 'fail',
      finding: 'signature-invalid',
      code: 'CERTIFICATE_ERROR'
    })
    expect(r.identity).toBeUndefined()
  })
})

describe('the verification profile', () => {
  it('decides how much evidence a signature must carry', () => {
    const sig = { trust: exampleTrust, policy: examplePolicy }
    const strict = {
      ...sig,
      profile: {
        name: 'custom' as const,
        thresholds: { tlogThreshold: 2, ctlogThreshold: 0, timestampThreshold: 1 }
      }
    }
    expect(checkSignedBundle(exampleFiles[NAME], NAME, subject, sig).signature.status).toBe('pass')
    const r = checkSignedBundle(exampleFiles[NAME], NAME, subject, strict)
    expect(r.signature).toMatchObject({ status: 'fail', finding: 'signature-invalid' })
    expect(r.payload).toBeUndefined()
  })
})
