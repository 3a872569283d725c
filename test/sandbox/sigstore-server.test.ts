import { createHash, X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planSigning, signStatement } from '../../src/attest/sign.js'
import {
  startSigstoreSandbox,
  wholeSecondClock,
  type SigstoreSandbox
} from '../../src/sandbox/sigstore/server.js'

let sb: SigstoreSandbox

beforeAll(async () => {
  sb = await startSigstoreSandbox()
})
afterAll(async () => {
  await sb.close()
})

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString()) as Record<
    string,
    unknown
  >
}

async function requestToken(audience: string, bearer = sb.actionsIdTokenRequestToken) {
  return fetch(`${sb.actionsIdTokenRequestURL}&audience=${encodeURIComponent(audience)}`, {
    headers: { authorization: `Bearer ${bearer}` }
  })
}

describe('sandbox OIDC token endpoint', () => {
  it('refuses a request without the bearer request token', async () => {
    const res = await fetch(`${sb.actionsIdTokenRequestURL}&audience=sigstore`)
    expect(res.status).toBe(401)
    expect((await requestToken('sigstore', 'wrong-request-token')).status).toBe(401)
  })

  it('mints a token for the requested audience with GitHub-Actions-like claims', async () => {
    const res = await requestToken('sigstore')
    expect(res.status).toBe(200)
    const { value } = (await res.json()) as { value: string }
    const claims = claimsOf(value)
    expect(claims).toMatchObject({
      iss: sb.issuer,
      aud: 'sigstore',
      repository: 'qprov-sandbox/not-for-production',
      ref: 'refs/heads/main',
      runner_environment: 'github-hosted'
    })
    expect(claims.sub).toMatch(/^repo:qprov-sandbox\/not-for-production:ref:/)
    expect(`https://github.com/${String(claims.job_workflow_ref)}`).toBe(sb.identity)
    expect(typeof claims.workflow_ref).toBe('string')
    expect(claims.sha).toMatch(/^[0-9a-f]{40}$/)
    const other = (await (await requestToken('something-else')).json()) as { value: string }
    expect(claimsOf(other.value).aud).toBe('something-else')
  })
})

describe('sandbox Fulcio', () => {
  const csr = (token: string) =>
    JSON.stringify({
      credentials: { oidcIdentityToken: token },
      publicKeyRequest: {
        publicKey: { algorithm: 'ECDSA', content: 'unused' },
        proofOfPossession: ''
      }
    })

  it('rejects a token whose audience is not sigstore', async () => {
    const { value } = (await (await requestToken('not-sigstore')).json()) as { value: string }
    const res = await fetch(`${sb.fulcioURL}/api/v2/signingCert`, {
      method: 'POST',
      body: csr(value)
    })
    expect(res.status).toBe(401)
    expect(await res.text()).toContain('audience')
  })

  it('rejects a token it did not mint, even with the right claims', async () => {
    const parts = sb.identityToken.split('.')
    const forged = `${parts[0]}.${parts[1]}.${Buffer.alloc(64, 7).toString('base64url')}`
    const res = await fetch(`${sb.fulcioURL}/api/v2/signingCert`, {
      method: 'POST',
      body: csr(forged)
    })
    expect(res.status).toBe(401)
  })
})

