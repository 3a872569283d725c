import { createHash, createPublicKey, verify } from 'node:crypto'
import { bundleFromJSON } from '@sigstore/bundle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashedRekordRequest } from '../../src/attest/rekor-v2.js'
import { planSigning, signStatement } from '../../src/attest/sign.js'
import { parseTilePath } from '../../src/sandbox/sigstore/tiles.js'
import { startSigstoreSandbox, type SigstoreSandbox } from '../../src/sandbox/sigstore/server.js'
import { leafHash, rootFromPath, sha256, treeHash } from '../helpers/rfc6962.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const PREFILL = 300
const PAYLOAD = Buffer.from(
  JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'w', digest: { sha256: 'b'.repeat(64) } }],
    predicateType: 'https://example.org/v2'
  })
)

let sb: SigstoreSandbox
let bundle: Json
let entry: Json

beforeAll(async () => {
  sb = await startSigstoreSandbox({ logPrefill: PREFILL })
  const plan = await planSigning({
    instance: 'custom',
    fulcioURL: sb.fulcioURL,
    rekorURL: sb.rekorV2URL,
    rekorVersion: 2,
    tsaURL: sb.tsaURL,
    identityToken: sb.identityToken
  })
  bundle = (await signStatement(PAYLOAD, plan)).bundle as Json
  entry = bundle.verificationMaterial.tlogEntries[0]
})
afterAll(async () => {
  await sb.close()
})

const get = (path: string) => fetch(`${sb.rekorV2URL}/${path}`)
const bytesOf = async (path: string): Promise<Buffer> => {
  const res = await get(path)
  expect(res.status, path).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}
/** The request a client sends for the bundle's own signature (certificate as PEM). */
function requestOf(b: Json): Json {
  const der = Buffer.from(b.verificationMaterial.certificate.rawBytes, 'base64')
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`
  return hashedRekordRequest(bundleFromJSON(b).content, pem) as Json
}
const post = (body: unknown) =>
  fetch(`${sb.rekorV2URL}/api/v2/log/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })

