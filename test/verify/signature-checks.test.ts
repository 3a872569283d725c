import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { checkSignedBundle } from '../../src/verify/signature-checks.js'
import { describeShared, sharedPath } from '../helpers/shared.js'
import {
  exampleFiles,
  examplePolicy,
  exampleSignatures,
  exampleTrust,
  findingOf
} from './example-bundle.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const NAME = PROOF_FILES.bindingBundle
const subject = `sha256:${createHash('sha256').update(exampleFiles[PROOF_FILES.statement]).digest('hex')}`
const ctx = { trust: exampleTrust, policy: examplePolicy }
const check = (bytes: Buffer | undefined, c = ctx, reference?: unknown) =>
  checkSignedBundle(bytes, NAME, subject, c, reference)
const json = () => JSON.parse(exampleFiles[NAME].toString('utf8')) as Json
const bytesOf = (j: unknown) => Buffer.from(`${JSON.stringify(j)}\n`)

describe('checkSignedBundle', () => {
  it('verifies the cryptography, then the policy, and returns the signed payload', () => {
    const r = check(exampleFiles[NAME])
    expect(r.signature).toEqual({
      status: 'pass',
      detail: `${NAME}: certificate chain, timestamps, transparency log and signature verified`
    })
    expect(r.identity).toEqual({ status: 'pass', detail: examplePolicy.identity })
    expect(r.payload?.equals(Buffer.from(json().dsseEnvelope.payload, 'base64'))).toBe(true)
    expect(r.payloadType).toBe('application/vnd.in-toto+json')
    expect(r.signer).toMatchObject({
      identity: examplePolicy.identity,
      issuer: examplePolicy.issuer
    })
    expect(r.json).toEqual(json())
  })

  it('fails a missing file, text that is not JSON, and JSON that is no bundle', () => {
    expect(check(undefined)).toStrictEqual({
      signature: { status: 'fail', finding: 'file-missing', detail: `${NAME} is missing` }
    })
    expect(check(Buffer.from('{'))).toStrictEqual({
      signature: { status: 'fail', finding: 'bundle-not-json', detail: `${NAME} is not JSON` }
    })
    const malformed = check(Buffer.from('{"mediaType":1}\n'))
    expect(findingOf(malformed.signature)).toBe('bundle-malformed')
    expect(malformed.signature.detail).toMatch(
      /^binding\.sigstore\.json is not a Sigstore bundle \(.+\)$/
    )
    expect(malformed.json).toEqual({ mediaType: 1 })
    expect(malformed.identity).toBeUndefined()
  })

  it('fails any serialisation other than the canonical one', () => {
    const spaced = Buffer.from(`${JSON.stringify(json(), null, 1)}\n`)
    expect(check(spaced).signature.detail).toBe(
      `${NAME} is not in canonical form (JSON.stringify of the bundle)`
    )
    const noNewline = Buffer.from(JSON.stringify(json()))
    expect(findingOf(check(noNewline).signature)).toBe('bundle-not-canonical')
  })

  it('fails an unsigned field that is not the profile’s, naming it', () => {
    const j = json()
    j.dsseEnvelope.signatures[0].keyid = 'k'
    expect(check(bytesOf(j)).signature).toMatchObject({
      finding: 'unsigned-field',
      mismatches: [{ field: 'dsseEnvelope.signatures[0].keyid', expected: '', actual: '"k"' }]
    })
  })

  it('compares the evidence with a reference bundle only when one is given', () => {
    const reference = structuredClone(exampleSignatures().stmt.json) as Json
    expect(check(exampleFiles[NAME], ctx, reference).signature.status).toBe('pass')
    reference.verificationMaterial.tlogEntries = []
    expect(check(exampleFiles[NAME], ctx, reference).signature).toMatchObject({
      finding: 'unsigned-field',
      mismatches: [{ expected: expect.stringMatching(/^rfc3161 /) }]
    })
    expect(check(exampleFiles[NAME], ctx, undefined).signature.status).toBe('pass')
  })

  it('fails a signature that does not verify, with the Sigstore code', () => {
    const r = checkSignedBundle(exampleFiles[NAME], NAME, `sha256:${'0'.repeat(64)}`, ctx)
    expect(r.signature.status).toBe('pass')
    const j = json()
    const sig = Buffer.from(j.dsseEnvelope.signatures[0].sig, 'base64')
    sig[sig.length - 1] ^= 1
    j.dsseEnvelope.signatures[0].sig = sig.toString('base64')
    const bad = check(bytesOf(j))
    expect(bad.signature).toMatchObject({
      status: 'fail',
      finding: 'signature-invalid',
      code: 'TIMESTAMP_ERROR'
    })
    expect(bad.signature.detail).toMatch(
      /^binding\.sigstore\.json did not verify \[TIMESTAMP_ERROR\] \(.+\)$/
    )
    expect(bad.identity).toBeUndefined()
    expect(bad.payload).toBeUndefined()
  })

  it('fails an unusable policy as a signature that could not be verified', () => {
    const r = check(exampleFiles[NAME], {
      trust: exampleTrust,
      policy: { ...examplePolicy, identity: '' }
    })
    expect(r.signature).toMatchObject({
      finding: 'signature-invalid',
      code: 'POLICY_INVALID',
      detail: `${NAME} did not verify [POLICY_INVALID] (the certificate identity must not be empty)`
    })
  })

  it('keeps the policy apart: a signature that verifies for another signer', () => {
    const other = {
      ...examplePolicy,
      identity: `${examplePolicy.identity}x`,
      sourceRef: 'refs/heads/x'
    }
    const r = check(exampleFiles[NAME], { trust: exampleTrust, policy: other })
    expect(r.signature.status).toBe('pass')
    expect(r.payload).toBeDefined()
    expect(r.identity).toMatchObject({
      status: 'fail',
      finding: 'signer-policy',
      mismatches: [
        { field: 'identity', expected: other.identity, actual: examplePolicy.identity },
        { field: 'source-ref', expected: 'refs/heads/x', actual: 'refs/heads/main' }
      ]
    })
  })
})

describe('checkSignedBundle on a message signature', () => {
  it('refuses a bundle that is not DSSE before verifying it', () => {
    const j = json()
    delete j.dsseEnvelope
    j.messageSignature = {
      messageDigest: { algorithm: 'SHA2_256', digest: Buffer.alloc(32).toString('base64') },
      signature: Buffer.from('30060201010201 01'.replace(' ', ''), 'hex').toString('base64')
    }
    const canonical = Buffer.from(`${JSON.stringify(bundleToJSON(bundleFromJSON(j)))}\n`)
    const r = check(canonical)
    expect(r.signature).toEqual({
      status: 'fail',
      finding: 'not-dsse',
      detail: `${NAME} is not a DSSE bundle`
    })
    expect(r.json).toBeDefined()
  })
})

describeShared(
  'checkSignedBundle on a message signature from the conformance vectors',
  () => {
    it('refuses a bundle that is not DSSE before verifying it', () => {
      const bytes = readFileSync(
        sharedPath(
          'vectors/sigstore-conformance/bundle-verify/happy-path-v0.3/bundle.sigstore.json'
        )
      )
      const canonical = Buffer.from(`${JSON.stringify(JSON.parse(bytes.toString('utf8')))}\n`)
      const r = check(canonical)
      expect(r.signature).toMatchObject({
        finding: 'not-dsse',
        detail: `${NAME} is not a DSSE bundle`
      })
    })
  },
  ['sigstore-conformance']
)
