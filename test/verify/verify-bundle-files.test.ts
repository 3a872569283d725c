import { readFileSync } from 'node:fs'
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { fail, pass, skip } from '../../src/verify/outcome.js'
import {
  allowed,
  decide,
  factsOf,
  failedVerdict,
  signerIdentity,
  verifyBundleFiles
} from '../../src/verify/verify-bundle-files.js'
import {
  CHECK_NAMES,
  type BundleVerdict,
  type CheckName,
  type CheckResult,
  type Outcome
} from '../../src/verify/verdict.js'
import {
  exampleBinding,
  exampleContext,
  exampleFiles,
  exampleOpts,
  examplePolicy,
  exampleSignatures,
  exampleTrust,
  findingOf,
  skippedFor
} from './example-bundle.js'
import { describeShared, sharedPath } from '../helpers/shared.js'

const named = (name: CheckName, o: Outcome): CheckResult => ({ name, ...o })
const verdictOf = (checks: CheckResult[]): BundleVerdict => ({
  ok: true,
  bundle: 'x',
  jobId: null,
  checks,
  facts: {}
})
/** Every check passing, with the two skips a verified offline verdict has. */
const good = (): CheckResult[] =>
  CHECK_NAMES.map(name =>
    name === 'workload-files'
      ? named(name, skip('no-workload'))
      : name === 'online-runtime'
        ? named(name, skip('offline'))
        : named(name, pass(''))
  )

describe('decide', () => {
  it('is ok for every check passed or skipped as its rule allows', () => {
    expect(decide(verdictOf(good())).ok).toBe(true)
    expect(decide(verdictOf(CHECK_NAMES.map(n => named(n, pass('')))))).toMatchObject({ ok: true })
  })

  it('is not ok with any fail, any other skip, a missing, extra or reordered check', () => {
    for (const [i, name] of CHECK_NAMES.entries()) {
      const failing = good()
      failing[i] = named(name, fail('verification-error'))
      expect(decide(verdictOf(failing)).ok, `${name} failed`).toBe(false)
      const skipped = good()
      skipped[i] = named(name, skip('prerequisite-failed', 'statement-signature'))
      expect(decide(verdictOf(skipped)).ok, `${name} skipped`).toBe(false)
    }
    expect(decide(verdictOf([])).ok).toBe(false)
    expect(decide(verdictOf(good().slice(1))).ok).toBe(false)
    expect(decide(verdictOf([...good(), good()[0]])).ok).toBe(false)
    const swapped = good()
    ;[swapped[0], swapped[1]] = [swapped[1], swapped[0]]
    expect(decide(verdictOf(swapped)).ok).toBe(false)
    const renamed = good()
    renamed[2] = { ...renamed[2], name: 'statement-signature' }
    expect(decide(verdictOf(renamed)).ok).toBe(false)
  })

  it('allows a skip only for a reason the check lists', () => {
    expect(allowed(named('workload-files', skip('no-workload')))).toBe(true)
    expect(allowed(named('workload-files', skip('offline')))).toBe(false)
    expect(allowed(named('online-runtime', skip('offline')))).toBe(true)
    expect(allowed(named('online-runtime', skip('no-workload')))).toBe(false)
    expect(allowed(named('ai-policy', skip('offline')))).toBe(false)
    expect(allowed(named('ai-policy', pass('')))).toBe(true)
    expect(allowed(named('ai-policy', fail('ai-involved')))).toBe(false)
  })

  it('fails every check of a bundle that could not be verified at all', () => {
    const v = failedVerdict('b', 'worker-lost', { note: 'gone' })
    expect(v).toMatchObject({ ok: false, bundle: 'b', jobId: null, facts: {} })
    expect(v.checks.map(c => c.name)).toEqual(CHECK_NAMES)
    expect(new Set(v.checks.map(c => findingOf(c)))).toEqual(new Set(['worker-lost']))
  })
})

