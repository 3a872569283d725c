import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { verifyBundle, type VerifyBundleInput } from '../../src/sigstore/verify-bundle.js'
import { runCli } from '../helpers/cli.js'
import { describeShared } from '../helpers/shared.js'
import { conformanceArgs, conformanceCases, type ConformanceCase } from './conformance-cases.js'

function inputFor(c: ConformanceCase, form: 'path' | 'digest'): VerifyBundleInput {
  return {
    bundle: readFileSync(c.bundlePath),
    trustedRoot: c.trustedRootPath ? readFileSync(c.trustedRootPath) : undefined,
    artifact:
      form === 'path' ? { bytes: readFileSync(c.artifactPath) } : { digest: c.artifactDigest },
    policy: c.keyPath
      ? { kind: 'key', publicKeyPem: readFileSync(c.keyPath, 'utf8') }
      : { kind: 'identity', identity: c.identity, issuer: c.issuer }
  }
}

describeShared(
  'sigstore-conformance bundle-verify cases (offline)',
  () => {
    const cases = conformanceCases()

    it('finds all 70 cases', () => {
      expect(cases).toHaveLength(70)
    })

    for (const form of ['path', 'digest'] as const)
      it.each(cases.map(c => [c.name, c] as const))(
        `%s with the artifact as a ${form}`,
        (_n, c) => {
          const r = verifyBundle(inputFor(c, form))
          expect(r.verified, `${c.name}: ${r.code} ${r.error}`).toBe(c.expectPass)
          if (!c.expectPass) expect(r.code).toMatch(/^[A-Z_]+$/)
        }
      )

    it('rejects the root whose tlog lacks validFor.start, which sigstore-js alone accepts', () => {
      const c = cases.find(x => x.name === 'trust-root-tlog-missing-validity-start_fail')!
      const r = verifyBundle(inputFor(c, 'path'))
      expect(r.verified).toBe(false)
      expect(r.code).toBe('TRUSTED_ROOT_INVALID')
      expect(r.error).toMatch(/validFor\.start/)
    })

    const viaCli = [
      'happy-path-v0.3',
      'happy-path-intoto-in-dsse-v3',
      'managed-key-happy-path',
      'bundle-malformed-json_fail',
      'trust-root-tlog-missing-validity-start_fail'
    ]
    it.each(viaCli)('the CLI exits with the expected code for %s (path and digest)', async name => {
      const c = cases.find(x => x.name === name)!
      const [byPath, byDigest] = await Promise.all([
        runCli(conformanceArgs(c, 'path')),
        runCli(conformanceArgs(c, 'digest'))
      ])
      expect(byPath.code, `${name} path: ${byPath.stderr}`).toBe(c.expectPass ? 0 : 1)
      expect(byDigest.code, `${name} digest: ${byDigest.stderr}`).toBe(c.expectPass ? 0 : 1)
    })
  },
  ['sigstore-conformance']
)
