import { describe, expect, it } from 'vitest'
import { RESULTS_FILES } from '../../src/proof/layout.js'
import type { ProofFiles } from '../../src/proof/proof-bundle.js'
import type { ResultsPredicate } from '../../src/proof/results-statement.js'
import { digestOf, type BundleContext } from '../../src/verify/bundle-context.js'
import { notRun } from '../../src/verify/outcome.js'
import {
  hasResultsLayer,
  readResultsLayer,
  resultsContent,
  resultsSignature
} from '../../src/verify/results-checks.js'
import type { Outcome } from '../../src/verify/verdict.js'
import {
  exampleContext,
  exampleFiles,
  examplePolicy,
  exampleSignatures,
  exampleTrust,
  findingOf,
  skippedFor,
  type ContextEdit
} from './example-bundle.js'

/**
 * The results checks on the committed example's results layer (examples/proof-chain), edited
 * field by field: no sandbox, one signature verification.
 */
const layer = readResultsLayer(
  exampleFiles,
  { trust: exampleTrust, policy: examplePolicy },
  exampleSignatures().stmt.json
)
const LAYER = Object.values(RESULTS_FILES)

function ctxWith(
  edit: ContextEdit = {},
  predicate?: (p: ResultsPredicate) => void,
  results: Partial<NonNullable<BundleContext['results']>> = {}
): BundleContext {
  const ctx = exampleContext(edit)
  const p = structuredClone(layer?.predicate) as ResultsPredicate
  predicate?.(p)
  ctx.results = { ...(layer as NonNullable<typeof layer>), predicate: p, ...results }
  return ctx
}
// Self-signed leaf certificates (openssl req -x509, P-256) that certificateSigner reads like
// Fulcio's: one with another SAN and the example's issuer, one with the example's SAN and
// another issuer (OID 1.3.6.1.4.1.57264.1.8). Never verified; only their names are compared.
const OTHER_IDENTITY_CERT =
  'MIICBDCCAaugAwIBAgIUD9lPdIOOl8kVioP+W5s1D0tYQQEwCgYIKoZIzj0EAwIwFTETMBEGA1UECgwKcXByb3YtdGVzdDAeFw0yNjEyMDMwNTM3NThaFw0yNjEyMDQwNTM3NThaMBUxEzARBgNVBAoMCnFwcm92LXRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT2jZtxK8CW/PLKxmlwhsjdt7uJFJkmIyneaj1HJPLMhvuxDRh1eM4iC2sbMXFgsiwgCeP0uu4qh7Spx9yySuN4o4HYMIHVMB0GA1UdDgQWBBSJu2cu8dR6U0fc1mt+dt9lLtqPXjAfBgNVHSMEGDAWgBSJu2cu8dR6U0fc1mt+dt9lLtqPXjAPBgNVHRMBAf8EBTADAQH/MFUGA1UdEQROMEyGSmh0dHBzOi8vZ2l0aHViLmNvbS9vdGhlci9yZXBvLy5naXRodWIvd29ya2Zsb3dzL2F0dGVzdC55bWxAcmVmcy9oZWFkcy9tYWluMCsGCisGAQQBg78wAQgEHQwbaHR0cDovLzEyNy4wLjAuMTozNjE4OS9vaWRjMAoGCCqGSM49BAMCA0cAMEQCIHM6EOWAsWPR8MEEgh6hzL19EV3PdjZvfbkcf67pBKhbAiAetzrmX2eGGeVhXPc90RbdD0XxfCL9mAfvZ7euXgCz5w=='
