import type { ProofSource } from '../binding/proof-sources.js'
import { QprovError } from '../errors.js'
import { AttestationStoreSource, type AttestationPolicy } from './attestation-proof-source.js'
import { octokitAttestationStore } from './attestation-store.js'
import { runContext } from './context.js'
import { ArtifactSource, ReleaseAssetSource } from './download-proof-sources.js'
import { octokitFor } from './octokit.js'

export interface GitHubSourceOptions {
  /** owner/name */
  repository: string
  /** REST API base URL (https://api.github.com, or GitHub Enterprise's /api/v3). */
  apiURL: string
  token: string | undefined
  /** Picks attestations; fetch verifies every candidate under the same policy. */
  signer: AttestationPolicy
}

/**
 * `qprov fetch --repo`: the GitHub sources in their documented order — the attestation store,
 * then release assets, then workflow artifacts (which expire; releases do not).
 */
export function githubProofSources(o: GitHubSourceOptions): ProofSource[] {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(o.repository))
    throw new QprovError('USAGE', `--repo takes OWNER/REPO, got ${JSON.stringify(o.repository)}`)
  if (!o.token)
    throw new QprovError(
      'USAGE',
      `--repo ${o.repository} needs a GitHub token in GITHUB_TOKEN or GH_TOKEN (read access to contents, actions and attestations)`
    )
  const ctx = runContext({ GITHUB_REPOSITORY: o.repository, GITHUB_API_URL: o.apiURL })
  const octokit = octokitFor(ctx, o.token)
  return [
    new AttestationStoreSource(octokitAttestationStore(octokit, ctx), o.repository, o.signer),
    new ReleaseAssetSource(octokit, ctx),
    new ArtifactSource(octokit, ctx)
  ]
}