describe('signer-identity', () => {
  it('passes when both signers satisfy the policy and are the same', () => {
    expect(signerIdentity(exampleContext())).toEqual({
      status: 'pass',
      detail: `${examplePolicy.identity} (${examplePolicy.issuer}) signed both statements`
    })
  })

  it('reports the first policy failure, the statement bundle first', () => {
    const stmtFails = fail('signer-policy', { subject: 'statement.sigstore.json' })
    const bindFails = fail('signer-policy', { subject: 'binding.sigstore.json' })
    expect(
      signerIdentity(
        exampleContext({ stmt: { identity: stmtFails }, bind: { identity: bindFails } })
      )
    ).toBe(stmtFails)
    expect(signerIdentity(exampleContext({ bind: { identity: bindFails } }))).toBe(bindFails)
  })

  it('does not run when a signature did not verify', () => {
    expect(skippedFor(signerIdentity(exampleContext({ stmt: { identity: undefined } })))).toBe(
      'prerequisite-failed:statement-signature'
    )
    expect(skippedFor(signerIdentity(exampleContext({ bind: { identity: undefined } })))).toBe(
      'prerequisite-failed:binding-signature'
    )
  })

  it('fails two statements with different signers, naming what differs', () => {
    const other = structuredClone(exampleSignatures().stmt.json)
    // The binding bundle's certificate, read as the statement's: same signer, so pass ...
    expect(
      signerIdentity(exampleContext({ stmt: { json: exampleSignatures().bind.json } })).status
    ).toBe('pass')
    // ... and a bundle without a certificate cannot be read.
    delete (other as { verificationMaterial: { certificate?: unknown } }).verificationMaterial
      .certificate
    expect(findingOf(signerIdentity(exampleContext({ stmt: { json: other } })))).toBe(
      'certificate-unreadable'
    )
    expect(findingOf(signerIdentity(exampleContext({ bind: { json: other } })))).toBe(
      'certificate-unreadable'
    )
    expect(signerIdentity(exampleContext({ bind: { json: other } })).detail).toContain(
      '(the statement bundle carries no signing certificate)'
    )
  })
})

