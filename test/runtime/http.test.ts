import fc from 'fast-check'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { parseErrorBody, runtimeHttpError } from '../../src/runtime/api-errors.js'
import { backoffMs, parseRetryAfter } from '../../src/runtime/http.js'
import { IamTokenManager } from '../../src/runtime/iam.js'
import { QprovError } from '../../src/errors.js'
import { runs } from '../helpers/property.js'

describe('retry timing', () => {
  it('backs off 0.5·2^(n−1) seconds, capped', () => {
    expect([1, 2, 3, 4, 5].map(n => backoffMs(n, 120_000))).toEqual([500, 1000, 2000, 4000, 8000])
    expect(backoffMs(20, 120_000)).toBe(120_000)
  })

  it('reads Retry-After as delta-seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('12', now)).toBe(12_000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })

  it('never returns a negative or non-finite delay', () => {
    fc.assert(
      fc.property(fc.string(), s => {
        const d = parseRetryAfter(s)
        if (d !== undefined) expect(Number.isFinite(d) && d >= 0).toBe(true)
      }),
      runs()
    )
  })
})

describe('Runtime error bodies', () => {
  it('parses errors[] with numeric or string codes and the trace', () => {
    const body = JSON.stringify({
      errors: [
        { code: 1208, message: 'no', more_info: 'https://x' },
        { code: 'E2', message: 'm' }
      ],
      trace: 'abc-123'
    })
    expect(parseErrorBody(body)).toEqual({
      errors: [
        { code: 1208, message: 'no', more_info: 'https://x' },
        { code: 'E2', message: 'm', more_info: undefined }
      ],
      trace: 'abc-123'
    })
  })

  it('understands IAM’s {errorCode, errorMessage} and the older {error:{…}} shape', () => {
    expect(parseErrorBody('{"errorCode":"BXNIM0415E","errorMessage":"not found"}').errors).toEqual([
      { code: 'BXNIM0415E', message: 'not found', more_info: undefined }
    ])
    expect(parseErrorBody('{"error":{"code":7,"message":"old"}}').errors[0].message).toBe('old')
  })

  it('keeps only well-typed fields of any body text', () => {
    const wellTyped = (text: string) => {
      const r = parseErrorBody(text)
      expect(Array.isArray(r.errors)).toBe(true)
      expect(r.trace === undefined || typeof r.trace === 'string').toBe(true)
      for (const e of r.errors) {
        expect(['number', 'string', 'undefined']).toContain(typeof e.code)
        expect(['string', 'undefined']).toContain(typeof e.message)
        expect(['string', 'undefined']).toContain(typeof e.more_info)
      }
    }
    fc.assert(fc.property(fc.string(), wellTyped), runs())
    fc.assert(fc.property(fc.json(), wellTyped), runs())
  })

  it('reads back every entry and the trace of an IBM error body', () => {
    const entry = fc.record({
      code: fc.oneof(fc.integer(), fc.string()),
      message: fc.string(),
      more_info: fc.webUrl()
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.string(), (errors, trace) => {
        expect(parseErrorBody(JSON.stringify({ errors, trace }))).toEqual({ errors, trace })
      }),
      runs()
    )
  })

  it('maps statuses to codes and keeps status, trace and errors in details', () => {
    const body = '{"errors":[{"code":1,"message":"bad"}],"trace":"t1"}'
    const e401 = runtimeHttpError('get job x', 401, body)
    expect(e401.code).toBe('RUNTIME_AUTH')
    expect(e401.message).toBe('get job x failed: HTTP 401: bad (code 1), trace t1')
    expect(e401.details).toMatchObject({ status: 401, trace: 't1' })
    expect(runtimeHttpError('w', 429, body).code).toBe('RUNTIME_RATE_LIMITED')
    expect(runtimeHttpError('w', 404, body).code).toBe('RUNTIME_HTTP')
    expect(runtimeHttpError('w', 502, '<html>bad gateway</html>').message).toContain(
      'HTTP 502: <html>bad gateway</html>'
    )
  })
})

describe('redirects', () => {
  it('refuses a 307 from IAM instead of re-posting the API key to the host it names', async () => {
    const received: string[] = []
    const thief = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"access_token":"stolen-token","expires_in":3600}')
    })
    await new Promise<void>(r => thief.listen(0, '127.0.0.1', r))
    const thiefPort = (thief.address() as AddressInfo).port
    const redirector = createServer((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${thiefPort}/steal` })
      res.end()
    })
    await new Promise<void>(r => redirector.listen(0, '127.0.0.1', r))
    try {
      const iam = new IamTokenManager({
        apiKey: 'REDIRECT-CANARY-KEY-123456',
        iamURL: `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`,
        http: { sleep: async () => {}, maxRetries: 0 }
      })
      const err = await iam.token().catch(e => e)
      expect(err).toBeInstanceOf(QprovError)
      expect(received).toEqual([])
    } finally {
      redirector.close()
      thief.close()
    }
  })
})
