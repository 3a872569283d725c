import { describe, expect, it } from 'vitest'
import { circuitTextDigest, type SignedCircuits } from '../../src/verify/online-circuits.js'
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
// The live job runs one circuit, a file of the signed package (online-circuits.test.ts covers
// the circuit comparison itself).
const CIRCUIT = 'OPENQASM 3.0;\nbit[1] c;\nc[0] = measure $0;\n'
const signed: SignedCircuits = {
  files: [{ path: 'circuits/one.qasm', size: CIRCUIT.length, sha256: circuitTextDigest(CIRCUIT) }]
}
const reader = (edit: (j: LiveJob) => void = () => undefined): JobReader => ({
  getJob: id => {
    const j: LiveJob = {
      id,
      status: 'Completed',
      backend: recorded.backend,
      tags: [...recorded.tags],
      params: { pubs: [[CIRCUIT]] }
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
    expect(await onlineRuntime(reader(), example(), signed)).toEqual({
      name: 'online-runtime',
      status: 'pass',
      detail: `live job ${recorded.jobId} on ${recorded.backend} (Completed) carries the bound tags and runs only signed circuits`
    })
    const noUuid = reader(j => (j.tags = j.tags.filter(t => !t.startsWith('qprov-rekor-uuid:'))))
    expect((await onlineRuntime(noUuid, example(), signed)).status).toBe('pass')
  })

  it('does not run for a bundle whose binding did not verify', async () => {
    for (const facts of [{}, { jobId: 'j' }, { statementDigest: 's' }])
      expect(await onlineRuntime(reader(), { ...example(), facts }, signed)).toEqual({
        name: 'online-runtime',
        status: 'skip',
        reason: 'prerequisite-failed',
        prerequisite: 'binding-signature',
        detail: 'not run: binding-signature failed'
      })
  })

  it('fails when the job cannot be read', async () => {
    const down: JobReader = { getJob: () => Promise.reject(new Error('503')) }
    expect(await onlineRuntime(down, example(), signed)).toMatchObject({
      status: 'fail',
      finding: 'online-unavailable',
      detail: `job ${recorded.jobId}: the live job could not be read (503)`
    })
  })

  it('names what the live job says differently', async () => {
    const other = await onlineRuntime(
      reader(j => (j.id = 'other')),
      example(),
      signed
    )
    expect(other).toMatchObject({
      finding: 'online-mismatch',
      mismatches: [{ field: 'live job ID', expected: recorded.jobId, actual: 'other' }]
    })
    expect(
      await onlineRuntime(
        reader(j => (j.backend = 'ibm_x')),
        example(),
        signed
      )
    ).toMatchObject({
      mismatches: [{ field: 'live backend', expected: recorded.backend, actual: 'ibm_x' }]
    })
    expect(
      await onlineRuntime(
        reader(j => delete j.backend),
        example(),
        signed
      )
    ).toMatchObject({
      mismatches: [{ field: 'live backend', actual: null }]
    })
    const idx = await onlineRuntime(reader(swapTag('qprov-rekor-idx:', '9')), example(), signed)
    expect(idx).toMatchObject({ mismatches: [{ field: 'live tag qprov-rekor-idx', actual: '9' }] })
    const all = await onlineRuntime(
      reader(j => {
        swapTag('qprov-stmt:', `sha256:${'1'.repeat(64)}`)(j)
        swapTag('qprov-pkg:', `sha256:${'2'.repeat(64)}`)(j)
        swapTag('qprov-rekor-uuid:', '3'.repeat(64))(j)
      }),
      example(),
      signed
    )
    expect(all.status === 'fail' && all.mismatches?.map(m => m.field)).toEqual([
      'live tag qprov-stmt',
      'live tag qprov-pkg',
      'live tag qprov-rekor-uuid'
    ])
  })

  it('expects no log index tag for a binding without a Rekor entry', async () => {
    const unlogged = { ...example(), facts: { ...example().facts, rekor: undefined } }
    const o = await onlineRuntime(reader(), unlogged, signed)
    expect(o.status === 'fail' && o.mismatches?.map(m => [m.field, m.expected])).toEqual([
      ['live tag qprov-rekor-idx', null],
      ['live tag qprov-rekor-uuid', null]
    ])
    expect(o.detail).toMatch(new RegExp(`^job ${recorded.jobId}: the live job disagrees`))
  })

  it('fails live tags that do not parse, or carry no qprov tags', async () => {
    const bad = await onlineRuntime(
      reader(j => (j.tags = ['qprov:v9'])),
      example(),
      signed
    )
    expect(bad).toMatchObject({ finding: 'tags-invalid' })
    expect(bad.detail).toMatch(
      new RegExp(`^live job ${recorded.jobId}: the job record tags do not parse \\(`)
    )
    expect(
      await onlineRuntime(
        reader(j => (j.tags = ['mine'])),
        example(),
        signed
      )
    ).toMatchObject({
      finding: 'tags-missing',
      detail: `live job ${recorded.jobId}: the job record carries no qprov tags`
    })
  })
})

describe('online-runtime, circuits', () => {
  it('asks the service for the job parameters, which hold the circuits it compares', async () => {
    const asked: unknown[] = []
    const r: JobReader = {
      getJob: (id, o) => {
        asked.push(o)
        return reader().getJob(id, o)
      }
    }
    await onlineRuntime(r, example(), signed)
    expect(asked).toEqual([{ params: true }])
  })

  it('fails online-circuits-unreadable with the reason when the signed circuits cannot be read', async () => {
    expect(await onlineRuntime(reader(), example(), 'the package has no circuits')).toEqual({
      name: 'online-runtime',
      status: 'fail',
      finding: 'online-circuits-unreadable',
      detail: expect.stringContaining('the package has no circuits') as string
    })
    const o = await onlineRuntime(reader(), example(), 'x')
    expect(o.detail).toContain(`job ${recorded.jobId}`)
  })

  it('names a live Rekor v2 log tag that a v1 binding does not have', async () => {
    const LOG = 'ab'.repeat(32)
    const v2 = reader(j => {
      j.tags = [...j.tags.filter(t => !t.startsWith('qprov-rekor-uuid:')), `qprov-rekor-log:${LOG}`]
    })
    expect(await onlineRuntime(v2, example(), signed)).toMatchObject({
      finding: 'online-mismatch',
      mismatches: [{ field: 'live tag qprov-rekor-log', expected: null, actual: LOG }]
    })
  })

  it("names the signed job spec when it lists each PUB's circuit", async () => {
    const spec: SignedCircuits = { ...signed, pubs: ['circuits/one.qasm'] }
    const o = await onlineRuntime(reader(), example(), spec)
    expect(o.status).toBe('pass')
    expect(o.detail).toMatch(/runs the circuits the signed job spec names$/)
  })

  it('fails when the live job runs a circuit the signed package does not have', async () => {
    const other = reader(j => (j.params = { pubs: [['OPENQASM 3.0;\nbit[2] c;\n']] }))
    const o = await onlineRuntime(other, example(), signed)
    expect(o.status).toBe('fail')
    expect(o.status === 'fail' && o.detail).toContain(`job ${recorded.jobId}`)
  })
})