describe('verifyBundleFiles', () => {
  const mem = (files = exampleFiles) => ({ path: 'memory', form: 'directory' as const, files })

  it('verifies the example and reports its facts', () => {
    const v = verifyBundleFiles(mem(), exampleOpts, exampleTrust)
    const b = exampleBinding()
    expect(v.ok).toBe(true)
    expect(v.jobId).toBe(b.runtime.job_id)
    expect(v.facts).toMatchObject({
      jobId: b.runtime.job_id,
      backend: b.runtime.backend,
      program: b.runtime.program,
      receiptId: b.provenance.receipt.receipt_id,
      commit: b.provenance.receipt.commit,
      packageDigest: b.provenance.workload_package,
      statementDigest: b.provenance.aiir_statement,
      signerIdentity: examplePolicy.identity,
      signerIssuer: examplePolicy.issuer,
      rekor: {
        logIndex: String(b.provenance.transparency_entry!.log_index),
        uuid: (b.provenance.transparency_entry as { uuid: string }).uuid
      }
    })
    expect(v.facts.sessionId).toBeUndefined()
    expect(v.facts.bindingDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('fails every check of an unreadable bundle', () => {
    const v = verifyBundleFiles({ ...mem({}), error: 'boom' }, exampleOpts, exampleTrust)
    expect(v.ok).toBe(false)
    expect(v.checks.every(c => findingOf(c) === 'bundle-unreadable')).toBe(true)
    expect(v.checks[0].detail).toBe('the proof bundle could not be read (boom)')
  })

  it('turns an exception anywhere into failed checks, never a pass', () => {
    const throwing = {
      ...exampleOpts,
      get aiPolicy(): never {
        throw new Error('kaput')
      }
    }
    const v = verifyBundleFiles(mem(), throwing as typeof exampleOpts, exampleTrust)
    expect(v.ok).toBe(false)
    expect(v.checks.map(c => c.name)).toEqual(CHECK_NAMES)
    expect(v.checks.every(c => findingOf(c) === 'verification-error')).toBe(true)
    expect(v.checks[0].detail).toBe('verification stopped on an unexpected error (kaput)')
  })

  it('reports no facts from a binding whose signature failed', () => {
    const broken = { ...exampleFiles, [PROOF_FILES.bindingBundle]: Buffer.from('{}') }
    const v = verifyBundleFiles(mem(broken), exampleOpts, exampleTrust)
    expect(v.jobId).toBeNull()
    expect(v.facts.jobId).toBeUndefined()
    expect(v.facts.statementDigest).toBe(exampleBinding().provenance.aiir_statement)
  })
})

describeShared(
  'signer-identity against another signer',
  () => {
    it('fails two statements with different signers, naming identity and issuer', () => {
      const other = JSON.parse(
        readFileSync(
          sharedPath(
            'vectors/sigstore-conformance/bundle-verify/happy-path-intoto-in-dsse-v3/bundle.sigstore.json'
          ),
          'utf8'
        )
      ) as unknown
      const v = signerIdentity(exampleContext({ bind: { json: other } }))
      expect(v).toMatchObject({ status: 'fail', finding: 'signers-differ' })
      expect(v.status === 'fail' && v.mismatches?.map(m => [m.field, m.expected])).toEqual([
        ['binding signer identity', examplePolicy.identity],
        ['binding signer issuer', examplePolicy.issuer]
      ])
    })
  },
  ['sigstore-conformance']
)

describe('signer-identity across two certificates', () => {
  /** The statement bundle with its certificate's SAN or issuer bytes replaced (same length). */
  const withCertificate = (from: string, to: string): unknown => {
    const json = structuredClone(exampleSignatures().stmt.json) as {
      verificationMaterial: { certificate: { rawBytes: string } }
    }
    const der = Buffer.from(json.verificationMaterial.certificate.rawBytes, 'base64')
    expect(der.indexOf(from)).toBeGreaterThan(0)
    for (let at = der.indexOf(from); at >= 0; at = der.indexOf(from, at + 1)) der.write(to, at)
    json.verificationMaterial.certificate.rawBytes = der.toString('base64')
    return json
  }

  it('fails two statements with different signers, naming what differs', () => {
    const otherSan = withCertificate('qprov-sandbox', 'qprov-sandbax')
    expect(signerIdentity(exampleContext({ bind: { json: otherSan } }))).toEqual({
      status: 'fail',
      finding: 'signers-differ',
      mismatches: [
        {
          field: 'binding signer identity',
          expected: examplePolicy.identity,
          actual: examplePolicy.identity.replace('qprov-sandbox', 'qprov-sandbax')
        }
      ],
      detail: expect.stringMatching(
        /^the two statements have different signers: binding signer identity is /
      )
    })
    const otherIssuer = withCertificate('127.0.0.1', '127.0.0.2')
    expect(signerIdentity(exampleContext({ bind: { json: otherIssuer } }))).toMatchObject({
      finding: 'signers-differ',
      mismatches: [{ field: 'binding signer issuer', expected: examplePolicy.issuer }]
    })
  })
})

describe('verdict facts', () => {
  it('come from the signed binding only, and say what it leaves out', () => {
    const ctx = exampleContext()
    ctx.signedBinding = {
      ...exampleBinding(),
      runtime: { ...exampleBinding().runtime, session_id: 's1', backend: null, program: null },
      provenance: { ...exampleBinding().provenance, transparency_entry: null }
    }
    const facts = factsOf(ctx)
    expect(facts.sessionId).toBe('s1')
    expect('backend' in facts || 'program' in facts).toBe(false)
    expect(facts.rekor).toBeNull()
    expect(
      factsOf(exampleContext({ bind: { signature: fail('signature-invalid') } }))
    ).toStrictEqual({
      statementDigest: exampleBinding().provenance.aiir_statement,
      signerIdentity: examplePolicy.identity,
      signerIssuer: examplePolicy.issuer
    })
    const unsigned = exampleContext({ stmt: { payload: undefined, signer: undefined } })
    unsigned.signedBinding = undefined
    expect(factsOf(unsigned)).toStrictEqual({})
    expect(factsOf(exampleContext({ stmt: { signer: {} } })).signerIdentity).toBeUndefined()
  })
})

describe('a verdict read back from a worker', () => {
  it('is not ok with a failed check that carries an allowed skip reason', () => {
    const checks = good()
    checks[11] = { name: 'online-runtime', status: 'fail', reason: 'offline', detail: '' } as never
    expect(allowed(checks[11])).toBe(false)
    expect(decide(verdictOf(checks)).ok).toBe(false)
  })
})

describe('verifyBundleFiles, per signature', () => {
  const mem = (files: typeof exampleFiles) => ({
    path: 'memory',
    form: 'directory' as const,
    files
  })
  const status = (v: BundleVerdict, name: CheckName) => v.checks.find(c => c.name === name)?.status

  it('verifies each signature even without the file its subject names', () => {
    const { [PROOF_FILES.manifest]: _m, ...noManifest } = exampleFiles
    const v = verifyBundleFiles(mem(noManifest), exampleOpts, exampleTrust)
    expect(v.bundle).toBe('memory')
    expect(status(v, 'statement-signature')).toBe('pass')
    expect(status(v, 'statement-content')).toBe('fail')
    const { [PROOF_FILES.statement]: _s, ...noStatement } = exampleFiles
    const w = verifyBundleFiles(mem(noStatement), exampleOpts, exampleTrust)
    expect(status(w, 'binding-signature')).toBe('pass')
    expect(status(w, 'statement-content')).toBe('fail')
  })

  it('compares the binding evidence only with a statement bundle that verified', () => {
    const stmt = JSON.parse(exampleFiles[PROOF_FILES.statementBundle].toString('utf8'))
    delete stmt.verificationMaterial.tlogEntries[0].inclusionPromise
    const files = {
      ...exampleFiles,
      [PROOF_FILES.statementBundle]: Buffer.from(
        `${JSON.stringify(bundleToJSON(bundleFromJSON(stmt)))}\n`
      )
    }
    const v = verifyBundleFiles(mem(files), exampleOpts, exampleTrust)
    expect(findingOf(v.checks[0])).toBe('unsigned-field:tlogEntries[0].inclusionPromise')
    expect(status(v, 'binding-signature')).toBe('pass')
  })
})