describe('sandbox trusted root', () => {
  it('is marked not for production and valid from before the sandbox started', () => {
    const root = sb.trustedRoot as {
      certificateAuthorities: { subject: { commonName: string }; validFor: { start: string } }[]
      timestampAuthorities: { subject: { commonName: string } }[]
      tlogs: {
        baseUrl: string
        publicKey: { rawBytes: string; validFor: { start: string } }
        logId: { keyId: string }
      }[]
      ctlogs: { publicKey: { rawBytes: string }; logId: { keyId: string } }[]
    }
    expect(root.certificateAuthorities[0]?.subject.commonName).toContain('NOT FOR PRODUCTION')
    expect(root.timestampAuthorities[0]?.subject.commonName).toContain('NOT FOR PRODUCTION')
    expect(Date.parse(root.certificateAuthorities[0]?.validFor.start ?? '')).toBeLessThan(
      Date.now()
    )
    // v1 logs are named by sha256 of their key; the v2 shard by its signed-note key ID.
    for (const log of [root.tlogs[0], ...root.ctlogs]) {
      const spki = Buffer.from(log?.publicKey.rawBytes ?? '', 'base64')
      expect(log?.logId.keyId).toBe(createHash('sha256').update(spki).digest('base64'))
    }
    expect(root.tlogs.map(t => t.baseUrl)).toEqual([sb.rekorURL, sb.rekorV2URL])
    const v2 = root.tlogs[1]
    const key = Buffer.from(v2?.publicKey.rawBytes ?? '', 'base64').subarray(-32)
    const name = Buffer.from(`${(sb.rekorV2URL ?? '').replace('http://', '')}\n\x01`, 'latin1')
    expect(v2?.logId.keyId).toBe(
      createHash('sha256')
        .update(Buffer.concat([name, key]))
        .digest('base64')
    )
  })
})

describe('sandbox Rekor', () => {
  it('logs the canonical dsse body and serves the entry under its leaf hash', async () => {
    const payload = Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}')
    const signed = await signStatement(
      payload,
      await planSigning({
        instance: 'custom',
        fulcioURL: sb.fulcioURL,
        rekorURL: sb.rekorURL,
        identityToken: sb.identityToken
      })
    )
    const bundle = signed.bundle as {
      verificationMaterial: {
        certificate: { rawBytes: string }
        tlogEntries: { canonicalizedBody: string; logIndex: string }[]
      }
      dsseEnvelope: { signatures: { sig: string }[] }
    }
    const entry = bundle.verificationMaterial.tlogEntries[0]
    const body = JSON.parse(Buffer.from(entry?.canonicalizedBody ?? '', 'base64').toString()) as {
      kind: string
      spec: Record<string, unknown>
    }
    expect(body.kind).toBe('dsse')
    expect(Object.keys(body.spec).sort()).toEqual(['envelopeHash', 'payloadHash', 'signatures'])
    expect(body.spec.payloadHash).toEqual({
      algorithm: 'sha256',
      value: createHash('sha256').update(payload).digest('hex')
    })
    const sigs = body.spec.signatures as { signature: string; verifier: string }[]
    expect(sigs).toHaveLength(1)
    expect(sigs[0]?.signature).toBe(bundle.dsseEnvelope.signatures[0]?.sig)
    const verifierPem = Buffer.from(sigs[0]?.verifier ?? '', 'base64').toString()
    expect(new X509Certificate(verifierPem).raw.toString('base64')).toBe(
      bundle.verificationMaterial.certificate.rawBytes
    )

    const uuid = signed.rekor?.apiVersion === 1 ? signed.rekor.uuid : 'not a v1 entry'
    const res = await fetch(`${sb.rekorURL}/api/v1/log/entries/${uuid}`)
    expect(res.status).toBe(200)
    const got = (await res.json()) as Record<string, { body: string; logIndex: number }>
    expect(got[uuid]?.body).toBe(entry?.canonicalizedBody)
    const byIndex = await fetch(
      `${sb.rekorURL}/api/v1/log/entries?logIndex=${entry?.logIndex ?? 0}`
    )
    expect(Object.keys((await byIndex.json()) as object)).toEqual([uuid])
    expect((await fetch(`${sb.rekorURL}/api/v1/log/entries/${'0'.repeat(64)}`)).status).toBe(404)
  })

  it('refuses a request body that is not JSON', async () => {
    const res = await fetch(`${sb.rekorURL}/api/v1/log/entries`, { method: 'POST', body: 'nope' })
    expect(res.status).toBe(400)
  })
})

describe('sandbox TSA clock', () => {
  it('reads whole seconds, so every genTime parses in sigstore-js, and keeps moving', async () => {
    const clock = wholeSecondClock()
    expect(clock.getUTCMilliseconds()).toBe(0)
    expect(Math.abs(clock.getTime() - Date.now())).toBeLessThan(1000)
    const first = clock.getTime()
    await new Promise(r => setTimeout(r, 1100))
    expect(clock.getTime()).toBeGreaterThan(first)
  })
})
