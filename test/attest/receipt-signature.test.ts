import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { verifyReceiptSignature } from '../../src/attest/receipt-signature.js'
import { describeShared, sharedPath } from '../helpers/shared.js'

const DIR = sharedPath('vectors/aiir/receipts/signed-v1/')
const DOGFOOD =
  'https://github.com/invariant-systems-ai/aiir/.github/workflows/dogfood.yml@refs/heads/main'
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
const policy = { identity: DOGFOOD, issuer: GITHUB_ISSUER }

function receipts(): { name: string; bytes: Buffer; bundle: unknown }[] {
  if (!existsSync(DIR)) return []
  return readdirSync(DIR)
    .filter(f => f.endsWith('.json'))
    .sort()
    .map(name => ({
      name,
      bytes: readFileSync(DIR + name),
      bundle: JSON.parse(readFileSync(`${DIR + name}.sigstore`, 'utf8'))
    }))
}

describeShared('AIIR signed-v1 receipts verify offline over the exact file bytes', () => {
  const all = receipts()

  it('has the 7 real receipts', () => {
    expect(all).toHaveLength(7)
  })

  it.each(all.map(r => [r.name, r] as const))(
    '%s verifies with the dogfood identity',
    async (_n, r) => {
      const res = await verifyReceiptSignature(r.bytes, r.bundle, policy)
      expect(res).toMatchObject({ verified: true, identity: DOGFOOD, issuer: GITHUB_ISSUER })
      expect(res.logIndex).toMatch(/^\d+$/)
    }
  )

  it.each(all.map(r => [r.name, r] as const))(
    '%s fails under every wrong policy',
    async (_n, r) => {
      const wrong = [
        { identity: DOGFOOD.replace('refs/heads/main', 'refs/heads/dev'), issuer: GITHUB_ISSUER },
        { identity: 'https://github.com/invariant-systems-ai/aiir', issuer: GITHUB_ISSUER },
        { identity: DOGFOOD.slice(0, -1), issuer: GITHUB_ISSUER },
        { identity: DOGFOOD, issuer: 'https://accounts.google.com' },
        { identity: DOGFOOD, issuer: `${GITHUB_ISSUER}/` }
      ]
      for (const p of wrong) {
        const res = await verifyReceiptSignature(r.bytes, r.bundle, p)
        expect(res.verified, JSON.stringify(p)).toBe(false)
        expect(res.error).toBeTruthy()
      }
    }
  )

  it('fails after a change AIIR itself ignores: the timestamp', async () => {
    const r = all[0]
    const text = r.bytes.toString('utf8')
    const changed = text.replace(
      /"timestamp": "(\d{4})/,
      (_m, y: string) => `"timestamp": "${Number(y) + 1}`
    )
    expect(changed).not.toBe(text)
    const res = await verifyReceiptSignature(Buffer.from(changed), r.bundle, policy)
    // Refused as a different artifact, not for some unrelated reason.
    expect(res).toMatchObject({ verified: false, code: 'ARTIFACT_MISMATCH' })
  })

  it('fails after any single-byte change of the receipt file', async () => {
    const r = all[1]
    for (const at of [0, 17, Math.floor(r.bytes.length / 2), r.bytes.length - 1]) {
      const copy = Buffer.from(r.bytes)
      copy[at] ^= 0x01
      expect(await verifyReceiptSignature(copy, r.bundle, policy), `byte ${at}`).toMatchObject({
        verified: false,
        code: 'ARTIFACT_MISMATCH'
      })
    }
    const longer = Buffer.concat([r.bytes, Buffer.from('\n')])
    expect(await verifyReceiptSignature(longer, r.bundle, policy)).toMatchObject({
      verified: false,
      code: 'ARTIFACT_MISMATCH'
    })
  })

  it('fails against an unrelated trusted root', async () => {
    const root = sharedPath(
      'vectors/sigstore-conformance/bundle-verify/intoto-with-custom-trust-root/trusted_root.json'
    )
    const res = await verifyReceiptSignature(all[0].bytes, all[0].bundle, policy, root)
    // The receipts' only time source is a public-good Rekor entry, which this root does not know.
    expect(res).toMatchObject({ verified: false, code: 'TIMESTAMP_ERROR' })
  })
})

describe('receipt signature failures are results, not exceptions', () => {
  it('reports a missing trusted root file as not verified', async () => {
    const res = await verifyReceiptSignature(
      Buffer.from('{}'),
      {},
      policy,
      '/nonexistent/root.json'
    )
    expect(res).toMatchObject({ verified: false, code: 'TRUSTED_ROOT_INVALID' })
  })

  it.each([null, 42, 'not a bundle', [], { mediaType: 'x' }])(
    'reports bundle %j as not verified',
    async b => {
      const res = await verifyReceiptSignature(Buffer.from('{}'), b, policy)
      expect(res.verified).toBe(false)
      expect(res.error).toBeTruthy()
    }
  )
})