const OTHER_ISSUER_CERT =
  'MIICGDCCAb+gAwIBAgIUS/Z7f5Q76Y5qhawDKjGILE0VQF4wCgYIKoZIzj0EAwIwFTETMBEGA1UECgwKcXByb3YtdGVzdDAeFw0yNjEyMDMwNTM3NThaFw0yNjEyMDQwNTM3NThaMBUxEzARBgNVBAoMCnFwcm92LXRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR1dgnRtw/wyrfr4equp8ESohbkKVYZ6L3VtPTjeYmRa292hXZnmqIXSYAfQl5nGcayUKtt73pb6wwvozOV/pE9o4HsMIHpMB0GA1UdDgQWBBSL8e/a+ADNCqcqw7c/vExEb42vlDAfBgNVHSMEGDAWgBSL8e/a+ADNCqcqw7c/vExEb42vlDAPBgNVHRMBAf8EBTADAQH/MGsGA1UdEQRkMGKGYGh0dHBzOi8vZ2l0aHViLmNvbS9xcHJvdi1zYW5kYm94L25vdC1mb3ItcHJvZHVjdGlvbi8uZ2l0aHViL3dvcmtmbG93cy9hdHRlc3QueW1sQHJlZnMvaGVhZHMvbWFpbjApBgorBgEEAYO/MAEIBBsMGWh0dHBzOi8vaXNzdWVyLm90aGVyLnRlc3QwCgYIKoZIzj0EAwIDRwAwRAIgBwb1zzxi7jUuRVSHBCtQR9/fhCABotVhw/Na1d6JySgCIFlgXIYmyH/uMvCkFDeIKnaaMINC+UeIBzfFmVCpFGmh'
const withLeaf = (rawBytes: string): unknown => {
  const json = structuredClone(layer?.sig.json) as {
    verificationMaterial: { certificate: { rawBytes: string } }
  }
  json.verificationMaterial.certificate.rawBytes = rawBytes
  return json
}
const content = (ctx: BundleContext): Outcome => resultsContent(ctx, resultsSignature(ctx))

describe('the example results layer', () => {
  it('verifies, and both checks pass with a message naming the job and backend', () => {
    expect(layer?.sig.signature.status).toBe('pass')
    expect(layer?.predicateError).toBeUndefined()
    const ctx = ctxWith()
    const p = ctx.results?.predicate as ResultsPredicate
    const sig = resultsSignature(ctx)
    expect(sig.status).toBe('pass')
    expect(sig.detail).toMatch(/ signed the results statement, logged as the other two$/)
    const c = content(ctx)
    expect(c.status).toBe('pass')
    expect(c.detail).toBe(
      `job ${p.job_id} Completed on ${p.backend}; results, metrics and the calibration of ` +
        `${p.calibration.last_update_date} are the bytes signed at ${p.fetched_at}`
    )
  })

  it('hasResultsLayer: any one layer file counts, none means no layer', () => {
    const none: ProofFiles = { ...exampleFiles }
    for (const n of LAYER) delete none[n]
    expect(hasResultsLayer(none)).toBe(false)
    expect(readResultsLayer(none, { trust: exampleTrust, policy: examplePolicy }, {})).toBe(
      undefined
    )
    for (const n of LAYER) expect(hasResultsLayer({ ...none, [n]: exampleFiles[n] })).toBe(true)
  })

  it('reads no predicate from a results bundle whose signature failed', () => {
    const files = { ...exampleFiles, [RESULTS_FILES.bundle]: Buffer.from('not json') }
    const l = readResultsLayer(files, { trust: exampleTrust, policy: examplePolicy }, undefined)
    expect(findingOf(l?.sig.signature as Outcome)).toBe('bundle-not-json')
    expect(l).toEqual({ sig: l?.sig })
  })

  it('a signed payload that is no results statement is kept as predicateError', () => {
    // The workload statement's bundle signs statement.json, which is no results statement.
    const files = {
      ...exampleFiles,
      [RESULTS_FILES.bundle]: exampleFiles['statement.sigstore.json'],
      [RESULTS_FILES.results]: exampleFiles['workload.manifest.json']
    }
    const l = readResultsLayer(files, { trust: exampleTrust, policy: examplePolicy }, undefined)
    expect(l?.sig.signature.status).toBe('pass')
    expect(l?.predicate).toBeUndefined()
    expect(l?.predicateError).toMatch(/\S/)
  })
})

