import { createHash, hash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { QprovError } from '../errors.js'

/*
 * Plain streaming hashes, one file after another on this thread. A workload is a few files; a tree
 * of 20,000 is bound by per-file system calls, not by hashing, so a small file costs four: open,
 * two positional reads (the second finds the end), close. Synchronous reads into one reused
 * buffer: memory is flat for any file size, and no call waits on a thread-pool round trip (async
 * reads measured 3-4x the CPU). A helper worker thread measured slower too: it costs about 0.1 s of
 * CPU to start, and a busy machine gives the session no second core for it.
 * Measured with `npm run bench -- digest` (docs/testing.md has the numbers).
 */

export interface FileDigest {
  size: number
  sha256: string
}

/** Where to read a file and how to name it. */
export interface HashTarget {
  absolute: string
  path: string
}

// O_NOFOLLOW: the path is already the resolved real path, so a symlink there was swapped in after
// the walk. O_NONBLOCK: if it was swapped for a FIFO, open must not hang.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK

const CHUNK = 1024 * 1024

function refused(file: HashTarget, why: string): QprovError {
  return new QprovError('WORKLOAD_INVALID', `'${file.path}' ${why}`)
}

function unreadable(file: HashTarget, e: unknown): QprovError {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ELOOP') return refused(file, 'changed while it was being hashed')
  // A FIFO or socket refuses a positional read; a directory refuses any read.
  if (code === 'ESPIPE' || code === 'EISDIR') return refused(file, 'is not a regular file')
  return new QprovError('WORKLOAD_INVALID', `cannot read '${file.path}': ${(e as Error).message}`, {
    cause: e
  })
}

/**
 * The one file-swap guard (see the symlink policy in docs/binding-spec.md): the file is opened
 * without following a symlink swapped in after the walk, and read at explicit offsets, which a
 * FIFO, socket or directory swapped in refuses. A first read that is neither empty nor full can
 * only come from a regular file; otherwise fstat must say so (a device reads empty or endless).
 */
export function hashFile(file: HashTarget, buf: Buffer = Buffer.allocUnsafe(CHUNK)): FileDigest {
  let fd: number
  try {
    fd = openSync(file.absolute, OPEN_FLAGS)
  } catch (e) {
    throw unreadable(file, e)
  }
  try {
    let n = readSync(fd, buf, 0, buf.length, 0)
    // A device can return a short read too (/dev/zero when a signal is pending): only a second
    // read that finds the end makes a short first read a whole regular file.
    if (n > 0 && n < buf.length && readSync(fd, buf, n, 1, n) === 0)
      return { size: n, sha256: hash('sha256', buf.subarray(0, n), 'hex') }
    const st = fstatSync(fd)
    if (!st.isFile()) throw refused(file, 'is not a regular file')
    const h = createHash('sha256')
    let read = 0
    while (n > 0) {
      h.update(buf.subarray(0, n))
      read += n
      n = readSync(fd, buf, 0, buf.length, read)
    }
    if (read !== st.size) throw refused(file, 'changed while it was being hashed')
    return { size: read, sha256: h.digest('hex') }
  } catch (e) {
    throw e instanceof QprovError ? e : unreadable(file, e)
  } finally {
    closeSync(fd)
  }
}

/** Hashes the files in order, with one buffer for all; `onDone` after each. */
export function hashFiles(
  files: readonly HashTarget[],
  onDone?: (done: number) => void
): FileDigest[] {
  const buf = Buffer.allocUnsafe(CHUNK)
  return files.map((f, i) => {
    const d = hashFile(f, buf)
    onDone?.(i + 1)
    return d
  })
}
