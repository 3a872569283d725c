import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { signingEndpoints } from '../../src/attest/instances.js'
import { sandboxRuntime, sandboxSigning } from '../../src/settings/sandbox.js'
import { signingSettings } from '../../src/settings/signing.js'
import { redact } from '../../src/secrets.js'

function dirWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'qprov-sbcfg-'))
  writeFileSync(join(dir, 'sandbox.json'), text)
  return dir
}

const complete = {
  fulcioURL: 'http://127.0.0.1:1/fulcio',
  rekorURL: 'http://127.0.0.1:1/rekor',
  tsaURL: 'http://127.0.0.1:1/tsa',
  trustedRoot: 'trusted_root.json',
  identityToken: 'tok-123456',
  identity: 'id',
  issuer: 'http://127.0.0.1:1/oidc',
  actionsIdTokenRequestURL: 'http://127.0.0.1:1/token?x=1',
  actionsIdTokenRequestToken: 'req-123456'
}

describe('the --sandbox DIR reader', () => {
  it('reads a github-instance sandbox: no Rekor, and none may be named', () => {
    const { rekorURL: _r, ...noRekor } = complete
    const gh = sandboxSigning(dirWith(JSON.stringify({ ...noRekor, instance: 'github' })))
    expect(gh.instance).toBe('github')
    expect(gh.rekorURL).toBeUndefined()
    expect(() =>
      sandboxSigning(dirWith(JSON.stringify({ ...complete, instance: 'github' })))
    ).toThrow(/is a github instance and must not name a Rekor/)
    expect(() => sandboxSigning(dirWith(JSON.stringify(noRekor)))).toThrow(/lacks "rekorURL"/)
    expect(() =>
      sandboxSigning(dirWith(JSON.stringify({ ...complete, instance: 'staging' })))
    ).toThrow(/unknown "instance"/)
    expect(sandboxSigning(dirWith(JSON.stringify(complete))).instance).toBe('public-good')
  })

  it('never fills a github sandbox’s missing Rekor with the public-good one', () => {
    const { rekorURL: _r, ...noRekor } = complete
    const dir = dirWith(JSON.stringify({ ...noRekor, instance: 'github' }))
    expect(() => signingSettings({ sandbox: dir, instance: 'public-good' })).toThrow(
      /stands in for GitHub's instance \(no Rekor\): sign with --sigstore github or custom/
    )
    for (const instance of [undefined, 'github', 'custom']) {
      const s = signingSettings({ sandbox: dir, ...(instance ? { instance } : {}) })
      expect(s.rekorURL).toBeUndefined()
      expect(signingEndpoints(s, {})).toEqual({
        fulcioURL: complete.fulcioURL,
        tsaURL: complete.tsaURL
      })
    }
  })

  it('resolves the trusted root relative to the sandbox directory', () => {
    const dir = dirWith(JSON.stringify(complete))
    expect(sandboxSigning(dir).trustedRoot).toBe(join(dir, 'trusted_root.json'))
  })

  it('names a missing field', () => {
    const { identity: _omit, ...rest } = complete
    expect(() => sandboxSigning(dirWith(JSON.stringify(rest)))).toThrow(/lacks "identity"/)
  })

  it('does not quote the file when it is not JSON, since it holds sandbox credentials', () => {
    const dir = dirWith('{"apiKey": "SANDBOX-SECRET-abcdef", oops')
    expect(() => sandboxSigning(dir)).toThrow(/is not valid JSON$/)
    try {
      sandboxSigning(dir)
    } catch (e) {
      expect((e as Error).message).not.toContain('SANDBOX-SECRET')
    }
  })

  it('says which command creates it when the directory has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-sbcfg-'))
    expect(() => sandboxSigning(dir)).toThrow(/not found.*qprov sandbox --dir/)
    expect(() => sandboxRuntime(dir)).toThrow(/neither .*sandbox.json nor emulator.json exists/)
  })

  it('registers the secrets of a file it reads before anything can print them', () => {
    const key = `SANDBOX-KEY-${Math.random().toString(36).slice(2)}`
    const dir = dirWith(JSON.stringify({ ...complete, apiKey: key, instanceCRN: 'crn' }))
    expect(sandboxRuntime(dir)).toMatchObject({ apiKey: key, instanceCRN: 'crn' })
    expect(redact(`a ${key} b`)).toBe('a *** b')
  })

  it('completes sandbox.json with emulator.json, sandbox.json winning', () => {
    const dir = dirWith(JSON.stringify({ ...complete, runtimeURL: 'http://127.0.0.1:2' }))
    writeFileSync(
      join(dir, 'emulator.json'),
      JSON.stringify({ runtimeURL: 'http://127.0.0.1:3', iamURL: 'http://127.0.0.1:4' })
    )
    expect(sandboxRuntime(dir)).toMatchObject({
      runtimeURL: 'http://127.0.0.1:2',
      iamURL: 'http://127.0.0.1:4'
    })
  })
})