describe('results-signature', () => {
  it('skips without a layer, or fails when results are required', () => {
    const ctx = exampleContext()
    expect(skippedFor(resultsSignature(ctx))).toBe('no-results:')
    expect(skippedFor(resultsContent(ctx, resultsSignature(ctx)))).toBe('no-results:')
    const req = exampleContext({ opts: { requireResults: true } })
    expect(findingOf(resultsSignature(req))).toBe('results-missing')
    expect(findingOf(resultsContent(req, resultsSignature(req)))).toBe('results-missing')
  })

  it('returns the bundle signature outcome, then the identity outcome, when they fail', () => {
    const bad: Outcome = { status: 'fail', finding: 'signature-invalid', detail: 'x' }
    const sig = { ...(layer as NonNullable<typeof layer>).sig, signature: bad }
    expect(resultsSignature(ctxWith({}, undefined, { sig }))).toBe(bad)
    const id: Outcome = { status: 'fail', finding: 'signer-policy', detail: 'y' }
    const sig2 = { ...(layer as NonNullable<typeof layer>).sig, identity: id }
    expect(resultsSignature(ctxWith({}, undefined, { sig: sig2 }))).toBe(id)
    const passId = { ...(layer as NonNullable<typeof layer>).sig, identity: undefined }
    expect(resultsSignature(ctxWith({}, undefined, { sig: passId })).status).toBe('pass')
  })

  it('does not run when the workload statement signature did not pass', () => {
    const ctx = ctxWith({ stmt: { signature: notRun('statement-signature') } })
    expect(skippedFor(resultsSignature(ctx))).toBe('prerequisite-failed:statement-signature')
  })

  it('fails signers-differ, naming the field, when another identity or issuer signed the results', () => {
    const base = (layer as NonNullable<typeof layer>).sig
    const signer = exampleSignatures().stmt
    const id = resultsSignature(
      ctxWith({}, undefined, { sig: { ...base, json: withLeaf(OTHER_IDENTITY_CERT) } })
    )
    expect(id).toMatchObject({
      finding: 'signers-differ',
      mismatches: [
        {
          field: 'results signer identity',
          expected: examplePolicy.identity,
          actual: 'https://github.com/other/repo/.github/workflows/attest.yml@refs/heads/main'
        }
      ]
    })
    const iss = resultsSignature(
      ctxWith({}, undefined, { sig: { ...base, json: withLeaf(OTHER_ISSUER_CERT) } })
    )
    expect(iss).toMatchObject({
      finding: 'signers-differ',
      mismatches: [
        {
          field: 'results signer issuer',
          expected: examplePolicy.issuer,
          actual: 'https://issuer.other.test'
        }
      ]
    })
    expect(iss.status === 'fail' && iss.mismatches).toHaveLength(1)
    // The workload statement signed by the other identity, the results by the example's.
    const rev = resultsSignature(
      ctxWith({ stmt: { ...signer, json: withLeaf(OTHER_IDENTITY_CERT) } })
    )
    expect(findingOf(rev)).toBe('signers-differ:results signer identity')
  })

  it('an unreadable certificate fails certificate-unreadable', () => {
    const sig = { ...(layer as NonNullable<typeof layer>).sig, json: {} }
    const o = resultsSignature(ctxWith({}, undefined, { sig }))
    expect(findingOf(o)).toBe('certificate-unreadable')
    expect(o.detail).toContain('carries no signing certificate')
  })
})

