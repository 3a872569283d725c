import { PROOF_BUNDLE_SUFFIX } from '../proof/layout.js'
import {
  MAX_PROOF_FILE_BYTES,
  PROOF_FILE_NAMES,
  defaultBundleFileName,
  unpackProofBundle,
  type ProofFiles
} from '../proof/proof-bundle.js'
import type {
  FoundProof,
  ProofQuery,
  ProofSource,
  SkippedCandidate
} from '../binding/proof-sources.js'
import { QprovError, oneLine } from '../errors.js'
import { defaultArtifactName } from './artifact-name.js'
import type { RunContext } from './context.js'
import { githubError, type Octokit } from './octokit.js'
import { readZipEntries } from './zip-reader.js'

/** A single-file bundle or an artifact zip larger than this is not a proof bundle. */
const MAX_DOWNLOAD_BYTES = 8 * MAX_PROOF_FILE_BYTES

function tooLarge(size: unknown): boolean {
  return typeof size !== 'number' || size > MAX_DOWNLOAD_BYTES
}

/**
 * The exact bytes of a download answered with a 302 to a signed URL (octokit's fetch follows
 * it). Bodies are requested unparsed: a JSON asset parsed and re-serialised would not be the
 * bytes that were published.
 */
async function bytesOf(data: unknown): Promise<Buffer> {
  if (data instanceof ArrayBuffer) return Buffer.from(data)
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (data instanceof ReadableStream) {
    const parts: Buffer[] = []
    let size = 0
    for await (const chunk of data as ReadableStream<Uint8Array>) {
      size += chunk.byteLength
      if (size > MAX_DOWNLOAD_BYTES)
        throw new QprovError('GITHUB_API', `the download exceeds ${MAX_DOWNLOAD_BYTES} bytes`)
      parts.push(Buffer.from(chunk))
    }
    return Buffer.concat(parts)
  }
  throw new QprovError('GITHUB_API', 'the download returned no bytes')
}
const RAW = { request: { parseSuccessResponseBody: false } }

/** Release assets named `<job-id>.qprov.json` on any release of the repository. */
export class ReleaseAssetSource implements ProofSource {
  readonly name = 'release assets'
  skipped: SkippedCandidate[] = []
  constructor(
    private readonly octokit: Octokit,
    private readonly ctx: RunContext
  ) {}

  async find(q: ProofQuery): Promise<FoundProof[]> {
    this.skipped = []
    const repo = { owner: this.ctx.owner, repo: this.ctx.repo }
    const name = defaultBundleFileName(q.jobId)
    const found: FoundProof[] = []
    let releases: { tag_name: string; assets?: { id: number; name: string; size: number }[] }[]
    try {
      releases = await this.octokit.paginate(this.octokit.rest.repos.listReleases, {
        ...repo,
        per_page: 100
      })
    } catch (e) {
      throw githubError(`listing the releases of ${this.ctx.repository}`, e, {
        permission: 'contents: read'
      })
    }
    for (const r of releases)
      for (const a of r.assets ?? []) {
        if (a.name !== name) continue
        const where = `release ${r.tag_name} asset ${a.name}`
        if (tooLarge(a.size)) {
          this.skipped.push({ location: where, reason: `it is ${a.size} bytes` })
          continue
        }
        let bytes: Buffer
        try {
          const res = await this.octokit.request(
            'GET /repos/{owner}/{repo}/releases/assets/{asset_id}',
            { ...repo, asset_id: a.id, headers: { accept: 'application/octet-stream' }, ...RAW }
          )
          bytes = await bytesOf(res.data)
        } catch (e) {
          throw githubError(`downloading ${where}`, e, { permission: 'contents: read' })
        }
        try {
          found.push({ source: this.name, location: where, files: unpackProofBundle(bytes).files })
        } catch (e) {
          this.skipped.push({ location: where, reason: oneLine(e) })
        }
      }
    return found
  }
}

/**
 * Workflow artifacts named as the action names them (`qprov-proof-<job-id>`), newest first,
 * downloaded as zips through the REST API; the proof files sit at the zip's root (what the
 * action uploads), or the zip holds one `*.qprov.json`.
 */
export class ArtifactSource implements ProofSource {
  readonly name = 'workflow artifacts'
  skipped: SkippedCandidate[] = []
  constructor(
    private readonly octokit: Octokit,
    private readonly ctx: RunContext
  ) {}

  async find(q: ProofQuery): Promise<FoundProof[]> {
    this.skipped = []
    const repo = { owner: this.ctx.owner, repo: this.ctx.repo }
    const name = defaultArtifactName(q.jobId)
    let listed: { id: number; name: string; expired: boolean; size_in_bytes: number }[]
    try {
      const res = await this.octokit.rest.actions.listArtifactsForRepo({
        ...repo,
        name,
        per_page: 100
      })
      listed = res.data.artifacts
    } catch (e) {
      throw githubError(`listing the artifacts of ${this.ctx.repository}`, e, {
        permission: 'actions: read'
      })
    }
    const found: FoundProof[] = []
    // Highest ID first: the most recent upload of the name.
    for (const a of [...listed].sort((x, y) => y.id - x.id)) {
      const where = `artifact ${a.name} (ID ${a.id})`
      if (a.name !== name) continue
      if (a.expired || tooLarge(a.size_in_bytes)) {
        this.skipped.push({ location: where, reason: a.expired ? 'it expired' : 'it is too large' })
        continue
      }
      let zip: Buffer
      try {
        const res = await this.octokit.rest.actions.downloadArtifact({
          ...repo,
          artifact_id: a.id,
          archive_format: 'zip',
          ...RAW
        })
        zip = await bytesOf(res.data)
      } catch (e) {
        throw githubError(`downloading ${where}`, e, { permission: 'actions: read' })
      }
      try {
        found.push({ source: this.name, location: where, files: filesOfZip(zip) })
      } catch (e) {
        this.skipped.push({ location: where, reason: oneLine(e) })
      }
    }
    return found
  }
}

function filesOfZip(zip: Buffer): ProofFiles {
  const entries = readZipEntries(zip, MAX_PROOF_FILE_BYTES)
  const files: ProofFiles = {}
  for (const n of PROOF_FILE_NAMES) {
    const bytes = entries.get(n)
    if (bytes !== undefined) files[n] = bytes
  }
  if (Object.keys(files).length > 0) return files
  const singles = [...entries.keys()].filter(n => n.endsWith(PROOF_BUNDLE_SUFFIX))
  if (singles.length !== 1)
    throw new QprovError('PROOF_BUNDLE_INVALID', 'the zip holds no proof bundle')
  return unpackProofBundle(entries.get(singles[0] as string) as Buffer).files
}
