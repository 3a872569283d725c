import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { jobRecord, writeJobRecord } from '../../src/binding/job-record.js'
import { QprovError } from '../../src/errors.js'
import { parseRuntimeJob, type RuntimeJobRecord } from '../../src/proof/runtime-job-file.js'

const CRN = 'crn:v1:bluemix:public:quantum-computing:us-east:a/abc:def::'
const DIGEST = `sha256:${'ab'.repeat(32)}`
const work = mkdtempSync(join(tmpdir(), 'qprov-runtime-job-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A record as `submit` writes it. */
function submitted(): RuntimeJobRecord {
  return jobRecord(
    {
      jobId: 'd1abcdefghij',
      backend: 'ibm_torino',
      program: 'sampler',
      created: '2026-12-01T21:21:02.979Z',
      instanceCRN: CRN,
      runtimeURL: 'https://quantum.cloud.ibm.com/api/v1',
      tags: ['qprov:v1', `qprov-stmt:${DIGEST}`],
      targetCheck: { status: 'passed', backend: 'ibm_torino', version: '1.0.54', qubits: 133 },
      backendSource: 'job-spec'
    },
    {
      statementDigest: DIGEST,
      packageDigest: DIGEST,
      rekorLogIndex: '32',
      rekorUuid: 'cd'.repeat(32)
    }
  )
}

const bytes = (o: unknown) => Buffer.from(JSON.stringify(o))

function refusal(o: unknown): string {
  try {
    parseRuntimeJob(bytes(o))
  } catch (e) {
    expect(e).toBeInstanceOf(QprovError)
    expect((e as QprovError).code).toBe('PROOF_BUNDLE_INVALID')
    return (e as QprovError).message
  }
  throw new Error('accepted')
}

describe('runtime-job.json', () => {
  it('reads back exactly what the writer writes', () => {
    const r = submitted()
    expect(parseRuntimeJob(bytes(r))).toEqual(r)
    expect(r.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('reads a record of qprov 0.1 `tag`, which has no backendSource', () => {
    const { backendSource: _, targetCheck: __, ...r } = submitted()
    expect(parseRuntimeJob(bytes(r)).backendSource).toBeUndefined()
  })

  it('refuses another kind before anything else', () => {
    expect(refusal({ ...submitted(), kind: 'qprov.runtime-job/v2' })).toBe(
      'runtime-job.json has kind "qprov.runtime-job/v2"'
    )
    expect(refusal([])).toBe('runtime-job.json is not an object')
  })

  it('refuses what its schema does not allow, naming the place', () => {
    const r = submitted()
    expect(refusal({ ...r, status: 'Completed' })).toMatch(
      /^runtime-job\.json does not match qprov\.runtime-job\/v1: \/ must NOT have additional properties$/
    )
    const { recordedAt: _, ...noTime } = r
    expect(refusal(noTime)).toMatch(/must have required property 'recordedAt'/)
    expect(refusal({ ...r, tags: ['qprov:v1', 7] })).toMatch(/\/tags\/1 must be string/)
    expect(refusal({ ...r, backendSource: 'guess' })).toMatch(
      /\/backendSource must be equal to one of/
    )
    expect(refusal({ ...r, statementDigest: 'sha256:AB' })).toMatch(/\/statementDigest must match/)
    expect(refusal({ ...r, rekor: { logIndex: 32 } })).toMatch(/\/rekor\/logIndex must be string/)
    expect(refusal({ ...r, jobId: '' })).toMatch(/\/jobId must NOT have fewer than 1/)
    expect(refusal({ ...r, instanceCRN: 'arn:aws:x' })).toMatch(/\/instanceCRN must match/)
  })

  it('refuses a target check that is neither a complete pass nor a skip', () => {
    const r = submitted()
    expect(refusal({ ...r, targetCheck: { status: 'passed', backend: 'ibm_torino' } })).toMatch(
      /\/targetCheck must have required property 'qubits'/
    )
    expect(
      refusal({ ...r, targetCheck: { status: 'skipped', backend: 'ibm_fez', qubits: 156 } })
    ).toMatch(/\/targetCheck/)
    expect(
      parseRuntimeJob(bytes({ ...r, targetCheck: { status: 'skipped', backend: 'x' } }))
    ).toBeTruthy()
  })

  it('is never written when its one reader would refuse it, and the error names the job', () => {
    const dir = join(work, 'unfit')
    const r = { ...submitted(), created: 'x'.repeat(2000) }
    let err: QprovError | undefined
    try {
      writeJobRecord(dir, r, id => `run: qprov tag --job ${id}`)
    } catch (e) {
      err = e as QprovError
    }
    expect(err?.code).toBe('RUNTIME_BAD_RESPONSE')
    expect(err?.message).toMatch(
      /^the job's fields do not fit runtime-job\.json: runtime-job\.json does not match .*\/created must NOT have more than 1024 characters\. Job d1abcdefghij exists; run: qprov tag --job d1abcdefghij$/
    )
    expect(err?.details.jobId).toBe('d1abcdefghij')
    expect(existsSync(join(dir, 'runtime-job.json'))).toBe(false)
  })

  it('is written as two-space JSON with a final newline', () => {
    const dir = join(work, 'ok')
    const r = submitted()
    const path = writeJobRecord(dir, r, id => id)
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(r, null, 2)}\n`)
  })
})
