import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { compress } from 'snappyjs'

/**
 * A strict stand-in for the GitHub side of a workflow run, over real HTTP on 127.0.0.1:
 * the Actions results service (Twirp) and Azure-style blob store that @actions/artifact uploads
 * to, and the REST endpoints for releases, release assets, attestations and check runs. It shares
 * no code with the clients it tests; it answers as GitHub documents, and refuses what GitHub
 * would refuse (bad auth, missing fields, more than 50 annotations, uploads to immutable releases).
 */

export type Permission = 'none' | 'read' | 'write'
export interface TokenGrant {
  contents?: Permission
  checks?: Permission
  attestations?: Permission
  actions?: Permission
}

export interface FakeRelease {
  id: number
  tag_name: string
  draft: boolean
  immutable: boolean
  assets: FakeAsset[]
}
export interface FakeAsset {
  id: number
  name: string
  label: string | null
  content_type: string
  data: Buffer
}
export interface FakeArtifact {
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  expiresAt?: string
  mimeType?: string
  blob?: Buffer
  finalized: boolean
  hash?: string
  size?: string
}
export interface FakeCheckRun {
  id: number
  body: Record<string, unknown>
  annotations: unknown[]
}
export interface SeenRequest {
  method: string
  path: string
  status: number
  /** The X-GitHub-Api-Version header, when one was sent. */
  apiVersion?: string
  /** Whether an Authorization header came with it. */
  authorized: boolean
}

/** REST API versions: 2022-11-28 is the default; 2026-03-10 lists attestations by bundle_url. */
export const API_VERSIONS = ['2022-11-28', '2026-03-10'] as const

export interface FakeGitHub {
  url: string
  apiURL: string
  resultsURL: string
  repository: string
  /** JWT-shaped ACTIONS_RUNTIME_TOKEN whose scp claim names the run's backend IDs. */
  runtimeToken: string
  /** Grants a REST token; GITHUB_TOKEN-like tokens are random strings. */
  addToken(grant: TokenGrant): string
  addRelease(tag: string, opts?: { draft?: boolean; immutable?: boolean }): FakeRelease
  releases: FakeRelease[]
  artifacts: FakeArtifact[]
  attestations: { id: number; bundle: Record<string, unknown>; subjects: string[] }[]
  checkRuns: FakeCheckRun[]
  requests: SeenRequest[]
  /** When false, GET attestations ignores predicate_type, as a lax server might. */
  filterPredicateType: boolean
  /** The API versions this server offers (an older GitHub Enterprise Server offers fewer). */
  apiVersions: string[]
  close(): Promise<void>
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

function json(res: ServerResponse, status: number, value: unknown, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(value))
}

