import { describe, expect, it } from 'vitest'
import { transparencyEntryOf } from '../../src/binding/bind.js'
import { QprovError } from '../../src/errors.js'
import { rekorEntryOf, rekorTagRefs, trustedLogURL } from '../../src/sigstore/rekor-entry.js'
import { publicGoodTrustedRoot } from '../../src/sigstore/trusted-root.js'

// log2025-1's key ID, as the embedded public-good trusted root lists it.
const LOG2025_1 = 'zxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A='
const hex = (b64: string) => Buffer.from(b64, 'base64').toString('hex')
const bundleWith = (entry: Record<string, unknown>) => ({
  verificationMaterial: { tlogEntries: [entry] }
})
const v2Entry = (over: Record<string, unknown> = {}) => ({
  logIndex: '123',
  logId: { keyId: LOG2025_1 },
  kindVersion: { kind: 'hashedrekord', version: '0.0.2' },
  inclusionProof: { logIndex: '123' },
  canonicalizedBody: Buffer.from('{}').toString('base64'),
  ...over
})
const code = (f: () => unknown): string | undefined => {
  try {
    f()
  } catch (e) {
    return (e as QprovError).code
  }
  return undefined
}

describe('the Rekor entry of a bundle', () => {
  it('names a v2 entry by its shard log ID and index, with no UUID', () => {
    const entry = rekorEntryOf(bundleWith(v2Entry()))
    expect(entry).toEqual({ apiVersion: 2, logIndex: '123', logId: hex(LOG2025_1) })
    expect(rekorTagRefs(entry)).toEqual({ rekorLogIndex: '123', rekorLogId: hex(LOG2025_1) })
  })

  it('reads intoto 0.0.2 and dsse 0.0.1 as v1 entries with a UUID', () => {
    for (const kindVersion of [
      { kind: 'intoto', version: '0.0.2' },
      { kind: 'dsse', version: '0.0.1' }
    ]) {
      const e = rekorEntryOf(bundleWith(v2Entry({ kindVersion })))
      expect(e?.apiVersion).toBe(1)
      expect(e && 'uuid' in e && e.uuid).toMatch(/^[0-9a-f]{64}$/)
    }
  })

  it('refuses a v2 entry whose index is not its inclusion proof’s, or without a 32-byte log ID', () => {
    expect(
      code(() => rekorEntryOf(bundleWith(v2Entry({ inclusionProof: { logIndex: '7' } }))))
    ).toBe('BUNDLE_INVALID')
    expect(code(() => rekorEntryOf(bundleWith(v2Entry({ logId: { keyId: 'AAAA' } }))))).toBe(
      'BUNDLE_INVALID'
    )
  })
})

describe('binding a v2 entry', () => {
  it('records the shard URL the trusted root lists under its log ID', () => {
    const entry = rekorEntryOf(bundleWith(v2Entry()))
    expect(transparencyEntryOf(entry, [publicGoodTrustedRoot()])).toEqual({
      log: 'rekor',
      api_version: 2,
      base_url: 'https://log2025-1.rekor.sigstore.dev',
      log_id: hex(LOG2025_1),
      log_index: 123
    })
    // Padding or not, the same key ID bytes name the same log.
    const root = publicGoodTrustedRoot() as { tlogs: { logId: { keyId: string } }[] }
    for (const t of root.tlogs) t.logId.keyId = t.logId.keyId.replace(/=+$/, '')
    expect(trustedLogURL([root], hex(LOG2025_1))).toBe('https://log2025-1.rekor.sigstore.dev')
  })

  it('refuses a shard no trusted root it knows lists', () => {
    const entry = rekorEntryOf(
      bundleWith(v2Entry({ logId: { keyId: Buffer.alloc(32, 9).toString('base64') } }))
    )
    expect(code(() => transparencyEntryOf(entry, [publicGoodTrustedRoot()]))).toBe(
      'TRUSTED_ROOT_INVALID'
    )
  })
})
