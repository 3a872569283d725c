import { generateKeyPairSync, createHash, sign } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  anchoredRegExp,
  checkPolicyShape,
  decodeDerUtf8String,
  evaluatePolicy,
  githubClaims,
  sanMatcher
} from '../../src/sigstore/identity-policy.js'
import type { Signer } from '@sigstore/verify'
import { parseDerSignature, verifyPrehashedSha256 } from '../../src/sigstore/prehashed.js'

function derUtf8(text: string): Buffer {
  const body = Buffer.from(text, 'utf8')
  const len =
    body.length < 0x80
      ? Buffer.from([body.length])
      : body.length < 0x100
        ? Buffer.from([0x81, body.length])
        : Buffer.from([0x82, body.length >> 8, body.length & 0xff])
  return Buffer.concat([Buffer.from([0x0c]), len, body])
}

const oid = (arc: number) => ({ id: [1, 3, 6, 1, 4, 1, 57264, 1, arc] })

describe('DER UTF8String decoding of Fulcio v2 extensions', () => {
  it('round-trips any string in short and long length forms', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), s => decodeDerUtf8String(derUtf8(s)) === s)
    )
  })

  it.each([
    ['a raw (v1-style) string', Buffer.from('https://token.actions.githubusercontent.com')],
    ['another tag', Buffer.from([0x13, 0x01, 0x41])],
    ['trailing bytes', Buffer.concat([derUtf8('abc'), Buffer.from([0])])],
    ['a short body', Buffer.from([0x0c, 0x05, 0x41])],
    ['a non-minimal length', Buffer.from([0x0c, 0x81, 0x01, 0x41])],
    ['invalid UTF-8', Buffer.from([0x0c, 0x01, 0xff])],
    ['nothing', Buffer.alloc(0)]
  ])('refuses %s', (_n, value) => {
    expect(decodeDerUtf8String(value)).toBeUndefined()
  })

  it('maps OIDs .8–.22 to named claims and ignores malformed or foreign ones', () => {
    const claims = githubClaims([
      { oid: oid(12), value: derUtf8('https://github.com/acme/widgets') },
      { oid: oid(14), value: derUtf8('refs/heads/main') },
      { oid: oid(11), value: Buffer.from('self-hosted') },
      { oid: oid(1), value: Buffer.from('https://token.actions.githubusercontent.com') },
      { oid: { id: [2, 5, 29, 17] }, value: derUtf8('x') }
    ])
    expect(claims).toEqual({
      sourceRepositoryUri: 'https://github.com/acme/widgets',
      sourceRepositoryRef: 'refs/heads/main'
    })
  })
})

describe('identity matching', () => {
  it('matches an exact identity and nothing longer or shorter', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (id, extra) => {
        const re = sanMatcher({ identity: id, issuer: 'i' })
        return re.test(id) && !re.test(id + extra) && !re.test(extra + id)
      })
    )
  })

  it('anchors user regexps at both ends, even across alternation', () => {
    const re = anchoredRegExp('a|b')
    expect(re.test('a')).toBe(true)
    expect(re.test('ab')).toBe(false)
    expect(re.test('xa')).toBe(false)
  })

  it.each(['a)|(?:.*', '.*)|(?:x', 'x)|('])(
    'refuses a regexp that would close the anchoring group: %s',
    source => {
      expect(() => anchoredRegExp(source)).toThrow(
        expect.objectContaining({ code: 'POLICY_INVALID' })
      )
      expect(() => checkPolicyShape({ identityRegExp: source, issuer: 'i' })).toThrow(
        expect.objectContaining({ code: 'POLICY_INVALID' })
      )
    }
  )

  it('rejects ambiguous or incomplete policies', () => {
    expect(() => checkPolicyShape({ issuer: 'i' })).toThrow(/exactly one/)
    expect(() => checkPolicyShape({ identity: 'a', identityRegExp: 'a', issuer: 'i' })).toThrow(
      /exactly one/
    )
    expect(() => checkPolicyShape({ identity: '', issuer: 'i' })).toThrow(/empty/)
    expect(() => checkPolicyShape({ identity: 'a', issuer: '' })).toThrow(/issuer/)
    expect(() => checkPolicyShape({ identityRegExp: '(', issuer: 'i' })).toThrow(
      expect.objectContaining({ code: 'POLICY_INVALID' })
    )
  })
})

describe('runner environment policy', () => {
  const signer = (runner?: string): Signer =>
    ({
      key: undefined,
      identity: {
        subjectAlternativeName: 'https://github.com/acme/w/.github/workflows/a.yml@refs/heads/main',
        extensions: { issuer: 'i' },
        oids: runner === undefined ? [] : [{ oid: oid(11), value: derUtf8(runner) }]
      }
    }) as unknown as Signer
  const runnerFinding = (runner?: string) =>
    evaluatePolicy(
      { identityRegExp: '.*', issuer: 'i', denySelfHosted: true },
      signer(runner)
    ).find(f => f.requirement === 'runner-environment')

  it('accepts only a runner environment of exactly github-hosted', () => {
    expect(runnerFinding('github-hosted')?.ok).toBe(true)
  })

  it.each([['self-hosted'], ['GitHub-Hosted'], ['custom'], ['']])(
    'refuses the runner environment %j',
    runner => {
      expect(runnerFinding(runner)?.ok).toBe(false)
    }
  )

  it('refuses a certificate without a runner environment claim', () => {
    expect(runnerFinding(undefined)?.ok).toBe(false)
  })
})

describe('signature checks over a known sha256 digest', () => {
  it.each(['P-256', 'P-384'])('verifies %s ECDSA and rejects other digests', namedCurve => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve })
    const msg = Buffer.from(`message for ${namedCurve}`)
    const digest = createHash('sha256').update(msg).digest()
    const sig = sign('sha256', msg, privateKey)
    expect(verifyPrehashedSha256(publicKey, digest, sig)).toBe(true)
    const other = Buffer.from(digest)
    other[0] ^= 1
    expect(verifyPrehashedSha256(publicKey, other, sig)).toBe(false)
    const otherKey = generateKeyPairSync('ec', { namedCurve }).publicKey
    expect(verifyPrehashedSha256(otherKey, digest, sig)).toBe(false)
  })

  it('verifies RSA PKCS#1 v1.5 and refuses Ed25519, which cannot sign a prehash', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const msg = Buffer.from('m')
    const digest = createHash('sha256').update(msg).digest()
    expect(verifyPrehashedSha256(rsa.publicKey, digest, sign('sha256', msg, rsa.privateKey))).toBe(
      true
    )
    const ed = generateKeyPairSync('ed25519')
    expect(verifyPrehashedSha256(ed.publicKey, digest, sign(null, msg, ed.privateKey))).toBe(false)
  })

  it('parses only strict DER signatures', () => {
    expect(parseDerSignature(Buffer.from('3006020101020102', 'hex'))).toEqual([1n, 2n])
    expect(parseDerSignature(Buffer.from('300602010102010200', 'hex'))).toBeUndefined()
    expect(parseDerSignature(Buffer.from('300702020001020102', 'hex'))).toBeUndefined()
    expect(parseDerSignature(Buffer.from('3006020181020102', 'hex'))).toBeUndefined()
  })
})
