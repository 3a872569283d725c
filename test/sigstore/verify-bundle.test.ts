import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { verifyBundle, type VerifyBundleInput } from '../../src/sigstore/verify-bundle.js'
import { describeShared, sharedPath } from '../helpers/shared.js'
import {
  NO_TIME_SOURCES,
  dsseBundle,
  localKey,
  sha256Hex,
  statementBytes
} from '../attest/dsse-fixtures.js'
import { runs } from '../helpers/property.js'

const key = localKey()
const SUBJECT = sha256Hex('workload')

function keyed(bundle: unknown, extra: Partial<VerifyBundleInput> = {}): VerifyBundleInput {
  return {
    bundle,
    artifact: { digest: `sha256:${SUBJECT}` },
    policy: { kind: 'key', publicKeyPem: key.publicKeyPem },
    thresholds: NO_TIME_SOURCES,
    ...extra
  }
}

describe('statement checks on DSSE bundles', () => {
  it('accepts a correctly signed in-toto statement whose subject matches the artifact', () => {
    const payload = statementBytes()
    const r = verifyBundle(keyed(dsseBundle(key, payload)))
    expect(r.verified, r.error).toBe(true)
    expect(r.content).toBe('dsse')
    expect(r.statementDigest).toBe(`sha256:${sha256Hex(payload)}`)
    expect(r.checks.map(c => c.name)).toEqual(
      expect.arrayContaining(['trusted-root', 'bundle-format', 'sigstore', 'statement', 'subject'])
    )
  })

  it('accepts the artifact bytes as well as the digest form', () => {
    const r = verifyBundle(
      keyed(dsseBundle(key, statementBytes()), { artifact: { bytes: Buffer.from('workload') } })
    )
    expect(r.verified, r.error).toBe(true)
  })

  it('rejects a signed envelope whose payloadType is not in-toto', () => {
    const r = verifyBundle(keyed(dsseBundle(key, statementBytes(), 'application/json')))
    expect(r).toMatchObject({ verified: false, code: 'STATEMENT_INVALID' })
    expect(r.error).toMatch(/payloadType/)
  })

  it('rejects a statement with another _type', () => {
    const payload = statementBytes({ _type: 'https://in-toto.io/Statement/v0.1' })
    const r = verifyBundle(keyed(dsseBundle(key, payload)))
    expect(r).toMatchObject({ verified: false, code: 'STATEMENT_INVALID' })
    expect(r.error).toMatch(/_type/)
  })

  it('rejects a statement whose predicateType is not the expected one', () => {
    const r = verifyBundle(
      keyed(dsseBundle(key, statementBytes()), {
        expectedPredicateType: 'https://invariantsystems.io/predicates/aiir/commit_receipt/v1'
      })
    )
    expect(r).toMatchObject({ verified: false, code: 'STATEMENT_INVALID' })
    expect(r.error).toMatch(/predicateType/)
  })

  it('refuses a DSSE bundle given without an artifact or digest to match a subject', () => {
    const r = verifyBundle(keyed(dsseBundle(key, statementBytes()), { artifact: undefined }))
    expect(r).toMatchObject({ verified: false, code: 'INPUT_INVALID' })
    expect(r.error).toMatch(/artifact or its digest/)
  })

  it('compares subject digests exactly: an uppercase-hex subject does not match', () => {
    const payload = statementBytes(undefined, SUBJECT.toUpperCase())
    const r = verifyBundle(keyed(dsseBundle(key, payload)))
    expect(r).toMatchObject({ verified: false, code: 'SUBJECT_MISMATCH' })
  })

  it('hands back no statement or statement digest from a failed verification', () => {
    const r = verifyBundle(
      keyed(dsseBundle(key, statementBytes()), {
        artifact: { digest: `sha256:${sha256Hex('other')}` }
      })
    )
    expect(r).toMatchObject({ verified: false, code: 'SUBJECT_MISMATCH' })
    expect(r.statement).toBeUndefined()
    expect(r.statementDigest).toBeUndefined()
  })

  it('rejects an artifact that is not a subject of the statement', () => {
    const bundle = dsseBundle(key, statementBytes())
    for (const artifact of [
      { digest: `sha256:${sha256Hex('other')}` },
      { bytes: Buffer.from('other') }
    ]) {
      const r = verifyBundle(keyed(bundle, { artifact }))
      expect(r).toMatchObject({ verified: false, code: 'SUBJECT_MISMATCH' })
    }
  })

  it('rejects a payload that is not JSON even when it is signed', () => {
    const r = verifyBundle(keyed(dsseBundle(key, Buffer.from('not json'))))
    expect(r).toMatchObject({ verified: false, code: 'STATEMENT_INVALID' })
  })

  it('rejects a tampered payload', () => {
    const bundle = dsseBundle(key, statementBytes()) as { dsseEnvelope: { payload: string } }
    const tampered = statementBytes({ predicate: { schema: 'aiir/commit_receipt.v2', evil: true } })
    bundle.dsseEnvelope.payload = tampered.toString('base64')
    const r = verifyBundle(keyed(bundle))
    expect(r).toMatchObject({ verified: false, code: 'SIGNATURE_ERROR' })
  })

  it('rejects a bundle signed by a different key', () => {
    const r = verifyBundle(keyed(dsseBundle(localKey(), statementBytes())))
    expect(r).toMatchObject({ verified: false, code: 'SIGNATURE_ERROR' })
  })

  it('requires a transparency log entry and a timestamp under the default thresholds', () => {
    const r = verifyBundle({ ...keyed(dsseBundle(key, statementBytes())), thresholds: undefined })
    expect(r.verified).toBe(false)
    expect(r.code).toMatch(/TLOG_ERROR|TIMESTAMP_ERROR/)
  })

  it('refuses a managed-key bundle under an identity policy', () => {
    const r = verifyBundle({
      bundle: dsseBundle(key, statementBytes()),
      policy: { kind: 'identity', identity: 'x', issuer: 'y' },
      thresholds: NO_TIME_SOURCES
    })
    expect(r).toMatchObject({ verified: false, code: 'BUNDLE_INVALID' })
  })
})

