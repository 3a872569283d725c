import { QprovError, oneLine } from '../errors.js'
import { artifactURL, type RunContext } from './context.js'

export interface UploadedArtifact {
  name: string
  id: number
  /** sha256:<hex> of the zip as uploaded, as GitHub records it. */
  digest: string
  size: number
  url?: string
}

export interface ArtifactUpload {
  name: string
  /** Absolute paths, all under rootDirectory. */
  files: string[]
  rootDirectory: string
  /** 1-90; undefined = the repository's default. */
  retentionDays?: number
}

/** Workflow artifacts of the current run. */
export interface ArtifactStore {
  upload(u: ArtifactUpload): Promise<UploadedArtifact>
}

/** Artifact names GitHub refuses (NTFS-invalid characters), checked before any request. */
const BAD_NAME = /[":<>|*?\r\n\\/]/

export function checkArtifactName(name: string): string {
  if (name === '' || BAD_NAME.test(name) || name.length > 256)
    throw new QprovError(
      'INPUT_INVALID',
      `artifact name ${JSON.stringify(name)} is empty, too long or holds one of " : < > | * ? \\ / or a newline`
    )
  return name
}

/**
 * Over @actions/artifact: the Actions results service (ACTIONS_RESULTS_URL, authorised by
 * ACTIONS_RUNTIME_TOKEN) creates the artifact, the zip goes to the signed blob URL it returns.
 */
export function actionsArtifactStore(ctx: RunContext): ArtifactStore {
  return {
    async upload(u) {
      checkArtifactName(u.name)
      // Loaded here: @actions/artifact and its Azure client are most of the action's bundle.
      const { DefaultArtifactClient } = await import('@actions/artifact')
      const client = new DefaultArtifactClient()
      let res: { id?: number; digest?: string; size?: number }
      try {
        res = await client.uploadArtifact(u.name, u.files, u.rootDirectory, {
          ...(u.retentionDays !== undefined ? { retentionDays: u.retentionDays } : {})
        })
      } catch (e) {
        throw new QprovError('PUBLISH_FAILED', `artifact upload failed: ${oneLine(e)}`, {
          cause: e
        })
      }
      if (res.id === undefined || !res.digest || !/^[0-9a-f]{64}$/.test(res.digest))
        throw new QprovError(
          'PUBLISH_FAILED',
          'artifact upload returned no artifact ID or no sha256 digest'
        )
      const url = artifactURL(ctx, res.id)
      return {
        name: u.name,
        id: res.id,
        digest: `sha256:${res.digest}`,
        size: res.size ?? 0,
        ...(url ? { url } : {})
      }
    }
  }
}
