import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encode } from 'cbor2'
import { sortLengthFirstDeterministic } from 'cbor2/sorts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeSidecar, sidecarEnvelope, sidecarMatches } from '../../src/receipt/cbor-sidecar.js'
import { loadReceipts } from '../../src/receipt/ingest.js'
import { verifyReceiptPath } from '../../src/receipt/verify-file.js'

const receipt = (): Record<string, unknown> => ({
  type: 'aiir.commit_receipt',
  schema: 'aiir/commit_receipt.v2',
  version: '1.0.0',
  commit: { sha: 'a'.repeat(40), subject: 's' },
  ai_attestation: { authorship_class: 'human' },
  provenance: { generator: 'test' }
})

const canonical = (v: unknown): Uint8Array => encode(v, { sortKeys: sortLengthFirstDeterministic })

describe('receipt input edge cases', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qprov-receipt-edges-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses an empty array, a blank ledger and a directory whose ledger is blank', async () => {
    writeFileSync(join(dir, 'empty.json'), '[]')
    await expect(verifyReceiptPath(join(dir, 'empty.json'))).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      exitCode: 2,
      message: `No receipts found in ${join(dir, 'empty.json')}`
    })
    writeFileSync(join(dir, 'blank.jsonl'), '\n  \n')
    await expect(verifyReceiptPath(join(dir, 'blank.jsonl'))).rejects.toMatchObject({
      code: 'INPUT_INVALID'
    })
    mkdirSync(join(dir, 'ledgerdir', '.aiir'), { recursive: true })
    writeFileSync(join(dir, 'ledgerdir', '.aiir', 'receipts.jsonl'), '')
    await expect(verifyReceiptPath(join(dir, 'ledgerdir'))).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('ledgerdir')
    })
  })

  it('refuses a file or ledger line that starts with a UTF-8 BOM as Invalid JSON', async () => {
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify(receipt())}`)
    await expect(verifyReceiptPath(join(dir, 'bom.json'))).rejects.toMatchObject({
      code: 'INPUT_NOT_JSON',
      exitCode: 2,
      message: expect.stringMatching(/^Invalid JSON: .*bom\.json: Unexpected UTF-8 BOM/)
    })
    writeFileSync(join(dir, 'bom.jsonl'), `\uFEFF${JSON.stringify(receipt())}\n`)
    await expect(verifyReceiptPath(join(dir, 'bom.jsonl'))).rejects.toMatchObject({
      code: 'INPUT_NOT_JSON',
      message: expect.stringMatching(/^Invalid JSON: .*bom\.jsonl:1: /)
    })
    writeFileSync(join(dir, 'bomonly.jsonl'), '\uFEFF\n')
    await expect(verifyReceiptPath(join(dir, 'bomonly.jsonl'))).rejects.toMatchObject({
      code: 'INPUT_NOT_JSON'
    })
  })

  it('does not look for a .cbor sidecar next to a JSON array of one receipt', async () => {
    writeFileSync(join(dir, 'one.json'), JSON.stringify([receipt()]))
    writeFileSync(join(dir, 'one.cbor'), 'not cbor at all')
    const [v] = await verifyReceiptPath(join(dir, 'one.json'))
    expect(v.cbor_sidecar).toBe('absent')
    expect(v.errors).not.toContain('CBOR sidecar verification failed')
    // the same receipt as a single object does get its sidecar checked
    writeFileSync(join(dir, 'single.json'), JSON.stringify(receipt()))
    writeFileSync(join(dir, 'single.cbor'), 'not cbor at all')
    const [s] = await verifyReceiptPath(join(dir, 'single.json'))
    expect(s.cbor_sidecar).toBe('failed')
  })

  it('reads only regular receipt_*.json files from a directory, never a subdirectory', async () => {
    const d = join(dir, 'receipts')
    mkdirSync(join(d, 'receipt_nested.json'), { recursive: true })
    writeFileSync(join(d, 'receipt_nested.json', 'receipt_inner.json'), JSON.stringify(receipt()))
    writeFileSync(join(d, 'receipt_top.json'), JSON.stringify(receipt()))
    const got = await loadReceipts(d)
    expect(got.map(g => g.path)).toEqual([join(d, 'receipt_top.json')])
  })
})

describe.skipIf(process.platform === 'win32')('receipt files that are FIFOs', () => {
  it('refuses a FIFO named like a receipt without blocking on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-receipt-fifo-'))
    try {
      execFileSync('mkfifo', [join(dir, 'receipt_x.json')])
      await expect(verifyReceiptPath(join(dir, 'receipt_x.json'))).rejects.toMatchObject({
        code: 'INPUT_INVALID',
        message: `Not a regular file: ${join(dir, 'receipt_x.json')}`
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('CBOR sidecar comparison', () => {
  const r = receipt()
  const env = sidecarEnvelope(r)

  it('accepts the canonical envelope of the receipt', () => {
    expect(sidecarMatches(encodeSidecar(r), r)).toBe(true)
  })

  it('rejects an envelope whose schema, kind or object_schema differs', () => {
    for (const change of [
      { schema: 'aiir/canonical_object.v2' },
      { kind: 'aiir.other_receipt.core' },
      { object_schema: 'aiir/commit_receipt.v1' },
      { type: 'aiir.canonical_object ' }
    ])
      expect(sidecarMatches(canonical({ ...env, ...change }), r), JSON.stringify(change)).toBe(
        false
      )
  })

  it('rejects an envelope with an extra field or a core with an extra undefined field', () => {
    expect(sidecarMatches(canonical({ ...env, extra: 1 }), r)).toBe(false)
    const core = { ...(env.core as Record<string, unknown>), extra: undefined }
    expect(sidecarMatches(canonical({ ...env, core }), r)).toBe(false)
  })

  it('rejects a core whose number is a float where the receipt has an integer', () => {
    const rr = { ...r, commit: { sha: 'a'.repeat(40), files_changed: 2 } }
    const e = sidecarEnvelope(rr)
    const core = e.core as Record<string, Record<string, unknown>>
    const floaty = { ...core, commit: { ...core.commit, files_changed: 2.5 } }
    expect(sidecarMatches(canonical({ ...e, core: floaty }), rr)).toBe(false)
    expect(sidecarMatches(encodeSidecar(rr), rr)).toBe(true)
  })
})
