import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { circuitTextDigest, pubCircuitProblem } from '../../src/verify/online-circuits.js'
import { check, makeClosureFixture, type ClosureFixture } from './closure-fixture.js'

// Issue 22 §1: with --online, the circuits IBM holds for the job are compared with the signed files.
let f: ClosureFixture

beforeAll(async () => {
  f = await makeClosureFixture()
}, 120_000)
afterAll(() => f?.close())

const workload = () => ({ paths: ['examples/bell'], cwd: f.ws })

describe('online-runtime compares the live PUB circuits with the signed circuit files', () => {
  it('passes a submitted job: its PUB is the file the signed spec names', async () => {
    const v = await f.verify(f.submitted, { online: { api: f.api }, workload: workload() })
    expect(check(v, 'online-runtime')).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/runs the circuits the signed job spec names$/)
    })
    expect(v.ok).toBe(true)
  })

  it('fails a job that runs a circuit the package does not sign, naming the PUB', async () => {
    const out = await f.tagged(['examples/bell'], body => {
      const pub = (body.params.pubs as unknown[][])[0] as unknown[]
      pub[0] = `${pub[0] as string}// not what was signed\n`
    })
    const offline = await f.verify(out)
    expect(offline.ok).toBe(true)
    const v = await f.verify(out, { online: { api: f.api } })
    expect(check(v, 'online-runtime')).toMatchObject({
      status: 'fail',
      finding: 'online-circuit-mismatch',
      detail: expect.stringMatching(
        /runs a circuit the package does not sign \(PUB 0: sha256 [0-9a-f]{64} is no file of the signed package\)$/
      )
    })
    expect(v.ok).toBe(false)
    const w = await f.verify(out, { online: { api: f.api }, workload: workload() })
    expect(check(w, 'online-runtime')).toMatchObject({
      finding: 'online-circuit-mismatch',
      mismatches: [
        {
          field: 'PUB 0 circuit (examples/bell/circuits/bell.qasm) sha256',
          expected: expect.stringMatching(/^[0-9a-f]{64}$/),
          actual: expect.stringMatching(/^[0-9a-f]{64}$/)
        }
      ]
    })
  })

  it('fails a job whose inputs the service no longer holds (a private job)', async () => {
    const out = await f.tagged(['examples/bell'], body => {
      ;(body as unknown as { private: boolean }).private = true
    })
    const v = await f.verify(out, { online: { api: f.api } })
    expect(check(v, 'online-runtime')).toMatchObject({
      status: 'fail',
      finding: 'online-circuits-unreadable',
      detail: expect.stringMatching(/the service returned no params; a private job/)
    })
  })
})

describe('pubCircuitProblem', () => {
  const files = [{ path: 'c.qasm', size: 3, sha256: circuitTextDigest('abc') }]

  it('accepts a PUB whose text is a signed file, and refuses one encoded otherwise (QPY)', () => {
    expect(pubCircuitProblem({ pubs: [['abc', null, 10]] }, { files })).toBeUndefined()
    expect(
      pubCircuitProblem({ pubs: [[{ __type__: 'QuantumCircuit', __value__: 'UVBZ' }]] }, { files })
    ).toEqual({ kind: 'pub-not-text', pub: 0 })
  })

  it('holds each PUB to its own file and the PUB count to the signed spec', () => {
    const two = [...files, { path: 'd.qasm', size: 3, sha256: circuitTextDigest('def') }]
    expect(
      pubCircuitProblem({ pubs: [['def'], ['abc']] }, { files: two, pubs: ['c.qasm', 'd.qasm'] })
    ).toMatchObject({ kind: 'pub-not-its-file', pub: 0, path: 'c.qasm' })
    expect(
      pubCircuitProblem({ pubs: [['abc']] }, { files: two, pubs: ['c.qasm', 'd.qasm'] })
    ).toEqual({ kind: 'pub-count', live: 1, signed: 2 })
    expect(pubCircuitProblem({ pubs: [] }, { files })).toEqual({ kind: 'pubs-malformed' })
    expect(pubCircuitProblem(undefined, { files })).toEqual({ kind: 'no-params' })
  })
})
