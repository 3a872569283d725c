import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { profileSettings, verificationSettings } from '../../src/settings/verification.js'
import { GITHUB_PROFILE, PUBLIC_GOOD_PROFILE } from '../../src/sigstore/profiles.js'

const issuer = 'https://token.actions.githubusercontent.com'
const action = 'action' as const

describe('verification settings (shared by verify, fetch and the action)', () => {
  it('defaults to public-good and the embedded root', () => {
    expect(verificationSettings({ identity: 'me', issuer })).toEqual({
      policy: { identity: 'me', issuer },
      profile: PUBLIC_GOOD_PROFILE,
      sandboxRoot: false
    })
  })

  it('reads the trusted root text and takes github with it', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'qprov-vs-')), 'root.json')
    writeFileSync(root, '{"x":1}')
    const s = verificationSettings({
      identityRegExp: 'https://github.com/acme/.+',
      issuer,
      trustedRoot: root,
      profile: 'github'
    })
    expect(s).toEqual({
      policy: { identityRegExp: 'https://github.com/acme/.+', issuer },
      profile: GITHUB_PROFILE,
      trustedRoot: '{"x":1}',
      trustedRootSource: root,
      sandboxRoot: false
    })
  })

  it.each([
    [{ issuer }, /give exactly one of --certificate-identity \/ --certificate-identity-regexp/],
    [{ identity: 'a', identityRegExp: 'b', issuer }, /exactly one of/],
    [{ identity: 'a' }, /--certificate-oidc-issuer is required/],
    [{ identity: 'a', issuer: 'https://u:p@x' }, /must not contain a user name/],
    [
      { identity: 'a', issuer, profile: 'staging' },
      /--profile must be one of public-good, github, custom/
    ],
    [{ identity: 'a', issuer, profile: 'github' }, /--profile github needs --trusted-root/],
    [{ identity: 'a', issuer, profile: 'custom' }, /--profile custom needs --thresholds/],
    [
      { identity: 'a', issuer, thresholds: 'tlog=0,ctlog=0,timestamp=1' },
      /--thresholds is only for --profile custom/
    ],
    [
      { identity: 'a', issuer, profile: 'custom', thresholds: 'tlog=1' },
      /^--thresholds: thresholds lack ctlog, timestamp$/
    ]
  ])('refuses %j with exit 2', (choice, message) => {
    let err: { message: string; exitCode: number } | undefined
    try {
      verificationSettings(choice)
    } catch (e) {
      err = e as typeof err
    }
    expect(err?.message).toMatch(message)
    expect(err?.exitCode).toBe(2)
  })

  it('names the action inputs in the action', () => {
    expect(() => profileSettings({ profile: 'github' }, action)).toThrow(
      /^input sigstore github needs input trusted-root/
    )
    expect(() => profileSettings({ profile: 'custom' }, action)).toThrow(
      /^input sigstore custom needs input thresholds/
    )
    expect(
      profileSettings({ profile: 'custom', thresholds: 'tlog=1,ctlog=1,timestamp=2' }, action)
    ).toEqual({
      name: 'custom',
      thresholds: { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 2 }
    })
  })
})
