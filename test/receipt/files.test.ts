import {
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
  copyFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeSidecar } from '../../src/receipt/cbor-sidecar.js'
import { messageHash } from '../../src/receipt/commit-object.js'
import { sha256Hex } from '../../src/receipt/hashes.js'
import { loadReceipts, receiptsFromActionOutput } from '../../src/receipt/ingest.js'
import { parseJsonLiteral } from '../../src/receipt/json-literal.js'
import { verifyReceiptPath } from '../../src/receipt/verify-file.js'
import { receiptFileName, receiptFileText } from '../../src/receipt/writer.js'
import { describeShared, sharedPath } from '../helpers/shared.js'
import { decodeGitText } from '../../src/receipt/py-strip.js'

const V2 = 'vectors/aiir/receipts/unsigned-v2'

describeShared('real AIIR receipts and raw git inputs', () => {
  it('verifies the 3 real v2 receipts including their CBOR sidecars', async () => {
    const got = await verifyReceiptPath(sharedPath(V2))
    expect(got).toHaveLength(3)
    for (const v of got) {
      expect(v.valid).toBe(true)
      expect(v.cbor_sidecar).toBe('ok')
      expect(v.schema_errors).toEqual([])
    }
  })

  it('matches the reference verifier on all 10 real receipts (7 signed v1, 3 unsigned v2)', async () => {
    const refs = (
      JSON.parse(
        readFileSync(sharedPath('vectors/aiir/reference_verify_outputs.json'), 'utf8')
      ) as {
        results: { id: string; reference_errors: string[]; reference_schema_errors: string[] }[]
      }
    ).results
    const got = [
      ...(await verifyReceiptPath(sharedPath('vectors/aiir/receipts/signed-v1'))),
      ...(await verifyReceiptPath(sharedPath(V2)))
    ]
    expect(got).toHaveLength(10)
    let compared = 0
    for (const v of got) {
      expect(v.valid).toBe(true)
      const ref = refs.find(r => v.path.endsWith(r.id))
      if (!ref) continue
      compared++
      expect(v.errors).toEqual(ref.reference_errors)
      expect(v.schema_errors).toEqual(ref.reference_schema_errors)
    }
    expect(compared).toBe(5)
  })

  it('re-derives their file names and exact file bytes and sidecar bytes', () => {
    for (const name of [
      'receipt_cab48e179671_a25601c5e18c7009',
      'receipt_465ac8b33e96_a256735c70b6de58',
      'receipt_0136dd109a8f_a256b217c11cbb49'
    ]) {
      const bytes = readFileSync(sharedPath(`${V2}/${name}.json`), 'utf8')
      const r = parseJsonLiteral(bytes) as Record<string, unknown>
      expect(receiptFileName(r)).toBe(`${name}.json`)
      expect(receiptFileText(r)).toBe(bytes)
      expect(Buffer.from(encodeSidecar(r))).toEqual(readFileSync(sharedPath(`${V2}/${name}.cbor`)))
    }
  })

  it('reproduces message_hash and diff_hash from the raw git outputs', () => {
    const manifest = JSON.parse(
      readFileSync(sharedPath('vectors/aiir/derived-git-inputs/manifest.json'), 'utf8')
    ) as {
      items: {
        message_hash: string
        diff_hash: string
        git_log_format_B_file: string
        git_diff_file: string
      }[]
    }
    expect(manifest.items).toHaveLength(3)
    for (const it of manifest.items) {
      const raw = readFileSync(sharedPath(`vectors/aiir/${it.git_log_format_B_file}`))
      expect(messageHash(decodeGitText(raw))).toBe(it.message_hash)
      expect(
        `sha256:${sha256Hex(readFileSync(sharedPath(`vectors/aiir/${it.git_diff_file}`)))}`
      ).toBe(it.diff_hash)
    }
  })

  it('reproduces the CBOR bytes of the encoder interop vectors', () => {
    const doc = JSON.parse(
      readFileSync(
        sharedPath('vectors/aiir/schemas/test-vectors/encoder_interop_vectors.json'),
        'utf8'
      )
    ) as {
      vectors: { input_core: Record<string, unknown>; expected: { cbor_hex: string } }[]
    }
    for (const v of doc.vectors)
      expect(Buffer.from(encodeSidecar(v.input_core)).toString('hex')).toBe(v.expected.cbor_hex)
  })

  describe('with copies in a scratch directory', () => {
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'qprov-receipt-files-'))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('fails a receipt whose CBOR sidecar does not match its core', async () => {
      const name = 'receipt_cab48e179671_a25601c5e18c7009'
      copyFileSync(sharedPath(`${V2}/${name}.json`), join(dir, `${name}.json`))
      copyFileSync(
        sharedPath(`${V2}/receipt_465ac8b33e96_a256735c70b6de58.cbor`),
        join(dir, `${name}.cbor`)
      )
      const [v] = await verifyReceiptPath(join(dir, `${name}.json`))
      expect(v.valid).toBe(false)
      expect(v.errors).toEqual(['CBOR sidecar verification failed'])
      expect(v.expected_content_hash).toBeUndefined()
    })
  })
})

