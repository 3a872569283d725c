import { X509Certificate, createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { verifyP256Digest } from './ecdsa-p256.js'
import { canonicalJson } from './log-signer.js'
import { hashLeaf, MerkleTree } from './merkle.js'
import { entryBundle, hashTile, parseTilePath } from './tiles.js'

/**
 * A Rekor v2 shard for the sandbox, as rekor-tiles serves one: POST /api/v2/log/entries takes a
 * hashedrekord 0.0.2 request (v2 has no dsse type: a DSSE envelope is logged as the hash of its
 * PAE), checks the signature over that digest, sequences the entry and answers the
 * TransparencyLogEntry with an inclusion proof against a fresh C2SP checkpoint. There is no
 * integrated time and no SET. Reads go through tiles: GET checkpoint, tile/<L>/<N>,
 * tile/entries/<N>. Errors come as gRPC-gateway JSON {code, message}, duplicates as 409 with
 * the existing index in x-log-index.
 */
export interface RekorV2Shard {
  readonly baseURL: string
  /** The checkpoint origin and signer name: the base URL without its scheme. */
  readonly origin: string
  /** DER SPKI of the Ed25519 log key. */
  readonly publicKey: Buffer
  /** C2SP signed-note key ID, the trusted root's logId.keyId. */
  readonly logID: Buffer
  readonly size: number
  create(rawRequest: string): Answer
  /** GET below the base URL: checkpoint, tiles, entry bundles. */
  read(path: string): Answer
  prefill(count: number): void
}

export interface Answer {
  status: number
  body: unknown
  type?: string
  headers?: Record<string, string>
}

const GRPC = { invalidArgument: 3, notFound: 5, alreadyExists: 6 } as const
const error = (status: number, code: number, message: string): Answer => ({
  status,
  body: { code, message, details: [] }
})
const b64 = (b: Buffer): string => b.toString('base64')

interface HashedRekordRequest {
  digest: Buffer
  signature: Buffer
  certificate: Buffer
}

/** The one request form v2 accepts, strictly; a string says why it is refused. */
function parseRequest(raw: string): HashedRekordRequest | string {
  let req: Record<string, unknown>
  try {
    req = JSON.parse(raw) as Record<string, unknown>
  } catch {
    return 'request body is not JSON'
  }
  if (req === null || typeof req !== 'object') return 'request body is not an object'
  if ('dsseRequestV002' in req)
    return 'dsse entries are not supported: log a DSSE envelope as a hashedrekord over its PAE'
  const h = req.hashedRekordRequestV002 as Record<string, any> | undefined // eslint-disable-line @typescript-eslint/no-explicit-any
  if (h === undefined || Object.keys(req).length !== 1)
    return 'exactly one of hashedRekordRequestV002 is required'
  const bytes = (v: unknown): Buffer | undefined =>
    typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) ? Buffer.from(v, 'base64') : undefined
  const digest = bytes(h?.digest)
  const signature = bytes(h?.signature?.content)
  const verifier = h?.signature?.verifier
  const certificate = bytes(verifier?.x509Certificate?.rawBytes)
  if (digest === undefined || digest.length !== 32) return 'digest must be 32 bytes (SHA2_256)'
  if (signature === undefined || signature.length === 0) return 'missing signature content'
  if (verifier?.keyDetails !== 'PKIX_ECDSA_P256_SHA_256')
    return `unsupported key details ${JSON.stringify(verifier?.keyDetails)}`
  if (certificate === undefined || certificate.length === 0) return 'missing x509Certificate'
  return { digest, signature, certificate }
}

/** The canonical body rekor-tiles stores: JSON of the Entry, keys sorted. */
function entryBody(r: HashedRekordRequest): Buffer {
  return Buffer.from(
    canonicalJson({
      apiVersion: '0.0.2',
      kind: 'hashedrekord',
      spec: {
        hashedRekordV002: {
          data: { algorithm: 'SHA2_256', digest: b64(r.digest) },
          signature: {
            content: b64(r.signature),
            verifier: {
              keyDetails: 'PKIX_ECDSA_P256_SHA_256',
              x509Certificate: { rawBytes: b64(r.certificate) }
            }
          }
        }
      }
    })
  )
}

