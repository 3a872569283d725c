import { createHash, hash as oneShotHash } from 'node:crypto'
import { closeSync, read, readSync } from 'node:fs'
import { QprovError } from '../errors.js'
import { HashRefusal, openRegular } from './hash-loop.js'

export interface FileDigest {
  size: number
  sha256: string
}

// A plain callback wrapper: importing node:util for promisify costs more start-up than it saves.
function readAsync(
  fd: number,
  buffer: Buffer,
  offset: number,
  length: number,
  position: number
): Promise<{ bytesRead: number; buffer: Buffer }> {
  return new Promise((resolve, reject) =>
    read(fd, buffer, offset, length, position, (err, bytesRead) =>
      err ? reject(err) : resolve({ bytesRead, buffer })
    )
  )
}

// Large reads amortise the syscall and thread-pool hop; two buffers let the next read run on the
// libuv pool while this thread hashes the previous chunk.
const CHUNK = 4 * 1024 * 1024
// Below this size a file is read synchronously: a thread-pool round trip per call would cost
// more than the read itself, which is what dominates trees of many small files.
const SYNC_LIMIT = 256 * 1024

export interface HashBuffers {
  a: Buffer
  b: Buffer
}

export function hashBuffers(): HashBuffers {
  return { a: Buffer.allocUnsafe(CHUNK), b: Buffer.allocUnsafe(CHUNK) }
}

/** Where to read a file and how to name it. */
export interface HashTarget {
  absolute: string
  path: string
}

/**
 * Opens a selected file, or refuses: a symlink or special file is never read. No identity check
 * against the walk (see the symlink policy in docs/binding-spec.md): what is hashed is exactly the
 * regular file opened here. The guard itself is hash-loop.ts's openRegular, shared with the
 * worker threads.
 */
export function openSelected(file: HashTarget): { fd: number; size: number } {
  try {
    return openRegular(file.absolute)
  } catch (e) {
    if (e instanceof HashRefusal)
      throw new QprovError('WORKLOAD_INVALID', `'${file.path}' ${e.message}`)
    throw e
  }
}

/**
 * Hashes one regular file with reused buffers, so memory is flat for any size. Small files are
 * done synchronously and return a value; large ones stream and return a promise.
 */
export function hashFile(
  file: HashTarget,
  buffers: HashBuffers = hashBuffers()
): FileDigest | Promise<FileDigest> {
  const { fd, size } = openSelected(file)
  let async = false
  try {
    // A short first read is the whole file (regular files only return short at end of file).
    const n = readSync(fd, buffers.a, 0, SYNC_LIMIT, 0)
    if (n > 0 && n < SYNC_LIMIT)
      return { size: n, sha256: oneShotHash('sha256', buffers.a.subarray(0, n), 'hex') }
    if (n === 0) {
      if (size !== 0) throw changed(file.path)
      return { size: 0, sha256: oneShotHash('sha256', buffers.a.subarray(0, 0), 'hex') }
    }
    async = true
    return streamFile(fd, size, file.path, buffers).finally(() => closeSync(fd))
  } finally {
    if (!async) closeSync(fd)
  }
}

function changed(shown: string): QprovError {
  return new QprovError('WORKLOAD_INVALID', `'${shown}' changed while it was being hashed`)
}

async function streamFile(
  fd: number,
  expected: number,
  shown: string,
  buffers: HashBuffers
): Promise<FileDigest> {
  const hash = createHash('sha256')
  let size = 0
  let spare = buffers.b
  let pending = readAsync(fd, buffers.a, 0, CHUNK, 0)
  for (;;) {
    const { bytesRead, buffer } = await pending
    if (bytesRead === 0) break
    size += bytesRead
    pending = readAsync(fd, spare, 0, CHUNK, size)
    spare = buffer
    hash.update(buffer.subarray(0, bytesRead))
  }
  if (size !== expected) throw changed(shown)
  return { size, sha256: hash.digest('hex') }
}

/** Hashes many files with at most `parallel` in flight; results keep the input order. */
export async function hashFiles(
  files: readonly HashTarget[],
  parallel: number,
  onDone?: (done: number) => void
): Promise<FileDigest[]> {
  const out: FileDigest[] = new Array(files.length)
  let next = 0
  let done = 0
  const worker = async (): Promise<void> => {
    const buffers = hashBuffers()
    while (next < files.length) {
      const i = next++
      const r = hashFile(files[i], buffers)
      out[i] = r instanceof Promise ? await r : r
      onDone?.(++done)
    }
  }
  const workers = Math.max(1, Math.min(parallel, files.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return out
}
