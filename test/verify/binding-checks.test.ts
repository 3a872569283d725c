import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import {
  bindingConsistency,
  runtimeRecord,
  transparencyEntry
} from '../../src/verify/binding-checks.js'
import { fail } from '../../src/verify/outcome.js'
import {
  exampleBinding,
  exampleContext,
  exampleFiles,
  exampleSignatures,
  exampleTrust,
  findingOf,
  skippedFor,
  withSignedBinding
} from './example-bundle.js'

const v1Entry = () => {
  const t = exampleBinding().provenance.transparency_entry
  if (t === null || !('uuid' in t)) throw new Error('the example is logged in Rekor v1')
  return t
}
const UUID = v1Entry().uuid
const TRUST = exampleTrust.material
const INDEX = String(v1Entry().log_index)
const JOB = exampleBinding().runtime.job_id
// Built inside each test (as getters), so coverage is per test rather than at load time.
const broken = () => ({ signature: fail('signature-invalid') })

function statementBundleWith(edit: (tlog: Record<string, unknown>[]) => unknown): unknown {
  const json = structuredClone(exampleSignatures().stmt.json) as {
    verificationMaterial: { tlogEntries: Record<string, unknown>[] }
  }
  json.verificationMaterial.tlogEntries = edit(json.verificationMaterial.tlogEntries) as never
  return json
}

describe('transparency-entry', () => {
  it('passes for the example, naming the entry', () => {
    expect(transparencyEntry(exampleContext(), TRUST)).toEqual({
      status: 'pass',
      detail: `rekor ${INDEX} ${UUID}`
    })
  })

  it('does not run without a verified binding or statement bundle', () => {
    expect(skippedFor(transparencyEntry(exampleContext({ bind: broken() }), TRUST))).toBe(
      'prerequisite-failed:binding-signature'
    )
    expect(skippedFor(transparencyEntry(exampleContext({ stmt: broken() }), TRUST))).toBe(
      'prerequisite-failed:statement-signature'
    )
  })

  it('fails a signed binding that is not a valid binding', () => {
    const ctx = exampleContext()
    ctx.signedBinding = undefined
    ctx.signedBindingError = 'bad'
    expect(transparencyEntry(ctx, TRUST)).toMatchObject({
      status: 'fail',
      finding: 'binding-invalid'
    })
  })

  it('fails an unreadable tlog entry', () => {
    const json = statementBundleWith(() => [null])
    expect(transparencyEntry(exampleContext({ stmt: { json } }), TRUST)).toEqual({
      status: 'fail',
      finding: 'tlog-entry-invalid',
      detail:
        'the statement bundle tlog entry cannot be read (the bundle tlog entry is not an object)'
    })
  })

  it('compares the bound index and UUID with the entry, naming each that differs', () => {
    const at = (edit: (t: { log_index: number; uuid: string }) => void) =>
      transparencyEntry(
        withSignedBinding(d =>
          edit(d.provenance.transparency_entry as { log_index: number; uuid: string })
        ),
        TRUST
      )
    expect(at(t => (t.log_index += 1))).toMatchObject({
      finding: 'tlog-entry-mismatch',
      mismatches: [
        {
          field: 'transparency_entry.log_index',
          expected: INDEX,
          actual: String(Number(INDEX) + 1)
        }
      ]
    })
    expect(findingOf(at(t => (t.uuid = 'f'.repeat(64))))).toBe(
      'tlog-entry-mismatch:transparency_entry.uuid'
    )
    expect(
      findingOf(
        at(t => {
          t.uuid = 'f'.repeat(64)
          t.log_index = 0
        })
      )
    ).toBe('tlog-entry-mismatch:transparency_entry.log_index,transparency_entry.uuid')
  })

  it('fails a binding that names no entry for a logged statement, and the reverse', () => {
    const none = withSignedBinding(d => (d.provenance.transparency_entry = null))
    expect(transparencyEntry(none, TRUST)).toMatchObject({
      mismatches: [{ field: 'transparency_entry', expected: `${INDEX} (Rekor v1)`, actual: null }]
    })
    const unlogged = statementBundleWith(() => [])
    expect(transparencyEntry(exampleContext({ stmt: { json: unlogged } }), TRUST)).toMatchObject({
      finding: 'tlog-entry-mismatch',
      mismatches: [
        {
          field: 'transparency_entry',
          expected: null,
          actual: UUID
        }
      ]
    })
    const neither = withSignedBinding(d => (d.provenance.transparency_entry = null), {
      stmt: { json: unlogged }
    })
    expect(transparencyEntry(neither, TRUST)).toEqual({
      status: 'pass',
      detail: 'no Rekor entry (timestamp only), none bound'
    })
  })
})