export async function startFakeGitHub(opts: { repository?: string } = {}): Promise<FakeGitHub> {
  const repository = opts.repository ?? 'octo-org/quantum-repo'
  const runBackendId = randomBytes(16).toString('hex')
  const jobBackendId = randomBytes(16).toString('hex')
  const runtimeToken = [
    b64url({ typ: 'JWT', alg: 'RS256' }),
    b64url({ scp: `Actions.GenericRead:0 Actions.Results:${runBackendId}:${jobBackendId}` }),
    randomBytes(32).toString('base64url')
  ].join('.')
  const tokens = new Map<string, TokenGrant>()
  const sigs = new Map<string, FakeArtifact>()
  const blocks = new Map<string, Map<string, Buffer>>()
  // Signed, short-lived download URLs (GitHub redirects asset and artifact downloads to such).
  const downloads = new Map<string, { data: Buffer; type: string; until: number }>()
  const signedDownload = (data: Buffer, type: string) => {
    const sig = randomBytes(24).toString('base64url')
    downloads.set(sig, { data, type, until: Date.now() + 60_000 })
    return `${base}/downloads/${sig}`
  }
  let nextId = 1000
  let base = ''

  const fake: FakeGitHub = {
    url: '',
    apiURL: '',
    resultsURL: '',
    repository,
    runtimeToken,
    releases: [],
    artifacts: [],
    attestations: [],
    checkRuns: [],
    requests: [],
    filterPredicateType: true,
    apiVersions: [...API_VERSIONS],
    addToken(grant) {
      const t = `ghs_${randomBytes(18).toString('base64url')}`
      tokens.set(t, grant)
      return t
    },
    addRelease(tag, o = {}) {
      const r: FakeRelease = {
        id: nextId++,
        tag_name: tag,
        draft: o.draft ?? false,
        immutable: o.immutable ?? false,
        assets: []
      }
      fake.releases.push(r)
      return r
    },
    close: () => new Promise(r => server.close(() => r()))
  }

  const releaseJson = (r: FakeRelease) => ({
    id: r.id,
    tag_name: r.tag_name,
    draft: r.draft,
    immutable: r.immutable,
    upload_url: `${base}/uploads/repos/${repository}/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map(assetJson)
  })
  const assetJson = (a: FakeAsset) => ({
    id: a.id,
    name: a.name,
    label: a.label,
    content_type: a.content_type,
    size: a.data.length,
    state: 'uploaded',
    browser_download_url: `https://github.com/${repository}/releases/download/${encodeURIComponent(
      fake.releases.find(r => r.assets.includes(a))?.tag_name ?? ''
    )}/${encodeURIComponent(a.name)}`
  })

  // ---- Twirp: github.actions.results.api.v1.ArtifactService ----
  const twirpError = (res: ServerResponse, status: number, code: string, msg: string) =>
    json(res, status, { code, msg })

  async function twirp(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') return twirpError(res, 404, 'bad_route', 'POST only')
    if (req.headers.authorization !== `Bearer ${runtimeToken}`)
      return twirpError(res, 401, 'unauthenticated', 'invalid runtime token')
    if (!String(req.headers['content-type']).startsWith('application/json'))
      return twirpError(res, 400, 'malformed', 'expected application/json')
    let m: Record<string, unknown>
    try {
      m = JSON.parse((await body(req)).toString('utf8'))
    } catch {
      return twirpError(res, 400, 'malformed', 'body is not JSON')
    }
    if (
      m.workflow_run_backend_id !== runBackendId ||
      m.workflow_job_run_backend_id !== jobBackendId
    )
      return twirpError(res, 403, 'permission_denied', 'backend IDs do not match the token')
    if (typeof m.name !== 'string' || m.name === '')
      return twirpError(res, 400, 'invalid_argument', 'name is required')
    if (method === 'CreateArtifact') {
      if (m.version !== 7) return twirpError(res, 400, 'invalid_argument', 'version must be 7')
      if (fake.artifacts.some(a => a.name === m.name && a.finalized))
        return twirpError(res, 409, 'already_exists', 'an artifact with this name exists')
      if (m.expires_at !== undefined && Number.isNaN(Date.parse(String(m.expires_at))))
        return twirpError(res, 400, 'invalid_argument', 'expires_at is not a timestamp')
      const a: FakeArtifact = {
        id: nextId++,
        name: m.name,
        runBackendId,
        jobBackendId,
        finalized: false,
        ...(m.expires_at ? { expiresAt: String(m.expires_at) } : {}),
        ...(typeof m.mime_type === 'string' ? { mimeType: m.mime_type } : {})
      }
      fake.artifacts.push(a)
      const sig = randomBytes(24).toString('base64url')
      sigs.set(sig, a)
      const path = `/devstoreaccount1/actions-results/${runBackendId}/${encodeURIComponent(m.name)}.zip`
      return json(res, 200, {
        ok: true,
        signed_upload_url: `${base}${path}?sv=2024-08-04&sr=b&sp=cw&se=2099-01-01T00%3A00%3A00Z&sig=${sig}`
      })
    }
    if (method === 'FinalizeArtifact') {
      const a = fake.artifacts.find(x => x.name === m.name && !x.finalized)
      if (!a) return twirpError(res, 404, 'not_found', 'no artifact of that name was created')
      if (!a.blob) return twirpError(res, 400, 'failed_precondition', 'nothing was uploaded')
      if (typeof m.size !== 'string' || m.size !== String(a.blob.length))
        return twirpError(
          res,
          400,
          'invalid_argument',
          `size ${String(m.size)} != ${a.blob.length}`
        )
      const want = `sha256:${createHash('sha256').update(a.blob).digest('hex')}`
      if (m.hash !== want) return twirpError(res, 400, 'invalid_argument', 'hash mismatch')
      a.finalized = true
      a.hash = want
      a.size = m.size
      return json(res, 200, { ok: true, artifact_id: String(a.id) })
    }
    return twirpError(res, 404, 'bad_route', `no method ${method}`)
  }

  // ---- Azure Blob (block blob upload through a SAS URL) ----
  async function blob(req: IncomingMessage, res: ServerResponse, url: URL) {
    const xmlError = (status: number, code: string) => {
      res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code })
      res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code></Error>`)
    }
    const a = sigs.get(url.searchParams.get('sig') ?? '')
    if (!a || a.finalized) return xmlError(403, 'AuthenticationFailed')
    if (req.method !== 'PUT') return xmlError(405, 'UnsupportedHttpVerb')
    const data = await body(req)
    const key = url.pathname
    const common = {
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-version': '2024-08-04',
      date: new Date().toUTCString()
    }
    const comp = url.searchParams.get('comp')
    if (comp === 'block') {
      const id = url.searchParams.get('blockid')
      if (!id) return xmlError(400, 'InvalidQueryParameterValue')
      if (Number(req.headers['content-length']) !== data.length)
        return xmlError(400, 'InvalidHeaderValue')
      if (!blocks.has(key)) blocks.set(key, new Map())
      blocks.get(key)!.set(id, data)
      res.writeHead(201, { ...common, 'x-ms-request-server-encrypted': 'true' })
      return res.end()
    }
    if (comp === 'blocklist') {
      const ids = [...data.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\//g)]
      const staged = blocks.get(key) ?? new Map<string, Buffer>()
      const parts: Buffer[] = []
      for (const [, , id] of ids) {
        const b = staged.get(id as string)
        if (!b) return xmlError(400, 'InvalidBlockList')
        parts.push(b)
      }
      a.blob = Buffer.concat(parts)
      res.writeHead(201, {
        ...common,
        etag: `"0x${randomBytes(6).toString('hex')}"`,
        'last-modified': new Date().toUTCString()
      })
      return res.end()
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      a.blob = data
      res.writeHead(201, { ...common, etag: '"0x1"', 'last-modified': new Date().toUTCString() })
      return res.end()
    }
    return xmlError(400, 'InvalidQueryParameterValue')
  }

  // ---- signed download URLs: no token needed, unknown or expired signatures are refused ----
  async function download(req: IncomingMessage, res: ServerResponse, url: URL) {
    const d = downloads.get(url.pathname.slice('/downloads/'.length))
    if (req.method !== 'GET' || !d || d.until < Date.now()) {
      res.writeHead(403, { 'content-type': 'application/xml' })
      return res.end('<?xml version="1.0"?><Error><Code>AuthenticationFailed</Code></Error>')
    }
    res.writeHead(200, { 'content-type': d.type, 'content-length': d.data.length })
    res.end(d.data)
  }

  // ---- REST ----
  function grantOf(req: IncomingMessage): TokenGrant | undefined {
    const m = /^(?:token|Bearer) (\S+)$/.exec(req.headers.authorization ?? '')
    return m ? tokens.get(m[1] as string) : undefined
  }
  const allowed = (g: TokenGrant, scope: keyof TokenGrant, need: Permission) =>
    need === 'read' ? g[scope] === 'read' || g[scope] === 'write' : g[scope] === 'write'
  const forbidden = (res: ServerResponse) =>
    json(res, 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest'
    })
  const invalid = (res: ServerResponse, message: string, errors: unknown[] = []) =>
    json(res, 422, { message, errors, documentation_url: 'https://docs.github.com/rest' })
  const notFound = (res: ServerResponse) => json(res, 404, { message: 'Not Found' })

  async function rest(req: IncomingMessage, res: ServerResponse, url: URL) {
    const asked = req.headers['x-github-api-version']
    if (typeof asked === 'string' && !fake.apiVersions.includes(asked))
      return json(res, 400, {
        message: `Unsupported 'X-GitHub-Api-Version': ${asked}`,
        documentation_url: 'https://docs.github.com/rest/about-the-rest-api/api-versions'
      })
    const apiVersion = typeof asked === 'string' ? asked : '2022-11-28'
    const grant = grantOf(req)
    if (!grant)
      return json(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest'
      })
    const p = url.pathname
    const repoPrefix = `/repos/${repository}/`
    const uploadPrefix = `/uploads/repos/${repository}/`
    const isUpload = p.startsWith(uploadPrefix)
    if (!p.startsWith(repoPrefix) && !isUpload) return notFound(res)
    const rest = p.slice(isUpload ? uploadPrefix.length : repoPrefix.length).split('/')
    const m = req.method ?? 'GET'
    const need = (scope: keyof TokenGrant, level: Permission) => {
      if (allowed(grant, scope, level)) return true
      forbidden(res)
      return false
    }
    const readJson = async () => {
      try {
        return JSON.parse((await body(req)).toString('utf8')) as Record<string, unknown>
      } catch {
        json(res, 400, { message: 'Problems parsing JSON' })
        return undefined
      }
    }

    if (isUpload && m === 'POST' && rest[0] === 'releases' && rest[2] === 'assets') {
      if (!need('contents', 'write')) return
      const r = fake.releases.find(x => String(x.id) === rest[1])
      if (!r) return notFound(res)
      const name = url.searchParams.get('name')
      const data = await body(req)
      if (!name) return invalid(res, 'Validation Failed', [{ field: 'name', code: 'missing' }])
      if (!req.headers['content-type'] || req.headers['content-length'] === undefined)
        return invalid(res, 'Validation Failed', [{ field: 'content-type', code: 'missing' }])
      if (Number(req.headers['content-length']) !== data.length)
        return json(res, 400, { message: 'Content-Length does not match the body' })
      if (r.immutable && !r.draft)
        return invalid(res, 'Cannot upload assets to an immutable release.')
      if (r.assets.some(a => a.name === name))
        return invalid(res, 'Validation Failed', [
          { resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }
        ])
      const a: FakeAsset = {
        id: nextId++,
        name,
        label: url.searchParams.get('label'),
        content_type: String(req.headers['content-type']),
        data
      }
      r.assets.push(a)
      return json(res, 201, assetJson(a))
    }
    if (rest[0] === 'releases') {
      if (!need('contents', m === 'GET' ? 'read' : 'write')) return
      if (m === 'GET' && rest[1] === 'tags' && rest.length === 3) {
        // Drafts have no tag yet as far as this endpoint is concerned.
        const r = fake.releases.find(
          x => x.tag_name === decodeURIComponent(rest[2] as string) && !x.draft
        )
        return r ? json(res, 200, releaseJson(r)) : notFound(res)
      }
      if (m === 'GET' && rest.length === 1) return json(res, 200, fake.releases.map(releaseJson))
      if (m === 'GET' && rest[1] === 'assets' && rest.length === 3) {
        const a = fake.releases.flatMap(r => r.assets).find(x => String(x.id) === rest[2])
        if (!a) return notFound(res)
        // As GitHub: the metadata as JSON, or with Accept: application/octet-stream a 302 to the bytes.
        if (req.headers.accept === 'application/octet-stream') {
          res.writeHead(302, { location: signedDownload(a.data, a.content_type) })
          return res.end()
        }
        return json(res, 200, assetJson(a))
      }
      if (m === 'GET' && rest.length === 3 && rest[2] === 'assets') {
        const r = fake.releases.find(x => String(x.id) === rest[1])
        return r ? json(res, 200, r.assets.map(assetJson)) : notFound(res)
      }
      if (m === 'DELETE' && rest[1] === 'assets' && rest.length === 3) {
        for (const r of fake.releases) {
          const i = r.assets.findIndex(a => String(a.id) === rest[2])
          if (i >= 0) {
            if (r.immutable && !r.draft) return invalid(res, 'Cannot modify an immutable release.')
            r.assets.splice(i, 1)
            res.writeHead(204)
            return res.end()
          }
        }
        return notFound(res)
      }
      return notFound(res)
    }
    if (rest[0] === 'attestations') {
      if (m === 'POST' && rest.length === 1) {
        if (!need('attestations', 'write')) return
        const b = await readJson()
        if (!b) return
        const bundle = b.bundle as Record<string, unknown> | undefined
        if (
          !bundle ||
          typeof bundle.mediaType !== 'string' ||
          typeof bundle.verificationMaterial !== 'object' ||
          typeof bundle.dsseEnvelope !== 'object'
        )
          return invalid(res, 'Invalid request.', [{ field: 'bundle', code: 'invalid' }])
        let subjects: string[]
        try {
          const env = bundle.dsseEnvelope as { payload: string }
          const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as {
            subject: { digest: { sha256: string } }[]
          }
          subjects = st.subject.map(s => `sha256:${s.digest.sha256}`)
        } catch {
          return invalid(res, 'Invalid request.', [{ field: 'bundle', code: 'invalid' }])
        }
        const id = nextId++
        fake.attestations.push({ id, bundle, subjects })
        return json(res, 201, { id })
      }
      if (m === 'GET' && rest.length === 2) {
        if (!need('attestations', 'read') && !allowed(grant, 'contents', 'read')) return
        const digest = decodeURIComponent(rest[1] as string)
        const pt = url.searchParams.get('predicate_type')
        const hits = fake.attestations.filter(
          a =>
            a.subjects.includes(digest) &&
            (!pt || !fake.filterPredicateType || predicateType(a.bundle) === pt)
        )
        // Every version names a download URL (snappy-compressed bundle JSON); 2026-03-10 no
        // longer inlines the bundle.
        return json(res, 200, {
          attestations: hits.map(h => ({
            ...(apiVersion === '2026-03-10' ? {} : { bundle: h.bundle }),
            repository_id: 1,
            bundle_url: signedDownload(
              Buffer.from(compress(Buffer.from(JSON.stringify(h.bundle)))),
              'application/octet-stream'
            )
          }))
        })
      }
      return notFound(res)
    }
    if (rest[0] === 'actions' && rest[1] === 'artifacts' && m === 'GET') {
      if (!need('actions', 'read')) return
      const done = fake.artifacts.filter(a => a.finalized)
      const expired = (a: FakeArtifact) =>
        a.expiresAt !== undefined && Date.parse(a.expiresAt) < Date.now()
      if (rest.length === 2) {
        const name = url.searchParams.get('name')
        const perPage = Number(url.searchParams.get('per_page') ?? '30')
        if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
          return invalid(res, 'Validation Failed', [{ field: 'per_page', code: 'invalid' }])
        const hits = done.filter(a => name === null || a.name === name).slice(0, perPage)
        return json(res, 200, {
          total_count: hits.length,
          artifacts: hits.map(a => ({
            id: a.id,
            node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
            name: a.name,
            size_in_bytes: a.blob?.length ?? 0,
            url: `${base}/repos/${repository}/actions/artifacts/${a.id}`,
            archive_download_url: `${base}/repos/${repository}/actions/artifacts/${a.id}/zip`,
            expired: expired(a),
            digest: a.hash ?? null,
            expires_at: a.expiresAt ?? null
          }))
        })
      }
      if (rest.length === 4 && rest[3] === 'zip') {
        const a = done.find(x => String(x.id) === rest[2])
        if (!a || !a.blob) return notFound(res)
        if (expired(a)) return json(res, 410, { message: 'Artifact has expired' })
        res.writeHead(302, { location: signedDownload(a.blob, 'application/zip') })
        return res.end()
      }
      return notFound(res)
    }
    if (rest[0] === 'check-runs') {
      if (!need('checks', 'write')) return
      const b = await readJson()
      if (!b) return
      const output = b.output as { annotations?: unknown[]; title?: unknown; summary?: unknown }
      const annotations = output?.annotations ?? []
      if (annotations.length > 50)
        return invalid(res, 'Validation Failed', [
          { resource: 'CheckRun', field: 'annotations', code: 'too_many' }
        ])
      for (const a of annotations as Record<string, unknown>[])
        for (const f of ['path', 'start_line', 'end_line', 'annotation_level', 'message'])
          if (a[f] === undefined)
            return invalid(res, 'Validation Failed', [
              { field: `annotations.${f}`, code: 'missing' }
            ])
      if (output && (typeof output.title !== 'string' || typeof output.summary !== 'string'))
        return invalid(res, 'Validation Failed', [{ field: 'output', code: 'missing' }])
      if (m === 'POST' && rest.length === 1) {
        if (typeof b.name !== 'string' || typeof b.head_sha !== 'string')
          return invalid(res, 'Validation Failed', [{ field: 'name/head_sha', code: 'missing' }])
        if (b.status === 'completed' && typeof b.conclusion !== 'string')
          return invalid(res, 'Validation Failed', [{ field: 'conclusion', code: 'missing' }])
        const id = nextId++
        fake.checkRuns.push({ id, body: b, annotations: [...annotations] })
        return json(res, 201, {
          id,
          html_url: `https://github.com/${repository}/runs/${id}`,
          status: b.status ?? 'queued',
          conclusion: b.conclusion ?? null
        })
      }
      if (m === 'PATCH' && rest.length === 2) {
        const run = fake.checkRuns.find(c => String(c.id) === rest[1])
        if (!run) return notFound(res)
        run.annotations.push(...annotations)
        return json(res, 200, {
          id: run.id,
          html_url: `https://github.com/${repository}/runs/${run.id}`
        })
      }
    }
    return notFound(res)
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base)
    res.on('finish', () => {
      const v = req.headers['x-github-api-version']
      fake.requests.push({
        method: req.method ?? '',
        path: url.pathname,
        status: res.statusCode,
        ...(typeof v === 'string' ? { apiVersion: v } : {}),
        authorized: req.headers.authorization !== undefined
      })
    })
    const twirpPrefix = '/twirp/github.actions.results.api.v1.ArtifactService/'
    const p = url.pathname.startsWith(twirpPrefix)
      ? twirp(req, res, url.pathname.slice(twirpPrefix.length))
      : url.pathname.startsWith('/devstoreaccount1/')
        ? blob(req, res, url)
        : url.pathname.startsWith('/downloads/')
          ? download(req, res, url)
          : rest(req, res, url)
    p.catch(e => {
      if (!res.headersSent) json(res, 500, { message: String(e) })
      else res.destroy()
    })
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.url = base
  fake.apiURL = base
  fake.resultsURL = `${base}/`
  return fake
}