describe('sandbox Rekor v2: a tile-backed shard', () => {
  it('logs a DSSE signature as hashedrekord 0.0.2 over the PAE digest, with no integrated time', () => {
    const env = bundle.dsseEnvelope
    const payload = Buffer.from(env.payload, 'base64')
    const pae = Buffer.concat([
      Buffer.from(`DSSEv1 ${env.payloadType.length} ${env.payloadType} ${payload.length} `),
      payload
    ])
    const body = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString())
    expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
    expect(entry.integratedTime).toBeUndefined()
    expect(entry.inclusionPromise).toBeUndefined()
    expect(body.spec.hashedRekordV002.data).toEqual({
      algorithm: 'SHA2_256',
      digest: sha256(pae).toString('base64')
    })
    expect(body.spec.hashedRekordV002.signature.content).toBe(env.signatures[0].sig)
    expect(body.spec.hashedRekordV002.signature.verifier.x509Certificate.rawBytes).toBe(
      bundle.verificationMaterial.certificate.rawBytes
    )
    expect(entry.logIndex).toBe(String(PREFILL))
  })

  it('signs each checkpoint with the Ed25519 key the trusted root lists under its note key ID', async () => {
    const text = entry.inclusionProof.checkpoint.envelope as string
    const [note, sigLine] = text.split('\n\n') as [string, string]
    const origin = (sb.rekorV2URL ?? '').replace('http://', '')
    expect(note.split('\n')).toEqual([origin, String(PREFILL + 1), entry.inclusionProof.rootHash])
    const m = /^\u2014 (\S+) (\S+)\n$/.exec(sigLine)
    expect(m?.[1]).toBe(origin)
    const sig = Buffer.from(m?.[2] ?? '', 'base64')
    const log = (sb.trustedRoot as Json).tlogs.find((t: Json) => t.baseUrl === sb.rekorV2URL)
    const spki = Buffer.from(log.publicKey.rawBytes, 'base64')
    expect(log.publicKey.keyDetails).toBe('PKIX_ED25519')
    expect(log.logId.keyId).toBe(entry.logId.keyId)
    expect(sig.subarray(0, 4).equals(Buffer.from(log.logId.keyId, 'base64').subarray(0, 4))).toBe(
      true
    )
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' })
    expect(verify(null, Buffer.from(`${note}\n`), key, sig.subarray(4))).toBe(true)
    expect(verify(null, Buffer.from(`${note}x\n`), key, sig.subarray(4))).toBe(false)
    // The latest checkpoint is served as the tiles API names it.
    expect(await (await get('checkpoint')).text()).toBe(text)
  })

  it('serves entry bundles and hash tiles that rebuild the root its inclusion proof leads to', async () => {
    const size = PREFILL + 1
    const bodies: Buffer[] = []
    for (const path of ['tile/entries/000', `tile/entries/001.p/${size - 256}`]) {
      const data = await bytesOf(path)
      for (let at = 0; at < data.length;) {
        const len = data.readUInt16BE(at)
        bodies.push(data.subarray(at + 2, at + 2 + len))
        at += 2 + len
      }
    }
    expect(bodies).toHaveLength(size)
    expect(bodies[PREFILL]?.toString('base64')).toBe(entry.canonicalizedBody)
    const leaves = bodies.map(leafHash)
    const root = treeHash(leaves)
    expect(root.toString('base64')).toBe(entry.inclusionProof.rootHash)
    const path = (entry.inclusionProof.hashes as string[]).map(h => Buffer.from(h, 'base64'))
    expect(
      rootFromPath(PREFILL, size, leafHash(bodies[PREFILL] as Buffer), path).equals(root)
    ).toBe(true)
    expect((await bytesOf('tile/0/000')).equals(Buffer.concat(leaves.slice(0, 256)))).toBe(true)
    expect(
      (await bytesOf(`tile/0/001.p/${size - 256}`)).equals(Buffer.concat(leaves.slice(256)))
    ).toBe(true)
    // Level 1 holds the roots of whole 256-leaf subtrees: one so far.
    expect((await bytesOf('tile/1/000.p/1')).equals(treeHash(leaves.slice(0, 256)))).toBe(true)
    for (const missing of ['tile/1/000', 'tile/0/001', 'tile/0/002.p/1', 'tile/entries/001'])
      expect((await get(missing)).status, missing).toBe(404)
  })

  it('answers a duplicate with 409 and the existing index in x-log-index', async () => {
    const res = await post(requestOf(bundle))
    expect(res.status).toBe(409)
    expect(res.headers.get('x-log-index')).toBe(entry.logIndex)
    expect(await res.json()).toMatchObject({ code: 6 })
  })

  it('refuses a dsse request, a signature that does not verify, a short digest and non-JSON', async () => {
    const good = requestOf(bundle)
    const flipped = structuredClone(good)
    const sig = Buffer.from(flipped.hashedRekordRequestV002.signature.content, 'base64')
    sig[sig.length - 5] ^= 1
    flipped.hashedRekordRequestV002.signature.content = sig.toString('base64')
    const short = structuredClone(good)
    short.hashedRekordRequestV002.digest = Buffer.alloc(31).toString('base64')
    const cases: [unknown, RegExp][] = [
      [{ dsseRequestV002: { envelope: {}, verifiers: [] } }, /dsse entries are not supported/],
      [flipped, /signature does not verify over the digest/],
      [short, /digest must be 32 bytes/],
      ['{', /not JSON/]
    ]
    for (const [body, why] of cases) {
      const res = await post(body)
      expect(res.status).toBe(400)
      const json = (await res.json()) as Json
      expect(json.code).toBe(3)
      expect(json.message).toMatch(why)
    }
  })
})

describe('tile paths (C2SP tlog-tiles)', () => {
  it('reads only the canonical form of an index and a partial width', () => {
    expect(parseTilePath('0/000')).toEqual({ level: 0, index: 0 })
    expect(parseTilePath('1/x001/x234/067')).toEqual({ level: 1, index: 1234067 })
    expect(parseTilePath('entries/001.p/45')).toEqual({ level: 'entries', index: 1, width: 45 })
    for (const bad of [
      '0/1',
      '0/0001',
      '0/x000/001',
      '0/000.p/0',
      '0/000.p/256',
      '00/000',
      '0//000',
      'x/000'
    ])
      expect(parseTilePath(bad), bad).toBeUndefined()
  })
})

describe('the checkpoint key ID of a signed note', () => {
  it('is SHA-256(name, newline, 0x01, Ed25519 key) as C2SP defines it, not the key hash of v1', () => {
    const log = (sb.trustedRoot as Json).tlogs[1]
    const spki = Buffer.from(log.publicKey.rawBytes, 'base64')
    expect(log.logId.keyId).not.toBe(createHash('sha256').update(spki).digest('base64'))
  })
})
