import { describe, expect, it } from 'vitest'
import {
  parseTrustedRoots,
  publicGoodTrustedRoot,
  trustMaterialFrom,
  validateTrustedRoot
} from '../../src/sigstore/trusted-root.js'

type Root = Record<string, unknown> & {
  certificateAuthorities: { validFor: Record<string, unknown> }[]
  timestampAuthorities: { validFor: Record<string, unknown> }[]
  tlogs: { publicKey: { validFor: Record<string, unknown> } }[]
  ctlogs: { publicKey: { validFor: Record<string, unknown> } }[]
}
const root = (): Root => publicGoodTrustedRoot() as Root

describe('trusted root validation', () => {
  it('accepts the embedded public-good root', () => {
    expect(() => validateTrustedRoot(root())).not.toThrow()
    const m = trustMaterialFrom([root()])
    expect(m.tlogs.length).toBeGreaterThanOrEqual(2)
    expect(m.certificateAuthorities.length).toBeGreaterThanOrEqual(2)
  })

  it.each([
    ['a certificate authority', (r: Root) => delete r.certificateAuthorities[1].validFor.start],
    ['a timestamp authority', (r: Root) => delete r.timestampAuthorities[0].validFor.start],
    ['a transparency log', (r: Root) => delete r.tlogs[1].publicKey.validFor.start],
    ['a CT log', (r: Root) => delete r.ctlogs[0].publicKey.validFor.start]
  ])('rejects %s without validFor.start', (_what, mutate) => {
    const r = root()
    mutate(r)
    expect(() => trustMaterialFrom([r])).toThrow(/validFor\.start/)
  })

  it('rejects a null or unparseable start, and an end before the start', () => {
    const a = root()
    a.tlogs[0].publicKey.validFor.start = null
    expect(() => validateTrustedRoot(a)).toThrow(/validFor\.start/)
    const b = root()
    b.tlogs[0].publicKey.validFor.start = 'yesterday'
    expect(() => validateTrustedRoot(b)).toThrow(/validFor\.start/)
    const c = root()
    c.ctlogs[0].publicKey.validFor.end = '2000-01-01T00:00:00Z'
    expect(() => validateTrustedRoot(c)).toThrow(/before its start/)
  })

  it('accepts an explicit null end (open-ended validity)', () => {
    const r = root()
    r.tlogs[1].publicKey.validFor.end = null
    expect(() => validateTrustedRoot(r)).not.toThrow()
  })

  it('rejects an unknown media type and non-objects', () => {
    expect(() => validateTrustedRoot({ ...root(), mediaType: 'application/json' })).toThrow(
      /mediaType/
    )
    expect(() => validateTrustedRoot([])).toThrow(/object/)
    expect(() => validateTrustedRoot(null)).toThrow(/object/)
    expect(() => validateTrustedRoot({ ...root(), tlogs: {} })).toThrow(/array/)
  })

  it('carries the TRUSTED_ROOT_INVALID code', () => {
    expect(() => validateTrustedRoot({})).toThrow(
      expect.objectContaining({ code: 'TRUSTED_ROOT_INVALID' })
    )
  })
})

describe('trusted root files', () => {
  it('reads a single root, pretty-printed', () => {
    expect(parseTrustedRoots(JSON.stringify(root(), null, 2))).toHaveLength(1)
  })

  it('reads JSON lines with several roots and merges their authorities', () => {
    const text = `${JSON.stringify(root())}\n\n${JSON.stringify(root())}\n`
    const roots = parseTrustedRoots(text)
    expect(roots).toHaveLength(2)
    expect(trustMaterialFrom(roots).tlogs).toHaveLength(
      2 * trustMaterialFrom([root()]).tlogs.length
    )
  })

  it('rejects an empty file and a bad line', () => {
    expect(() => parseTrustedRoots('  \n')).toThrow(/empty/)
    expect(() => parseTrustedRoots(`${JSON.stringify(root())}\n{oops`)).toThrow(/line 2/)
  })

  it('rejects the whole set when any one root is invalid', () => {
    const bad = root()
    delete bad.tlogs[0].publicKey.validFor.start
    expect(() => trustMaterialFrom([root(), bad])).toThrow(/trusted root #2/)
  })
})
