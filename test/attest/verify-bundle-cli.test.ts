import { expect, it } from 'vitest'
import { runInProcess } from '../helpers/in-process.js'
import { describeShared } from '../helpers/shared.js'
import { CONFORMANCE_DIR, DEFAULT_IDENTITY, DEFAULT_ISSUER } from '../sigstore/conformance-cases.js'

const dsse = `${CONFORMANCE_DIR}happy-path-intoto-in-dsse-v3/bundle.sigstore.json`
const artifact = `${CONFORMANCE_DIR}a.txt`

describeShared(
  'qprov verify-bundle contract',
  () => {
    it('prints a JSON report with the decoded claims and the statement digest', async () => {
      const r = await runInProcess([
        'verify-bundle',
        '--json',
        '--bundle',
        dsse,
        '--certificate-identity',
        DEFAULT_IDENTITY,
        '--certificate-oidc-issuer',
        DEFAULT_ISSUER,
        '--deny-self-hosted',
        '--predicate-type',
        'https://slsa.dev/provenance/v1',
        artifact
      ])
      expect(r.code, r.stderr).toBe(0)
      const report = JSON.parse(r.stdout)
      expect(report).toMatchObject({
        verified: true,
        content: 'dsse',
        signer: { identity: DEFAULT_IDENTITY, issuer: DEFAULT_ISSUER },
        statement: { predicateType: 'https://slsa.dev/provenance/v1' }
      })
      expect(report.statementDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    })

    it('exits 1 with the failing check for a regexp that only matches a prefix', async () => {
      const r = await runInProcess([
        'verify-bundle',
        '--json',
        '--bundle',
        dsse,
        '--certificate-identity-regexp',
        'https://github\\.com/sigstore-conformance/',
        '--certificate-oidc-issuer',
        DEFAULT_ISSUER,
        artifact
      ])
      expect(r.code).toBe(1)
      expect(JSON.parse(r.stdout)).toMatchObject({
        verified: false,
        code: 'UNTRUSTED_SIGNER_ERROR'
      })
    })

    it('exits 2 for contradictory or incomplete signer options', async () => {
      const both = await runInProcess([
        'verify-bundle',
        '--bundle',
        dsse,
        '--key',
        artifact,
        '--certificate-identity',
        'x',
        artifact
      ])
      const neither = await runInProcess([
        'verify-bundle',
        '--bundle',
        dsse,
        '--certificate-identity',
        'x',
        artifact
      ])
      expect(both.code).toBe(2)
      expect(both.stderr).toMatch(/\[USAGE\]/)
      expect(neither.code).toBe(2)
      expect(neither.stderr).toMatch(/oidc-issuer/)
    })
  },
  ['sigstore-conformance']
)
