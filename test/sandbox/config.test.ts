import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSandboxConfig } from '../../src/sandbox/config.js'

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

describe('readSandboxConfig', () => {
  it('resolves the trusted root relative to the sandbox directory', () => {
    const dir = dirWith(JSON.stringify(complete))
    expect(readSandboxConfig(dir).trustedRoot).toBe(join(dir, 'trusted_root.json'))
  })

  it('names a missing field', () => {
    const { identity: _omit, ...rest } = complete
    expect(() => readSandboxConfig(dirWith(JSON.stringify(rest)))).toThrow(/lacks "identity"/)
  })

  it('does not quote the file when it is not JSON, since it holds sandbox credentials', () => {
    const dir = dirWith('{"apiKey": "SANDBOX-SECRET-abcdef", oops')
    expect(() => readSandboxConfig(dir)).toThrow(/is not valid JSON$/)
    try {
      readSandboxConfig(dir)
    } catch (e) {
      expect((e as Error).message).not.toContain('SANDBOX-SECRET')
    }
  })

  it('says which command creates it when the directory has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-sbcfg-'))
    expect(() => readSandboxConfig(dir)).toThrow(/not found.*qprov sandbox --dir/)
  })
})
