import { randomBytes, randomUUID } from 'node:crypto'
import type { Reply } from './reply.js'

const APIKEY_GRANT = 'urn:ibm:params:oauth:grant-type:apikey'

/** The emulator's IAM: API-key grant only, expiring opaque bearer tokens, IAM-style error bodies. */
export class IamEndpoint {
  /** token → expiry in clock milliseconds. */
  private readonly tokens = new Map<string, number>()

  constructor(
    private readonly apiKey: string,
    private readonly ttlSeconds: number,
    private readonly clock: () => number
  ) {}

  token(contentType: string | undefined, body: string): Reply {
    const fail = (status: number, errorCode: string, errorMessage: string): Reply => ({
      status,
      json: { errorCode, errorMessage, context: { requestId: randomUUID() } }
    })
    if (!(contentType ?? '').startsWith('application/x-www-form-urlencoded'))
      return fail(400, 'BXNIM0109E', 'Property missing or empty: grant_type')
    const form = new URLSearchParams(body)
    if (form.get('grant_type') !== APIKEY_GRANT)
      return fail(400, 'BXNIM0109E', 'Unsupported or missing grant_type')
    const key = form.get('apikey')
    if (!key) return fail(400, 'BXNIM0109E', 'Property missing or empty: apikey')
    if (key !== this.apiKey) return fail(400, 'BXNIM0415E', 'Provided API key could not be found.')
    const now = Math.floor(this.clock() / 1000)
    const random = (n: number) => randomBytes(n).toString('base64url')
    const token = `eyJhbGciOiJSUzI1NiJ9.${random(24)}.${random(16)}`
    this.tokens.set(token, (now + this.ttlSeconds) * 1000)
    return {
      status: 200,
      json: {
        access_token: token,
        refresh_token: 'not_supported',
        token_type: 'Bearer',
        expires_in: this.ttlSeconds,
        expiration: now + this.ttlSeconds,
        scope: 'ibm_openid'
      }
    }
  }

  check(token: string): 'valid' | 'unknown' | 'expired' {
    const expiry = this.tokens.get(token)
    if (expiry === undefined) return 'unknown'
    return expiry <= this.clock() ? 'expired' : 'valid'
  }

  expire(token: string): void {
    if (this.tokens.has(token)) this.tokens.set(token, 0)
  }

  expireAll(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, 0)
  }

  issued(): string[] {
    return [...this.tokens.keys()]
  }
}
