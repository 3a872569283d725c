import { describe, expect, it } from 'vitest'
import { onlineRuntime } from '../../src/verify/online-check.js'
import type { JobReader, LiveJob } from '../../src/verify/options.js'
import { verifyBundleFiles } from '../../src/verify/verify-bundle-files.js'
import type { BundleVerdict } from '../../src/verify/verdict.js'
import { exampleFiles, exampleOpts, exampleTrust } from './example-bundle.js'
import { PROOF_FILES } from '../../src/proof/layout.js'

// Verified in the test that first needs it, so coverage is per test rather than at load time.
let verified: BundleVerdict | undefined
const example = (): BundleVerdict =>
  (verified ??= verifyBundleFiles(
    { path: 'memory', form: 'directory', files: exampleFiles },
    exampleOpts,
    exampleTrust
  ))
const recorded = JSON.parse(exampleFiles[PROOF_FILES.runtimeJob].toString('utf8')) as {
  jobId: string
  backend: string
  tags: string[]
}
const reader = (edit: (j: LiveJob) => void = () => undefined): JobReader => ({
  getJob: id => {
    const j: LiveJob = {
      id,
      status: 'Completed',
      backend: recorded.backend,
      tags: [...recorded.tags]
    }
    edit(j)
    return Promise.resolve(j)
  }
})
const swapTag = (prefix: string, value: string) => (j: LiveJob) => {
  j.tags = j.tags.map(t => (t.startsWith(prefix) ? `${prefix}${value}` : t))
}

describe('online-runtime', () => {
  it('passes when the live job carries the bound ID, backend and tags', async () => {
    expect(await onlineRuntime(reader(), example())).toEqual({
      name: 'online-runtime',
      status: 'pass',
      detail: `live job ${recorded.jobId} on ${recorded.backend} (Completed) carries the bound tags`
    })
    const noUuid = reader(j => (j.tags = j.tags.filter(t => !t.startsWith('qprov-rekor-uuid:'))))
    expect((await onlineRuntime(noUuid, example())).status).toBe('pass')
  })

  it('does not run for a bundle whose binding did not verify', async () => {
    for (const facts of [{}, { jobId: 'j' }, { statementDigest: 's' }])
      expect(await onlineRuntime(reader(), { ...example(), facts })).toEqual({
        name: 'online-runtime',
        status: 'skip',
        reason: 'prerequisite-failed',
        prerequisite: 'binding-signature',
        detail: 'not run: binding-signature failed'
      })
  })

  it('fails when the job cannot be read', async () => {
    const down: JobReader = { getJob: () => Promise.reject(new Error('503')) }
    expect(await onlineRuntime(down, example())).toMatchObject({
      status: 'fail',
      finding: 'online-unavailable',
      detail: `job ${recorded.jobId}: the live job could not be read (503)`
    })
  })

  it('names what the live job says differently', async () => {
    const other = await onlineRuntime(
      reader(j => (j.id = 'other')),
      example()
    )
    expect(other).toMatchObject({
      finding: 'online-mismatch',
      mismatches: [{ field: 'live job ID', expected: recorded.jobId, actual: 'other' }]
    })
    expect(
      await onlineRuntime(
        reader(j => (j.backend = 'ibm_x')),
        example()
      )
    ).toMatchObject({
      mismatches: [{ field: 'live backend', expected: recorded.backend, actual: 'ibm_x' }]
    })
    expect(
      await onlineRuntime(
        reader(j => delete j.backend),
        example()
      )
    ).toMatchObject({
      mismatches: [{ field: 'live backend', actual: null }]
    })
    const idx = await onlineRuntime(reader(swapTag('qprov-rekor-idx:', '9')), example())
    expect(idx).toMatchObject({ mismatches: [{ field: 'live tag qprov-rekor-idx', actual: '9' }] })
    const all = await onlineRuntime(
      reader(j => {
        swapTag('qprov-stmt:', `sha256:${'1'.repeat(64)}`)(j)
        swapTag('qprov-pkg:', `sha256:${'2'.repeat(64)}`)(j)
        swapTag('qprov-rekor-uuid:', '3'.repeat(64))(j)
      }),
      example()
    )
    expect(all.status === 'fail' && all.mismatches?.map(m => m.field)).toEqual([
      'live tag qprov-stmt',
      'live tag qprov-pkg',
      'live tag qprov-rekor-uuid'
    ])
  })

  it('expects no log index tag for a binding without a Rekor entry', async () => {
    const unlogged = { ...example(), facts: { ...example().facts, rekor: undefined } }
    const o = await onlineRuntime(reader(), unlogged)
    expect(o.status === 'fail' && o.mismatches?.map(m => [m.field, m.expected])).toEqual([
      ['live tag qprov-rekor-idx', null],
      ['live tag qprov-rekor-uuid', null]
    ])
    expect(o.detail).toMatch(new RegExp(`^job ${recorded.jobId}: the live job disagrees`))
  })

  it('fails live tags that do not parse, or carry no qprov tags', async () => {
    const bad = await onlineRuntime(
      reader(j => (j.tags = ['qprov:v9'])),
      example()
    )
    expect(bad).toMatchObject({ finding: 'tags-invalid' })
    expect(bad.detail).toMatch(
      new RegExp(`^live job ${recorded.jobId}: the job record tags do not parse \\(`)
    )
    expect(
      await onlineRuntime(
        reader(j => (j.tags = ['mine'])),
        example()
      )
    ).toMatchObject({
      finding: 'tags-missing',
      detail: `live job ${recorded.jobId}: the job record carries no qprov tags`
    })
  })
})
