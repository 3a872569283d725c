import { describe, expect, it, vi } from 'vitest'

// Every preparation of trust material, counted through the real function.
const prepared = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../src/sigstore/verify-bundle.js', async original => {
  const real = await original<typeof import('../../src/sigstore/verify-bundle.js')>()
  return {
    ...real,
    prepareTrustMaterial: (root?: Buffer | string) => {
      prepared.count++
      return real.prepareTrustMaterial(root)
    }
  }
})

const { filesVerifier } = await import('../../src/verify/index.js')
const { EXAMPLE, exampleFiles, examplePolicy, exampleRoot } = await import('./example-bundle.js')

const bundle = { path: EXAMPLE, form: 'directory' as const, files: exampleFiles }

describe('filesVerifier (a verifier per job in qprov audit)', () => {
  it('prepares the trust material of one root text once, and verifies alike with it', async () => {
    const before = prepared.count
    const first = filesVerifier({ trustedRoot: exampleRoot, policy: examplePolicy })
    const second = filesVerifier({ trustedRoot: exampleRoot, policy: examplePolicy })
    expect(prepared.count - before).toBe(1)
    const [a, b] = [await first.verify(bundle), await second.verify(bundle)]
    expect(a.ok).toBe(true)
    expect(b).toEqual(a)
  })

  it('prepares another text of the root again, and never keeps a root that failed', () => {
    const before = prepared.count
    const respaced = JSON.stringify(JSON.parse(exampleRoot), null, 1)
    filesVerifier({ trustedRoot: respaced, policy: examplePolicy })
    filesVerifier({ trustedRoot: respaced, policy: examplePolicy })
    expect(prepared.count - before).toBe(1)
    for (let i = 0; i < 2; i++)
      expect(() => filesVerifier({ trustedRoot: '{"mediaType":', policy: examplePolicy })).toThrow()
    expect(prepared.count - before).toBe(3)
  })

  it('fails a bundle under a root that does not hold its signers, prepared once too', async () => {
    const other = JSON.parse(exampleRoot) as { certificateAuthorities: unknown[] }
    other.certificateAuthorities = []
    const text = JSON.stringify(other)
    const before = prepared.count
    const verdicts = await Promise.all(
      [1, 2].map(() => filesVerifier({ trustedRoot: text, policy: examplePolicy }).verify(bundle))
    )
    expect(prepared.count - before).toBe(1)
    expect(verdicts.map(v => v.ok)).toEqual([false, false])
  })
})