describe('malformed input is "not verified", never an exception', () => {
  it.each([
    ['truncated JSON text', '{"mediaType":'],
    ['empty text', ''],
    ['null', null],
    ['an array', []],
    ['a number', 7],
    [
      'verificationMaterial null',
      { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', verificationMaterial: null }
    ],
    [
      'content missing',
      {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: { publicKey: { hint: 'x' }, tlogEntries: [] }
      }
    ]
  ])('%s', (_name, bundle) => {
    const r = verifyBundle(keyed(bundle))
    expect(r.verified).toBe(false)
    expect(r.code).toMatch(/^[A-Z_]+$/)
    expect(r.checks.some(c => c.status === 'fail')).toBe(true)
  })

  it('never throws and never verifies arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), value => {
        const r = verifyBundle(keyed(value))
        return r.verified === false && typeof r.error === 'string'
      }),
      runs()
    )
  })

  it('reports an unreadable public key, a bad digest and a malformed root as not verified', () => {
    const bundle = dsseBundle(key, statementBytes())
    expect(
      verifyBundle(keyed(bundle, { policy: { kind: 'key', publicKeyPem: 'nope' } })).verified
    ).toBe(false)
    expect(verifyBundle(keyed(bundle, { artifact: { digest: 'sha256:xyz' } })).verified).toBe(false)
    expect(verifyBundle(keyed(bundle, { trustedRoot: '{"mediaType":' })).code).toBe(
      'TRUSTED_ROOT_INVALID'
    )
  })
})

const CONF = sharedPath('vectors/sigstore-conformance/bundle-verify/')
const BEACON =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main'
const GH = 'https://token.actions.githubusercontent.com'

