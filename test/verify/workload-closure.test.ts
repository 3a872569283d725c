import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check, makeClosureFixture, type ClosureFixture } from './closure-fixture.js'

// Issue 22 §1: verify checks on the signed content that the package holds what its spec runs.
let f: ClosureFixture

beforeAll(async () => {
  f = await makeClosureFixture()
}, 120_000)
afterAll(() => f?.close())

describe('workload-closure', () => {
  it('passes a submitted package with --workload, and is an allowed skip without it', async () => {
    const v = await f.verify(f.submitted, { workload: { paths: ['examples/bell'], cwd: f.ws } })
    expect(check(v, 'workload-closure')).toEqual({
      name: 'workload-closure',
      status: 'pass',
      detail: 'the 1 circuit(s) named by 1 signed job spec(s) are signed files of the package'
    })
    expect(v.ok).toBe(true)
    const offline = await f.verify(f.submitted)
    expect(check(offline, 'workload-closure')).toMatchObject({
      status: 'skip',
      reason: 'no-workload'
    })
    expect(offline.ok).toBe(true)
  })

  it('fails, offline, a bound package that signs the job spec alone (as earlier versions did)', async () => {
    const out = await f.tagged(['examples/bell/qprov.job.json'])
    const v = await f.verify(out)
    expect(check(v, 'workload-closure')).toEqual({
      name: 'workload-closure',
      status: 'fail',
      finding: 'spec-without-circuits',
      detail:
        'examples/bell/qprov.job.json: the signed job spec has no .qasm file beside it in the signed package'
    })
    expect(v.ok).toBe(false)
    expect(v.checks.filter(c => c.status === 'fail').map(c => c.name)).toEqual(['workload-closure'])
  })

  it('with --workload, fails a package whose spec names a circuit the manifest does not list', async () => {
    writeFileSync(join(f.ws, 'examples/bell/decoy.qasm'), 'OPENQASM 3.0;\n')
    const paths = ['examples/bell/qprov.job.json', 'examples/bell/decoy.qasm']
    const out = await f.tagged(paths)
    const offline = await f.verify(out)
    expect(check(offline, 'workload-closure')).toMatchObject({
      status: 'skip',
      reason: 'no-workload'
    })
    const v = await f.verify(out, { workload: { paths, cwd: f.ws } })
    expect(check(v, 'workload-files').status).toBe('pass')
    expect(check(v, 'workload-closure')).toMatchObject({
      status: 'fail',
      finding: 'circuit-not-in-manifest',
      detail:
        'examples/bell/qprov.job.json PUB 0: a circuit the signed job spec names is not in the signed manifest (examples/bell/circuits/bell.qasm)'
    })
    expect(v.ok).toBe(false)
    rmSync(join(f.ws, 'examples/bell/decoy.qasm'))
  })

  it('fails when the signed job spec is not in the --workload given', async () => {
    const v = await f.verify(f.submitted, {
      workload: { paths: ['examples/bell/circuits'], cwd: f.ws }
    })
    expect(check(v, 'workload-closure')).toMatchObject({
      status: 'fail',
      finding: 'spec-not-in-workload',
      detail: 'examples/bell/qprov.job.json: the signed job spec is not in the --workload given'
    })
  })
})
