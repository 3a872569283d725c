import { QprovError } from '../errors.js'
import { registerSecret } from '../secrets.js'
import { checkEndpointURL } from '../url-credentials.js'
import { sendRuntimeRequest, type HttpPolicy } from './http.js'
import { stripTrailingSlash } from '../proof/crn.js'

export const APIKEY_GRANT = 'urn:ibm:params:oauth:grant-type:apikey'

export interface IamOptions {
  apiKey: string
  /** IAM host, e.g. https://iam.cloud.ibm.com; the token path is appended. */
  iamURL: string
  http?: HttpPolicy
  /** Seconds since the epoch; injectable for expiry tests. */
  now?: () => number
}

interface CachedToken {
  token: string
  expiration: number
  expiresIn: number
}

/**
 * API-key → bearer token exchange with a cache. The API-key grant has no refresh token, so a
 * "refresh" is a new exchange, done once 80 % of the lifetime has passed (as IBM's SDK does).
 */
export class IamTokenManager {
  private cached: CachedToken | undefined
  private readonly now: () => number

  constructor(private readonly opts: IamOptions) {
    registerSecret(opts.apiKey)
    // The key is posted here: whoever built the options, only over TLS (or on loopback).
    checkEndpointURL(opts.iamURL, 'the IAM URL')
    this.now = opts.now ?? (() => Date.now() / 1000)
  }

  async token(): Promise<string> {
    const c = this.cached
    if (c && this.now() < c.expiration - 0.2 * c.expiresIn) return c.token
    this.cached = await this.exchange()
    return this.cached.token
  }

  /** Forget the cached token, e.g. after the service answered 401 to it. */
  invalidate(): void {
    this.cached = undefined
  }

  private async exchange(): Promise<CachedToken> {
    const form = new URLSearchParams({
      grant_type: APIKEY_GRANT,
      apikey: this.opts.apiKey,
      response_type: 'cloud_iam'
    })
    const what = 'IAM token exchange'
    let res
    try {
      res = await sendRuntimeRequest(
        {
          what,
          method: 'POST',
          url: `${stripTrailingSlash(this.opts.iamURL)}/identity/token`,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json'
          },
          body: form.toString()
        },
        this.opts.http
      )
    } catch (e) {
      if (e instanceof QprovError && (e.details.status === 400 || e.details.status === 401))
        throw new QprovError('RUNTIME_AUTH', `${e.message} (check the API key)`, {
          details: e.details
        })
      throw e
    }
    let body: Record<string, unknown>
    try {
      body = JSON.parse(res.text) as Record<string, unknown>
    } catch {
      throw new QprovError('RUNTIME_BAD_RESPONSE', `${what} returned a body that is not JSON`)
    }
    const token = body.access_token
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600
    const expiration =
      typeof body.expiration === 'number' ? body.expiration : this.now() + expiresIn
    if (typeof token !== 'string' || token === '')
      throw new QprovError('RUNTIME_BAD_RESPONSE', `${what} returned no access_token`)
    registerSecret(token)
    return { token, expiration, expiresIn }
  }
}
