import { createHash } from 'node:crypto'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planSigning, signStatement } from '../../src/attest/sign.js'
import { verifyBundle } from '../../src/sigstore/verify-bundle.js'
import { startSigstoreSandbox, type SigstoreSandbox } from '../../src/sandbox/sigstore/server.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const SUBJECT = createHash('sha256').update('re-run').digest('hex')
const PAYLOAD = Buffer.from(
  JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'a', digest: { sha256: SUBJECT } }],
    predicateType: 'https://example.org/p'
  })
)

let sb: SigstoreSandbox
let proxy: Server
let proxyURL: string
/** Requests to Rekor v1, in order, with the status the log gave each. */
const seen: { method: string; path: string; status: number; delivered: boolean }[] = []

/**
 * A hop in front of the sandbox's Rekor that loses the log's answer to the first POST: the entry
 * is logged, but the client only sees its connection reset, as after a timeout or a dropped link.
 */
beforeAll(async () => {
  sb = await startSigstoreSandbox()
  const target = new URL(sb.rekorURL ?? 'http://no-rekor.invalid')
  let posts = 0
  proxy = createServer((req, res) => {
    const drop = req.method === 'POST' && posts++ === 0
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers
      },
      up => {
        seen.push({
          method: req.method ?? '',
          path: req.url ?? '',
          status: up.statusCode ?? 0,
          delivered: !drop
        })
        if (drop) {
          up.resume()
          up.on('end', () => res.socket?.destroy())
          return
        }
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    req.pipe(upstream)
  })
  await new Promise<void>(r => proxy.listen(0, '127.0.0.1', r))
  proxyURL = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`
})
afterAll(async () => {
  proxy.closeAllConnections()
  await new Promise(r => proxy.close(r))
  await sb.close()
})

describe('a Rekor v1 answer lost after the entry was logged', () => {
  it('is recovered: the retry meets 409, the existing entry is fetched, and signing goes on', async () => {
    const plan = await planSigning({
      instance: 'custom',
      fulcioURL: sb.fulcioURL,
      rekorURL: proxyURL,
      tsaURL: sb.tsaURL,
      identityToken: sb.identityToken
    })
    const signed = await signStatement(PAYLOAD, plan)
    expect(seen.map(s => [s.method, s.status, s.delivered])).toEqual([
      ['POST', 201, false],
      ['POST', 409, true],
      ['GET', 200, true]
    ])
    // The entry fetched is the one the first POST logged, at the one index the log gave it.
    const entryID = /\/api\/v1\/log\/entries\/([0-9a-f]{80})$/.exec(seen[2]?.path ?? '')?.[1]
    expect(entryID?.slice(16)).toBe(signed.rekor?.apiVersion === 1 ? signed.rekor.uuid : '')
    expect(signed.rekor?.logIndex).toBe('0')
    const r = verifyBundle({
      bundle: signed.bundle as Json,
      artifact: { digest: `sha256:${SUBJECT}` },
      trustedRoot: JSON.stringify(sb.trustedRoot),
      policy: { kind: 'identity', identity: sb.identity, issuer: sb.issuer }
    })
    expect(r.error).toBeUndefined()
    expect(r.verified).toBe(true)
  })
})
