/** Placeholder signature; implemented by the workload work. */
export interface ManifestEntry {
  path: string
  size: number
  sha256: string
}

export interface WorkloadManifest {
  /** sha256:<hex> of canonicalBytes. */
  digest: string
  files: ManifestEntry[]
  /** The exact bytes that the package digest covers. */
  canonicalBytes: Buffer
}

export async function buildManifest(
  _patterns: string[],
  _opts: { cwd: string; onProgress?: (m: string) => void }
): Promise<WorkloadManifest> {
  throw new Error('workload manifest not implemented yet')
}
