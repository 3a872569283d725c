import { sha256Digest } from '../proof/binding-document.js'
import { PROOF_FILES } from '../proof/layout.js'
import { parseManifest, type ManifestEntry } from '../workload/manifest.js'
import type { BundleContext } from './bundle-context.js'
import { fail, pass, skip } from './outcome.js'
import type { FileChange, Outcome } from './verdict.js'

/** The files that differ between the signed manifest and the re-hashed one, by manifest path. */
export function fileChanges(
  signed: readonly ManifestEntry[],
  found: readonly ManifestEntry[]
): FileChange[] {
  const was = new Map(signed.map(f => [f.path, f]))
  const now = new Map(found.map(f => [f.path, f]))
  const changes: FileChange[] = []
  for (const [path, f] of was) {
    const g = now.get(path)
    if (g === undefined) changes.push({ path, change: 'removed' })
    else if (g.sha256 !== f.sha256 || g.size !== f.size) changes.push({ path, change: 'changed' })
  }
  for (const path of now.keys()) if (!was.has(path)) changes.push({ path, change: 'added' })
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** `workload-files`: with --workload, the files re-hash to exactly the signed manifest. */
export function workloadFiles(ctx: BundleContext): Outcome {
  const rehashed = ctx.opts.workloadManifest
  if (rehashed === undefined) return skip('no-workload')
  const file = ctx.files[PROOF_FILES.manifest]
  if (file === undefined) return fail('file-missing', { subject: PROOF_FILES.manifest })
  if (Buffer.from(rehashed).equals(file))
    return pass(`the workload re-hashes to ${sha256Digest(file)}`)
  const changes =
    ctx.manifest === undefined
      ? []
      : fileChanges(ctx.manifest.files, parseManifest(Buffer.from(rehashed)).files)
  return fail('workload-mismatch', {
    changes,
    note: `the workload hashes to ${sha256Digest(rehashed)}, the manifest is ${sha256Digest(file)}`
  })
}
