import { SHARE_ENV, Worker } from 'node:worker_threads'
import { QprovError } from '../errors.js'
import type { FileDigest, HashTarget } from './hash.js'

/*
 * For trees of many files the cost is per-file system calls, not hashing. The main thread and
 * a few worker threads pull batches of file indices from one shared atomic counter, each hashing
 * synchronously, so no thread-pool round trip per call and no idle core. The main thread starts
 * at once; a worker joins when it has booted, and one that never got a file is not waited for.
 *
 * Messages stay few and flat: the paths go over as one NUL-joined string, and workers write
 * sizes and digests into shared memory rather than sending an object per file. The worker source
 * is inline (eval) and needs only node:fs and node:crypto, so it boots fast and the bundled CLI
 * needs no second file. Each thread keeps one 1 MiB buffer: memory is flat for any file size.
 *
 * Each file is opened O_NOFOLLOW (its path is already the real path, so a symlink there was
 * swapped in after the walk) and O_NONBLOCK (a FIFO swapped in must not hang), then one fstat
 * requires a regular file, as openSelected in hash.ts does. A read shorter than SMALL is the whole
 * file (regular files only return short at end of file); a longer one is checked against the
 * fstat size.
 */
const HASH_LOOP = `
function hashLoop(fs, hash, count, pathOf, next, sizes, hexes, buf) {
  const SMALL = 256 * 1024, BATCH = 8
  const c = fs.constants
  const flags = c.O_RDONLY | c.O_NOFOLLOW | c.O_NONBLOCK
  const changed = i => Object.assign(new Error('changed while it was being hashed'), { index: i })
  for (;;) {
    let i = Atomics.add(next, 0, BATCH)
    if (i >= count) return
    const end = Math.min(count, i + BATCH)
    for (; i < end; i++) {
      let fd = -1
      try {
        try {
          fd = fs.openSync(pathOf(i), flags)
        } catch (e) {
          throw e && e.code === 'ELOOP' ? changed(i) : e
        }
        const st = fs.fstatSync(fd)
        if (!st.isFile()) throw Object.assign(new Error('is not a regular file'), { index: i })
        let n = fs.readSync(fd, buf, 0, SMALL, 0)
        if (n > 0 && n < SMALL) {
          sizes[i] = n
          hexes(i, hash.hash('sha256', buf.subarray(0, n), 'hex'))
          continue
        }
        const h = hash.createHash('sha256')
        let size = 0
        while (n > 0) {
          h.update(buf.subarray(0, n))
          size += n
          n = fs.readSync(fd, buf, 0, buf.length, size)
        }
        if (size !== st.size) throw changed(i)
        sizes[i] = size
        hexes(i, h.digest('hex'))
      } catch (e) {
        if (e && e.index === undefined) e.index = i
        throw e
      } finally {
        if (fd >= 0) fs.closeSync(fd)
      }
    }
  }
}
`

const WORKER_SOURCE = `${HASH_LOOP}
const { parentPort } = require('node:worker_threads')
parentPort.once('message', ({ paths, ends, next, sizes, hexes }) => {
  const out = Buffer.from(hexes)
  const pathOf = i => paths.slice(i === 0 ? 0 : ends[i - 1] + 1, ends[i])
  try {
    hashLoop(require('node:fs'), require('node:crypto'), ends.length, pathOf, new Int32Array(next),
      new Float64Array(sizes), (i, hex) => out.write(hex, i * 64, 64, 'latin1'),
      Buffer.allocUnsafe(1024 * 1024))
    parentPort.postMessage({})
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e), index: e && e.index, own: Boolean(e && e.code === undefined) })
  }
})
`

type HashLoop = (
  fs: unknown,
  crypto: unknown,
  count: number,
  pathOf: (i: number) => string,
  next: Int32Array,
  sizes: Float64Array,
  hexes: (i: number, hex: string) => void,
  buf: Buffer
) => void

// The same loop for the main thread, compiled once from the worker's source so both agree.
let mainLoop: HashLoop | undefined
function hashLoop(): HashLoop {
  mainLoop ??= new Function(`${HASH_LOOP}\nreturn hashLoop`)() as HashLoop
  return mainLoop
}