describe('binding-consistency', () => {
  it('passes for the example', () => {
    expect(bindingConsistency(exampleContext())).toEqual({
      status: 'pass',
      detail: 'binding.json is signed and lists 5 file digests that match'
    })
  })

  it('fails a missing or unparseable binding.json before anything else', () => {
    expect(bindingConsistency(exampleContext({ without: [PROOF_FILES.binding] }))).toMatchObject({
      finding: 'file-missing',
      detail: 'binding.json is missing'
    })
    const bad = exampleContext({ files: { [PROOF_FILES.binding]: Buffer.from('{') } })
    expect(findingOf(bindingConsistency(bad))).toBe('binding-invalid')
  })

  it('does not run without a verified binding', () => {
    expect(skippedFor(bindingConsistency(exampleContext({ bind: broken() })))).toBe(
      'prerequisite-failed:binding-signature'
    )
  })

  it('names each binding.json field that differs from the signed predicate', () => {
    const ctx = withSignedBinding(d => {
      d.runtime.backend = 'ibm_other'
      d.runtime.program = 'estimator'
    })
    ctx.files[PROOF_FILES.binding] = exampleFiles[PROOF_FILES.binding]
    expect(bindingConsistency(ctx)).toMatchObject({
      finding: 'binding-differs',
      mismatches: [
        { field: 'runtime.backend', expected: 'ibm_other', actual: 'ibm_torino' },
        { field: 'runtime.program', expected: 'estimator', actual: 'sampler' }
      ]
    })
  })

  it('fails a file that is missing or does not have the listed digest, naming each', () => {
    expect(bindingConsistency(exampleContext({ without: [PROOF_FILES.runtimeJob] }))).toMatchObject(
      { finding: 'file-missing', detail: 'runtime-job.json is missing' }
    )
    const changed = exampleContext({
      files: {
        [PROOF_FILES.receipt]: Buffer.from('{}'),
        [PROOF_FILES.runtimeJob]: Buffer.from('{}')
      }
    })
    expect(bindingConsistency(changed)).toMatchObject({
      finding: 'digest-mismatch',
      mismatches: [
        {
          field: 'receipt.json',
          expected: exampleBinding().files['receipt.json'],
          actual: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
        },
        { field: 'runtime-job.json' }
      ]
    })
  })

  it('fails a receipt.json that is not JSON, when its digest is the listed one', () => {
    const receipt = Buffer.from('not json')
    const ctx = withSignedBinding(d => (d.files['receipt.json'] = `sha256:${sha256(receipt)}`), {
      files: { [PROOF_FILES.receipt]: receipt }
    })
    expect(findingOf(bindingConsistency(ctx))).toBe('receipt-invalid')
  })

  it('compares the receipt fields as strings, whatever receipt.json holds', () => {
    const cases: [string, unknown][] = [
      ['null', null],
      // A number that prints like the bound string is still not that string.
      ['a numeric receipt_id', { receipt_id: 5, content_hash: 5, commit: { sha: 5 } }]
    ]
    for (const [why, value] of cases) {
      const receipt = Buffer.from(JSON.stringify(value))
      const ctx = withSignedBinding(
        d => {
          d.files['receipt.json'] = `sha256:${sha256(receipt)}`
          d.provenance.receipt = { receipt_id: '5', content_hash: '5', commit: 'a'.repeat(40) }
        },
        { files: { [PROOF_FILES.receipt]: receipt } }
      )
      expect(bindingConsistency(ctx), why).toMatchObject({
        finding: 'provenance-mismatch',
        mismatches: [
          { field: 'receipt.receipt_id', expected: null, actual: '5' },
          { field: 'receipt.content_hash', expected: null, actual: '5' },
          { field: 'receipt.commit', expected: null, actual: 'a'.repeat(40) }
        ]
      })
    }
  })

  it('words each failure with its subject and cause', () => {
    const bad = exampleContext({ files: { [PROOF_FILES.binding]: Buffer.from('{') } })
    expect(bindingConsistency(bad).detail).toBe(
      'binding.json: the binding is not a valid binding v1 (binding.json is not JSON)'
    )
    const ctx = exampleContext()
    ctx.signedBinding = undefined
    ctx.signedBindingError = 'broken'
    expect(bindingConsistency(ctx).detail).toBe(
      'the signed binding: the binding is not a valid binding v1 (broken)'
    )
    const receipt = Buffer.from('not json')
    const notJson = withSignedBinding(
      d => (d.files['receipt.json'] = `sha256:${sha256(receipt)}`),
      {
        files: { [PROOF_FILES.receipt]: receipt }
      }
    )
    expect(bindingConsistency(notJson).detail).toMatch(
      /^receipt\.json: receipt\.json does not verify as an AIIR receipt \(.+\)$/
    )
  })

  it('fails an unreadable statement certificate', () => {
    const json = structuredClone(exampleSignatures().stmt.json) as {
      verificationMaterial: { certificate?: unknown }
    }
    delete json.verificationMaterial.certificate
    const o = bindingConsistency(exampleContext({ stmt: { json } }))
    expect(findingOf(o)).toBe('certificate-unreadable')
    expect(o.detail).toBe(
      'the signing certificate cannot be read (the statement bundle carries no signing certificate)'
    )
  })

  it('names each provenance field that disagrees with the files and the certificate', () => {
    const fields = [
      ['aiir_statement', (d: P) => (d.aiir_statement = `sha256:${'1'.repeat(64)}`)],
      ['workload_package', (d: P) => (d.workload_package = `sha256:${'2'.repeat(64)}`)],
      ['receipt.receipt_id', (d: P) => (d.receipt.receipt_id = 'g1-other')],
      ['receipt.content_hash', (d: P) => (d.receipt.content_hash = 'sha256:0')],
      ['receipt.commit', (d: P) => (d.receipt.commit = 'f'.repeat(40))],
      ['signer.identity', (d: P) => (d.signer.identity = 'https://example.com/x')],
      ['signer.issuer', (d: P) => (d.signer.issuer = 'https://example.com')]
    ] as const
    for (const [field, edit] of fields)
      expect(
        findingOf(bindingConsistency(withSignedBinding(d => void edit(d.provenance)))),
        field
      ).toBe(`provenance-mismatch:${field}`)
    const all = withSignedBinding(d => {
      for (const [, edit] of fields) edit(d.provenance)
    })
    expect(findingOf(bindingConsistency(all))).toBe(
      `provenance-mismatch:${fields.map(([f]) => f).join(',')}`
    )
  })
})

