import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resultsSummary } from '../../src/github/results-summary.js'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { decodeResults } from '../../src/verify/results-decode.js'
import { resultsSection } from '../../src/verify/results-html.js'
import { ISA_BACKEND, isaBell, wide } from '../helpers/isa.js'
import { connectRaw, rawRuntimeCall, type RuntimeConn } from '../helpers/raw-ibm.js'

/**
 * The decoder reads the bytes the emulator serves at GET /jobs/{id}/results over HTTP, as
 * `qprov results` stores them, not a value built by hand in the test.
 */
let emu: RuntimeEmulatorHandle
let conn: RuntimeConn

beforeAll(async () => {
  emu = await startRuntimeEmulator({})
  conn = await connectRaw(emu)
})
afterAll(() => emu.close())

/** Submits a job, reads it until it is final, and returns its results body as served. */
async function resultsText(body: Record<string, unknown>): Promise<string> {
  const { id } = (await rawRuntimeCall(conn, 'POST', '/jobs', body)).json as { id: string }
  for (let i = 0; i < 10; i++) {
    const job = (await rawRuntimeCall(conn, 'GET', `/jobs/${id}`)).json as {
      state: { status: string }
    }
    if (!['Queued', 'Running'].includes(job.state.status)) break
  }
  const res = await rawRuntimeCall(conn, 'GET', `/jobs/${id}/results`)
  expect(res.status).toBe(200)
  return res.text
}

describe('results served by the Runtime emulator', () => {
  it('decodes sampler counts per register with num_bits-wide bitstrings adding up to the shots', async () => {
    const qasm =
      'OPENQASM 3.0; bit[2] alpha; bit[1] beta; x $0; alpha[0] = measure $0; alpha[1] = measure $1; beta[0] = measure $2;'
    const text = await resultsText({
      program_id: 'sampler',
      backend: ISA_BACKEND,
      params: {
        pubs: [
          [qasm, null, 1000],
          [isaBell('c'), null, 500]
        ],
        version: 2
      }
    })
    const r = decodeResults(text)
    if (r.kind !== 'decoded') throw new Error(r.detail)
    const [first, second] = r.pubs
    if (first?.kind !== 'sampler' || second?.kind !== 'sampler') throw new Error('not sampler')
    expect(first.registers.map(g => [g.name, g.numBits, g.shots])).toEqual([
      ['alpha', 2, 1000],
      ['beta', 1, 1000]
    ])
    expect(second.registers.map(g => [g.name, g.numBits, g.shots])).toEqual([['c', 2, 500]])
    for (const reg of [...first.registers, ...second.registers]) {
      expect(reg.top.reduce((a, o) => a + o.count, 0)).toBe(reg.shots)
      for (const o of reg.top) expect(o.bitstring).toHaveLength(reg.numBits)
    }
    const html = resultsSection(r, true)
    expect(html.match(/<figure class="register"/g)).toHaveLength(3)
    expect(resultsSummary(r)).toContain('Register <code>alpha</code>: 2 bits, 1000 shots')
  })

  it('decodes estimator expectation values with standard and ensemble errors', async () => {
    const text = await resultsText({
      program_id: 'estimator',
      backend: ISA_BACKEND,
      params: {
        pubs: [[isaBell('c', false), [wide('ZZ'), wide('XX')]]],
        version: 2,
        options: { default_shots: 1024 }
      }
    })
    const r = decodeResults(text)
    if (r.kind !== 'decoded') throw new Error(r.detail)
    const [pub] = r.pubs
    if (pub?.kind !== 'estimator') throw new Error(String(pub?.kind))
    expect(pub.shape).toEqual([2])
    expect(pub.values.map(v => [v.index, v.std, v.ensembleError])).toEqual([
      [[0], 1 / 32, 1 / 32],
      [[1], 1 / 32, 1 / 32]
    ])
    expect(resultsSection(r, true)).toContain('<th>Ensemble standard error</th>')
  })
})
