import { describe, expect, it } from 'vitest'
import { decide } from '../../src/verify/verify-bundle-files.js'
import { CHECK_NAMES, type BundleVerdict } from '../../src/verify/verdict.js'

// Adversarial review of the verifier: each case here was a fail-open path before its fix.

describe('decide', () => {
  const verdict = (checks: BundleVerdict['checks']): BundleVerdict => ({
    ok: true,
    bundle: 'x',
    jobId: null,
    checks,
    facts: {}
  })
  const allPass = () => CHECK_NAMES.map(name => ({ name, status: 'pass' as const, detail: 'fine' }))

  it('is not ok without checks', () => {
    expect(decide(verdict([])).ok).toBe(false)
  })

  it('is not ok when a required check is absent, or listed twice', () => {
    expect(decide(verdict(allPass().filter(c => c.name !== 'binding-signature'))).ok).toBe(false)
    const twice = allPass()
    twice.push({ ...twice[0] })
    expect(decide(verdict(twice)).ok).toBe(false)
    expect(decide(verdict(allPass())).ok).toBe(true)
  })
})
