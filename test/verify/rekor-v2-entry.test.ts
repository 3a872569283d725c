import { describe, expect, it } from 'vitest'
import type { TransparencyEntry } from '../../src/proof/binding-document.js'
import type { TrustMaterial } from '@sigstore/verify'
import { transparencyEntry } from '../../src/verify/binding-checks.js'
import type { Outcome } from '../../src/verify/verdict.js'
import { exampleSignatures, exampleTrust, findingOf, withSignedBinding } from './example-bundle.js'

/**
 * The Rekor v2 branch of transparency-entry on crafted input: the example's statement bundle
 * with its tlog entry rewritten as a v2 entry, a trust material listing that log, and a binding
 * naming it. transparency-entry compares recorded values only (the signatures verified
 * earlier), so no v2 signature is needed. rekor-v2-tamper.test.ts does this on a genuine
 * sandbox bundle in `npm test`.
 */
const LOG_ID = Buffer.alloc(32, 7)
const SHARD = 'rekor.example.test/2026'
const BASE = `https://${SHARD}`
const INDEX = 41

function v2Statement(
  entry: (e: Record<string, unknown>) => void = () => {},
  origin = SHARD
): unknown {
  const json = structuredClone(exampleSignatures().stmt.json) as {
    verificationMaterial: { tlogEntries: Record<string, unknown>[] }
  }
  const e: Record<string, unknown> = {
    logIndex: String(INDEX),
    logId: { keyId: LOG_ID.toString('base64') },
    kindVersion: { kind: 'dsse', version: '0.0.2' },
    canonicalizedBody: 'e30=',
    inclusionProof: {
      logIndex: String(INDEX),
      checkpoint: { envelope: `${origin}\n${INDEX + 1}\nroot\n\n— sig\n` }
    }
  }
  entry(e)
  json.verificationMaterial.tlogEntries = [e]
  return json
}

const trust = (baseURL: string = BASE, logID: Buffer = LOG_ID): TrustMaterial =>
  ({
    ...exampleTrust.material,
    tlogs: [{ ...exampleTrust.material.tlogs[0], logID, baseURL }]
  }) as TrustMaterial

const bound = (edit: Partial<Extract<TransparencyEntry, { api_version: 2 }>> = {}) => ({
  log: 'rekor' as const,
  api_version: 2 as const,
  base_url: BASE,
  log_id: LOG_ID.toString('hex'),
  log_index: INDEX,
  ...edit
})

function check(
  t: TransparencyEntry | null,
  json: unknown = v2Statement(),
  material: TrustMaterial = trust()
): Outcome {
  const ctx = withSignedBinding(d => (d.provenance.transparency_entry = t), { stmt: { json } })
  return transparencyEntry(ctx, material)
}

