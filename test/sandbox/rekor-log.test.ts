import { createHash, createPublicKey, verify } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planSigning, signStatement } from '../../src/attest/sign.js'
import { verifyBundle } from '../../src/sigstore/verify-bundle.js'
import { startSigstoreSandbox, type SigstoreSandbox } from '../../src/sandbox/sigstore/server.js'
import { runCli } from '../helpers/cli.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

// An RFC 6962 computation of our own, written from the RFC and not shared with the sandbox.
const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest()
}
const leaf = (body: Buffer) => sha256(Buffer.from([0]), body)
const node = (l: Buffer, r: Buffer) => sha256(Buffer.from([1]), l, r)
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0] as Buffer
  let k = 1
  while (k << 1 < leaves.length) k <<= 1
  return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)))
}
/** RFC 9162 section 2.1.3.2: the root an inclusion path leads to. */
function rootFromPath(index: number, size: number, leafHash: Buffer, path: Buffer[]): Buffer {
  let fn = index
  let sn = size - 1
  let r = leafHash
  for (const p of path) {
    if (sn === 0) throw new Error('path too long')
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r)
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1
        sn >>= 1
      }
    } else r = node(r, p)
    fn >>= 1
    sn >>= 1
  }
  if (sn !== 0) throw new Error('path too short')
  return r
}

const PAYLOAD = (n: number) =>
  Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'w', digest: { sha256: 'a'.repeat(64) } }],
      predicateType: `https://example.org/p/${n}`
    })
  )

let sb: SigstoreSandbox
const bodies: Buffer[] = []
const entries: Json[] = []

async function post(body: object): Promise<Json> {
  const res = await fetch(`${sb.rekorURL}/api/v1/log/entries`, {
    method: 'POST',
    body: JSON.stringify(body)
  })
  expect(res.status).toBe(201)
  const json = (await res.json()) as Json
  return Object.values(json)[0] as Json
}

beforeAll(async () => {
  sb = await startSigstoreSandbox()
  for (let i = 0; i < 9; i++) {
    const e = await post({ apiVersion: '0.0.1', kind: 'test', spec: { n: i } })
    entries.push(e)
    bodies.push(Buffer.from(e.body as string, 'base64'))
  }
})
afterAll(async () => {
  await sb.close()
})

function checkpointOf(text: string): { origin: string; size: number; root: Buffer; sig: Buffer } {
  const [note, sigLine] = text.split('\n\n') as [string, string]
  const [origin, size, root] = note.split('\n') as [string, string, string]
  const m = /^\u2014 (\S+) (\S+)\n$/.exec(sigLine)
  if (!m) throw new Error(`bad signature line ${JSON.stringify(sigLine)}`)
  return {
    origin,
    size: Number(size),
    root: Buffer.from(root, 'base64'),
    sig: Buffer.from(m[2] as string, 'base64')
  }
}

