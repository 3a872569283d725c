import { GITHUB_PROFILE } from '../../src/sigstore/profiles.js'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rekorEntryUUID } from '../../src/sigstore/rekor-entry.js'
import { planSigning, signStatement, type LoggedEntry } from '../../src/attest/sign.js'
import { verifyBundle } from '../../src/sigstore/verify-bundle.js'
import { startSigstoreSandbox, type SigstoreSandbox } from '../../src/sandbox/sigstore/server.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const SUBJECT = createHash('sha256').update('the artifact').digest('hex')
const PAYLOAD = Buffer.from(
  JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'artifact', digest: { sha256: SUBJECT } }],
    predicateType: 'x'
  })
)

/**
 * qprov's own offline verifier against one pinned root, with the right artifact: 'ok', or the
 * failure code and message, so each test can say why a bundle was refused.
 */
function verdict(bundle: Json, root: object, identity: string, issuer: string): string {
  const r = verifyBundle({
    bundle,
    artifact: { digest: `sha256:${SUBJECT}` },
    trustedRoot: JSON.stringify(root),
    policy: { kind: 'identity', identity, issuer }
  })
  return r.verified ? 'ok' : `${r.code}: ${r.error}`
}

function flipByte(b64: string, at?: number): string {
  const buf = Buffer.from(b64, 'base64')
  const i = at ?? Math.floor(buf.length / 2)
  buf[i] = (buf[i] as number) ^ 0x01
  return buf.toString('base64')
}

let a: SigstoreSandbox
let b: SigstoreSandbox
let bundle: Json
let bundleFromB: Json
let rekor: LoggedEntry | undefined

beforeAll(async () => {
  ;[a, b] = await Promise.all([startSigstoreSandbox(), startSigstoreSandbox()])
  const viaActions = (sb: SigstoreSandbox) => ({
    instance: 'custom' as const,
    fulcioURL: sb.fulcioURL,
    rekorURL: sb.rekorURL,
    tsaURL: sb.tsaURL,
    actionsOidc: {
      requestURL: sb.actionsIdTokenRequestURL,
      requestToken: sb.actionsIdTokenRequestToken
    }
  })
  const [sa, sbb] = await Promise.all([
    planSigning(viaActions(a)).then(p => signStatement(PAYLOAD, p)),
    planSigning(viaActions(b)).then(p => signStatement(PAYLOAD, p))
  ])
  bundle = sa.bundle
  rekor = sa.rekor
  bundleFromB = sbb.bundle
})
afterAll(async () => {
  await Promise.all([a.close(), b.close()])
})

const copy = (): Json => structuredClone(bundle)
const ok = (x: Json, root: object = a.trustedRoot) => verdict(x, root, a.identity, a.issuer)

