import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { statementContent } from '../../src/verify/content-checks.js'
import { fail } from '../../src/verify/outcome.js'
import { exampleContext, exampleFiles, exampleSignatures, skippedFor } from './example-bundle.js'

type Statement = {
  _type: string
  subject: { name: string; digest: Record<string, string> }[]
  predicateType: string
  predicate: unknown
}
const workload = (): Statement =>
  JSON.parse(exampleFiles[PROOF_FILES.statement].toString('utf8')) as Statement
const binding = (): Statement =>
  JSON.parse((exampleSignatures().bind.payload as Buffer).toString('utf8')) as Statement

/** The context with this workload statement as the signed payload and as statement.json. */
function withWorkload(text: string, more: Parameters<typeof exampleContext>[0] = {}) {
  const payload = Buffer.from(text)
  return exampleContext({
    ...more,
    stmt: { payload, ...more.stmt },
    files: { [PROOF_FILES.statement]: payload, ...more.files }
  })
}
const withBindingPayload = (text: string) =>
  exampleContext({ bind: { payload: Buffer.from(text) } })
const outcome = (ctx: ReturnType<typeof exampleContext>) => {
  const o = statementContent(ctx)
  return o.status === 'fail' ? `${o.finding}: ${o.detail}` : o.status
}

describe('statement-content', () => {
  it('passes for the example', () => {
    expect(statementContent(exampleContext())).toEqual({
      status: 'pass',
      detail:
        'https://invariantsystems.io/predicates/aiir/commit_receipt/v2 over 2 file(s); https://qprov.dev/predicates/runtime-binding/v1'
    })
  })

  it('does not run unless both signatures verified', () => {
    const broken = { signature: fail('signature-invalid') }
    expect(skippedFor(statementContent(exampleContext({ stmt: broken })))).toBe(
      'prerequisite-failed:statement-signature'
    )
    expect(skippedFor(statementContent(exampleContext({ bind: broken })))).toBe(
      'prerequisite-failed:binding-signature'
    )
  })

  it('requires both payload types to be in-toto', () => {
    expect(statementContent(exampleContext({ stmt: { payloadType: 'text/plain' } }))).toMatchObject(
      {
        finding: 'payload-type',
        mismatches: [
          { field: 'payloadType', expected: 'application/vnd.in-toto+json', actual: 'text/plain' }
        ]
      }
    )
    expect(statementContent(exampleContext({ bind: { payloadType: 'text/plain' } }))).toMatchObject(
      {
        finding: 'payload-type',
        detail: expect.stringMatching(/^the binding statement: /),
        mismatches: [
          { field: 'payloadType', expected: 'application/vnd.in-toto+json', actual: 'text/plain' }
        ]
      }
    )
  })

  it('requires both payloads to be in-toto statements', () => {
    expect(outcome(withWorkload('[]'))).toBe(
      'statement-invalid: the workload statement is not an in-toto Statement v1'
    )
    expect(outcome(exampleContext({ stmt: { payload: undefined } }))).toMatch(
      /^statement-invalid: the workload statement/
    )
    expect(outcome(withBindingPayload('[]'))).toBe(
      'statement-invalid: the binding statement is not an in-toto Statement v1'
    )
    expect(outcome(exampleContext({ bind: { payload: undefined } }))).toMatch(
      /^statement-invalid: the binding statement/
    )
  })

  it('requires statement.json to be the signed payload', () => {
    expect(outcome(exampleContext({ without: [PROOF_FILES.statement] }))).toBe(
      'statement-file-differs: statement.json is not the signed DSSE payload'
    )
    const other = exampleContext({
      files: { [PROOF_FILES.statement]: Buffer.from(`${workload()._type}`) }
    })
    expect(outcome(other)).toMatch(/^statement-file-differs/)
  })

  it('requires a receipt predicate with its pinned AIIR type', () => {
    const s = workload()
    expect(outcome(withWorkload(JSON.stringify({ ...s, predicate: [] })))).toMatch(
      /^statement-invalid: the workload statement is not an in-toto Statement v1 \(its predicate is not a receipt\)/
    )
    expect(outcome(withWorkload(JSON.stringify({ ...s, predicate: null })))).toMatch(
      /^statement-invalid/
    )
    for (const predicate of ['a receipt', 7, true])
      expect(outcome(withWorkload(JSON.stringify({ ...s, predicate })))).toMatch(
        /^statement-invalid: .*\(its predicate is not a receipt\)/
      )
    const otherSchema = { ...s, predicate: { ...(s.predicate as object), schema: 'x/y.v9' } }
    expect(outcome(withWorkload(JSON.stringify(otherSchema)))).toMatch(
      /^predicate-type: the workload statement: the predicate type is not the pinned one \(/
    )
    const v1 = {
      ...s,
      predicateType: 'https://invariantsystems.io/predicates/aiir/commit_receipt/v1'
    }
    expect(statementContent(withWorkload(JSON.stringify(v1)))).toMatchObject({
      finding: 'predicate-type',
      mismatches: [
        {
          field: 'predicateType',
          expected: s.predicateType,
          actual: 'https://invariantsystems.io/predicates/aiir/commit_receipt/v1'
        }
      ]
    })
  })

  it('fails an invalid manifest', () => {
    const bad = exampleContext({ files: { [PROOF_FILES.manifest]: Buffer.from('{}') } })
    expect(outcome(bad)).toMatch(
      /^manifest-invalid: workload\.manifest\.json is not a valid manifest \(/
    )
  })

  it('requires exactly the subjects of the manifest files, the manifest and the commit', () => {
    const s = workload()
    expect(outcome(withWorkload(JSON.stringify({ ...s, subject: [...s.subject].reverse() })))).toBe(
      'subjects-differ: the workload statement: the subjects are not the expected ones (they must be the manifest files, the manifest and the commit)'
    )
    // The workload statement is rebuilt from its inputs: nothing else may be signed.
    expect(outcome(withWorkload(`${JSON.stringify(s).slice(0, -1)},"note":"x"}`))).toBe(
      'statement-not-rebuilt: the workload statement: the signed payload is not exactly the statement qprov builds from it'
    )
    const dup = JSON.stringify(s).replace('"_type":', '"_type":"x","_type":')
    expect(outcome(withWorkload(dup))).toMatch(
      /^statement-not-rebuilt: the workload statement: .*it$/
    )
    // A number no JSON value can carry cannot be rebuilt at all.
    const huge = JSON.stringify(s).replace('"predicate":{', '"predicate":{"big":1e400,')
    expect(outcome(withWorkload(huge))).toMatch(
      /^statement-not-rebuilt: the workload statement: .* \(receipt holds 1e400/
    )
  })

  it('fails a manifest the statement cannot be built from', () => {
    const manifest = `{"files":[{"path":"qprov.workload.manifest.json","sha256":"${'0'.repeat(64)}","size":1}],"version":"qprov.workload.manifest/v1"}`
    const ctx = exampleContext({ files: { [PROOF_FILES.manifest]: Buffer.from(manifest) } })
    expect(outcome(ctx)).toMatch(/^statement-not-rebuilt: the workload statement: .* \(/)
  })

  it('requires the binding statement type, subjects and exact bytes', () => {
    const b = binding()
    expect(
      statementContent(withBindingPayload(JSON.stringify({ ...b, predicateType: 'x' })))
    ).toMatchObject({
      finding: 'predicate-type',
      mismatches: [
        {
          field: 'predicateType',
          expected: 'https://qprov.dev/predicates/runtime-binding/v1',
          actual: 'x'
        }
      ]
    })
    expect(
      outcome(withBindingPayload(JSON.stringify({ ...b, subject: [b.subject[1], b.subject[0]] })))
    ).toBe(
      'subjects-differ: the binding statement: the subjects are not the expected ones (they must be this statement and this package)'
    )
    const invalid = exampleContext()
    invalid.signedBinding = undefined
    invalid.signedBindingError = 'broken'
    expect(outcome(invalid)).toBe(
      'binding-invalid: the signed binding: the binding is not a valid binding v1 (broken)'
    )
    const spaced = JSON.stringify(b, null, 1)
    expect(outcome(withBindingPayload(spaced))).toBe(
      'statement-not-rebuilt: the binding statement: the signed payload is not exactly the statement qprov builds from it'
    )
  })
})
