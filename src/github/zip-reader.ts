import { inflateRawSync } from 'node:zlib'
import { QprovError } from '../errors.js'

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/**
 * The regular files of a workflow artifact zip (stored or deflated entries), read through its
 * central directory. The zip is untrusted: every offset is bounds-checked, each entry is capped
 * at `maxEntryBytes` when inflated, and ZIP64, encryption and other methods are refused.
 */
export function readZipEntries(zip: Buffer, maxEntryBytes: number): Map<string, Buffer> {
  const bad = (why: string) => new QprovError('PROOF_BUNDLE_INVALID', `the artifact zip ${why}`)
  const u16 = (at: number) => {
    if (at < 0 || at + 2 > zip.length) throw bad('is truncated')
    return zip.readUInt16LE(at)
  }
  const u32 = (at: number) => {
    if (at < 0 || at + 4 > zip.length) throw bad('is truncated')
    return zip.readUInt32LE(at)
  }
  // The end record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  if (eocd < 0) throw bad('has no end of central directory')
  const count = u16(eocd + 10)
  let p = u32(eocd + 16)
  if (count === 0xffff || p === 0xffffffff) throw bad('is ZIP64, which a proof bundle never needs')
  const out = new Map<string, Buffer>()
  for (let n = 0; n < count; n++) {
    if (u32(p) !== CENTRAL) throw bad('has a bad central directory entry')
    const flags = u16(p + 8)
    const method = u16(p + 10)
    const csize = u32(p + 20)
    const size = u32(p + 24)
    const nameLen = u16(p + 28)
    const extraLen = u16(p + 30)
    const commentLen = u16(p + 32)
    const local = u32(p + 42)
    if (p + 46 + nameLen > zip.length) throw bad('is truncated')
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    p += 46 + nameLen + extraLen + commentLen
    if (name.endsWith('/')) continue
    if (flags & 1) throw bad(`entry ${name} is encrypted`)
    if (method !== 0 && method !== 8) throw bad(`entry ${name} uses compression method ${method}`)
    if (size > maxEntryBytes) throw bad(`entry ${name} exceeds ${maxEntryBytes} bytes`)
    if (u32(local) !== LOCAL) throw bad(`entry ${name} has no local header`)
    const start = local + 30 + u16(local + 26) + u16(local + 28)
    if (start + csize > zip.length) throw bad(`entry ${name} is truncated`)
    const raw = zip.subarray(start, start + csize)
    let data: Buffer
    try {
      data =
        method === 0 ? Buffer.from(raw) : inflateRawSync(raw, { maxOutputLength: maxEntryBytes })
    } catch (e) {
      throw new QprovError(
        'PROOF_BUNDLE_INVALID',
        `the artifact zip entry ${name} does not inflate`,
        {
          cause: e
        }
      )
    }
    if (data.length !== size) throw bad(`entry ${name} is not the size its header says`)
    if (out.has(name)) throw bad(`holds ${name} twice`)
    out.set(name, data)
  }
  return out
}
