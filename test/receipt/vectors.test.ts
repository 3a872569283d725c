import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { parseJsonLiteral } from '../../src/receipt/json-literal.js'
import { canonicalJson } from '../../src/receipt/canonical-json.js'
import { coreHashes } from '../../src/receipt/hashes.js'
import { verifyReceipt } from '../../src/receipt/verify.js'
import { describeShared, sharedPath } from '../helpers/shared.js'

interface RefResult {
  id: string
  reference_valid: boolean
  reference_errors: string[]
  reference_schema_errors: string[] | null
}

const load = (rel: string): unknown => parseJsonLiteral(readFileSync(sharedPath(rel), 'utf8'))

describeShared('AIIR conformance vectors', () => {
  const refs = new Map<string, RefResult>()
  for (const r of (load('vectors/aiir/reference_verify_outputs.json') as { results: RefResult[] })
    .results)
    refs.set(r.id, r)

  const vectors = (
    load('vectors/aiir/schemas/test_vectors.json') as {
      vectors: { id: string; receipt: unknown; expected: { valid: boolean; errors: string[] } }[]
    }
  ).vectors

  it('has all 25 test vectors', () => expect(vectors).toHaveLength(25))

  for (const v of vectors) {
    it(`${v.id}: gives the expected validity and the reference's exact errors`, () => {
      const got = verifyReceipt(v.receipt)
      expect(got.valid).toBe(v.expected.valid)
      for (const e of v.expected.errors) expect(got.errors).toContain(e)
      const ref = refs.get(v.id)
      expect(ref).toBeDefined()
      expect(got.errors).toEqual(ref?.reference_errors)
      expect(got.schema_errors).toEqual(ref?.reference_schema_errors ?? [])
    })
  }

  const corpus = load('vectors/aiir/tests/adversarial/corpus.json') as {
    fixtures: { id: string; file: string }[]
  }
  it('has all 32 adversarial fixtures', () => expect(corpus.fixtures).toHaveLength(32))

  for (const f of corpus.fixtures) {
    it(`${f.id}: gives the expected validity and the reference's exact errors`, () => {
      const fx = load(`vectors/aiir/${f.file}`) as {
        receipt: unknown
        expected: { valid: boolean; must_reject: boolean; error_pattern: string | null }
      }
      const got = verifyReceipt(fx.receipt)
      expect(got.valid).toBe(fx.expected.valid)
      expect(got.valid).toBe(!fx.expected.must_reject)
      if (fx.expected.error_pattern)
        expect(got.errors.join('; ')).toContain(fx.expected.error_pattern)
      const ref = refs.get(f.id)
      expect(got.errors).toEqual(ref?.reference_errors)
      expect(got.schema_errors).toEqual(ref?.reference_schema_errors ?? [])
    })
  }

  it('never leaks the expected content_hash or receipt_id of a tampered receipt', () => {
    const all: unknown[] = [
      ...vectors.map(v => v.receipt),
      ...corpus.fixtures.map(f => (load(`vectors/aiir/${f.file}`) as { receipt: unknown }).receipt)
    ]
    let tampered = 0
    for (const r of all) {
      const got = verifyReceipt(r)
      if (got.valid || got.errors.some(e => !e.includes('mismatch'))) continue
      tampered++
      const rec = r as Record<string, unknown>
      const keys = ['type', 'schema', 'version', 'commit', 'ai_attestation', 'provenance']
      const core = Object.fromEntries(keys.filter(k => k in rec).map(k => [k, rec[k]]))
      const { contentHash, receiptId } = coreHashes(core)
      const out = JSON.stringify(got)
      // a value the receipt itself carries is its own data; only a value it lacks would be a leak
      const input = JSON.stringify(r)
      if (!input.includes(contentHash.slice(7))) expect(out).not.toContain(contentHash.slice(7))
      if (!input.includes(receiptId.slice(3))) expect(out).not.toContain(receiptId.slice(3))
      expect(got.expected_content_hash).toBeUndefined()
    }
    expect(tampered).toBeGreaterThan(15)
  })

  const interop = (
    load('vectors/aiir/schemas/test-vectors/encoder_interop_vectors.json') as {
      vectors: {
        id: string
        input_core: Record<string, unknown>
        expected: {
          canonical_json: string
          canonical_json_sha256: string
          content_hash: string
          receipt_id: string
        }
      }[]
    }
  ).vectors
  it('has the 8 encoder interop vectors', () => expect(interop).toHaveLength(8))
  for (const v of interop) {
    it(`${v.id}: reproduces canonical bytes, content_hash and receipt_id`, () => {
      expect(canonicalJson(v.input_core)).toBe(v.expected.canonical_json)
      const h = coreHashes(v.input_core)
      expect(h.contentHash).toBe(v.expected.content_hash)
      expect(h.contentHash).toBe(`sha256:${v.expected.canonical_json_sha256}`)
      expect(h.receiptId).toBe(v.expected.receipt_id)
    })
  }
})