describe('transparency-entry, Rekor v2', () => {
  it('passes when the binding names the logged v2 entry, its log and shard', () => {
    expect(check(bound())).toEqual({
      status: 'pass',
      detail: `rekor v2 ${INDEX} in log ${LOG_ID.toString('hex')}`
    })
    // An http base URL names the same shard as its checkpoint origin.
    expect(
      check(bound({ base_url: `http://${SHARD}` }), v2Statement(), trust(`http://${SHARD}`)).status
    ).toBe('pass')
  })

  it('names each bound field that differs from the entry or the trusted root', () => {
    expect(check(bound({ log_index: INDEX + 1 }))).toMatchObject({
      finding: 'tlog-entry-mismatch',
      mismatches: [
        {
          field: 'transparency_entry.log_index',
          expected: String(INDEX),
          actual: String(INDEX + 1)
        }
      ]
    })
    const other = 'ab'.repeat(32)
    expect(check(bound({ log_id: other }))).toMatchObject({
      mismatches: [
        { field: 'transparency_entry.log_id', expected: LOG_ID.toString('hex'), actual: other }
      ]
    })
    expect(check(bound(), v2Statement(), trust('https://elsewhere.test/2026'))).toMatchObject({
      mismatches: [
        {
          field: 'transparency_entry.base_url (as the trusted root lists the log)',
          expected: 'https://elsewhere.test/2026',
          actual: BASE
        }
      ]
    })
  })

  it('fails a log the trusted root does not list', () => {
    expect(check(bound(), v2Statement(), trust(BASE, Buffer.alloc(32, 9)))).toMatchObject({
      mismatches: [
        {
          field: 'transparency_entry.base_url (as the trusted root lists the log)',
          expected: null,
          actual: BASE
        }
      ]
    })
  })

  it('fails when the checkpoint was signed by another shard, or carries no note', () => {
    expect(check(bound(), v2Statement(undefined, 'rekor.example.test/2025'))).toMatchObject({
      mismatches: [
        {
          field: 'checkpoint origin (the shard of base_url)',
          expected: SHARD,
          actual: 'rekor.example.test/2025'
        }
      ]
    })
    const noNote = v2Statement(e => (e.inclusionProof = { logIndex: String(INDEX) }))
    expect(check(bound(), noNote)).toMatchObject({
      mismatches: [
        { field: 'checkpoint origin (the shard of base_url)', expected: SHARD, actual: null }
      ]
    })
    const numeric = v2Statement(
      e => (e.inclusionProof = { logIndex: String(INDEX), checkpoint: { envelope: 5 } })
    )
    expect(findingOf(check(bound(), numeric))).toBe(
      'tlog-entry-mismatch:checkpoint origin (the shard of base_url)'
    )
    // A base URL with the scheme's prefix elsewhere in it is not stripped there.
    expect(
      findingOf(
        check(
          bound({ base_url: `${SHARD}/https://` }),
          v2Statement(undefined, `${SHARD}/`),
          trust(`${SHARD}/https://`)
        )
      )
    ).toBe('tlog-entry-mismatch:checkpoint origin (the shard of base_url)')
  })

  it('fails, without throwing, a v2 entry at index 0 with no inclusion proof', () => {
    const bare = v2Statement(e => {
      e.logIndex = '0'
      delete e.inclusionProof
    })
    expect(check(bound({ log_index: 0 }), bare)).toMatchObject({
      mismatches: [
        { field: 'checkpoint origin (the shard of base_url)', expected: SHARD, actual: null }
      ]
    })
  })

  it('fails a v1 binding for a v2 entry and a v2 binding for a v1 entry, by api_version', () => {
    expect(check({ log: 'rekor', uuid: 'a'.repeat(64), log_index: INDEX })).toMatchObject({
      mismatches: [{ field: 'transparency_entry.api_version', expected: '2', actual: '1' }]
    })
    const v1 = exampleSignatures().stmt.json
    const o = check(bound(), v1, trust())
    expect(o).toMatchObject({ finding: 'tlog-entry-mismatch' })
    if (o.status === 'fail')
      expect(o.mismatches?.[0]).toMatchObject({
        field: 'transparency_entry.api_version',
        expected: '1',
        actual: '2'
      })
    // Neither the UUID nor the v2 fields are compared across versions.
    if (o.status === 'fail')
      expect(o.mismatches?.map(m => m.field)).toEqual([
        'transparency_entry.api_version',
        'transparency_entry.log_index'
      ])
  })

  it('names a v2 entry that the binding leaves out by index and version', () => {
    expect(check(null)).toMatchObject({
      mismatches: [{ field: 'transparency_entry', expected: `${INDEX} (Rekor v2)`, actual: null }]
    })
  })

  it('a v2 entry that is unbound in the reverse direction names its index', () => {
    const unlogged = structuredClone(exampleSignatures().stmt.json) as {
      verificationMaterial: { tlogEntries: unknown[] }
    }
    unlogged.verificationMaterial.tlogEntries = []
    expect(check(bound(), unlogged)).toMatchObject({
      mismatches: [{ field: 'transparency_entry', expected: null, actual: String(INDEX) }]
    })
  })
})
