import { describe, expect, it } from 'vitest'
import { fail, mismatch, notRun, pass, skip } from '../../src/verify/outcome.js'
import { findingText, mismatchText, skipText } from '../../src/verify/outcome-text.js'

describe('outcomes', () => {
  it('keep the typed data and render the sentence from it', () => {
    expect(pass('fine')).toStrictEqual({ status: 'pass', detail: 'fine' })
    expect(fail('file-missing', { subject: 'receipt.json' })).toStrictEqual({
      status: 'fail',
      finding: 'file-missing',
      detail: 'receipt.json is missing'
    })
    const m = mismatch('runtime.job_id', 'a', 'b')
    expect(
      fail('binding-differs', { mismatches: [m], code: 'VERIFY_FAILED', note: 'n' })
    ).toStrictEqual({
      status: 'fail',
      finding: 'binding-differs',
      mismatches: [m],
      code: 'VERIFY_FAILED',
      detail:
        'binding.json is not the signed predicate [VERIFY_FAILED]: runtime.job_id is "b", expected "a" (n)'
    })
    // Empty lists are left out rather than kept empty.
    expect(fail('tag-mismatch', { mismatches: [], changes: [] })).toStrictEqual({
      status: 'fail',
      finding: 'tag-mismatch',
      detail: 'a qprov tag disagrees with the signed binding'
    })
    expect(fail('workload-mismatch', { changes: [{ path: 'p', change: 'added' }] })).toMatchObject({
      changes: [{ path: 'p', change: 'added' }],
      detail: 'the workload files are not the signed manifest: added p'
    })
    expect(skip('offline')).toStrictEqual({
      status: 'skip',
      reason: 'offline',
      detail: 'offline (no --online)'
    })
    expect(notRun('binding-signature')).toStrictEqual({
      status: 'skip',
      reason: 'prerequisite-failed',
      prerequisite: 'binding-signature',
      detail: 'not run: binding-signature failed'
    })
  })

  it('turns compared values into text, absent values into null', () => {
    expect(mismatch('f', 7, undefined)).toStrictEqual({ field: 'f', expected: '7', actual: null })
    expect(mismatch('f', null, 0)).toStrictEqual({ field: 'f', expected: null, actual: '0' })
    expect(mismatchText(mismatch('f', null, 'x'))).toBe('f is "x", expected none')
  })

  it('words findings with and without a subject', () => {
    expect(findingText('signature-invalid', { subject: 'b.json' })).toBe('b.json did not verify')
    expect(findingText('signer-policy', { subject: 'b.json' })).toBe(
      'b.json: the signer does not satisfy the policy'
    )
    expect(findingText('signer-policy')).toBe('the signer does not satisfy the policy')
    expect(findingText('signer-policy', { note: '' })).toBe(
      'the signer does not satisfy the policy'
    )
    expect(skipText('no-workload')).toBe('no --workload given')
  })

  it('lists at most twenty changed files and counts the rest', () => {
    const changes = Array.from({ length: 23 }, (_, i) => ({
      path: `f${i}`,
      change: 'changed' as const
    }))
    const text = findingText('workload-mismatch', { changes })
    expect(text).toMatch(/changed f19, and 3 more$/)
    expect(text).not.toMatch(/f20/)
    expect(findingText('workload-mismatch', { changes: changes.slice(0, 20) })).toMatch(
      /changed f19$/
    )
  })
})
