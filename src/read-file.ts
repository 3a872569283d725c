import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { QprovError } from './errors.js'
import { jsonErrorOffset, positionOf } from './json-position.js'

/**
 * The one bounded reader for the files qprov reads: nothing may hang on a FIFO without a writer or
 * grow without limit on /dev/zero or an endless pipe. Every file kind has a documented cap
 * (docs/inputs.md); a process substitution (`--bundle <(…)`) within the cap still works.
 */

const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

export interface ReadLimit {
  /** What the file is, for messages: "bundle", "trusted root". */
  what: string
  maxBytes: number
}

export const READ_LIMITS = {
  bundle: { what: 'bundle', maxBytes: 24 * MiB },
  trustedRoot: { what: 'trusted root', maxBytes: 4 * MiB },
  key: { what: 'public key', maxBytes: 64 * KiB },
  sandboxConfig: { what: 'sandbox config', maxBytes: 64 * KiB },
  signingConfig: { what: 'signing config', maxBytes: 256 * KiB },
  statement: { what: 'statement', maxBytes: 16 * MiB },
  manifest: { what: 'workload manifest', maxBytes: 16 * MiB },
  artifact: { what: 'artifact', maxBytes: 16 * GiB }
} as const satisfies Record<string, ReadLimit>

export interface ReadOptions {
  /** Refuse a symbolic link as the last path component (receipts, job specs). */
  noFollow?: boolean
  /** Accept a FIFO or pipe (default true): `<(…)` is a pipe. */
  allowPipe?: boolean
}

/** How long a pipe may stay silent (no writer yet, or a stalled one) before it is refused. */
export function pipeWaitMs(env: Record<string, string | undefined> = process.env): number {
  const v = Number(env.QPROV_PIPE_WAIT_MS)
  return Number.isInteger(v) && v > 0 && v <= 600_000 ? v : 10_000
}

const POLL_MS = 10
const CHUNK = MiB
const sleeper = new Int32Array(new SharedArrayBuffer(4))

function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms)
}

