import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check } from './closure-fixture.js'
import { makeResultsFixture, type ResultsFixture } from './results-fixture.js'
import { runInProcess } from '../helpers/in-process.js'
import { createRuntimeClient } from '../../src/runtime/client.js'

let fx: ResultsFixture
beforeAll(async () => {
  fx = await makeResultsFixture()
}, 120_000)
afterAll(() => fx?.close())

describe('verifying the results layer', () => {
  it('passes results-signature and results-content for a bundle completed by qprov results', async () => {
    const v = await fx.verify(fx.withResults)
    expect(v.ok).toBe(true)
    expect(check(v, 'results-signature').status).toBe('pass')
    expect(check(v, 'results-content').status).toBe('pass')
    expect(check(v, 'results-online')).toMatchObject({ status: 'skip', reason: 'offline' })
    expect(v.facts.results?.digest).toMatch(/^sha256:/)
  })

  it('skips the results checks without a results layer, and the bundle still verifies', async () => {
    const v = await fx.verify(fx.plain)
    expect(v.ok).toBe(true)
    for (const name of ['results-signature', 'results-content', 'results-online'])
      expect(check(v, name)).toMatchObject({ status: 'skip', reason: 'no-results' })
  })

  it('--require-results turns the missing layer into a failure', async () => {
    const v = await fx.verify(fx.plain, { requireResults: true })
    expect(v.ok).toBe(false)
    expect(check(v, 'results-signature')).toMatchObject({
      status: 'fail',
      finding: 'results-missing'
    })
    const ok = await fx.verify(fx.withResults, { requireResults: true })
    expect(ok.ok).toBe(true)
  })

  it('qprov verify --require-results exits 1 on a bundle without results, 0 with them', async () => {
    const cfg = fx.sb.config
    const args = (b: string) => [
      'verify',
      b,
      '--trusted-root',
      cfg.trustedRoot,
      '--certificate-identity',
      cfg.identity,
      '--certificate-oidc-issuer',
      cfg.issuer,
      '--require-results',
      '--workers',
      '1'
    ]
    const r = await runInProcess(args(fx.plain))
    expect(r.code).toBe(1)
    expect((await runInProcess(args(fx.withResults))).code).toBe(0)
  })

  it('--online passes while IBM serves the same bytes, and fails once it serves others', async () => {
    const { runtimeURL, iamURL, apiKey, instanceCRN } = fx.sb.runtime
    const api = createRuntimeClient({ runtimeURL, iamURL, apiKey, instanceCRN })
    const bundle = fx.copy(fx.withResults)
    const same = await fx.verify(bundle, { online: { api } })
    expect(check(same, 'results-online').status).toBe('pass')
    expect(same.ok).toBe(true)
    // The service now answers other results for the job (say, re-processed data).
    const job = fx.sb.runtime.job(fx.jobOf(bundle))!
    job.params = { ...job.params, pubs: [[(job.params.pubs as unknown[][])[0][0], null, 99]] }
    const changed = await fx.verify(bundle, { online: { api } })
    expect(check(changed, 'results-online')).toMatchObject({
      status: 'fail',
      finding: 'online-results-mismatch'
    })
    expect(changed.ok).toBe(false)
  })

  it('--online keeps the no-results skip for a bundle without a layer', async () => {
    const { runtimeURL, iamURL, apiKey, instanceCRN } = fx.sb.runtime
    const api = createRuntimeClient({ runtimeURL, iamURL, apiKey, instanceCRN })
    const v = await fx.verify(fx.plain, { online: { api } })
    expect(check(v, 'results-online')).toMatchObject({ status: 'skip', reason: 'no-results' })
  })
})
