import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { fileChanges, workloadFiles } from '../../src/verify/workload-check.js'
import {
  canonicalManifestBytes,
  parseManifest,
  type ManifestEntry
} from '../../src/workload/manifest.js'
import { exampleContext, exampleFiles } from './example-bundle.js'

const signed = parseManifest(exampleFiles[PROOF_FILES.manifest]).files
const entry = (path: string, sha = 'a', size = 1): ManifestEntry => ({
  path,
  sha256: sha.repeat(64).slice(0, 64),
  size
})
const rehashed = (files: ManifestEntry[]) => new Uint8Array(canonicalManifestBytes(files))

describe('workload-files', () => {
  it('is skipped without --workload, for that reason only', () => {
    expect(workloadFiles(exampleContext())).toEqual({
      status: 'skip',
      reason: 'no-workload',
      detail: 'no --workload given'
    })
  })

  it('passes when the workload re-hashes to the signed manifest', () => {
    const o = workloadFiles(exampleContext({ opts: { workloadManifest: rehashed(signed) } }))
    expect(o.status).toBe('pass')
    expect(o.detail).toMatch(/^the workload re-hashes to sha256:[0-9a-f]{64}$/)
  })

  it('fails a bundle without its manifest', () => {
    const ctx = exampleContext({
      without: [PROOF_FILES.manifest],
      opts: { workloadManifest: rehashed(signed) }
    })
    expect(workloadFiles(ctx)).toMatchObject({
      finding: 'file-missing',
      detail: 'workload.manifest.json is missing'
    })
  })

  it('lists each file added, removed or changed, by manifest path', () => {
    const now = [
      { ...signed[0], sha256: 'b'.repeat(64) },
      ...signed.slice(2),
      entry('bell/new.txt')
    ]
    const o = workloadFiles(exampleContext({ opts: { workloadManifest: rehashed(now) } }))
    expect(o).toMatchObject({
      status: 'fail',
      finding: 'workload-mismatch',
      changes: [
        { path: 'bell/circuits/bell.qasm', change: 'changed' },
        { path: 'bell/new.txt', change: 'added' },
        { path: 'bell/qprov.job.json', change: 'removed' }
      ]
    })
    expect(o.detail).toMatch(
      /^the workload files are not the signed manifest: changed bell\/circuits\/bell\.qasm, added bell\/new\.txt, removed bell\/qprov\.job\.json \(the workload hashes to sha256:[0-9a-f]{64}, the manifest is sha256:[0-9a-f]{64}\)$/
    )
  })

  it('still fails, without a list, when the signed manifest does not parse', () => {
    const ctx = exampleContext({
      files: { [PROOF_FILES.manifest]: Buffer.from('{}') },
      opts: { workloadManifest: rehashed(signed) }
    })
    const o = workloadFiles(ctx)
    expect(o).toMatchObject({ status: 'fail', finding: 'workload-mismatch' })
    expect(o.status === 'fail' && o.changes).toBeUndefined()
  })
})

describe('fileChanges', () => {
  it('tells changed content and changed size apart from unchanged files, sorted by path', () => {
    const was = [entry('b'), entry('a'), entry('c'), entry('d')]
    const now = [entry('d', 'a', 2), entry('a'), entry('c', 'c'), entry('e')]
    expect(fileChanges(was, now)).toEqual([
      { path: 'b', change: 'removed' },
      { path: 'c', change: 'changed' },
      { path: 'd', change: 'changed' },
      { path: 'e', change: 'added' }
    ])
    expect(fileChanges(was, was)).toEqual([])
    expect(fileChanges([entry('z'), entry('m')], [entry('a')]).map(c => c.path)).toEqual([
      'a',
      'm',
      'z'
    ])
    expect(fileChanges([entry('a')], [entry('z'), entry('m')]).map(c => c.path)).toEqual([
      'a',
      'm',
      'z'
    ])
    expect(fileChanges([entry('z'), entry('y')], [])).toEqual([
      { path: 'y', change: 'removed' },
      { path: 'z', change: 'removed' }
    ])
  })
})
