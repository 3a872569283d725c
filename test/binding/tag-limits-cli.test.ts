import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { createRuntimeClient } from '../../src/runtime/client.js'
import { mergeProvenanceTags } from '../../src/proof/tags.js'
import { readAttestationRefs } from '../../src/binding/attestation-refs.js'
import { QprovError } from '../../src/errors.js'
import { runInProcess } from '../helpers/in-process.js'
import {
  fakeAttestation,
  tmp,
  UNREACHABLE_SIGNING,
  UNREACHABLE_SIGNING_ENV
} from '../helpers/runtime-fixtures.js'

// A job submitted by another client (here emu.createJob, which skips the limits) carries a tag
// longer than the 86 characters of IBM's `Tags` schema. `qprov tag` must refuse the new set before
// any PUT; sent anyway, the service refuses it with code 1205 (IBM's error code registry,
// https://quantum.cloud.ibm.com/docs/ja/errors, row 1205: docs/runtime.md, "Tag errors").

let emu: RuntimeEmulatorHandle
beforeAll(async () => {
  emu = await startRuntimeEmulator({ jobsPerMinute: 1000 })
})
afterAll(() => emu.close())
beforeEach(() => emu.faults.clear())

const LONG = `user:${'z'.repeat(82)}`
const puts = () => emu.requests.filter(r => r.method === 'PUT')
/** `qprov tag` of job `id` with the attestation in `dir`, against the emulator. */
const tag = (id: string, dir: string) =>
  runInProcess(
    [
      'tag',
      ...['--job', id, '--attestation', dir, '--out', tmp()],
      ...['--instance', emu.instanceCRN, '--runtime-url', emu.runtimeURL],
      ...['--iam-url', emu.iamURL, ...UNREACHABLE_SIGNING]
    ],
    { env: { QISKIT_IBM_TOKEN: emu.apiKey, ...UNREACHABLE_SIGNING_ENV } }
  )

describe('qprov tag and the tag length limit', () => {
  it('refuses a too-long user tag before anything is sent', async () => {
    const id = emu.createJob({ tags: [LONG] })
    const { dir } = fakeAttestation()
    const before = puts().length
    const r = await tag(id, dir)
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toMatch(/TAGS_INVALID.*is 87 characters \(at most 86\)/)
    expect(puts().length).toBe(before)
    expect(emu.job(id)!.tags).toEqual([LONG])
  })

  it('names the limit, the job and the re-bind command when the service refuses a set qprov let through', async () => {
    const id = emu.createJob({ tags: ['python'] })
    const { dir } = fakeAttestation()
    // A service stricter than its OpenAPI description: it answers the update with 1204.
    emu.faults.add({
      method: 'PUT',
      path: '/api/v1/jobs/*/tags',
      fault: {
        kind: 'status',
        status: 400,
        body: {
          errors: [{ code: 1204, message: 'too many tags', more_info: 'https://x' }],
          trace: 't'
        }
      }
    })
    const r = await tag(id, dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      new RegExp(
        `RUNTIME_TAGS_REJECTED.*the service refused the tags for job ${id}: too many tags \\(6 sent\\); IBM code 1204`
      )
    )
    expect(r.stderr).toContain(`Job ${id} exists; re-bind it with: qprov tag --job ${id}`)
    expect(emu.job(id)!.tags).toEqual(['python'])
  })

  it('sent anyway, the same set is refused with 1205, raw and through the client', async () => {
    const id = emu.createJob({ tags: [LONG] })
    const { dir } = fakeAttestation()
    const tags = [LONG, ...mergeProvenanceTags([], readAttestationRefs(dir))]
    const iam = await fetch(`${emu.iamURL}/identity/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=${emu.apiKey}`
    })
    const { access_token } = (await iam.json()) as { access_token: string }
    const raw = await fetch(`${emu.runtimeURL}/jobs/${id}/tags`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${access_token}`,
        'Service-CRN': emu.instanceCRN,
        'IBM-API-Version': '2026-04-15',
        'Content-Type': 'application/json'
      },
      body: JSON.stringify({ tags })
    })
    expect(raw.status).toBe(400)
    const body = (await raw.json()) as { errors: { code: number }[]; trace: string }
    expect(body.errors[0].code).toBe(1205)

    const api = createRuntimeClient({
      runtimeURL: emu.runtimeURL,
      iamURL: emu.iamURL,
      apiKey: emu.apiKey,
      instanceCRN: emu.instanceCRN
    })
    const e = await api.replaceTags(id, tags).then(
      () => undefined,
      (x: unknown) => x
    )
    expect(e).toBeInstanceOf(QprovError)
    expect((e as QprovError).code).toBe('RUNTIME_TAGS_REJECTED')
    expect((e as QprovError).message).toContain(`tags for job ${id}: a tag is too long`)
    expect(emu.job(id)!.tags).toEqual([LONG])
  })
})