export function formatBytes(n: number): string {
  if (n >= GiB && n % GiB === 0) return `${n / GiB} GiB`
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`
  if (n >= KiB && n % KiB === 0) return `${n / KiB} KiB`
  return `${n} bytes`
}

function typeName(st: Stats): string {
  if (st.isDirectory()) return 'a directory'
  if (st.isCharacterDevice()) return 'a character device'
  if (st.isBlockDevice()) return 'a block device'
  if (st.isSocket()) return 'a socket'
  if (st.isFIFO()) return 'a FIFO'
  if (st.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

function openError(e: unknown, path: string, limit: ReadLimit, noFollow: boolean): QprovError {
  const code = (e as NodeJS.ErrnoException).code
  const where = `${limit.what} ${path}`
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new QprovError('INPUT_NOT_FOUND', `${limit.what} not found: ${path}`)
  if (code === 'ELOOP')
    return noFollow
      ? new QprovError('INPUT_SYMLINK', `${where} is a symbolic link, refusing it`)
      : new QprovError('INPUT_INVALID', `${where}: too many levels of symbolic links`)
  if (code === 'EACCES' || code === 'EPERM')
    return new QprovError('INPUT_INVALID', `${where} cannot be read: permission denied`)
  if (code === 'ENAMETOOLONG')
    return new QprovError('INPUT_INVALID', `${limit.what}: path too long`)
  return new QprovError('INPUT_INVALID', `${where} cannot be opened (${code ?? 'error'})`)
}

function tooLarge(path: string, limit: ReadLimit, size?: number): QprovError {
  const got = size === undefined ? 'more than' : `${size} bytes, over`
  return new QprovError(
    'INPUT_TOO_LARGE',
    `${limit.what} ${path} is too large (${got} the ${formatBytes(limit.maxBytes)} limit for ${/^[aeiou]/i.test(limit.what) ? 'an' : 'a'} ${limit.what})`
  )
}

interface Opened {
  fd: number
  pipe: boolean
}

/**
 * Types are checked on the path before the open (a device is never opened: some act on open) and
 * again on the descriptor, so the bytes read are those of the file that was checked.
 */
function openChecked(path: string, limit: ReadLimit, opts: ReadOptions): Opened {
  const noFollow = opts.noFollow === true
  const allowPipe = opts.allowPipe !== false
  const accept = (st: Stats): boolean => st.isFile() || (allowPipe && st.isFIFO())
  let pre: Stats
  try {
    pre = noFollow ? lstatSync(path) : statSync(path)
  } catch (e) {
    throw openError(e, path, limit, noFollow)
  }
  if (noFollow && pre.isSymbolicLink())
    throw new QprovError('INPUT_SYMLINK', `${limit.what} ${path} is a symbolic link, refusing it`)
  if (!accept(pre))
    throw new QprovError(
      'INPUT_INVALID',
      `${limit.what} ${path} is ${typeName(pre)}, not a file${allowPipe ? ' or a pipe' : ''}`
    )
  if (pre.isFile() && pre.size > limit.maxBytes) throw tooLarge(path, limit, pre.size)
  let fd: number
  try {
    const flags = constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0)
    fd = openSync(path, flags)
  } catch (e) {
    throw openError(e, path, limit, noFollow)
  }
  const st = fstatSync(fd)
  if (!accept(st) || st.ino !== pre.ino || st.dev !== pre.dev) {
    closeSync(fd)
    throw new QprovError('INPUT_INVALID', `${limit.what} ${path} changed while it was opened`)
  }
  if (st.isFile() && st.size > limit.maxBytes) {
    closeSync(fd)
    throw tooLarge(path, limit, st.size)
  }
  return { fd, pipe: st.isFIFO() }
}

/**
 * Reads the descriptor to its end, handing each chunk to `take` (valid only during the call).
 * A pipe is read without blocking: EAGAIN means a writer is there but silent, EOF before any
 * writer was seen means none has connected yet; both are waited for, up to pipeWaitMs.
 */
function drain(
  { fd, pipe }: Opened,
  path: string,
  limit: ReadLimit,
  take: (chunk: Buffer) => void
): number {
  const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit.maxBytes + 1))
  const wait = pipeWaitMs()
  let total = 0
  let writerSeen = false
  let lastProgress = Date.now()
  for (;;) {
    let n: number
    try {
      n = readSync(fd, buf, 0, buf.length, null)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (pipe && code === 'EAGAIN') {
        writerSeen = true
        if (Date.now() - lastProgress > wait) throw stalled(path, limit, wait, true)
        sleepSync(POLL_MS)
        continue
      }
      throw new QprovError('INPUT_INVALID', `${limit.what} ${path} cannot be read (${code})`)
    }
    if (n === 0) {
      if (!pipe || writerSeen) return total
      if (Date.now() - lastProgress > wait) throw stalled(path, limit, wait, false)
      sleepSync(POLL_MS)
      continue
    }
    writerSeen = true
    lastProgress = Date.now()
    total += n
    if (total > limit.maxBytes) throw tooLarge(path, limit)
    take(buf.subarray(0, n))
  }
}

function stalled(path: string, limit: ReadLimit, ms: number, writer: boolean): QprovError {
  const s = `${Math.round(ms / 100) / 10} s`
  return new QprovError(
    'INPUT_INVALID',
    writer
      ? `${limit.what} ${path} is a pipe that sent nothing for ${s}`
      : `${limit.what} ${path} is a pipe with no writer (nothing arrived within ${s})`
  )
}

function withOpened<T>(path: string, limit: ReadLimit, opts: ReadOptions, f: (o: Opened) => T): T {
  const o = openChecked(path, limit, opts)
  try {
    return f(o)
  } finally {
    closeSync(o.fd)
  }
}

/** The whole file, at most limit.maxBytes of it; refuses anything else with an input error. */
export function readBoundedSync(path: string, limit: ReadLimit, opts: ReadOptions = {}): Buffer {
  return withOpened(path, limit, opts, o => {
    const chunks: Buffer[] = []
    const total = drain(o, path, limit, c => chunks.push(Buffer.from(c)))
    return Buffer.concat(chunks, total)
  })
}

/** Strict UTF-8 text of a bounded read. */
export function readBoundedText(path: string, limit: ReadLimit, opts: ReadOptions = {}): string {
  const bytes = readBoundedSync(path, limit, opts)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new QprovError('INPUT_INVALID', `${limit.what} ${path} is not valid UTF-8`)
  }
}

/**
 * Streams a file through `take` chunk by chunk, so a large artifact is never held whole in memory.
 * Returns the number of bytes read.
 */
export function streamBoundedSync(
  path: string,
  limit: ReadLimit,
  take: (chunk: Buffer) => void,
  opts: ReadOptions = {}
): number {
  return withOpened(path, limit, opts, o => drain(o, path, limit, take))
}

/**
 * Parses JSON text without quoting it: V8's messages echo part of the input, and a damaged
 * sandbox.json or key file must not leak what it holds.
 */
export function parseJsonText(text: string, what: string, path: string): unknown {
  const where = `${what} ${path}`
  if (text.startsWith('\uFEFF'))
    throw new QprovError(
      'INPUT_NOT_JSON',
      `${where} starts with a byte order mark; save it as UTF-8 without BOM`
    )
  if (text.trim() === '') throw new QprovError('INPUT_NOT_JSON', `${where} is empty`)
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    if (e instanceof RangeError)
      throw new QprovError('INPUT_NOT_JSON', `${where} is nested too deeply to parse`)
    throw new QprovError('INPUT_NOT_JSON', `${where} ${jsonSyntaxProblem(text, e)}`)
  }
}

/**
 * Why JSON.parse refused text, naming the place and never the bytes: V8's own message quotes a
 * snippet of the input, which may be part of a secret or a terminal escape sequence.
 */
export function jsonSyntaxProblem(text: string, e: unknown): string {
  const at = /at position (\d+)/.exec(e instanceof Error ? e.message : '')
  const offset = at ? Number(at[1]) : jsonErrorOffset(text)
  if (offset === undefined) return 'is not valid JSON'
  if (offset >= text.length) return 'is not valid JSON: it ends before the value is complete'
  const p = positionOf(text, offset)
  return `is not valid JSON (error at line ${p.line}, column ${p.column})`
}
