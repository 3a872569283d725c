import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { createRuntimeClient, type RuntimeApi } from '../../src/runtime/client.js'
import { runtimeHttpError } from '../../src/runtime/api-errors.js'
import { tagLimitError } from '../../src/runtime/tag-rejection.js'
import { QprovError } from '../../src/errors.js'
import { ISA_BACKEND, isaBell } from '../helpers/isa.js'

// Tag codes 1204 (too many tags) and 1205 (tag too long): IBM's error code registry,
// https://quantum.cloud.ibm.com/docs/ja/errors (rows 1204, 1205; docs/runtime.md, "Tag errors").
const NINE = Array.from({ length: 9 }, (_, i) => `t${i}`)
const LONG = 'x'.repeat(87)

const ibm400 = (what: string, code: number | string, message = 'refused') =>
  runtimeHttpError(
    what,
    400,
    JSON.stringify({
      errors: [{ code, message, more_info: 'https://quantum.cloud.ibm.com/docs/errors' }],
      trace: 't-1'
    })
  )

async function rejection(p: Promise<unknown>): Promise<QprovError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x
  )
  expect(e).toBeInstanceOf(QprovError)
  return e as QprovError
}

describe('tagLimitError', () => {
  it('names the count limit, the job and the code for 1204', () => {
    const e = tagLimitError(ibm400('replace tags of job j1', 1204), NINE, 'job j1')!
    expect(e.code).toBe('RUNTIME_TAGS_REJECTED')
    expect(e.message).toBe(
      'the service refused the tags for job j1: too many tags (9 sent); IBM code 1204: refused'
    )
    expect(e.details).toMatchObject({ status: 400, tagLimit: 'count', trace: 't-1' })
  })

  it('names the length limit and the longest tag for 1205, also when the code is a string', () => {
    const e = tagLimitError(ibm400('x', '1205'), ['short', LONG], 'job j2')!
    expect(e.message).toContain('job j2: a tag is too long (the longest sent has 87 characters)')
    expect(e.details.tagLimit).toBe('length')
  })

  it.each([
    ['another 400 code', ibm400('x', 1400)],
    ['a 500 carrying a tag code', runtimeHttpError('x', 500, '{"errors":[{"code":1204}]}')],
    ['a non-QprovError', new Error('boom')],
    ['a 400 without errors[]', runtimeHttpError('x', 400, 'Bad Request')]
  ])('leaves %s alone', (_name, e) => {
    expect(tagLimitError(e, NINE, 'job j')).toBeUndefined()
  })
})

describe('Runtime client on tag refusals from the emulator', () => {
  let emu: RuntimeEmulatorHandle
  let api: RuntimeApi
  beforeEach(async () => {
    emu = await startRuntimeEmulator({ jobsPerMinute: 100 })
    api = createRuntimeClient({
      runtimeURL: emu.runtimeURL,
      iamURL: emu.iamURL,
      apiKey: emu.apiKey,
      instanceCRN: emu.instanceCRN,
      http: { sleep: async () => undefined, timeoutMs: 2000 }
    })
  })
  afterEach(() => emu.close())

  it('reports nine tags on a tag update as the count limit of that job', async () => {
    const id = emu.createJob({ tags: ['python'] })
    const e = await rejection(api.replaceTags(id, NINE))
    expect(e.code).toBe('RUNTIME_TAGS_REJECTED')
    expect(e.message).toMatch(
      new RegExp(
        `^the service refused the tags for job ${id}: too many tags \\(9 sent\\); IBM code 1204: `
      )
    )
    expect(e.details.tagLimit).toBe('count')
    expect(emu.job(id)!.tags).toEqual(['python'])
  })

  it('reports an 87-character tag on a tag update as the length limit', async () => {
    const id = emu.createJob({ tags: [] })
    const e = await rejection(api.replaceTags(id, ['ok', LONG]))
    expect(e.message).toContain(`job ${id}: a tag is too long (the longest sent has 87 characters)`)
    expect(e.message).toContain('IBM code 1205')
    expect(e.details.tagLimit).toBe('length')
  })

  it('reports a refused create as the limit hit, with no job created', async () => {
    const e = await rejection(
      api.createJob({
        program_id: 'sampler',
        backend: ISA_BACKEND,
        params: { pubs: [[isaBell('c'), null, 16]], version: 2 },
        tags: NINE
      })
    )
    expect(e.code).toBe('RUNTIME_TAGS_REJECTED')
    expect(e.message).toContain('tags for a new job (none was created): too many tags (9 sent)')
    expect(e.details.jobId).toBeUndefined()
    expect(emu.jobs()).toHaveLength(0)
  })

  it('keeps any other 400 on a tag update a generic tag rejection', async () => {
    const id = emu.createJob({ tags: [] })
    const e = await rejection(api.replaceTags(id, ['two\nlines']))
    expect(e.code).toBe('RUNTIME_TAGS_REJECTED')
    expect(e.message).toMatch(/^replace tags of job \S+ failed: HTTP 400: .*\(code 1400\)/)
    expect(e.details.tagLimit).toBeUndefined()
  })
})