interface Failure {
  error: string
  index?: number
  /** The loop's own refusal (not a system error), whose message follows the file name. */
  own: boolean
}

function failure(f: Failure, files: readonly { path: string }[]): QprovError {
  const shown = f.index === undefined ? '?' : files[f.index].path
  return new QprovError(
    'WORKLOAD_INVALID',
    f.own ? `'${shown}' ${f.error}` : `cannot read '${shown}': ${f.error}`
  )
}

/**
 * Worker threads started before the file walk, so their boot overlaps it. `hash` may be called
 * once; `close` must always be called (it is cheap when the workers were never used).
 */
export class HashPool {
  private readonly workers: Worker[]
  private readonly replies: Promise<Partial<Failure>>[]

  /**
   * `mainThread: false` leaves all hashing to the workers (tests use it to be sure the workers'
   * side runs); it is ignored without workers.
   */
  constructor(
    extraThreads: number,
    private readonly opts: { mainThread?: boolean } = {}
  ) {
    this.workers = Array.from(
      { length: extraThreads },
      () => new Worker(WORKER_SOURCE, { eval: true, env: SHARE_ENV })
    )
    this.replies = this.workers.map(
      w =>
        new Promise<Partial<Failure>>((resolve, reject) => {
          w.once('message', resolve)
          w.once('error', reject)
          w.once('exit', code => reject(new Error(`hash worker exited with code ${code}`)))
        })
    )
    this.replies.forEach(p => p.catch(() => undefined))
    // Idle workers must not keep the process alive.
    for (const w of this.workers) w.unref()
  }

  /** Hashes files on this thread and the workers; results keep input order. */
  hash(files: readonly HashTarget[]): Promise<FileDigest[]> {
    return this.hashTo(files, (_, size, sha256) => ({ size, sha256 }))
  }

  /** Like `hash`, building each result with `make` so callers need no intermediate objects. */
  async hashTo<T>(
    files: readonly HashTarget[],
    make: (index: number, size: number, sha256: string) => T
  ): Promise<T[]> {
    const next = new SharedArrayBuffer(4)
    const sizes = new SharedArrayBuffer(8 * files.length)
    const hexes = new SharedArrayBuffer(64 * files.length)
    if (this.workers.length > 0) {
      const paths = files.map(f => f.absolute)
      // Where each path ends in the joined string, so a worker cuts out only the paths it claims.
      const ends = new Int32Array(files.length)
      for (let i = 0, end = -1; i < files.length; i++) ends[i] = end += paths[i].length + 1
      const message = { paths: paths.join('\0'), ends, next, sizes, hexes }
      for (const w of this.workers) w.postMessage(message)
    }
    const sizeOf = new Float64Array(sizes)
    const out: T[] = new Array(files.length)
    const ours = new Uint8Array(files.length)
    let own = 0
    try {
      if (this.opts.mainThread !== false || this.workers.length === 0)
        hashLoop()(
          process.getBuiltinModule('node:fs'),
          process.getBuiltinModule('node:crypto'),
          files.length,
          i => files[i].absolute,
          new Int32Array(next),
          sizeOf,
          (i, hex) => {
            out[i] = make(i, sizeOf[i], hex)
            ours[i] = 1
            own++
          },
          Buffer.allocUnsafe(1024 * 1024)
        )
    } catch (e) {
      const err = e as { message?: string; index?: number; code?: string }
      throw failure(
        { error: String(err.message ?? e), index: err.index, own: err.code === undefined },
        files
      )
    }
    // When every file was claimed here no worker holds one, so there is nothing to wait for.
    if (own < files.length) {
      for (const w of this.workers) w.ref()
      for (const reply of await Promise.all(this.replies))
        if (reply.error !== undefined) throw failure(reply as Failure, files)
      // One decode for all the workers' digests; slicing it is far cheaper than a decode per file.
      const theirs = Buffer.from(hexes).toString('latin1')
      for (let i = 0; i < files.length; i++)
        if (ours[i] === 0) out[i] = make(i, sizeOf[i], theirs.slice(i * 64, i * 64 + 64))
    }
    return out
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(w => w.terminate()))
  }
}
