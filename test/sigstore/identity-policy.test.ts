import { generateKeyPairSync, createHash, sign } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  anchoredRegExp,
  checkPolicyShape,
  decodeDerUtf8String,
  evaluatePolicy,
  githubClaims,
  policyFindingText,
  sanMatcher
} from '../../src/sigstore/identity-policy.js'
import type { Signer } from '@sigstore/verify'
import { parseDerSignature, verifyPrehashedSha256 } from '../../src/sigstore/prehashed.js'
import { runs } from '../helpers/property.js'

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
      fc.property(fc.string({ maxLength: 400 }), s => decodeDerUtf8String(derUtf8(s)) === s),
      runs()
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
    expect(claims).toStrictEqual({
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
      }),
      runs()
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

describe('DER UTF8String lengths', () => {
  it('reads the short form and the long forms of one and two length bytes', () => {
    for (const n of [0, 1, 127, 128, 255, 256, 1000]) {
      const s = 'x'.repeat(n)
      expect(decodeDerUtf8String(derUtf8(s)), String(n)).toBe(s)
    }
  })

  it.each([
    ['an indefinite length', [0x0c, 0x80]],
    ['five length bytes', [0x0c, 0x85, 0, 0, 0, 0, 1, 0x41]],
    ['length bytes cut short', [0x0c, 0x82, 0x01]],
    ['a long form for a short length', [0x0c, 0x81, 0x7f, ...Array(0x7f).fill(0x41)]],
    ['a long length past the end', [0x0c, 0x81, 0x90, 0x41]],
    ['a single byte', [0x0c]]
  ])('refuses %s', (_n, bytes) => {
    expect(decodeDerUtf8String(Buffer.from(bytes))).toBeUndefined()
  })

  it('reads a length of four bytes', () => {
    const body = Buffer.alloc(0x80, 0x41)
    expect(
      decodeDerUtf8String(Buffer.concat([Buffer.from([0x0c, 0x84, 0, 0, 0, 0x80]), body]))
    ).toBe(body.toString())
  })
})

describe('GitHub claims', () => {
  const NAMES = [
    'issuer',
    'buildSignerUri',
    'buildSignerDigest',
    'runnerEnvironment',
    'sourceRepositoryUri',
    'sourceRepositoryDigest',
    'sourceRepositoryRef',
    'sourceRepositoryId',
    'sourceRepositoryOwnerUri',
    'sourceRepositoryOwnerId',
    'buildConfigUri',
    'buildConfigDigest',
    'buildTrigger',
    'runInvocationUri',
    'sourceRepositoryVisibility'
  ]

  it('names each v2 OID .8 to .22', () => {
    const claims = githubClaims(
      NAMES.map((_, i) => ({ oid: oid(8 + i), value: derUtf8(`v${8 + i}`) }))
    )
    expect(claims).toEqual(Object.fromEntries(NAMES.map((n, i) => [n, `v${8 + i}`])))
  })

  it('skips OIDs it does not know, other arcs and missing identifiers', () => {
    const odd = [
      { oid: oid(7), value: derUtf8('v1 style') },
      { oid: oid(23), value: derUtf8('future') },
      { oid: { id: [1, 3, 6, 1, 4, 1, 57264, 2, 12] }, value: derUtf8('other arc') },
      { oid: undefined, value: derUtf8('no oid') },
      { oid: {}, value: derUtf8('no id') },
      { oid: oid(12), value: Buffer.from('raw') }
    ]
    expect(githubClaims(odd as never)).toEqual({})
    expect(githubClaims(undefined)).toEqual({})
  })
})

describe('policy shape and matching', () => {
  it('says what is wrong with a policy', () => {
    const err = (p: Parameters<typeof checkPolicyShape>[0]) => {
      try {
        checkPolicyShape(p)
        return 'accepted'
      } catch (e) {
        return (e as Error).message
      }
    }
    expect(err({ issuer: 'i' })).toBe('give exactly one of an identity or an identity regexp')
    expect(err({ identityRegExp: '', issuer: 'i' })).toBe(
      'the certificate identity must not be empty'
    )
    expect(err({ identity: 'a', issuer: '' })).toBe('the certificate OIDC issuer is required')
    expect(err({ identity: 'a', issuer: 'i' })).toBe('accepted')
    expect(err({ identityRegExp: 'a+', issuer: 'i' })).toBe('accepted')
    expect(err({ identityRegExp: '(', issuer: 'i' })).toMatch(
      /^invalid identity regexp: SyntaxError: /
    )
    // An identity is matched literally, never as a regexp.
    expect(err({ identity: '(', issuer: 'i' })).toBe('accepted')
  })

  it('keeps the cause of an invalid regexp', () => {
    try {
      anchoredRegExp('(')
      expect.unreachable()
    } catch (e) {
      expect((e as { cause?: unknown }).cause).toBeInstanceOf(SyntaxError)
    }
  })

  it('matches in Unicode mode', () => {
    expect(anchoredRegExp('\\p{L}+').test('ré')).toBe(true)
    expect(anchoredRegExp('.').test('😀')).toBe(true)
    expect(sanMatcher({ identity: '😀', issuer: 'i' }).flags).toBe('u')
    expect(sanMatcher({ identityRegExp: 'a.c', issuer: 'i' }).test('a😀c')).toBe(true)
  })
})

