import { join } from 'node:path'
import { sha256Digest } from '../proof/binding-document.js'
import { PROOF_BUNDLE_MEDIA_TYPE, PROOF_FILES, RESULTS_FILES } from '../proof/layout.js'
import { readBoundedFile } from '../proof/proof-bundle.js'
import { QprovError, oneLine } from '../errors.js'
import { defaultArtifactName } from '../github/artifact-name.js'
import type { SummaryLink } from '../github/summary.js'
import type { GitHubEdges } from './github-edges.js'
import type { ActionInputs } from './inputs.js'
import type { Reporter } from './reporter.js'

/** A proof bundle this run wrote, ready to publish: the files and the digests it computed. */
export interface ProofOnDisk {
  jobId: string
  /** The proof bundle directory (out-dir). */
  dir: string
  /** Proof file name → sha256:<hex> this run computed; only these files are published. */
  digests: Record<string, string>
  /** The single-file form `<job-id>.qprov.json`, when it was written. */
  singleFile?: { path: string; digest: string }
}

export interface Published {
  links: SummaryLink[]
  rows: [string, string][]
}

/**
 * The bytes at `path`, if they are still exactly what this run wrote: a regular file (never
 * followed through a link) with the digest it computed. Anything else publishes nothing.
 */
function written(path: string, digest: string): Buffer {
  let bytes: Buffer | undefined
  try {
    bytes = readBoundedFile(path)
  } catch (e) {
    throw new QprovError('PUBLISH_FAILED', `${path} cannot be published: ${oneLine(e)}`)
  }
  if (bytes === undefined)
    throw new QprovError('PUBLISH_FAILED', `${path} was written by this run and is gone`)
  if (sha256Digest(bytes) !== digest)
    throw new QprovError(
      'PUBLISH_FAILED',
      `${path} is not the file this run wrote (its sha256 changed); nothing was published`
    )
  return bytes
}

/**
 * Publishes the proof bundle where the inputs ask: workflow artifact, release asset, attestation
 * store. Every target is tried; failures are reported together, and the bundle stays in out-dir.
 */
export async function publishProof(
  inputs: ActionInputs,
  proof: ProofOnDisk,
  gh: GitHubEdges,
  report: Reporter
): Promise<Published> {
  const out: Published = { links: [], rows: [] }
  const failures: QprovError[] = []
  const attempt = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn()
    } catch (e) {
      const q = e instanceof QprovError ? e : new QprovError('PUBLISH_FAILED', oneLine(e))
      failures.push(new QprovError(q.code, `${what}: ${oneLine(q)}`, { cause: e }))
    }
  }
  // Only proof files, only those this run wrote, each checked before anything is uploaded.
  const names = [...Object.values(PROOF_FILES), ...Object.values(RESULTS_FILES)].filter(
    n => proof.digests[n] !== undefined
  )
  const bytes = Object.fromEntries(
    names.map(n => [n, written(join(proof.dir, n), proof.digests[n] as string)])
  )
  const present = names.map(n => join(proof.dir, n))
  if (proof.singleFile) written(proof.singleFile.path, proof.singleFile.digest)

  if (
    inputs.uploadArtifact ??
    (inputs.mode === 'submit' || inputs.mode === 'tag' || inputs.mode === 'results')
  )
    await attempt('artifact upload', async () => {
      const a = await gh.artifacts().upload({
        name: inputs.artifactName ?? defaultArtifactName(proof.jobId),
        files: present,
        rootDirectory: proof.dir,
        ...(inputs.artifactRetentionDays ? { retentionDays: inputs.artifactRetentionDays } : {})
      })
      report.output('artifact-id', String(a.id))
      report.output('artifact-digest', a.digest)
      if (a.url) report.output('artifact-url', a.url)
      report.info(`uploaded artifact ${a.name} (ID ${a.id}, ${a.digest})`)
      out.rows.push(['artifact', `${a.name} (${a.digest})`])
      if (a.url) out.links.push({ label: `artifact ${a.name}`, url: a.url })
    })

  if (inputs.releaseTag)
    await attempt(`release ${inputs.releaseTag}`, async () => {
      if (!proof.singleFile)
        throw new QprovError('PUBLISH_FAILED', 'the single-file proof bundle was not written')
      const name = proof.singleFile.path.split('/').pop() as string
      const a = await gh.releases().attach({
        tag: inputs.releaseTag as string,
        file: proof.singleFile.path,
        name,
        label: name,
        contentType: 'application/json'
      })
      report.output('release-asset-url', a.url)
      report.info(
        `${a.replaced ? 'replaced' : 'attached'} ${a.name} on release ${inputs.releaseTag} (${PROOF_BUNDLE_MEDIA_TYPE})`
      )
      out.rows.push(['release asset', a.url])
      out.links.push({ label: `release asset ${a.name}`, url: a.url })
    })

  if (inputs.attestationStore)
    await attempt('attestation store', async () => {
      const ids: number[] = []
      for (const f of [
        PROOF_FILES.statementBundle,
        PROOF_FILES.bindingBundle,
        RESULTS_FILES.bundle
      ]) {
        const b = bytes[f]
        if (b === undefined) continue
        ids.push(await gh.attestations().store(JSON.parse(b.toString('utf8'))))
      }
      if (ids.length === 0) throw new QprovError('PUBLISH_FAILED', 'no DSSE bundle to store')
      report.output('attestation-ids', JSON.stringify(ids))
      out.rows.push(['attestation IDs', ids.join(', ')])
    })

  if (failures.length > 0) {
    const first = failures[0] as QprovError
    throw new QprovError(
      first.code,
      `${failures.map(f => f.message).join('; ')}. The proof bundle is kept in ${proof.dir}`,
      { cause: first, details: { proofDir: proof.dir, jobId: proof.jobId } }
    )
  }
  return out
}
