import { describe, expect, it } from 'vitest'
import {
  GITHUB_PROFILE,
  PUBLIC_GOOD_PROFILE,
  checkProfile,
  describeProfile,
  parseThresholds,
  selectProfile,
  type VerifyProfile
} from '../../src/sigstore/profiles.js'
import { verifyBundle } from '../../src/sigstore/verify-bundle.js'
import { dsseBundle, localKey, sha256Hex, statementBytes } from '../attest/dsse-fixtures.js'

describe('verification profiles', () => {
  it('public-good requires a log entry, an SCT and a time; github only a signed time', () => {
    expect(PUBLIC_GOOD_PROFILE.thresholds).toEqual({
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1
    })
    // GitHub's trusted root lists neither a transparency log nor a CT log.
    expect(GITHUB_PROFILE.thresholds).toEqual({
      tlogThreshold: 0,
      ctlogThreshold: 0,
      timestampThreshold: 1
    })
    expect(describeProfile(GITHUB_PROFILE)).toBe('github (tlog 0, ctlog 0, timestamp 1)')
  })

  it('custom takes exactly tlog, ctlog and timestamp, in any order', () => {
    expect(parseThresholds('timestamp=2,tlog=1,ctlog=0')).toEqual({
      tlogThreshold: 1,
      ctlogThreshold: 0,
      timestampThreshold: 2
    })
    expect(selectProfile('custom', 'tlog=0,ctlog=0,timestamp=1')).toEqual({
      name: 'custom',
      thresholds: { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 1 }
    })
  })

  it.each([
    ['tlog=1,ctlog=1', /lack timestamp/],
    ['tlog=1,ctlog=1,timestamp=1,tlog=0', /tlog is given twice/],
    ['tlog=1,ctlog=1,timestamp=0', /timestamp threshold must be at least 1/],
    ['tlog=10,ctlog=1,timestamp=1', /tlog=N,ctlog=N,timestamp=N/],
    ['tlog=-1,ctlog=1,timestamp=1', /tlog=N,ctlog=N,timestamp=N/],
    ['tlog=1,ctlog=1,timestamp=1,tsa=1', /tlog=N,ctlog=N,timestamp=N/],
    ['', /tlog=N,ctlog=N,timestamp=N/]
  ])('refuses thresholds %j', (text, message) => {
    expect(() => parseThresholds(text)).toThrow(message)
  })

  it('named profiles fix their thresholds; custom needs them', () => {
    expect(selectProfile('github')).toBe(GITHUB_PROFILE)
    expect(() => selectProfile('github', 'tlog=0,ctlog=0,timestamp=1')).toThrow(/fixed by profile/)
    expect(() => selectProfile('custom')).toThrow(/explicitly/)
    expect(() => selectProfile('staging')).toThrow(/one of public-good, github, custom/)
  })

  it('fails closed on a profile handed over as data with other thresholds than its name', () => {
    const lax = { name: 'public-good', thresholds: { ...GITHUB_PROFILE.thresholds } }
    expect(() => checkProfile(lax as VerifyProfile)).toThrow(/other thresholds/)
    expect(() => checkProfile({ name: 'nope' } as unknown as VerifyProfile)).toThrow(/unknown/)
    const zero = {
      name: 'custom',
      thresholds: { ...GITHUB_PROFILE.thresholds, timestampThreshold: 0 }
    }
    expect(() => checkProfile(zero as VerifyProfile)).toThrow(/at least 1/)
    expect(checkProfile(PUBLIC_GOOD_PROFILE)).toEqual(PUBLIC_GOOD_PROFILE.thresholds)
  })

  it('verifyBundle refuses (never throws on) a forged profile', () => {
    const key = localKey()
    const r = verifyBundle({
      bundle: dsseBundle(key, statementBytes()),
      artifact: { digest: `sha256:${sha256Hex('workload')}` },
      policy: { kind: 'key', publicKeyPem: key.publicKeyPem },
      profile: {
        name: 'github',
        thresholds: {
          ...PUBLIC_GOOD_PROFILE.thresholds,
          tlogThreshold: 0,
          ctlogThreshold: 0,
          timestampThreshold: 0
        }
      }
    })
    expect(r).toMatchObject({ verified: false, code: 'POLICY_INVALID' })
  })
})
