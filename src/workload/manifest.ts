import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { QprovError, isQprovError } from '../errors.js'
import { hashFiles } from './hash.js'
import { selectFiles } from './select.js'

export interface ManifestEntry {
  /** POSIX path relative to the package root. */
  path: string
  size: number
  /** Lower-case hex. */
  sha256: string
}

export interface WorkloadManifest {
  /** sha256:<hex> of canonicalBytes. */
  digest: string
  files: ManifestEntry[]
  /** The exact bytes that the package digest covers. */
  canonicalBytes: Buffer
}

export const MANIFEST_VERSION = 'qprov.workload.manifest/v1'

/** Orders paths by their UTF-8 bytes, which is independent of locale and platform. */
export function comparePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/**
 * The canonical manifest: compact JSON with keys in lexicographic order, files sorted by path bytes.
 * For this fixed shape (strings and safe integers) JSON.stringify's output equals RFC 8785 JCS.
 */
export function canonicalManifestBytes(files: readonly ManifestEntry[]): Buffer {
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path))
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].path === sorted[i - 1].path)
      throw new QprovError('WORKLOAD_INVALID', `duplicate workload path '${sorted[i].path}'`)
  const body = {
    files: sorted.map(f => ({ path: f.path, sha256: f.sha256, size: f.size })),
    version: MANIFEST_VERSION
  }
  return Buffer.from(JSON.stringify(body), 'utf8')
}

/** Pure: the manifest value for already-hashed files. */
export function manifestFromEntries(files: readonly ManifestEntry[]): WorkloadManifest {
  const canonicalBytes = canonicalManifestBytes(files)
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path))
  return {
    digest: `sha256:${createHash('sha256').update(canonicalBytes).digest('hex')}`,
    files: sorted,
    canonicalBytes
  }
}

/** Selects, hashes and describes the workload package rooted at opts.cwd. */
export async function buildManifest(
  patterns: string[],
  opts: { cwd: string; onProgress?: (m: string) => void; parallel?: number }
): Promise<WorkloadManifest> {
  const selected = await selectFiles(patterns, opts.cwd)
  const parallel = opts.parallel ?? Math.min(16, availableParallelism() * 4)
  const every = Math.max(1000, Math.ceil(selected.length / 10))
  try {
    const digests = await hashFiles(selected, parallel, done => {
      if (done % every === 0) opts.onProgress?.(`hashed ${done}/${selected.length} files`)
    })
    return manifestFromEntries(selected.map((f, i) => ({ path: f.path, ...digests[i] })))
  } catch (e) {
    if (isQprovError(e)) throw e
    throw new QprovError('WORKLOAD_INVALID', `cannot read the workload: ${String(e)}`, { cause: e })
  }
}

/** Parses and re-checks a manifest file written by qprov: its bytes must be canonical. */
export function parseManifest(bytes: Buffer): WorkloadManifest {
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString('utf8'))
  } catch (e) {
    throw new QprovError('WORKLOAD_INVALID', 'workload manifest is not JSON', { cause: e })
  }
  const r = raw as { version?: unknown; files?: unknown }
  if (r?.version !== MANIFEST_VERSION || !Array.isArray(r.files))
    throw new QprovError('WORKLOAD_INVALID', `workload manifest is not ${MANIFEST_VERSION}`)
  const files = r.files.map((f: unknown): ManifestEntry => {
    const e = f as Partial<ManifestEntry>
    if (
      typeof e?.path !== 'string' ||
      typeof e.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(e.sha256) ||
      !Number.isSafeInteger(e.size) ||
      (e.size as number) < 0
    )
      throw new QprovError('WORKLOAD_INVALID', 'workload manifest has a malformed file entry')
    return { path: e.path, size: e.size as number, sha256: e.sha256 }
  })
  const m = manifestFromEntries(files)
  if (
    !m.canonicalBytes.equals(bytes.subarray(0, m.canonicalBytes.length)) ||
    bytes.length !== m.canonicalBytes.length
  )
    throw new QprovError('WORKLOAD_INVALID', 'workload manifest bytes are not canonical')
  return m
}
