import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { digestOf } from '../../src/verify/bundle-context.js'
import { exampleBinding, exampleContext, exampleFiles } from './example-bundle.js'

describe('the bundle context', () => {
  it('parses both verified statements, the signed binding and the manifest once', () => {
    const ctx = exampleContext()
    expect(ctx.statement?.predicateType).toBe(
      'https://invariantsystems.io/predicates/aiir/commit_receipt/v2'
    )
    expect(ctx.bindingStatement?.predicateType).toBe(
      'https://qprov.dev/predicates/runtime-binding/v1'
    )
    expect(ctx.signedBinding).toEqual(exampleBinding())
    expect(ctx.signedBindingError).toBeUndefined()
    expect(ctx.manifest?.files.map(f => f.path)).toEqual([
      'bell/circuits/bell.qasm',
      'bell/qprov.job.json'
    ])
    expect(ctx.manifestError).toBeUndefined()
  })

  it('keeps each parse failure for the check that reports it', () => {
    const none = exampleContext({
      stmt: { payload: undefined },
      bind: { payload: undefined },
      without: [PROOF_FILES.manifest]
    })
    expect(none.statement).toBeUndefined()
    expect(none.bindingStatement).toBeUndefined()
    expect(none.signedBinding).toBeUndefined()
    expect(none.signedBindingError).toBeUndefined()
    expect(none.manifestError).toBe('workload.manifest.json is missing')
    const junk = exampleContext({
      stmt: { payload: Buffer.from('{') },
      files: { [PROOF_FILES.manifest]: Buffer.from('{}') }
    })
    expect(junk.statement).toBeUndefined()
    expect(junk.manifest).toBeUndefined()
    expect(junk.manifestError).toMatch(/manifest/)
    const statement = JSON.parse(exampleFiles[PROOF_FILES.statement].toString('utf8'))
    const notBinding = exampleContext({ bind: { payload: Buffer.from(JSON.stringify(statement)) } })
    expect(notBinding.bindingStatement).toBeDefined()
    expect(notBinding.signedBinding).toBeUndefined()
    expect(notBinding.signedBindingError).toMatch(/qprov schema id/)
  })

  it('hashes a file by its bytes, and names no digest for a missing one', () => {
    expect(digestOf(exampleFiles, PROOF_FILES.statement)).toBe(
      exampleBinding().provenance.aiir_statement
    )
    expect(digestOf({}, PROOF_FILES.statement)).toBeUndefined()
  })
})