describe('policy findings', () => {
  const SAN = 'https://github.com/acme/w/.github/workflows/a.yml@refs/heads/main'
  const signer = (o: { san?: string; issuer?: string; claims?: [number, string][] } = {}): Signer =>
    ({
      key: undefined,
      identity: {
        subjectAlternativeName: 'san' in o ? o.san : SAN,
        extensions: { issuer: 'issuer' in o ? o.issuer : 'https://issuer' },
        oids: (o.claims ?? []).map(([arc, v]) => ({ oid: oid(arc), value: derUtf8(v) }))
      }
    }) as unknown as Signer

  it('reports one finding per requirement set, with what was required and found', () => {
    const policy = {
      identity: SAN,
      issuer: 'https://issuer',
      sourceRepository: 'https://github.com/acme/w',
      sourceRef: 'refs/heads/main',
      sourceDigest: 'a'.repeat(40),
      buildConfigUri: 'cfg',
      buildSignerUri: 'sig',
      denySelfHosted: true
    }
    const s = signer({
      claims: [
        [12, 'https://github.com/acme/w'],
        [14, 'refs/heads/dev'],
        [13, 'a'.repeat(40)],
        [18, 'cfg'],
        [9, 'other'],
        [11, 'github-hosted']
      ]
    })
    expect(evaluatePolicy(policy, s)).toEqual([
      { requirement: 'identity', ok: true, expected: SAN, actual: SAN },
      { requirement: 'issuer', ok: true, expected: 'https://issuer', actual: 'https://issuer' },
      {
        requirement: 'source-repository',
        ok: true,
        expected: 'https://github.com/acme/w',
        actual: 'https://github.com/acme/w'
      },
      {
        requirement: 'source-ref',
        ok: false,
        expected: 'refs/heads/main',
        actual: 'refs/heads/dev'
      },
      { requirement: 'source-digest', ok: true, expected: 'a'.repeat(40), actual: 'a'.repeat(40) },
      { requirement: 'build-config-uri', ok: true, expected: 'cfg', actual: 'cfg' },
      { requirement: 'build-signer-uri', ok: false, expected: 'sig', actual: 'other' },
      {
        requirement: 'runner-environment',
        ok: true,
        expected: 'github-hosted',
        actual: 'github-hosted'
      }
    ])
    expect(
      evaluatePolicy({ identity: SAN, issuer: 'https://issuer' }, s).map(f => f.requirement)
    ).toEqual(['identity', 'issuer'])
  })

  it('matches a regexp identity against the whole SAN, and never an absent one', () => {
    const re = { identityRegExp: 'https://github\\.com/acme/.+', issuer: 'https://issuer' }
    expect(evaluatePolicy(re, signer())[0]).toEqual({
      requirement: 'identity',
      ok: true,
      expected: '^(?:https://github\\.com/acme/.+)$',
      actual: SAN
    })
    expect(evaluatePolicy(re, signer({ san: 'https://github.com/evil/x' }))[0].ok).toBe(false)
    expect(
      evaluatePolicy({ ...re, identityRegExp: 'https://github\\.com/acme' }, signer())[0].ok
    ).toBe(false)
    expect(evaluatePolicy({ ...re, identityRegExp: '.*' }, signer({ san: undefined }))[0]).toEqual({
      requirement: 'identity',
      ok: false,
      expected: '^(?:.*)$',
      actual: undefined
    })
  })

  it('fails an exact identity or issuer that differs, or a signer without them', () => {
    const p = { identity: SAN, issuer: 'https://issuer' }
    expect(
      evaluatePolicy(p, signer({ san: `${SAN}x`, issuer: 'https://other' })).map(f => f.ok)
    ).toEqual([false, false])
    const bare = { key: undefined } as unknown as Signer
    expect(evaluatePolicy(p, bare)).toEqual([
      { requirement: 'identity', ok: false, expected: SAN, actual: undefined },
      { requirement: 'issuer', ok: false, expected: 'https://issuer', actual: undefined }
    ])
    const noExtensions = {
      key: undefined,
      identity: { subjectAlternativeName: SAN }
    } as unknown as Signer
    expect(evaluatePolicy(p, noExtensions)[1].actual).toBeUndefined()
  })

  it('words a finding for people', () => {
    expect(policyFindingText({ requirement: 'issuer', ok: true, expected: 'a', actual: 'a' })).toBe(
      'issuer "a"'
    )
    expect(
      policyFindingText({ requirement: 'source-ref', ok: false, expected: 'a', actual: undefined })
    ).toBe('source-ref: expected "a", got undefined')
  })
})
