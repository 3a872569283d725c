import { actionsArtifactStore, type ArtifactStore } from '../github/artifact-store.js'
import { octokitAttestationStore, type AttestationStore } from '../github/attestation-store.js'
import { octokitCheckRuns, type CheckRuns } from '../github/check-runs.js'
import { runContext, type RunContext } from '../github/context.js'
import { octokitFor } from '../github/octokit.js'
import { octokitReleaseStore, type ReleaseStore } from '../github/release-store.js'
import { registerSecret } from '../secrets.js'
import type { ActionInputs } from './inputs.js'

/** The GitHub side of a run, each edge made only when a step needs it. */
export interface GitHubEdges {
  context(): RunContext
  artifacts(): ArtifactStore
  releases(): ReleaseStore
  attestations(): AttestationStore
  checkRuns(): CheckRuns
}

export function githubEdges(
  inputs: ActionInputs,
  env: Record<string, string | undefined> = process.env
): GitHubEdges {
  // The runner masks these itself; registering them keeps them out of qprov's own messages too.
  registerSecret(env.ACTIONS_RUNTIME_TOKEN)
  registerSecret(inputs.githubToken)
  let ctx: RunContext | undefined
  const context = () => (ctx ??= runContext(env))
  const octokit = () => octokitFor(context(), inputs.githubToken)
  return {
    context,
    artifacts: () => actionsArtifactStore(context()),
    releases: () => octokitReleaseStore(octokit(), context()),
    attestations: () => octokitAttestationStore(octokit(), context()),
    checkRuns: () => octokitCheckRuns(octokit(), context())
  }
}
