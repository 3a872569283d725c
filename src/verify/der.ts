/**
 * A strict DER reader for the parts of a Sigstore bundle no signature covers. @sigstore/core's
 * ASN.1 reader accepts non-minimal lengths and ignores members it does not use, so two encodings
 * of one timestamp verify alike; here only the one DER encoding parses.
 */
export interface Tlv {
  /** The identifier octet (low tag numbers only). */
  tag: number
  /** The whole element: identifier, length and content. */
  bytes: Buffer
  content: Buffer
  /** Parsed content of a constructed element. */
  children?: Tlv[]
}

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context1: 0xa1
} as const

export class DerError extends Error {}

function readOne(buf: Buffer, at: number): Tlv {
  if (at + 2 > buf.length) throw new DerError('truncated element')
  const tag = buf[at]
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used here')
  let len = buf[at + 1]
  let header = 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 4 || at + 2 + n > buf.length) throw new DerError('bad length')
    if (buf[at + 2] === 0) throw new DerError('non-minimal length')
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + buf[at + 2 + i]
    if (len < 0x80) throw new DerError('non-minimal length')
    header = 2 + n
  }
  const end = at + header + len
  if (end > buf.length) throw new DerError('truncated element')
  const bytes = buf.subarray(at, end)
  const content = buf.subarray(at + header, end)
  const tlv: Tlv = { tag, bytes, content }
  if (tag & 0x20) tlv.children = readAll(content)
  return tlv
}

function readAll(buf: Buffer): Tlv[] {
  const out: Tlv[] = []
  let at = 0
  while (at < buf.length) {
    const t = readOne(buf, at)
    out.push(t)
    at += t.bytes.length
  }
  return out
}

/** Exactly one DER element spanning `buf`, constructed elements parsed all the way down. */
export function parseDer(buf: Buffer): Tlv {
  const t = readOne(buf, 0)
  if (t.bytes.length !== buf.length) throw new DerError('bytes after the element')
  return t
}

/** The children of a constructed element with this tag, or an error naming `what`. */
export function childrenOf(t: Tlv | undefined, tag: number, what: string): Tlv[] {
  if (t === undefined || t.tag !== tag || t.children === undefined)
    throw new DerError(`${what} is not the expected element`)
  return t.children
}