describe('receipt file verification and ingest', () => {
  let dir: string
  const receipt = (): Record<string, unknown> => ({
    type: 'aiir.commit_receipt',
    schema: 'aiir/commit_receipt.v2',
    version: '1.0.0'
  })
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qprov-receipt-ingest-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a missing file, a symlink, a file over 50 MB and non-JSON with input errors', async () => {
    await expect(verifyReceiptPath(join(dir, 'nope.json'))).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
      exitCode: 2,
      message: expect.stringContaining('File not found: ')
    })
    writeFileSync(join(dir, 'real.json'), '{}')
    symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'))
    await expect(verifyReceiptPath(join(dir, 'link.json'))).rejects.toMatchObject({
      code: 'INPUT_SYMLINK',
      message: expect.stringContaining('Receipt file is a symlink (refusing to verify): ')
    })
    writeFileSync(join(dir, 'big.json'), '')
    truncateSync(join(dir, 'big.json'), 52_428_801)
    await expect(verifyReceiptPath(join(dir, 'big.json'))).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      message: 'File too large (52428801 bytes, max 52428800)'
    })
    writeFileSync(join(dir, 'bad.json'), '{"a": ')
    await expect(verifyReceiptPath(join(dir, 'bad.json'))).rejects.toMatchObject({
      code: 'INPUT_NOT_JSON',
      message: expect.stringMatching(/^Invalid JSON: /)
    })
    writeFileSync(join(dir, 'latin1.json'), Buffer.from([0x22, 0xe9, 0x22]))
    await expect(verifyReceiptPath(join(dir, 'latin1.json'))).rejects.toMatchObject({
      code: 'INPUT_NOT_JSON'
    })
  })

  it('caps arrays at 1000 receipts', async () => {
    writeFileSync(join(dir, 'many.json'), JSON.stringify(Array.from({ length: 1001 }, receipt)))
    await expect(verifyReceiptPath(join(dir, 'many.json'))).rejects.toMatchObject({
      message: 'Receipt array too large (1001 items, max 1000)'
    })
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(Array.from({ length: 1000 }, receipt)))
    expect(await verifyReceiptPath(join(dir, 'ok.json'))).toHaveLength(1000)
  })

  it('reads .jsonl ledgers line by line and the receipts_json action output', async () => {
    writeFileSync(
      join(dir, 'receipts.jsonl'),
      `${JSON.stringify(receipt())}\n\n${JSON.stringify({ x: 1 })}\n`
    )
    const ledger = await loadReceipts(join(dir, 'receipts.jsonl'))
    expect(ledger.map(l => l.index)).toEqual([0, 1])
    const out = await receiptsFromActionOutput(JSON.stringify([receipt(), receipt()]))
    expect(out).toHaveLength(2)
    await expect(receiptsFromActionOutput('OVERFLOW')).rejects.toMatchObject({
      code: 'INPUT_INVALID'
    })
    const fallback = await receiptsFromActionOutput('OVERFLOW', join(dir, 'receipts.jsonl'))
    expect(fallback).toHaveLength(2)
  })

  it('does not let a core number written 1.0 or beyond 2^53 verify as an integer', () => {
    const doc = parseJsonLiteral(
      '{"a": 1.0, "b": 1e0, "c": 9007199254740993, "d": -0, "e": 12}'
    ) as Record<string, unknown>
    expect(typeof doc.a).toBe('object')
    expect(typeof doc.b).toBe('object')
    expect(typeof doc.c).toBe('object')
    expect(doc.d).toBe(-0)
    expect(doc.e).toBe(12)
  })

  it('keeps a "__proto__" key as plain data', () => {
    const doc = parseJsonLiteral('{"__proto__": {"polluted": true}}') as Record<string, unknown>
    expect(Object.keys(doc)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