type P = ReturnType<typeof exampleBinding>['provenance']

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex')
}

describe('runtime-record', () => {
  const record = () =>
    JSON.parse(exampleFiles[PROOF_FILES.runtimeJob].toString('utf8')) as Record<string, unknown>
  /** A context whose runtime-job.json is this edited record, listed with its digest. */
  const withRecord = (edit: (r: Record<string, unknown>) => void, more = {}) => {
    const r = record()
    edit(r)
    const bytes = Buffer.from(`${JSON.stringify(r, null, 2)}\n`)
    return withSignedBinding(d => (d.files['runtime-job.json'] = `sha256:${sha256(bytes)}`), {
      files: { [PROOF_FILES.runtimeJob]: bytes },
      ...more
    })
  }

  it('passes for the example', () => {
    expect(runtimeRecord(exampleContext())).toEqual({
      status: 'pass',
      detail: `job ${JOB}: 6 tags carry this statement, package and log entry`
    })
  })

  it('fails a missing or invalid record, and does not run without a verified binding', () => {
    expect(runtimeRecord(exampleContext({ without: [PROOF_FILES.runtimeJob] }))).toMatchObject({
      finding: 'file-missing',
      detail: 'runtime-job.json is missing'
    })
    const bad = exampleContext({ files: { [PROOF_FILES.runtimeJob]: Buffer.from('[]') } })
    expect(findingOf(runtimeRecord(bad))).toBe('record-invalid')
    expect(runtimeRecord(bad).detail).toMatch(
      /^runtime-job\.json is not a valid job record \(.+\)$/
    )
    expect(skippedFor(runtimeRecord(exampleContext({ bind: broken() })))).toBe(
      'prerequisite-failed:binding-signature'
    )
  })

  it('pins the job: --job, the single file jobId, its file name and the record', () => {
    const job = (edit: Parameters<typeof exampleContext>[0]) => runtimeRecord(exampleContext(edit))
    expect(job({ opts: { jobId: 'other' } })).toMatchObject({
      finding: 'job-mismatch',
      mismatches: [{ field: 'job ID (--job)', expected: 'other', actual: JOB }]
    })
    expect(job({ declaredJobId: 'other' })).toMatchObject({
      mismatches: [{ field: 'jobId of the single-file bundle', expected: JOB, actual: 'other' }]
    })
    expect(job({ namedJobId: 'other' })).toMatchObject({
      mismatches: [{ field: 'job ID in the bundle file name', expected: 'other', actual: JOB }]
    })
    expect(findingOf(job({ opts: { jobId: JOB }, declaredJobId: JOB, namedJobId: JOB }))).toBe(
      'pass'
    )
    expect(runtimeRecord(withRecord(r => (r.jobId = 'other')))).toMatchObject({
      mismatches: [{ field: 'runtime-job.json jobId', expected: JOB, actual: 'other' }]
    })
    expect(findingOf(job({ opts: { jobId: 'x' }, declaredJobId: 'y', namedJobId: 'z' }))).toBe(
      'job-mismatch:job ID (--job),jobId of the single-file bundle,job ID in the bundle file name'
    )
  })

  it('fails tags that do not parse, and a record with no qprov tags', () => {
    const invalid = runtimeRecord(withRecord(r => (r.tags = ['qprov:v9'])))
    expect(findingOf(invalid)).toBe('tags-invalid')
    expect(invalid.detail).toMatch(/^the job record tags do not parse \(.+\)$/)
    expect(findingOf(runtimeRecord(withRecord(r => (r.tags = ['example:bell']))))).toBe(
      'tags-missing'
    )
  })

  it('names each tag that disagrees with the signed binding, with both values', () => {
    const tags = (record().tags as string[]).slice()
    const swap = (prefix: string, value: string) =>
      withRecord(r => (r.tags = tags.map(t => (t.startsWith(prefix) ? `${prefix}${value}` : t))))
    expect(runtimeRecord(swap('qprov-rekor-idx:', '7'))).toMatchObject({
      finding: 'tag-mismatch',
      mismatches: [{ field: 'tag qprov-rekor-idx', expected: INDEX, actual: '7' }]
    })
    expect(findingOf(runtimeRecord(swap('qprov-stmt:', `sha256:${'1'.repeat(64)}`)))).toBe(
      'tag-mismatch:tag qprov-stmt'
    )
    expect(findingOf(runtimeRecord(swap('qprov-pkg:', `sha256:${'1'.repeat(64)}`)))).toBe(
      'tag-mismatch:tag qprov-pkg'
    )
    expect(findingOf(runtimeRecord(swap('qprov-rekor-uuid:', '1'.repeat(64))))).toBe(
      'tag-mismatch:tag qprov-rekor-uuid'
    )
    // The UUID tag is optional; without it the index still has to match.
    const noUuid = withRecord(r => (r.tags = tags.filter(t => !t.startsWith('qprov-rekor-uuid:'))))
    expect(findingOf(runtimeRecord(noUuid))).toBe('pass')
    // A binding without a Rekor entry expects no index tag.
    const unlogged = withSignedBinding(d => (d.provenance.transparency_entry = null))
    expect(runtimeRecord(unlogged)).toMatchObject({
      mismatches: [
        { field: 'tag qprov-rekor-idx', expected: null, actual: INDEX },
        { field: 'tag qprov-rekor-uuid', expected: null, actual: UUID }
      ]
    })
  })

  it('compares the Rekor v2 log tag with the bound log ID', () => {
    const LOG = 'ab'.repeat(32)
    const v2 = (logTag: string) => {
      const r = record()
      r.tags = [
        ...(r.tags as string[]).filter(t => !t.startsWith('qprov-rekor-uuid:')),
        `qprov-rekor-log:${logTag}`
      ]
      const bytes = Buffer.from(`${JSON.stringify(r, null, 2)}\n`)
      return runtimeRecord(
        withSignedBinding(
          d => {
            d.files['runtime-job.json'] = `sha256:${sha256(bytes)}`
            d.provenance.transparency_entry = {
              log: 'rekor',
              api_version: 2,
              base_url: 'https://rekor.example.test/2026',
              log_id: LOG,
              log_index: Number(INDEX)
            }
          },
          { files: { [PROOF_FILES.runtimeJob]: bytes } }
        )
      )
    }
    expect(findingOf(v2(LOG))).toBe('pass')
    expect(v2('cd'.repeat(32))).toMatchObject({
      finding: 'tag-mismatch',
      mismatches: [{ field: 'tag qprov-rekor-log', expected: LOG, actual: 'cd'.repeat(32) }]
    })
    // A v1 binding expects no log tag.
    const r = record()
    r.tags = [
      ...(r.tags as string[]).filter(t => !t.startsWith('qprov-rekor-uuid:')),
      `qprov-rekor-log:${LOG}`
    ]
    const bytes = Buffer.from(`${JSON.stringify(r, null, 2)}\n`)
    const v1 = withSignedBinding(d => (d.files['runtime-job.json'] = `sha256:${sha256(bytes)}`), {
      files: { [PROOF_FILES.runtimeJob]: bytes }
    })
    expect(runtimeRecord(v1)).toMatchObject({
      mismatches: [{ field: 'tag qprov-rekor-log', expected: null, actual: LOG }]
    })
  })

  it('names each record field that disagrees with the signed binding', () => {
    const cases: [string, (r: Record<string, unknown>) => void][] = [
      ['sessionId', r => (r.sessionId = 's1')],
      ['backend', r => (r.backend = 'ibm_other')],
      ['program', r => (r.program = 'estimator')],
      ['created', r => (r.created = '2020-01-01T00:00:00Z')],
      ['instanceCRN', r => (r.instanceCRN = String(r.instanceCRN).replace('us-east', 'eu-de'))],
      ['backendSource', r => (r.backendSource = 'override')],
      ['targetCheck', r => (r.targetCheck = { status: 'skipped', backend: 'ibm_torino' })]
    ]
    for (const [field, edit] of cases)
      expect(findingOf(runtimeRecord(withRecord(edit))), field).toBe(`record-mismatch:${field}`)
    expect(runtimeRecord(withRecord(r => (r.backend = 'ibm_other')))).toMatchObject({
      mismatches: [{ field: 'backend', expected: 'ibm_torino', actual: 'ibm_other' }]
    })
    // A record without backendSource leaves the binding's declaration unchecked.
    expect(findingOf(runtimeRecord(withRecord(r => delete r.backendSource)))).toBe('pass')
    const noTarget = withRecord(r => delete r.targetCheck)
    expect(findingOf(runtimeRecord(noTarget))).toBe('record-mismatch:targetCheck')
    const neither = withRecord(r => delete r.targetCheck)
    delete (neither.signedBinding as { runtime: { target_check?: unknown } }).runtime.target_check
    expect(findingOf(runtimeRecord(neither))).toBe('pass')
  })

  it('requires the bound region to be the CRN location', () => {
    expect(
      runtimeRecord(withSignedBinding(d => (d.runtime.instance.region = 'eu-de')))
    ).toMatchObject({
      finding: 'record-mismatch',
      mismatches: [
        { field: 'binding runtime.instance.region', expected: 'us-east', actual: 'eu-de' }
      ]
    })
    const badCrn = withRecord(r => (r.instanceCRN = 'crn:v1:nonsense'))
    ;(badCrn.signedBinding as { runtime: { instance: { crn: string } } }).runtime.instance.crn =
      'crn:v1:nonsense'
    expect(runtimeRecord(badCrn)).toMatchObject({
      mismatches: [{ field: 'binding runtime.instance.region', expected: null, actual: 'us-east' }]
    })
  })
})
