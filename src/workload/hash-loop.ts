import { hash, createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'

/*
 * The hash loop of the main thread and of the worker threads, and the worker's entry.
 *
 * This module imports only node: builtins, so a worker boots fast: from sources Node runs this
 * file itself (its types are erasable and stripped natively, no loader), and the build bundles it
 * as dist/hash-worker.js (scripts/build.mjs).
 *
 * For trees of many files the cost is per-file system calls, not hashing. The main thread and
 * a few worker threads pull batches of file indices from one shared atomic counter, each hashing
 * synchronously, so no thread-pool round trip per call and no idle core. Messages stay few and
 * flat: the paths go over as one NUL-joined string, and workers write sizes and digests into
 * shared memory rather than sending an object per file. Each thread keeps one 1 MiB buffer:
 * memory is flat for any file size.
 */

// O_NOFOLLOW: the path is already the resolved real path, so a symlink there was swapped in after
// the walk. O_NONBLOCK: if it was swapped for a FIFO, open must not hang.
export const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK

/** A refusal of the loop itself (not a system error); its message follows the file name. */
export class HashRefusal extends Error {
  readonly index: number | undefined
  constructor(message: string, index?: number) {
    super(message)
    this.index = index
  }
}

/**
 * The one file-swap guard: opens a selected file, or refuses a symlink or special file swapped
 * in after the walk. Returns the descriptor and the size fstat reports.
 */
export function openRegular(path: string, index?: number): { fd: number; size: number } {
  let fd: number
  try {
    fd = openSync(path, OPEN_FLAGS)
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOOP')
      throw new HashRefusal('changed while it was being hashed', index)
    throw e
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new HashRefusal('is not a regular file', index)
    return { fd, size: st.size }
  } catch (e) {
    closeSync(fd)
    throw e
  }
}

const SMALL = 256 * 1024
const BATCH = 8

/** Where a failure happened, for the caller's message. */
export interface LoopFailure {
  error: string
  index?: number
  /** The loop's own refusal (not a system error). */
  own: boolean
}

export function loopFailure(e: unknown, index?: number): LoopFailure {
  const err = e as { message?: string; index?: number }
  return {
    error: String(err?.message ?? e),
    index: err?.index ?? index,
    own: e instanceof HashRefusal
  }
}

/**
 * Claims batches of indices from `next` until none are left, hashing each file. A read shorter
 * than SMALL is the whole file (regular files only return short at end of file); a longer one is
 * checked against the fstat size.
 */
export function hashLoop(
  count: number,
  pathOf: (i: number) => string,
  next: Int32Array,
  sizes: Float64Array,
  hexes: (i: number, hex: string) => void,
  buf: Buffer
): void {
  for (;;) {
    let i = Atomics.add(next, 0, BATCH)
    if (i >= count) return
    const end = Math.min(count, i + BATCH)
    for (; i < end; i++) {
      let fd = -1
      try {
        const opened = openRegular(pathOf(i), i)
        fd = opened.fd
        let n = readSync(fd, buf, 0, SMALL, 0)
        if (n > 0 && n < SMALL) {
          sizes[i] = n
          hexes(i, hash('sha256', buf.subarray(0, n), 'hex'))
          continue
        }
        const h = createHash('sha256')
        let size = 0
        while (n > 0) {
          h.update(buf.subarray(0, n))
          size += n
          n = readSync(fd, buf, 0, buf.length, size)
        }
        if (size !== opened.size) throw new HashRefusal('changed while it was being hashed', i)
        sizes[i] = size
        hexes(i, h.digest('hex'))
      } catch (e) {
        if (e !== null && typeof e === 'object' && (e as { index?: number }).index === undefined)
          (e as { index?: number }).index = i
        throw e
      } finally {
        if (fd >= 0) closeSync(fd)
      }
    }
  }
}

/** What HashPool posts to each worker once. */
export interface HashJob {
  paths: string
  ends: Int32Array
  next: SharedArrayBuffer
  sizes: SharedArrayBuffer
  hexes: SharedArrayBuffer
}

function serve(): void {
  parentPort?.once('message', ({ paths, ends, next, sizes, hexes }: HashJob) => {
    const out = Buffer.from(hexes)
    const pathOf = (i: number) => paths.slice(i === 0 ? 0 : ends[i - 1] + 1, ends[i])
    try {
      hashLoop(
        ends.length,
        pathOf,
        new Int32Array(next),
        new Float64Array(sizes),
        (i, hex) => out.write(hex, i * 64, 64, 'latin1'),
        Buffer.allocUnsafe(1024 * 1024)
      )
      parentPort?.postMessage({})
    } catch (e) {
      parentPort?.postMessage(loopFailure(e))
    }
  })
}

/** The workerData HashPool starts its workers with; any other thread never serves. */
export const HASH_WORKER = 'qprov.hash-worker'

if (!isMainThread && workerData === HASH_WORKER) serve()
