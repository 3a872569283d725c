import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTSA,
  tsaHandler
} from '@sigstore/mock'
import { generateKeyPairSync } from 'node:crypto'
import { createOidcIssuer, type SandboxIdentity } from './oidc-issuer.js'
import { LogSigner } from './log-signer.js'
import { createRekorLog } from './rekor.js'
import { createRekorV2Shard } from './rekor-v2.js'
import { buildSandboxTrustedRoot } from './trusted-root.js'

/**
 * `public-good`: Fulcio with a CT log, Rekor v1 beside a Rekor v2 shard, and a TSA, as the
 * public-good instance (plus a TSA).
 * `github`: Fulcio and a TSA only, as GitHub's instance for private repositories: no Rekor, no
 * CT log, and a trusted root that lists neither.
 */
export type SandboxInstance = 'public-good' | 'github'

/** A running local Sigstore instance: Fulcio, Rekor v1 and v2, TSA and an Actions-style OIDC endpoint. */
export interface SigstoreSandbox {
  instance: SandboxInstance
  baseURL: string
  fulcioURL: string
  /** Absent on the github instance. */
  rekorURL?: string
  /** The Rekor v2 shard (tile-backed, hashedrekord only); absent on the github instance. */
  rekorV2URL?: string
  tsaURL: string
  issuer: string
  identity: string
  trustedRoot: Record<string, unknown>
  /** A ready-made token with audience "sigstore" (valid for a day; the sandbox is short-lived). */
  identityToken: string
  actionsIdTokenRequestURL: string
  actionsIdTokenRequestToken: string
  close(): Promise<void>
}

export interface SigstoreSandboxOptions {
  /** Default public-good. */
  instance?: SandboxInstance
  host?: string
  port?: number
  identity?: SandboxIdentity
  /**
   * Entries logged at start for other signers, so this run's entries sit deep in a shared-looking
   * tree and their inclusion proofs carry real path hashes (default 0).
   */
  logPrefill?: number
}

// A statement over 20 000 files is several MiB once base64-encoded into the envelope.
const MAX_BODY = 64 * 1024 * 1024
const SAN_CLAIM = 'qprov_sandbox_san'

const bytes = (v: ArrayBufferView): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength)

/**
 * The mock TSA writes genTime with milliseconds and drops trailing zeros (".12"), while
 * @sigstore/core accepts only three fraction digits or none, so about one timestamp in ten would
 * not parse. A clock that reads whole seconds avoids the fraction; the mock keeps a Date object
 * for its clock, so this one answers every call with a fresh, truncated time.
 */
export function wholeSecondClock(): Date {
  return new Proxy(new Date(), {
    get(_target, prop) {
      const now = new Date(Math.floor(Date.now() / 1000) * 1000)
      const value: unknown = Reflect.get(now, prop)
      return typeof value === 'function' ? (value as () => unknown).bind(now) : value
    }
  })
}

const newKeyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' })

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('request body too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const location = (path?: string): Record<string, string> | undefined =>
  path === undefined ? undefined : { location: path }

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json',
  headers: Record<string, string> = {}
): void {
  const data =
    typeof body === 'string' || Buffer.isBuffer(body)
      ? body
      : ArrayBuffer.isView(body)
        ? bytes(body)
        : JSON.stringify(body)
  res.writeHead(status, { ...headers, 'content-type': type })
  res.end(data)
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Unsigned JWT: the mock Fulcio only decodes, and we have already verified the real one. */
function unsignedJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`
}

export async function startSigstoreSandbox(
  opts: SigstoreSandboxOptions = {}
): Promise<SigstoreSandbox> {
  const validFrom = new Date(Date.now() - 60_000)
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve())
  })
  const { address, port } = server.address() as AddressInfo
  const baseURL = `http://${address}:${port}`
  const urls = {
    fulcioURL: `${baseURL}/fulcio`,
    rekorURL: `${baseURL}/rekor`,
    rekorV2URL: `${baseURL}/rekor2`,
    // A TSA URL with a path is used verbatim by sigstore-js, as in a SigningConfig.
    tsaURL: `${baseURL}/tsa/api/v1/timestamp`,
    ctlogURL: `${baseURL}/ctlog`
  }

  const instance = opts.instance ?? 'public-good'
  const withLogs = instance === 'public-good'
  // Without a CT log the CA embeds no SCT: GitHub's root has no CT log that could check one.
  const ctlog = withLogs ? await initializeCTLog(newKeyPair()) : undefined
  const ca = await initializeCA(newKeyPair(), ctlog)
  // Rekor's origin names a tree ID; one tree per sandbox run.
  const logSigner = new LogSigner(urls.rekorURL, BigInt(randomInt(2 ** 47)), newKeyPair())
  const tsa = await initializeTSA(newKeyPair(), wholeSecondClock())
  const oidc = createOidcIssuer(`${baseURL}/oidc`, opts.identity)
  const rekor = createRekorLog(logSigner, '/rekor/api/v1/log/entries')
  rekor.prefill(opts.logPrefill ?? 0)
  const rekorV2 = createRekorV2Shard(urls.rekorV2URL)
  rekorV2.prefill(opts.logPrefill ?? 0)
  const fulcio = fulcioHandler(ca, { strict: true, subjectClaim: SAN_CLAIM })
  const timestamp = tsaHandler(tsa, { strict: true })
  const requestToken = randomBytes(24).toString('hex')

  async function issueCertificate(raw: string): Promise<[number, unknown, string?]> {
    let req: { credentials?: { oidcIdentityToken?: unknown } }
    try {
      req = JSON.parse(raw) as typeof req
    } catch {
      return [400, { message: 'request body is not JSON' }]
    }
    const token = req.credentials?.oidcIdentityToken
    if (typeof token !== 'string')
      return [400, { message: 'missing credentials.oidcIdentityToken' }]
    const checked = oidc.check(token, 'sigstore')
    if (!checked.ok) return [401, { message: `identity token rejected: ${checked.reason}` }]
    const claims = { ...checked.claims, [SAN_CLAIM]: oidc.identity }
    const forwarded = { ...req, credentials: { oidcIdentityToken: unsignedJwt(claims) } }
    const out = await fulcio.fn(JSON.stringify(forwarded))
    return [out.statusCode, out.response, out.contentType]
  }

  function tokenEndpoint(req: IncomingMessage, url: URL): [number, unknown] {
    const auth = req.headers.authorization ?? ''
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), requestToken))
      return [401, { message: 'missing or wrong bearer request token' }]
    const audience =
      url.searchParams.get('audience') ?? `https://github.com/${oidc.identity.split('/')[3]}`
    return [200, { count: 1, value: oidc.mint(audience) }]
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseURL)
    const path = url.pathname
    if (req.method === 'GET' && path === '/oidc/token') {
      const [status, body] = tokenEndpoint(req, url)
      return send(res, status, body)
    }
    if (req.method === 'GET' && path === '/oidc/.well-known/openid-configuration')
      return send(res, 200, { issuer: oidc.issuer, jwks_uri: `${oidc.issuer}/jwks` })
    if (req.method === 'GET' && path === '/oidc/jwks')
      return send(res, 200, { keys: [oidc.publicKey.export({ format: 'jwk' })] })
    if (req.method === 'POST' && path === '/fulcio/api/v2/signingCert') {
      const [status, body, type] = await issueCertificate(await readBody(req))
      return send(res, status, body, type)
    }
    if (withLogs && req.method === 'POST' && path === '/rekor/api/v1/log/entries') {
      const out = rekor.create(await readBody(req))
      return send(res, out.status, out.json, 'application/json', location(out.location))
    }
    if (withLogs && req.method === 'POST' && path === '/rekor2/api/v2/log/entries') {
      const out = rekorV2.create(await readBody(req))
      return send(res, out.status, out.body, out.type, out.headers)
    }
    if (withLogs && req.method === 'GET' && path.startsWith('/rekor2/')) {
      const out = rekorV2.read(path.slice('/rekor2/'.length))
      return send(res, out.status, out.body, out.type, out.headers)
    }
    if (withLogs && req.method === 'GET' && path.startsWith('/rekor/api/v1/log/entries')) {
      const uuid = path.slice('/rekor/api/v1/log/entries'.length).replace(/^\//, '')
      const index = url.searchParams.get('logIndex')
      const found = uuid
        ? rekor.get(uuid)
        : index !== null && /^\d+$/.test(index)
          ? rekor.byIndex(Number(index))
          : undefined
      if (!found) return send(res, 404, { code: 404, message: 'entry not found' })
      return send(res, 200, { [found.uuid]: found.entry })
    }
    if (req.method === 'POST' && path === '/tsa/api/v1/timestamp') {
      const out = await timestamp.fn(await readBody(req))
      return send(res, out.statusCode, out.response, out.contentType)
    }
    send(res, 404, { message: `no sandbox endpoint ${req.method} ${path}` })
  }

  server.on('request', (req, res) => {
    route(req, res).catch((e: unknown) => send(res, 500, { message: (e as Error).message }))
  })

  const trustedRoot = buildSandboxTrustedRoot({
    caRoot: bytes(ca.rootCertificate),
    tsaChain: [bytes(tsa.intCertificate), bytes(tsa.rootCertificate)],
    fulcioURL: urls.fulcioURL,
    tsaURL: urls.tsaURL,
    ...(ctlog
      ? {
          tlogKey: logSigner.publicKey,
          tlogV2: { url: urls.rekorV2URL, key: rekorV2.publicKey, logID: rekorV2.logID },
          ctlogKey: bytes(ctlog.publicKey),
          rekorURL: urls.rekorURL,
          ctlogURL: urls.ctlogURL
        }
      : {}),
    validFrom
  })

  return {
    instance,
    baseURL,
    fulcioURL: urls.fulcioURL,
    ...(withLogs ? { rekorURL: urls.rekorURL, rekorV2URL: urls.rekorV2URL } : {}),
    tsaURL: urls.tsaURL,
    issuer: oidc.issuer,
    identity: oidc.identity,
    trustedRoot,
    identityToken: oidc.mint('sigstore', 24 * 3600),
    actionsIdTokenRequestURL: `${baseURL}/oidc/token?api-version=2.0`,
    actionsIdTokenRequestToken: requestToken,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