export function createRekorV2Shard(baseURL: string): RekorV2Shard {
  const url = new URL(baseURL)
  const origin = `${url.host}${url.pathname.replace(/\/+$/, '')}`
  const keys = generateKeyPairSync('ed25519')
  const publicKey = keys.publicKey.export({ format: 'der', type: 'spki' })
  // C2SP signed note, Ed25519: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte key); the hint is its first 4 bytes.
  const rawKey = publicKey.subarray(publicKey.length - 32)
  const logID = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${origin}\n`), Buffer.from([0x01]), rawKey]))
    .digest()
  const tree = new MerkleTree()
  const bodies: Buffer[] = []
  const byLeaf = new Map<string, number>()
  const notes = new Map<number, string>()

  const checkpoint = (size: number): string => {
    let note = notes.get(size)
    if (note === undefined) {
      const text = `${origin}\n${size}\n${b64(tree.root(size))}\n`
      const sig = sign(null, Buffer.from(text), keys.privateKey)
      note = `${text}\n\u2014 ${origin} ${b64(Buffer.concat([logID.subarray(0, 4), sig]))}\n`
      notes.set(size, note)
    }
    return note
  }

  const append = (body: Buffer): number => {
    const index = tree.append(body)
    bodies.push(body)
    byLeaf.set(hashLeaf(body).toString('hex'), index)
    return index
  }

  function entry(index: number): unknown {
    const size = tree.size
    return {
      logIndex: String(index),
      logId: { keyId: b64(logID) },
      kindVersion: { kind: 'hashedrekord', version: '0.0.2' },
      inclusionProof: {
        logIndex: String(index),
        rootHash: b64(tree.root(size)),
        treeSize: String(size),
        hashes: tree.inclusionProof(index, size).map(b64),
        checkpoint: { envelope: checkpoint(size) }
      },
      canonicalizedBody: b64(bodies[index] as Buffer)
    }
  }

  function create(raw: string): Answer {
    const r = parseRequest(raw)
    if (typeof r === 'string') return error(400, GRPC.invalidArgument, r)
    let key: KeyObject
    try {
      key = new X509Certificate(r.certificate).publicKey
    } catch {
      return error(400, GRPC.invalidArgument, 'x509Certificate is not a DER certificate')
    }
    if (!verifyP256Digest(key, r.digest, r.signature))
      return error(400, GRPC.invalidArgument, 'signature does not verify over the digest')
    const body = entryBody(r)
    const known = byLeaf.get(hashLeaf(body).toString('hex'))
    if (known !== undefined)
      return {
        ...error(409, GRPC.alreadyExists, `an equivalent entry already exists at index ${known}`),
        headers: { 'x-log-index': String(known) }
      }
    return { status: 201, body: entry(append(body)) }
  }

  function read(path: string): Answer {
    if (path === 'checkpoint')
      return tree.size === 0
        ? error(404, GRPC.notFound, 'no checkpoint yet')
        : { status: 200, body: checkpoint(tree.size), type: 'text/plain; charset=utf-8' }
    const ref = path.startsWith('tile/') ? parseTilePath(path.slice(5)) : undefined
    const data = ref && (ref.level === 'entries' ? entryBundle(bodies, ref) : hashTile(tree, ref))
    return data
      ? { status: 200, body: data, type: 'application/octet-stream' }
      : error(404, GRPC.notFound, `no ${path}`)
  }

  return {
    baseURL,
    origin,
    publicKey,
    logID,
    get size() {
      return tree.size
    },
    create,
    read,
    prefill(count) {
      for (let i = 0; i < count; i++)
        append(Buffer.from(canonicalJson({ kind: 'qprov-sandbox-filler', index: tree.size })))
    }
  }
}
