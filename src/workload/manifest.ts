import { createHash } from 'node:crypto'
import { QprovError, isQprovError } from '../errors.js'
import { HELPER_THRESHOLD, hashFilesInParallel } from './hash.js'
import { startHelper, type Helper } from './hash-helper.js'
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

// Outside the surrogate range, UTF-16 code unit order is code point order, which is UTF-8 byte
// order; so plain string comparison is exact unless a path holds a surrogate.
const SURROGATE = /[\uD800-\uDFFF]/

/** Sorted by path bytes. */
function sortByPath(files: readonly ManifestEntry[]): ManifestEntry[] {
  if (!files.some(f => SURROGATE.test(f.path)))
    return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return files
    .map(f => ({ f, key: Buffer.from(f.path, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(x => x.f)
}

/**
 * The canonical manifest: compact JSON with keys in lexicographic order, files sorted by path bytes.
 * For this fixed shape (strings and safe integers) JSON.stringify's output equals RFC 8785 JCS.
 */
export function canonicalManifestBytes(files: readonly ManifestEntry[]): Buffer {
  return canonicalSorted(sortByPath(files))
}

// A replacer list fixes the key order (lexicographic, as JCS wants) and drops any other field.
const CANONICAL_KEYS = ['files', 'path', 'sha256', 'size', 'version']

function canonicalSorted(sorted: readonly ManifestEntry[]): Buffer {
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].path === sorted[i - 1].path)
      throw new QprovError('WORKLOAD_INVALID', `duplicate workload path '${sorted[i].path}'`)
  // One native call builds the whole text, with no intermediate object or string per file.
  const json = JSON.stringify({ files: sorted, version: MANIFEST_VERSION }, CANONICAL_KEYS)
  return Buffer.from(json, 'utf8')
}

/** Pure: the manifest value for already-hashed files. */
export function manifestFromEntries(files: readonly ManifestEntry[]): WorkloadManifest {
  const sorted = sortByPath(files)
  const canonicalBytes = canonicalSorted(sorted)
  return {
    digest: `sha256:${createHash('sha256').update(canonicalBytes).digest('hex')}`,
    files: sorted,
    canonicalBytes
  }
}

/** Selects, hashes and describes the workload package rooted at opts.cwd. */
export async function buildManifest(
  patterns: string[],
  opts: { cwd: string; onProgress?: (m: string) => void }
): Promise<WorkloadManifest> {
  // A helper thread starts as soon as the walk has found enough files: it boots during the walk.
  let helper: Helper | undefined
  try {
    const selected = await selectFiles(patterns, opts.cwd, {
      count: HELPER_THRESHOLD,
      then: () => (helper = startHelper())
    })
    const every = Math.max(1000, Math.ceil(selected.length / 10))
    let next = every
    // Only the main thread reports, with the count over both threads, which can step over a
    // multiple of `every`; the helper may hash the last files. Each multiple is reported once.
    const reportUpTo = (done: number): void => {
      for (; next <= done; next += every)
        opts.onProgress?.(`hashed ${next}/${selected.length} files`)
    }
    const digests = await hashFilesInParallel(selected, reportUpTo, helper)
    reportUpTo(selected.length)
    return manifestFromEntries(
      digests.map((d, i) => ({ path: selected[i].path, size: d.size, sha256: d.sha256 }))
    )
  } catch (e) {
    if (isQprovError(e)) throw e
    throw new QprovError('WORKLOAD_INVALID', `cannot read the workload: ${String(e)}`, { cause: e })
  } finally {
    helper?.stop()
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
