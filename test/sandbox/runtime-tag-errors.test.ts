import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle
} from '../../src/sandbox/runtime/emulator.js'
import { ISA_BACKEND, isaBell } from '../helpers/isa.js'
import { connectRaw, rawRuntimeCall, type Json, type RuntimeConn } from '../helpers/raw-ibm.js'

// The emulator's answers to refused tags, with raw fetch (no qprov client code).
// Limits: the OpenAPI `Tags` schema (≤ 8 items, 0..86 characters, `^.*$`), /work/shared/facts.
// Codes 1204 (too many tags) and 1205 (tag too long): IBM's error code registry,
// https://quantum.cloud.ibm.com/docs/ja/errors (rows 1204, 1205; docs/runtime.md, "Tag errors").

let emu: RuntimeEmulatorHandle
let conn: RuntimeConn

beforeAll(async () => {
  emu = await startRuntimeEmulator({ jobsPerMinute: 1000 })
  conn = await connectRaw(emu)
})
afterAll(() => emu.close())

const call = (method: string, path: string, body: unknown) =>
  rawRuntimeCall(conn, method, path, body)

const create = (tags: string[]) =>
  call('POST', '/jobs', {
    program_id: 'sampler',
    backend: ISA_BACKEND,
    params: { pubs: [[isaBell('c'), null, 8]], version: 2 },
    tags
  })
const put = (id: string, tags: unknown[]) => call('PUT', `/jobs/${id}/tags`, { tags })

const EIGHT_AT_LIMIT = Array.from({ length: 8 }, (_, i) => `${i}`.padEnd(86, 'x'))

function expectRefusal(r: { status: number; json: Json }, code: number, says: RegExp) {
  expect(r.status).toBe(400)
  expect(Object.keys(r.json).sort()).toEqual(['errors', 'trace'])
  expect(r.json.trace).toEqual(expect.any(String))
  expect(r.json.errors).toHaveLength(1)
  expect(Object.keys(r.json.errors[0]).sort()).toEqual(['code', 'message', 'more_info'])
  expect(r.json.errors[0].code).toBe(code)
  expect(r.json.errors[0].message).toMatch(says)
  expect(r.json.errors[0].more_info).toMatch(/^https:\/\//)
}

describe('emulated tag refusals', () => {
  it('accepts 8 tags of 86 characters and an empty tag, on create and on update', async () => {
    const c = await create(EIGHT_AT_LIMIT)
    expect(c.status).toBe(200)
    expect((await put(c.json.id, EIGHT_AT_LIMIT)).status).toBe(204)
    expect((await put(c.json.id, [''])).status).toBe(204)
  })

  it('refuses a ninth tag with 1204 on update and on create, changing nothing', async () => {
    const { id } = (await create(['kept'])).json
    const nine = [...EIGHT_AT_LIMIT, 'one more']
    expectRefusal(await put(id, nine), 1204, /maximum number of tags: 9 given, at most 8/)
    expect(emu.job(id)!.tags).toEqual(['kept'])
    const before = emu.jobs().length
    expectRefusal(await create(nine), 1204, /maximum number of tags/)
    expect(emu.jobs()).toHaveLength(before)
  })

  it('refuses an 87-character tag with 1205 on update and on create', async () => {
    const { id } = (await create([])).json
    const long = 'y'.repeat(87)
    expectRefusal(await put(id, ['ok', long]), 1205, /maximum length: 87 characters, at most 86/)
    expect(emu.job(id)!.tags).toEqual([])
    expectRefusal(await create([long]), 1205, /maximum length/)
  })

  it('answers a tag that breaks the one-line pattern with the generic 400, not a tag code', async () => {
    const { id } = (await create([])).json
    expectRefusal(await put(id, ['a\nb']), 1400, /single line/)
    expectRefusal(await put(id, [7]), 1400, /array of strings/)
  })
})