function predicateType(bundle: Record<string, unknown>): string | undefined {
  try {
    const env = bundle.dsseEnvelope as { payload: string }
    return (
      JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as {
        predicateType?: string
      }
    ).predicateType
  } catch {
    return undefined
  }
}

/** The files of a zip (stored or deflated entries), read from its central directory. */
export async function unzipEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  const { inflateRawSync } = await import('node:zlib')
  let eocd = -1
  for (let i = zip.length - 22; i >= 0; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw new Error('not a zip: no end of central directory')
  const count = zip.readUInt16LE(eocd + 10)
  let p = zip.readUInt32LE(eocd + 16)
  const out = new Map<string, Buffer>()
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry')
    const method = zip.readUInt16LE(p + 10)
    const csize = zip.readUInt32LE(p + 20)
    const nameLen = zip.readUInt16LE(p + 28)
    const extraLen = zip.readUInt16LE(p + 30)
    const commentLen = zip.readUInt16LE(p + 32)
    const local = zip.readUInt32LE(p + 42)
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    const lNameLen = zip.readUInt16LE(local + 26)
    const lExtraLen = zip.readUInt16LE(local + 28)
    const start = local + 30 + lNameLen + lExtraLen
    const raw = zip.subarray(start, start + csize)
    if (!name.endsWith('/')) out.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw))
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}

/** The variables a runner gives a JavaScript action, pointed at the fake. */
export function runnerEnvFor(gh: FakeGitHub, opts: { runId?: string; sha?: string } = {}) {
  return {
    GITHUB_REPOSITORY: gh.repository,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: gh.apiURL,
    GITHUB_RUN_ID: opts.runId ?? '777',
    GITHUB_SHA: opts.sha ?? 'c0ffee'.padEnd(40, '0'),
    ACTIONS_RUNTIME_TOKEN: gh.runtimeToken,
    ACTIONS_RESULTS_URL: gh.resultsURL
  }
}
