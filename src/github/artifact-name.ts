/**
 * The artifact name the action uploads a proof bundle under, and `qprov fetch` looks for. A leaf
 * module: the CLI needs the name without loading @actions/artifact and its Azure client.
 */

/** Artifact names allow no slash or colon; a job ID is [A-Za-z0-9_-] already. */
export function defaultArtifactName(jobId: string): string {
  return `qprov-proof-${jobId.replace(/[^A-Za-z0-9._-]/g, '_')}`
}
