import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256Digest } from '../../src/proof/binding-document.js'
import { RESULTS_PREDICATE_TYPE } from '../../src/proof/layout.js'
import { parseResultsStatement } from '../../src/proof/results-statement.js'
import { makeResultsFixture, type ResultsFixture } from '../verify/results-fixture.js'

let fx: ResultsFixture
beforeAll(async () => {
  fx = await makeResultsFixture()
}, 120_000)
afterAll(() => fx?.close())

const read = (dir: string, name: string) => readFileSync(join(dir, name))

describe('qprov results', () => {
  it('stores what IBM served and signs a results statement bound to the binding', () => {
    const b = fx.withResults
    const stmtBytes = read(b, 'results-statement.json')
    const p = parseResultsStatement(stmtBytes)
    expect(JSON.parse(stmtBytes.toString()).predicateType).toBe(RESULTS_PREDICATE_TYPE)
    expect(p.job_id).toBe(fx.jobOf(b))
    expect(p.status).toBe('Completed')
    expect(p.binding).toBe(sha256Digest(read(b, 'binding.json')))
    expect(p.workload_statement).toBe(sha256Digest(read(b, 'statement.json')))
    for (const n of ['results.json', 'job-metrics.json', 'backend-properties.json'] as const)
      expect(p.files[n]).toBe(sha256Digest(read(b, n)))
    const props = JSON.parse(read(b, 'backend-properties.json').toString())
    expect(p.calibration.last_update_date).toBe(props.last_update_date)
    expect(p.timestamps.running).not.toBeNull()
    const bundle = JSON.parse(read(b, 'results.sigstore.json').toString())
    expect(Buffer.from(bundle.dsseEnvelope.payload, 'base64').equals(stmtBytes)).toBe(true)
    const served = JSON.parse(read(b, 'results.json').toString())
    expect(served.results[0].data.c.num_bits).toBe(2)
  })

  it('waits for a final state with --wait and reports the digests with --json', async () => {
    const b = await fx.submit()
    const r = await fx.results(b, ['--wait', '--no-force', '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.jobId).toBe(fx.jobOf(b))
    expect(out.status).toBe('Completed')
    expect(out.files['results.json']).toBe(sha256Digest(read(b, 'results.json')))
  }, 30_000)

  it('without --wait, a job still queued is an error naming --wait, and nothing is written', async () => {
    const b = await fx.submit()
    const job = fx.sb.runtime.job(fx.jobOf(b))!
    job.forced = 'Queued'
    const r = await fx.results(b)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('--wait')
    expect(existsSync(join(b, 'results.json'))).toBe(false)
  })

  it('exits 1 naming IBM reason when the job failed', async () => {
    const b = await fx.submit()
    const job = fx.sb.runtime.job(fx.jobOf(b))!
    job.failure = { reason: 'Instruction not in target', code: 1517, detail: 'x' }
    job.forced = 'Failed'
    const r = await fx.results(b)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('ended Failed')
    expect(r.stderr).toContain('1517')
    expect(existsSync(join(b, 'results-statement.json'))).toBe(false)
  })

  it('refuses a bundle of another job with exit 2', async () => {
    const mixed = await (
      await import('../helpers/in-process.js')
    ).runInProcess([
      'results',
      '--job',
      fx.jobOf(fx.other),
      '--bundle',
      fx.copy(fx.plain),
      '--sandbox',
      fx.sb.dir
    ])
    expect(mixed.code).toBe(2)
    expect(mixed.stderr).toContain('binds job')
  })

  it('refuses --timeout without --wait, and a bad --timeout, with exit 2', async () => {
    for (const extra of [
      ['--timeout', '5'],
      ['--wait', '--timeout', 'soon']
    ]) {
      const r = await fx.results(fx.copy(fx.withResults), extra)
      expect(r.code).toBe(2)
    }
  })
})