describeShared('keyless policy on real public-good bundles', () => {
  const bundle = (c: string): Buffer => readFileSync(`${CONF}${c}/bundle.sigstore.json`)
  const artifact = { bytes: readFileSync(`${CONF}a.txt`) }
  const base = (extra: Record<string, unknown> = {}): VerifyBundleInput => ({
    bundle: bundle('happy-path-intoto-in-dsse-v3'),
    artifact,
    policy: { kind: 'identity', identity: BEACON, issuer: GH, ...extra }
  })

  it('verifies and exposes the DER-decoded GitHub claims', () => {
    const r = verifyBundle(base())
    expect(r.verified, r.error).toBe(true)
    expect(r.signer?.claims).toMatchObject({
      issuer: GH,
      sourceRepositoryUri:
        'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon',
      sourceRepositoryRef: 'refs/heads/main',
      runnerEnvironment: 'github-hosted'
    })
    expect(r.signer?.claims?.sourceRepositoryDigest).toMatch(/^[0-9a-f]{40}$/)
  })

  it('enforces source repository, ref, workflow and runner claims', () => {
    const claims = verifyBundle(base()).signer!.claims!
    const ok = verifyBundle(
      base({
        sourceRepository: claims.sourceRepositoryUri,
        sourceRef: claims.sourceRepositoryRef,
        sourceDigest: claims.sourceRepositoryDigest,
        buildConfigUri: claims.buildConfigUri,
        buildSignerUri: claims.buildSignerUri,
        denySelfHosted: true
      })
    )
    expect(ok.verified, ok.error).toBe(true)
    for (const wrong of [
      { sourceRepository: 'https://github.com/sigstore-conformance/other' },
      { sourceRef: 'refs/heads/dev' },
      { sourceDigest: '0'.repeat(40) },
      { buildConfigUri: `${claims.buildConfigUri}x` },
      { buildSignerUri: 'https://github.com/evil/x/.github/workflows/a.yml@refs/heads/main' }
    ]) {
      const r = verifyBundle(base(wrong))
      expect(r.verified, JSON.stringify(wrong)).toBe(false)
      expect(r.checks.find(c => c.status === 'fail')?.detail).toMatch(/expected/)
    }
  })

  it('rejects an identity that is only a prefix, another issuer, and anchors regexps', () => {
    const prefix = verifyBundle(base({ identity: 'https://github.com/sigstore-conformance' }))
    expect(prefix).toMatchObject({ verified: false, code: 'UNTRUSTED_SIGNER_ERROR' })
    expect(verifyBundle(base({ issuer: 'https://accounts.google.com' })).verified).toBe(false)
    const re = (identityRegExp: string): boolean =>
      verifyBundle(base({ identity: undefined, identityRegExp })).verified
    expect(re('https://github\\.com/sigstore-conformance/.*')).toBe(true)
    expect(re('https://github\\.com/sigstore-conformance')).toBe(false)
    expect(re('.*@refs/heads/dev|https://github\\.com/sigstore-conformance')).toBe(false)
  })

  it('rejects a bundle checked against an unrelated root', () => {
    const r = verifyBundle({
      ...base(),
      trustedRoot: readFileSync(`${CONF}intoto-with-custom-trust-root/trusted_root.json`)
    })
    // The timestamps are not what fails here: the leaf does not chain to the custom root's CA.
    expect(r).toMatchObject({ verified: false, code: 'CERTIFICATE_ERROR' })
  })

  it('never trusts a CA certificate smuggled into the bundle', () => {
    const c = 'intoto-with-custom-trust-root'
    const ownRoot = readFileSync(`${CONF}${c}/trusted_root.json`)
    const ownArtifact = existsArtifact(c)
    const policy = { kind: 'identity' as const, identity: BEACON, issuer: GH }
    const own = verifyBundle({
      bundle: bundle(c),
      trustedRoot: ownRoot,
      artifact: ownArtifact,
      policy
    })
    expect(own.verified, own.error).toBe(true)
    // The case's own root with only its CAs swapped for public-good's: tlog, ctlog and TSA still
    // vouch for the bundle, so the certificate chain is the one thing left that can fail.
    const root = JSON.parse(ownRoot.toString('utf8'))
    const caCerts = root.certificateAuthorities.flatMap(
      (ca: { certChain: { certificates: unknown[] } }) => ca.certChain.certificates
    )
    const publicGood = JSON.parse(
      readFileSync(sharedPath('vectors/sigstore-conformance/public-good-trusted_root.json'), 'utf8')
    )
    const otherCas = JSON.stringify({
      ...root,
      certificateAuthorities: publicGood.certificateAuthorities
    })
    const smuggled = JSON.parse(bundle(c).toString('utf8'))
    smuggled.verificationMaterial.x509CertificateChain.certificates.push(...caCerts)
    const r = verifyBundle({
      bundle: smuggled,
      trustedRoot: otherCas,
      artifact: ownArtifact,
      policy
    })
    expect(r).toMatchObject({ verified: false, code: 'CERTIFICATE_ERROR' })
  })

  function existsArtifact(c: string): { bytes: Buffer } {
    try {
      return { bytes: readFileSync(`${CONF}${c}/artifact`) }
    } catch {
      return artifact
    }
  }
})