describe('sandbox Rekor: one append-only RFC 6962 log per run', () => {
  it('gives entries consecutive indices from 0', () => {
    expect(entries.map(e => e.logIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(entries.map(e => e.verification.inclusionProof.treeSize)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9
    ])
  })

  it('serves entry 5 of 9 with a proof of real depth that an independent RFC 6962 computation accepts', async () => {
    const res = await fetch(`${sb.rekorURL}/api/v1/log/entries?logIndex=5`)
    const [uuid, e] = Object.entries((await res.json()) as Json)[0] as [string, Json]
    const proof = e.verification.inclusionProof
    expect(uuid).toBe(leaf(bodies[5] as Buffer).toString('hex'))
    expect(proof).toMatchObject({ logIndex: 5, treeSize: 9 })
    const path = (proof.hashes as string[]).map(h => Buffer.from(h, 'hex'))
    expect(path.length).toBeGreaterThan(0)
    const expectedRoot = mth(bodies.map(leaf))
    expect(proof.rootHash).toBe(expectedRoot.toString('hex'))
    expect(rootFromPath(5, 9, leaf(bodies[5] as Buffer), path).equals(expectedRoot)).toBe(true)
    // One changed path hash leads elsewhere.
    const bad = path.map((h, i) => (i === 1 ? Buffer.alloc(32, 7) : h))
    expect(rootFromPath(5, 9, leaf(bodies[5] as Buffer), bad).equals(expectedRoot)).toBe(false)

    const byUUID = (await (await fetch(`${sb.rekorURL}/api/v1/log/entries/${uuid}`)).json()) as Json
    expect(byUUID[uuid].verification.inclusionProof).toEqual(proof)
  })

  it('signs a checkpoint over the tree size and root that the proof leads to', async () => {
    const res = await fetch(`${sb.rekorURL}/api/v1/log/entries?logIndex=2`)
    const e = Object.values((await res.json()) as Json)[0] as Json
    const text = e.verification.inclusionProof.checkpoint as string
    const cp = checkpointOf(text)
    const root = sb.trustedRoot as Json
    const spki = Buffer.from(root.tlogs[0].publicKey.rawBytes as string, 'base64')
    const logID = sha256(spki)
    expect(cp.size).toBeGreaterThanOrEqual(9)
    expect(cp.root.equals(mth(bodies.slice(0, cp.size).map(leaf)))).toBe(true)
    expect(cp.origin).toMatch(
      new RegExp(`^${new URL(sb.rekorURL as string).host.replace(/\./g, '\\.')} - \\d+$`)
    )
    expect(cp.sig.subarray(0, 4).equals(logID.subarray(0, 4))).toBe(true)
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' })
    const signed = Buffer.from(`${text.split('\n\n')[0]}\n`)
    expect(verify('sha256', signed, key, cp.sig.subarray(4))).toBe(true)
    expect(verify('sha256', Buffer.from('other'), key, cp.sig.subarray(4))).toBe(false)
  })

  it('answers 404 for an index past the end and 409 for a body already logged', async () => {
    expect((await fetch(`${sb.rekorURL}/api/v1/log/entries?logIndex=999`)).status).toBe(404)
    expect((await fetch(`${sb.rekorURL}/api/v1/log/entries?logIndex=-1`)).status).toBe(404)
    const again = await fetch(`${sb.rekorURL}/api/v1/log/entries`, {
      method: 'POST',
      body: JSON.stringify({ apiVersion: '0.0.1', kind: 'test', spec: { n: 0 } })
    })
    expect(again.status).toBe(409)
  })
})

describe('bundles signed into a deep sandbox log', () => {
  const policy = () => ({ kind: 'identity' as const, identity: sb.identity, issuer: sb.issuer })
  const check = (bundle: Json) =>
    verifyBundle({
      bundle,
      artifact: { digest: `sha256:${'a'.repeat(64)}` },
      trustedRoot: JSON.stringify(sb.trustedRoot),
      policy: policy()
    })
  let signed: Json[] = []

  beforeAll(async () => {
    const opts = {
      instance: 'custom' as const,
      fulcioURL: sb.fulcioURL,
      rekorURL: sb.rekorURL,
      tsaURL: sb.tsaURL,
      identityToken: sb.identityToken
    }
    signed = []
    for (let n = 0; n < 3; n++)
      signed.push((await signStatement(PAYLOAD(n), await planSigning(opts))).bundle as Json)
  })

  it('verify through qprov verify-bundle, each at the next index with a non-empty proof', () => {
    const first = Number(signed[0]?.verificationMaterial.tlogEntries[0].logIndex)
    expect(first).toBeGreaterThanOrEqual(9)
    signed.forEach((b, i) => {
      const tlog = b.verificationMaterial.tlogEntries[0]
      expect(Number(tlog.logIndex)).toBe(first + i)
      expect(tlog.inclusionProof.hashes.length).toBeGreaterThan(0)
      const r = check(b)
      expect(r.verified, r.error).toBe(true)
    })
  })

  it('still verify with the proof served later against the grown tree (as GET answers)', async () => {
    const b = structuredClone(signed[0]) as Json
    const tlog = b.verificationMaterial.tlogEntries[0]
    const res = await fetch(`${sb.rekorURL}/api/v1/log/entries?logIndex=${tlog.logIndex}`)
    const served = (Object.values((await res.json()) as Json)[0] as Json).verification
      .inclusionProof
    expect(served.treeSize).toBeGreaterThan(Number(tlog.inclusionProof.treeSize))
    tlog.inclusionProof = {
      logIndex: String(served.logIndex),
      rootHash: Buffer.from(served.rootHash as string, 'hex').toString('base64'),
      treeSize: String(served.treeSize),
      hashes: (served.hashes as string[]).map(h => Buffer.from(h, 'hex').toString('base64')),
      checkpoint: { envelope: served.checkpoint }
    }
    const r = check(b)
    expect(r.verified, r.error).toBe(true)
  })

  it('fail verify-bundle when one hash of the inclusion proof is changed', () => {
    for (const b of signed) {
      const x = structuredClone(b)
      const hashes = x.verificationMaterial.tlogEntries[0].inclusionProof.hashes as string[]
      const h = Buffer.from(hashes[0] as string, 'base64')
      h[0] = (h[0] as number) ^ 0x01
      hashes[0] = h.toString('base64')
      const r = check(x)
      expect(r.verified).toBe(false)
      expect(r.code).toBe('TLOG_INCLUSION_PROOF_ERROR')
    }
  })
})

describe('a sandbox log prefilled for other signers', () => {
  it('puts the first signature of the run at the next index, deep in the tree', async () => {
    const deep = await startSigstoreSandbox({ logPrefill: 20 })
    try {
      const plan = await planSigning({
        instance: 'custom',
        fulcioURL: deep.fulcioURL,
        rekorURL: deep.rekorURL,
        tsaURL: deep.tsaURL,
        identityToken: deep.identityToken
      })
      const { bundle } = await signStatement(PAYLOAD(0), plan)
      const tlog = (bundle as Json).verificationMaterial.tlogEntries[0]
      expect(tlog.logIndex).toBe('20')
      expect(tlog.inclusionProof).toMatchObject({ logIndex: '20', treeSize: '21' })
      expect(tlog.inclusionProof.hashes).toHaveLength(2)
      const r = verifyBundle({
        bundle,
        artifact: { digest: `sha256:${'a'.repeat(64)}` },
        trustedRoot: JSON.stringify(deep.trustedRoot),
        policy: { kind: 'identity', identity: deep.identity, issuer: deep.issuer }
      })
      expect(r.verified, r.error).toBe(true)
    } finally {
      await deep.close()
    }
  })

  it('is refused by `qprov sandbox` as an input error when not a small integer', async () => {
    for (const bad of ['-1', '1e3', '10001', 'many']) {
      const r = await runCli(['sandbox', '--dir', '/nonexistent/never', '--log-prefill', bad])
      expect(r.code).toBe(2)
      expect(r.stderr.trim()).toBe(
        'qprov: error [INPUT_INVALID]: --log-prefill must be an integer from 0 to 10000'
      )
    }
  })
})