describe('keyless DSSE signing against the sandbox', () => {
  it('produces a v0.3 DSSE bundle over the exact payload bytes that verifies offline', () => {
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(bundle.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json')
    expect(Buffer.from(bundle.dsseEnvelope.payload, 'base64').equals(PAYLOAD)).toBe(true)
    expect(bundle.verificationMaterial.certificate.rawBytes).toBeTypeOf('string')
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1)
    expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1)
    expect(ok(bundle)).toBe('ok')
  })

  it('reports the log index and the entry UUID derived from the logged body', () => {
    const entry = bundle.verificationMaterial.tlogEntries[0]
    const body = Buffer.from(entry.canonicalizedBody, 'base64')
    const leaf = createHash('sha256')
      .update(Buffer.concat([Buffer.from([0]), body]))
      .digest('hex')
    // Protobuf JSON omits a zero index: the first entry of a fresh sandbox log has none.
    expect(rekor).toEqual({
      apiVersion: 1,
      logIndex: String(entry.logIndex ?? 0),
      uuid: leaf,
      url: a.rekorURL
    })
    expect(rekorEntryUUID(body)).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('signing without a transparency log (the github instance shape)', () => {
  it('produces a bundle with a signed timestamp, no Rekor entry, that verifies with tlog threshold 0', async () => {
    const signed = await signStatement(
      PAYLOAD,
      await planSigning({
        instance: 'custom',
        fulcioURL: a.fulcioURL,
        tsaURL: a.tsaURL,
        identityToken: a.identityToken
      })
    )
    expect(signed.rekor).toBeUndefined()
    const x = signed.bundle as Json
    expect(x.verificationMaterial.tlogEntries ?? []).toHaveLength(0)
    expect(x.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1)
    expect(ok(x)).toMatch(/TLOG_ERROR/)
    // The github profile (tlog threshold 0, a signed timestamp required) accepts it.
    const r = verifyBundle({
      bundle: x,
      artifact: { digest: `sha256:${SUBJECT}` },
      trustedRoot: JSON.stringify(a.trustedRoot),
      policy: { kind: 'identity', identity: a.identity, issuer: a.issuer },
      profile: GITHUB_PROFILE
    })
    expect(r.error).toBeUndefined()
    expect(r.verified).toBe(true)
  })
})

describe('offline verification of a sandbox bundle fails closed', () => {
  it('rejects a tampered payload', () => {
    const x = copy()
    x.dsseEnvelope.payload = Buffer.from(PAYLOAD.toString().replace('"x"', '"y"')).toString(
      'base64'
    )
    expect(ok(x)).toMatch(/TLOG_BODY_ERROR|SIGNATURE_ERROR/)
  })

  it('rejects a tampered signature', () => {
    const x = copy()
    x.dsseEnvelope.signatures[0].sig = flipByte(x.dsseEnvelope.signatures[0].sig)
    // The signed timestamp covers the signature, so it is the first check to fail.
    expect(ok(x)).toMatch(/^(TIMESTAMP_ERROR|SIGNATURE_ERROR|TLOG_BODY_ERROR): /)
  })

  it('rejects a tampered certificate', () => {
    const x = copy()
    const cert = x.verificationMaterial.certificate.rawBytes as string
    x.verificationMaterial.certificate.rawBytes = flipByte(
      cert,
      Buffer.from(cert, 'base64').length - 20
    )
    expect(ok(x)).toMatch(/^CERTIFICATE_ERROR: /)
  })

  it('rejects a tampered inclusion proof: extra hash, wrong index, or a rewritten checkpoint', () => {
    // The verifier recomputes the root from the checkpoint; proof.rootHash alone is not evidence.
    const extra = copy()
    extra.verificationMaterial.tlogEntries[0].inclusionProof.hashes = [
      Buffer.alloc(32, 1).toString('base64')
    ]
    expect(ok(extra)).toMatch(/TLOG_INCLUSION_PROOF_ERROR/)
    const index = copy()
    index.verificationMaterial.tlogEntries[0].inclusionProof.logIndex = '1'
    expect(ok(index)).toMatch(/TLOG_INCLUSION_PROOF_ERROR/)
    const cp = copy()
    const proof = cp.verificationMaterial.tlogEntries[0].inclusionProof
    const lines = (proof.checkpoint.envelope as string).split('\n')
    lines[2] = Buffer.alloc(32, 9).toString('base64')
    proof.checkpoint.envelope = lines.join('\n')
    expect(ok(cp)).toMatch(/TLOG_INCLUSION_PROOF_ERROR|CHECKPOINT/)
  })

  it('rejects a tampered signed entry timestamp', () => {
    const x = copy()
    const promise = x.verificationMaterial.tlogEntries[0].inclusionPromise
    promise.signedEntryTimestamp = flipByte(promise.signedEntryTimestamp)
    expect(ok(x)).toMatch(/TLOG_INCLUSION_PROMISE_ERROR|SET/)
  })

  it('rejects a bundle whose transparency-log entry was removed', () => {
    const x = copy()
    x.verificationMaterial.tlogEntries = []
    expect(ok(x)).toMatch(/TLOG_ERROR/)
  })

  it('rejects a wrong identity, including a prefix of the right one', () => {
    expect(verdict(bundle, a.trustedRoot, a.identity.replace('main', 'evil'), a.issuer)).toMatch(
      /UNTRUSTED_SIGNER_ERROR/
    )
    expect(verdict(bundle, a.trustedRoot, a.identity.slice(0, 40), a.issuer)).toMatch(
      /UNTRUSTED_SIGNER_ERROR/
    )
  })

  it('rejects a wrong issuer', () => {
    expect(verdict(bundle, a.trustedRoot, a.identity, b.issuer)).toMatch(/UNTRUSTED_SIGNER_ERROR/)
  })

  it("rejects a bundle checked against an unrelated root (a second sandbox's)", () => {
    // Neither the other sandbox's TSA nor its CA is trusted by the pinned root.
    const unrelated = /^(TIMESTAMP_ERROR|CERTIFICATE_ERROR): /
    expect(verdict(bundle, b.trustedRoot, a.identity, a.issuer)).toMatch(unrelated)
    expect(verdict(bundleFromB, a.trustedRoot, b.identity, b.issuer)).toMatch(unrelated)
  })

  it("rejects a bundle that smuggles in its own signer's root as a certificate chain", () => {
    // Sandbox B's bundle, re-packaged as v0.2 with B's root appended: the chain a bundle carries
    // is never a trust anchor, so against A's pinned root it must still fail.
    const x: Json = structuredClone(bundleFromB)
    const bRoot = (b.trustedRoot as Json).certificateAuthorities[0].certChain.certificates[0]
    x.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.2'
    x.verificationMaterial.x509CertificateChain = {
      certificates: [x.verificationMaterial.certificate, bRoot]
    }
    delete x.verificationMaterial.certificate
    expect(verdict(x, b.trustedRoot, b.identity, b.issuer)).toBe('ok')
    expect(verdict(x, a.trustedRoot, b.identity, b.issuer)).toMatch(
      /^(TIMESTAMP_ERROR|CERTIFICATE_ERROR): /
    )
  })
})
