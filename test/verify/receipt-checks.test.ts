import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import {
  aiPolicyCheck,
  commitConsistency,
  receiptIntegrity
} from '../../src/verify/receipt-checks.js'
import { exampleContext, exampleFiles, findingOf, skippedFor } from './example-bundle.js'

const receipt = () =>
  JSON.parse(exampleFiles[PROOF_FILES.receipt].toString('utf8')) as Record<string, unknown>
const CERT_MISMATCH = 'commit-mismatch:the certificate source repository digest'
const SHA = (receipt().commit as { sha: string }).sha
const statement = () =>
  JSON.parse(exampleFiles[PROOF_FILES.statement].toString('utf8')) as {
    subject: { name: string; digest: Record<string, string> }[]
    predicate: Record<string, unknown>
  }
const withStatement = (s: unknown) =>
  exampleContext({ stmt: { payload: Buffer.from(JSON.stringify(s)) } })
const withClaims = (sourceRepositoryDigest?: string) =>
  exampleContext({
    stmt: {
      signer: { claims: sourceRepositoryDigest === undefined ? {} : { sourceRepositoryDigest } }
    }
  })

describe('receipt-integrity', () => {
  it('passes for the example, naming the receipt', () => {
    expect(receiptIntegrity(exampleContext())).toEqual({
      status: 'pass',
      detail: `receipt ${String(receipt().receipt_id)} verifies and equals the signed predicate`
    })
  })

  it('fails a missing receipt, one that is not JSON, and one that does not verify', () => {
    expect(receiptIntegrity(exampleContext({ without: [PROOF_FILES.receipt] }))).toMatchObject({
      finding: 'file-missing',
      detail: 'receipt.json is missing'
    })
    const notJson = receiptIntegrity(
      exampleContext({ files: { [PROOF_FILES.receipt]: Buffer.from('{') } })
    )
    expect(notJson).toMatchObject({ finding: 'receipt-invalid' })
    expect(notJson.detail).toMatch(/\(not JSON: /)
    const edited = { ...receipt(), receipt_id: 'g1-0' }
    const invalid = receiptIntegrity(
      exampleContext({ files: { [PROOF_FILES.receipt]: Buffer.from(JSON.stringify(edited)) } })
    )
    expect(invalid).toMatchObject({ finding: 'receipt-invalid' })
    expect(invalid.detail).toMatch(/^receipt\.json does not verify as an AIIR receipt \(.+\)$/)
    expect(invalid.detail).not.toMatch(/not JSON/)
  })

  it('does not run without a verified statement, and fails an unreadable one', () => {
    expect(skippedFor(receiptIntegrity(exampleContext({ stmt: { payload: undefined } })))).toBe(
      'prerequisite-failed:statement-signature'
    )
    const unreadable = receiptIntegrity(exampleContext({ stmt: { payload: Buffer.from('{') } }))
    expect(findingOf(unreadable)).toBe('statement-invalid')
    expect(unreadable.detail).toMatch(
      /^the workload statement is not an in-toto Statement v1 \(.+\)$/
    )
  })

  it('fails a valid receipt that is not the signed predicate', () => {
    const reformatted = Buffer.from(JSON.stringify(receipt(), null, 2))
    expect(
      findingOf(receiptIntegrity(exampleContext({ files: { [PROOF_FILES.receipt]: reformatted } })))
    ).toBe('receipt-differs')
  })
})

describe('commit-consistency', () => {
  it('passes for the example, where the issuer names no commit', () => {
    expect(commitConsistency(exampleContext())).toEqual({
      status: 'pass',
      detail: `commit ${SHA} in receipt, statement`
    })
  })

  it('does not run without a signed statement or a receipt predicate', () => {
    expect(skippedFor(commitConsistency(exampleContext({ stmt: { payload: undefined } })))).toBe(
      'prerequisite-failed:statement-signature'
    )
    expect(skippedFor(commitConsistency(withStatement({ ...statement(), predicate: [] })))).toBe(
      'prerequisite-failed:statement-content'
    )
  })

  it('fails a receipt without commit.sha', () => {
    const s = statement()
    const { commit: _gone, ...noCommit } = s.predicate
    expect(commitConsistency(withStatement({ ...s, predicate: noCommit }))).toEqual({
      status: 'fail',
      finding: 'commit-missing',
      detail: 'the signed receipt has no commit.sha'
    })
    expect(
      findingOf(
        commitConsistency(withStatement({ ...s, predicate: { ...s.predicate, commit: {} } }))
      )
    ).toBe('commit-missing')
  })

  it('requires exactly one gitCommit subject, the receipt commit', () => {
    const s = statement()
    const other = s.subject.map(x =>
      x.digest.gitCommit ? { ...x, digest: { gitCommit: 'f'.repeat(40) } } : x
    )
    expect(commitConsistency(withStatement({ ...s, subject: other }))).toMatchObject({
      finding: 'commit-mismatch',
      mismatches: [
        { field: 'the statement gitCommit subject', expected: SHA, actual: 'f'.repeat(40) }
      ]
    })
    const none = s.subject.filter(x => !x.digest.gitCommit)
    expect(commitConsistency(withStatement({ ...s, subject: none }))).toMatchObject({
      mismatches: [{ actual: null }]
    })
    const two = [...s.subject, s.subject.find(x => x.digest.gitCommit)!]
    expect(commitConsistency(withStatement({ ...s, subject: two }))).toMatchObject({
      mismatches: [{ actual: `${SHA}, ${SHA}` }]
    })
  })

  it('compares the certificate source digest when the issuer gives one that names a commit', () => {
    expect(commitConsistency(withClaims(SHA))).toEqual({
      status: 'pass',
      detail: `commit ${SHA} in receipt, statement and certificate`
    })
    expect(commitConsistency(withClaims('a'.repeat(40)))).toMatchObject({
      finding: 'commit-mismatch',
      mismatches: [
        { field: 'the certificate source repository digest', expected: SHA, actual: 'a'.repeat(40) }
      ]
    })
    for (const nullOid of ['0'.repeat(40), '0'.repeat(64)])
      expect(commitConsistency(withClaims(nullOid)).detail).toBe(
        `commit ${SHA} in receipt, statement`
      )
    expect(findingOf(commitConsistency(withClaims(`${'0'.repeat(40)}1`)))).toBe(CERT_MISMATCH)
    expect(findingOf(commitConsistency(withClaims(`1${'0'.repeat(40)}`)))).toBe(CERT_MISMATCH)
    expect(commitConsistency(withClaims(undefined)).status).toBe('pass')
    // Only the whole value is the null OID, in either hash length.
    expect(findingOf(commitConsistency(withClaims(`1${'0'.repeat(64)}`)))).toBe(CERT_MISMATCH)
    expect(findingOf(commitConsistency(withClaims(`${'0'.repeat(64)}1`)))).toBe(CERT_MISMATCH)
    // A signer without claims, or none at all, names no commit.
    expect(commitConsistency(exampleContext({ stmt: { signer: {} } })).status).toBe('pass')
    expect(commitConsistency(exampleContext({ stmt: { signer: undefined } })).status).toBe('pass')
  })
})

describe('the ai-policy finding kinds', () => {
  type Att = Record<string, unknown>
  const withAttestation = (edit: (a: Att) => void) => {
    const s = statement()
    const att = structuredClone(s.predicate.ai_attestation) as Att
    edit(att)
    return withStatement({ ...s, predicate: { ...s.predicate, ai_attestation: att } })
  }
  it('names AI involvement, undeclared involvement and an unreadable attestation apart', () => {
    expect(findingOf(aiPolicyCheck(exampleContext(), 'no-ai'))).toBe('ai-involved')
    expect(aiPolicyCheck(exampleContext(), 'declared-only').status).toBe('pass')
    const undeclared = withAttestation(a => {
      a.signals_detected = ['message_match:generated by ai']
      a.signal_count = 1
    })
    expect(findingOf(aiPolicyCheck(undeclared, 'declared-only'))).toBe('ai-undeclared')
    const unreadable = withAttestation(a => (a.authorship_class = 'no-such-class'))
    expect(findingOf(aiPolicyCheck(unreadable, 'no-ai'))).toBe('ai-attestation-invalid')
  })
})
