import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash } from 'node:crypto'
import { DSSEBundleBuilder, FulcioSigner, RekorWitness } from '@sigstore/sign'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REKOR_V2_TIMEOUT_MS, RekorV2Log } from '../../src/attest/rekor-v2.js'
import { planSigning, signStatement, type SignedStatement } from '../../src/attest/sign.js'
import { QprovError } from '../../src/errors.js'
import { verifyBundle } from '../../src/sigstore/verify-bundle.js'
import { startSigstoreSandbox, type SigstoreSandbox } from '../../src/sandbox/sigstore/server.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const SUBJECT = createHash('sha256').update('v2 artifact').digest('hex')
const PAYLOAD = Buffer.from(
  JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'a', digest: { sha256: SUBJECT } }],
    predicateType: 'https://example.org/p'
  })
)

let sb: SigstoreSandbox
let signed: SignedStatement

beforeAll(async () => {
  sb = await startSigstoreSandbox()
  const plan = await planSigning({
    instance: 'custom',
    fulcioURL: sb.fulcioURL,
    rekorURL: sb.rekorV2URL,
    rekorVersion: 2,
    tsaURL: sb.tsaURL,
    identityToken: sb.identityToken
  })
  signed = await signStatement(PAYLOAD, plan)
})
afterAll(async () => {
  await sb.close()
})

describe('signing to Rekor v2', () => {
  it('gives a v0.3 DSSE bundle with a hashedrekord 0.0.2 entry and a timestamp that verifies offline', () => {
    const b = signed.bundle as Json
    expect(b.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(b.verificationMaterial.tlogEntries).toHaveLength(1)
    expect(b.verificationMaterial.tlogEntries[0].kindVersion).toEqual({
      kind: 'hashedrekord',
      version: '0.0.2'
    })
    expect(b.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1)
    const r = verifyBundle({
      bundle: b,
      artifact: { digest: `sha256:${SUBJECT}` },
      trustedRoot: JSON.stringify(sb.trustedRoot),
      policy: { kind: 'identity', identity: sb.identity, issuer: sb.issuer }
    })
    expect(r.error).toBeUndefined()
    expect(r.verified).toBe(true)
  })

  it('reports the shard, its log ID and the index within it; no UUID', () => {
    const keyId = (signed.bundle as Json).verificationMaterial.tlogEntries[0].logId.keyId
    expect(signed.rekor).toEqual({
      apiVersion: 2,
      logIndex: '0',
      logId: Buffer.from(keyId, 'base64').toString('hex'),
      url: sb.rekorV2URL
    })
  })

  it('fails without the timestamp v2 needs, and the v2 entry fails without it', async () => {
    const noTsa = {
      instance: 'custom' as const,
      fulcioURL: sb.fulcioURL,
      rekorURL: sb.rekorV2URL,
      rekorVersion: 2 as const,
      identityToken: sb.identityToken
    }
    await expect(planSigning(noTsa)).rejects.toMatchObject({ code: 'USAGE' })
    const b = structuredClone(signed.bundle) as Json
    b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = []
    const r = verifyBundle({
      bundle: b,
      artifact: { digest: `sha256:${SUBJECT}` },
      trustedRoot: JSON.stringify(sb.trustedRoot),
      policy: { kind: 'identity', identity: sb.identity, issuer: sb.issuer }
    })
    expect(r.code).toBe('TIMESTAMP_ERROR')
  })

  it("is refused when sent as @sigstore/sign 5.1's dsse request, which v2 no longer takes", async () => {
    const builder = new DSSEBundleBuilder({
      signer: new FulcioSigner({
        fulcioBaseURL: sb.fulcioURL,
        identityProvider: { getToken: () => Promise.resolve(sb.identityToken) }
      }),
      witnesses: [new RekorWitness({ rekorBaseURL: sb.rekorV2URL, majorApiVersion: 2 })]
    })
    await expect(
      builder.create({ data: PAYLOAD, type: 'application/vnd.in-toto+json' })
    ).rejects.toThrow(/error creating tlog entry/)
  })
})

describe('the Rekor v2 client', () => {
  let server: Server
  let url: string
  const answers: [number, string, Record<string, string>?][] = []
  let requests = 0
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++
      req.resume()
      req.on('end', () => {
        const [status, body, headers] = answers.shift() ?? [500, '{}']
        res.writeHead(status, { 'content-type': 'application/json', ...headers })
        res.end(body)
      })
    })
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise(r => server.close(r))
  })
  const entryJSON = () =>
    JSON.stringify((signed.bundle as Json).verificationMaterial.tlogEntries[0])
  const client = () => new RekorV2Log({ baseURL: url, backoff: () => 0 })

  it('waits 20 s for a write, as Sigstore clients do for v2', () => {
    expect(REKOR_V2_TIMEOUT_MS).toBeGreaterThanOrEqual(20_000)
  })

  it('retries a 503 and a 429, then takes the entry', async () => {
    requests = 0
    answers.push([503, '{"code":14,"message":"busy"}'], [429, '{}'], [201, entryJSON()])
    const e = await client().createEntry({})
    expect(e.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
    expect(requests).toBe(3)
  })

  it('gives up after two retries, and does not retry a refusal', async () => {
    requests = 0
    answers.push([503, '{}'], [503, '{}'], [503, '{"message":"still busy"}'])
    await expect(client().createEntry({})).rejects.toThrow('(503) still busy')
    expect(requests).toBe(3)
    requests = 0
    answers.push([400, '{"code":3,"message":"bad digest"}'])
    await expect(client().createEntry({})).rejects.toThrow('(400) bad digest')
    expect(requests).toBe(1)
  })

  it('names the index a duplicate already holds', async () => {
    answers.push([409, '{"code":6,"message":"exists"}', { 'x-log-index': '41' }])
    await expect(client().createEntry({})).rejects.toMatchObject({ status: 409, logIndex: '41' })
  })

  it('refuses an answer that is not a v2 hashedrekord entry with a proof', async () => {
    const e = JSON.parse(entryJSON()) as Json
    answers.push([201, JSON.stringify({ ...e, kindVersion: { kind: 'dsse', version: '0.0.1' } })])
    await expect(client().createEntry({})).rejects.toThrow(/not hashedrekord 0.0.2/)
    answers.push([201, JSON.stringify({ ...e, inclusionProof: undefined })])
    await expect(client().createEntry({})).rejects.toThrow(
      /without logId, kindVersion or inclusionProof/
    )
  })

  it('becomes SIGNING_FAILED when signing against a log that refuses', async () => {
    answers.push([409, '{"code":6,"message":"exists"}', { 'x-log-index': '9' }])
    const planDup = await planSigning({
      instance: 'custom',
      fulcioURL: sb.fulcioURL,
      rekorURL: url,
      rekorVersion: 2,
      tsaURL: sb.tsaURL,
      identityToken: sb.identityToken
    })
    await expect(signStatement(PAYLOAD, planDup)).rejects.toThrow(
      /already holds this signature at index 9 .*run the command again/
    )
    answers.push([400, '{"code":3,"message":"nope"}'])
    const plan = await planSigning({
      instance: 'custom',
      fulcioURL: sb.fulcioURL,
      rekorURL: url,
      rekorVersion: 2,
      tsaURL: sb.tsaURL,
      identityToken: sb.identityToken
    })
    const e = await signStatement(PAYLOAD, plan).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(QprovError)
    expect((e as QprovError).code).toBe('SIGNING_FAILED')
    expect((e as Error).message).toMatch(/TLOG_CREATE_ENTRY_ERROR.*\(400\) nope/)
  })
})
