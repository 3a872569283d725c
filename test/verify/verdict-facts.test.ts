import { describe, expect, it } from 'vitest'
import { PROOF_FILES, RESULTS_FILES } from '../../src/proof/layout.js'
import type { LoadedProofBundle, ProofFiles } from '../../src/proof/proof-bundle.js'
import { parseResultsStatement } from '../../src/proof/results-statement.js'
import type { CheckOptions } from '../../src/verify/options.js'
import { factsOf, verifyBundleFiles } from '../../src/verify/verify-bundle-files.js'
import type { BundleVerdict, CheckName } from '../../src/verify/verdict.js'
import {
  exampleBinding,
  exampleContext,
  exampleFiles,
  exampleOpts,
  exampleSignatures,
  exampleTrust,
  findingOf,
  skippedFor,
  withSignedBinding
} from './example-bundle.js'

/**
 * What verifyBundleFiles reports besides the checks' statuses, on the committed example: the
 * facts (both Rekor entries, the results layer) and the checks whose outcome depends on the
 * options and on which files are present. No sandbox.
 */
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const run = (files: ProofFiles = exampleFiles, opts: Partial<CheckOptions> = {}, more = {}) =>
  verifyBundleFiles(
    { path: 'memory', form: 'directory', files, ...more } as LoadedProofBundle,
    { ...exampleOpts, ...opts },
    exampleTrust
  )
const check = (v: BundleVerdict, name: CheckName) => {
  const c = v.checks.find(x => x.name === name)
  if (c === undefined) throw new Error(`no ${name}`)
  return c
}
const withoutResults = (files: ProofFiles = exampleFiles): ProofFiles => {
  const rest = { ...files }
  for (const name of Object.values(RESULTS_FILES)) delete rest[name]
  return rest
}
const brokenStatementBundle = (files: ProofFiles = exampleFiles): ProofFiles => ({
  ...files,
  [PROOF_FILES.statementBundle]: Buffer.from('{}')
})

describe('the binding’s own Rekor entry in the facts', () => {
  const bindJson = () => structuredClone(exampleSignatures().bind.json) as Json
  const bindingRekor = (json: unknown) => factsOf(exampleContext({ bind: { json } })).bindingRekor

  it('is the v1 index and UUID of the example’s binding bundle', () => {
    const entry = bindJson().verificationMaterial.tlogEntries[0]
    const facts = run().facts
    expect(facts.bindingRekor).toStrictEqual({
      logIndex: entry.logIndex,
      uuid: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
    // Not the statement's entry: each bundle was logged on its own.
    expect(facts.bindingRekor).not.toEqual(facts.rekor)
  })

  it('is null without a tlog entry, the shard and index for v2, undefined when malformed', () => {
    const none = bindJson()
    none.verificationMaterial.tlogEntries = []
    expect(bindingRekor(none)).toBeNull()
    const v2 = bindJson()
    v2.verificationMaterial.tlogEntries = [
      {
        logIndex: '41',
        logId: { keyId: Buffer.alloc(32, 7).toString('base64') },
        kindVersion: { kind: 'dsse', version: '0.0.2' },
        canonicalizedBody: 'e30=',
        inclusionProof: { logIndex: '41' }
      }
    ]
    expect(bindingRekor(v2)).toStrictEqual({ logIndex: '41', logId: '07'.repeat(32) })
    const malformed = bindJson()
    malformed.verificationMaterial.tlogEntries = [1]
    expect(bindingRekor(malformed)).toBeUndefined()
  })
})

describe('the statement’s Rekor entry in the facts', () => {
  it('names a Rekor v2 entry by its shard, log ID and index', () => {
    const entry = {
      log: 'rekor' as const,
      api_version: 2 as const,
      base_url: 'https://rekor.example.test/2026',
      log_id: '07'.repeat(32),
      log_index: 41
    }
    const ctx = withSignedBinding(d => {
      d.provenance.transparency_entry = entry
    })
    expect(factsOf(ctx).rekor).toStrictEqual({
      logIndex: '41',
      logId: entry.log_id,
      baseUrl: entry.base_url
    })
  })
})

describe('the results layer in the verdict', () => {
  it('reports the signed results digest, fetch time and calibration date', () => {
    const v = run()
    const p = parseResultsStatement(exampleFiles[RESULTS_FILES.statement])
    expect(check(v, 'results-content').status).toBe('pass')
    expect(v.facts.results).toStrictEqual({
      digest: p.files['results.json'],
      fetchedAt: p.fetched_at,
      calibration: p.calibration.last_update_date
    })
    expect(v.facts.results?.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('reports no results facts when results-content does not pass', () => {
    const files = { ...exampleFiles, [RESULTS_FILES.results]: Buffer.from('{}') }
    const v = run(files)
    expect(check(v, 'results-content').status).toBe('fail')
    expect(v.facts.results).toBeUndefined()
    expect(v.facts.jobId).toBe(exampleBinding().runtime.job_id)
  })

  it('leaves results-online to --online when there is a layer, and says when there is none', () => {
    expect(skippedFor(check(run(), 'results-online'))).toBe('offline:')
    const none = run(withoutResults())
    expect(skippedFor(check(none, 'results-online'))).toBe('no-results:')
    expect(skippedFor(check(none, 'results-signature'))).toBe('no-results:')
    expect(none.ok).toBe(true)
    const required = run(withoutResults(), { requireResults: true })
    expect(findingOf(check(required, 'results-online'))).toBe('results-missing')
    expect(required.ok).toBe(false)
  })

  it('does not read the results layer when the statement signature failed', () => {
    const v = run(brokenStatementBundle())
    expect(findingOf(check(v, 'statement-signature'))).toBe('bundle-malformed')
    expect(skippedFor(check(v, 'results-signature'))).toBe(
      'prerequisite-failed:statement-signature'
    )
    expect(skippedFor(check(v, 'results-online'))).toBe('offline:')
    expect(v.facts.results).toBeUndefined()
    const none = run(withoutResults(brokenStatementBundle()))
    expect(skippedFor(check(none, 'results-signature'))).toBe('no-results:')
    expect(skippedFor(check(none, 'results-online'))).toBe('no-results:')
  })
})

describe('verifyBundleFiles options and names', () => {
  it('verifies each signature under the profile given', () => {
    const strict = run(exampleFiles, {
      profile: {
        name: 'custom',
        thresholds: { tlogThreshold: 2, ctlogThreshold: 0, timestampThreshold: 1 }
      }
    })
    expect(check(strict, 'statement-signature')).toMatchObject({
      status: 'fail',
      finding: 'signature-invalid'
    })
    expect(check(strict, 'binding-signature').status).toBe('fail')
    expect(strict.ok).toBe(false)
  })

  it('requires the job IDs a single-file bundle and its file name declare', () => {
    const id = exampleBinding().runtime.job_id
    expect(run(exampleFiles, {}, { declaredJobId: id, namedJobId: id }).ok).toBe(true)
    const declared = run(exampleFiles, {}, { declaredJobId: 'other' })
    expect(findingOf(check(declared, 'runtime-record'))).toContain(
      'jobId of the single-file bundle'
    )
    const named = run(exampleFiles, {}, { namedJobId: 'other' })
    expect(findingOf(check(named, 'runtime-record'))).toContain('job ID in the bundle file name')
    expect(declared.ok || named.ok).toBe(false)
  })
})