describe('results-content', () => {
  it('does not run unless results-signature passed', () => {
    const ctx = ctxWith()
    expect(skippedFor(resultsContent(ctx, notRun('statement-signature')))).toBe(
      'prerequisite-failed:results-signature'
    )
  })

  it('fails file-missing for each missing layer file, naming it', () => {
    for (const n of LAYER) {
      const o = content(ctxWith({ without: [n] }))
      expect(findingOf(o)).toBe('file-missing')
      expect(o.detail).toContain(n)
    }
  })

  it('fails when results-statement.json is not the signed payload', () => {
    const o = content(ctxWith({ files: { [RESULTS_FILES.statement]: Buffer.from('{"other":1}') } }))
    expect(findingOf(o)).toBe('results-statement-differs')
    expect(o.detail).toContain(RESULTS_FILES.statement)
  })

  it('fails on a payload type other than in-toto', () => {
    const sig = { ...(layer as NonNullable<typeof layer>).sig, payloadType: 'text/plain' }
    const o = content(ctxWith({}, undefined, { sig }))
    expect(findingOf(o)).toBe('payload-type')
    expect(o.detail).toContain(RESULTS_FILES.bundle)
  })

  it('fails results-invalid, with the parse error, when the predicate did not parse', () => {
    const o = content(
      ctxWith({}, undefined, { predicate: undefined, predicateError: 'predicate broken here' })
    )
    expect(findingOf(o)).toBe('results-invalid')
    expect(o.detail).toContain('predicate broken here')
    expect(o.detail).toContain(RESULTS_FILES.statement)
  })

  it('does not run without a verified binding', () => {
    const a = content(ctxWith({ bind: { signature: notRun('statement-signature') } }))
    expect(skippedFor(a)).toBe('prerequisite-failed:binding-signature')
    const ctx = ctxWith()
    ctx.signedBinding = undefined
    expect(skippedFor(content(ctx))).toBe('prerequisite-failed:binding-signature')
  })

  it('fails results-mismatch for each predicate field that names another bundle', () => {
    const cases: [(p: ResultsPredicate) => void, string][] = [
      [p => (p.job_id = 'another-job'), 'results job_id'],
      [p => (p.binding = `sha256:${'1'.repeat(64)}`), 'results binding'],
      [p => (p.workload_statement = `sha256:${'2'.repeat(64)}`), 'results workload_statement'],
      [p => (p.backend = 'ibm_other'), 'results backend']
    ]
    for (const [edit, field] of cases)
      expect(findingOf(content(ctxWith({}, edit)))).toBe(`results-mismatch:${field}`)
    const all = content(
      ctxWith({}, p => {
        p.job_id = 'j'
        p.backend = 'b'
      })
    )
    expect(findingOf(all)).toBe('results-mismatch:results job_id,results backend')
  })

  it('fails results-digest-mismatch for each stored data file that differs', () => {
    for (const n of [
      RESULTS_FILES.results,
      RESULTS_FILES.jobMetrics,
      RESULTS_FILES.backendProperties
    ]) {
      const o = content(ctxWith({ files: { [n]: Buffer.from('{"x":1}') } }))
      expect(findingOf(o)).toBe(`results-digest-mismatch:${n}`)
      if (o.status === 'fail')
        expect(o.mismatches?.[0].actual).toBe(digestOf({ [n]: Buffer.from('{"x":1}') }, n))
    }
  })

  const withProps = (props: Buffer, date?: string) =>
    ctxWith({ files: { [RESULTS_FILES.backendProperties]: props } }, p => {
      p.files[RESULTS_FILES.backendProperties] = digestOf({ x: props }, 'x') as string
      if (date !== undefined) p.calibration.last_update_date = date
    })

  it('fails when the calibration date differs from backend-properties.json', () => {
    const o = content(ctxWith({}, p => (p.calibration.last_update_date = '2020-01-01T00:00:00Z')))
    expect(findingOf(o)).toBe('results-mismatch:calibration last_update_date')
    if (o.status === 'fail')
      expect(o.mismatches?.[0]).toMatchObject({ expected: '2020-01-01T00:00:00Z' })
    // Unreadable or dateless properties have no date, which never equals a signed one.
    for (const props of ['not json', '{"last_update_date":5}', '{}', 'null'])
      expect(content(withProps(Buffer.from(props), 'd'))).toMatchObject({
        finding: 'results-mismatch',
        mismatches: [{ field: 'calibration last_update_date', expected: 'd', actual: null }]
      })
    expect(content(withProps(Buffer.from('{"last_update_date":"d"}'), 'd')).status).toBe('pass')
  })

  it('fails results-not-completed when the signed status is not Completed', () => {
    const o = content(ctxWith({}, p => (p.status = 'Failed')))
    expect(findingOf(o)).toBe('results-not-completed:status')
    if (o.status === 'fail')
      expect(o.mismatches?.[0]).toMatchObject({ expected: 'Completed', actual: 'Failed' })
  })
})
