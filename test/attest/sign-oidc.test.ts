import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveEndpoints } from '../../src/attest/instances.js'
import { fetchActionsIdToken, resolveIdentityToken } from '../../src/attest/oidc.js'
import { QprovError } from '../../src/errors.js'
import { addSigningOptions, signingFromOptions } from '../../src/cli/signing-options.js'
import { redact } from '../../src/secrets.js'
import { startSigstoreSandbox, type SigstoreSandbox } from '../../src/sandbox/sigstore/server.js'

let sb: SigstoreSandbox
beforeAll(async () => {
  sb = await startSigstoreSandbox()
})
afterAll(async () => {
  await sb.close()
})

async function failure(p: Promise<unknown>): Promise<QprovError> {
  try {
    await p
  } catch (e) {
    if (e instanceof QprovError) return e
    throw e
  }
  throw new Error('expected a failure')
}

describe('identity token resolution', () => {
  it('names the missing id-token: write permission when no token source exists (exit 2)', async () => {
    const e = await failure(resolveIdentityToken({ instance: 'public-good' }, {}))
    expect(e.code).toBe('OIDC_UNAVAILABLE')
    expect(e.exitCode).toBe(2)
    expect(e.message).toContain('permissions: id-token: write')
    expect(e.message).toContain('ACTIONS_ID_TOKEN_REQUEST_URL')
  })

  it('says which variable is missing when only one Actions variable is set', async () => {
    const e = await failure(
      resolveIdentityToken(
        { instance: 'public-good' },
        { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://x' }
      )
    )
    expect(e.code).toBe('OIDC_UNAVAILABLE')
    expect(e.message).toContain('id-token: write')
  })

  it('fetches the token from the Actions endpoint with audience sigstore and masks it', async () => {
    const got = await resolveIdentityToken(
      { instance: 'custom' },
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: sb.actionsIdTokenRequestURL,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: sb.actionsIdTokenRequestToken,
        SIGSTORE_ID_TOKEN: 'should-not-be-used-token'
      }
    )
    expect(got.source).toBe('actions-oidc')
    const claims = JSON.parse(Buffer.from(got.token.split('.')[1] ?? '', 'base64url').toString())
    expect(claims.aud).toBe('sigstore')
    expect(redact(`token=${got.token}`)).toBe('token=***')
    expect(redact(sb.actionsIdTokenRequestToken)).toBe('***')
  })

  it('reports a rejected request token as a remote failure without echoing it', async () => {
    const e = await failure(
      fetchActionsIdToken(sb.actionsIdTokenRequestURL, 'canary-request-token-7d1f', 'sigstore')
    )
    expect(e.code).toBe('OIDC_REQUEST_FAILED')
    expect(e.exitCode).toBe(1)
    expect(e.message).toContain('401')
    expect(e.message).not.toContain('canary-request-token-7d1f')
  })

  it('reads an explicit token only from the named environment variable', async () => {
    const got = await resolveIdentityToken(
      { instance: 'custom', identityTokenEnv: 'MY_TOKEN' },
      { MY_TOKEN: 'env-token-abcdef', SIGSTORE_ID_TOKEN: 'other-token-123' }
    )
    expect(got).toEqual({ token: 'env-token-abcdef', source: 'env', from: 'MY_TOKEN' })
    const e = await failure(
      resolveIdentityToken({ instance: 'custom', identityTokenEnv: 'MY_TOKEN' }, {})
    )
    expect(e.message).toContain('MY_TOKEN')
    expect(e.exitCode).toBe(2)
  })

  it('falls back to SIGSTORE_ID_TOKEN outside Actions', async () => {
    const got = await resolveIdentityToken(
      { instance: 'public-good' },
      { SIGSTORE_ID_TOKEN: 'sig-token-xyz' }
    )
    expect(got.from).toBe('SIGSTORE_ID_TOKEN')
  })
})

describe('Sigstore instances', () => {
  it('uses Fulcio and Rekor for public-good, TSA optional', () => {
    expect(resolveEndpoints('public-good', {})).toEqual({
      fulcioURL: 'https://fulcio.sigstore.dev',
      rekorURL: 'https://rekor.sigstore.dev',
      rekorVersion: 1
    })
    expect(
      resolveEndpoints('public-good', { tsaURL: 'https://timestamp.sigstore.dev' }).tsaURL
    ).toBe('https://timestamp.sigstore.dev')
  })

  it("uses GitHub's Fulcio and TSA without Rekor for github, following GITHUB_SERVER_URL", () => {
    expect(resolveEndpoints('github', {}, {})).toEqual({
      fulcioURL: 'https://fulcio.githubapp.com',
      tsaURL: 'https://timestamp.githubapp.com'
    })
    expect(
      resolveEndpoints('github', {}, { GITHUB_SERVER_URL: 'https://acme.ghe.com' }).fulcioURL
    ).toBe('https://fulcio.acme.ghe.com')
  })

  it('requires Fulcio and a time source for custom', () => {
    expect(() => resolveEndpoints('custom', {})).toThrow(/--fulcio-url/)
    expect(() => resolveEndpoints('custom', { fulcioURL: 'https://f.example' })).toThrow(
      /--rekor-url or --tsa-url/
    )
    expect(() => resolveEndpoints('custom', { fulcioURL: 'ftp://f', tsaURL: 'https://t' })).toThrow(
      /http/
    )
  })
})

describe('signing flags', () => {
  function parse(args: string[]): Record<string, unknown> {
    const cmd = addSigningOptions(new Command('x').exitOverride())
    cmd.parse(args, { from: 'user' })
    return cmd.opts()
  }

  it('takes endpoints and the Actions-style token endpoint from --sandbox; explicit flags win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-sb-'))
    writeFileSync(
      join(dir, 'sandbox.json'),
      JSON.stringify({
        fulcioURL: 'http://127.0.0.1:1/fulcio',
        rekorURL: 'http://127.0.0.1:1/rekor',
        tsaURL: 'http://127.0.0.1:1/tsa/api/v1/timestamp',
        trustedRoot: 'trusted_root.json',
        identityToken: 'a.b.c-sandbox-token',
        identity: 'https://github.com/x/y/.github/workflows/z.yml@refs/heads/main',
        issuer: 'http://127.0.0.1:1/oidc',
        actionsIdTokenRequestURL: 'http://127.0.0.1:1/oidc/token?api-version=2.0',
        actionsIdTokenRequestToken: 'request-token-123456'
      })
    )
    const r = signingFromOptions(
      parse(['--sandbox', dir, '--rekor-url', 'http://127.0.0.1:2/rekor'])
    )
    expect(r.sandboxDir).toBe(dir)
    expect(r.signing).toMatchObject({
      instance: 'custom',
      fulcioURL: 'http://127.0.0.1:1/fulcio',
      rekorURL: 'http://127.0.0.1:2/rekor',
      actionsOidc: { requestToken: 'request-token-123456' }
    })
    expect(r.signing.identityToken).toBeUndefined()
  })

  it('defaults to public-good and refuses a token value in place of a variable name', () => {
    expect(signingFromOptions(parse([])).signing).toEqual({ instance: 'public-good' })
    expect(
      signingFromOptions(parse(['--identity-token-env', 'TOK'])).signing.identityTokenEnv
    ).toBe('TOK')
    expect(() => signingFromOptions(parse(['--identity-token-env', 'eyJ.abc.def']))).toThrow(/NAME/)
    expect(() => parse(['--sigstore', 'nonsense'])).toThrow()
  })
})
