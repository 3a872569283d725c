import { Worker } from 'node:worker_threads'
import { QprovError } from '../errors.js'
import type { FileDigest } from './hash.js'

/*
 * For trees of many files the cost is per-file system calls, not hashing. The main thread and
 * a few worker threads pull file indices from one shared atomic counter, each hashing
 * synchronously, so no thread-pool round trip per call and no idle core. The main thread starts
 * at once; a worker joins when it has booted, and one that never got a file is not waited for.
 * The worker source is inline (eval) so the bundled CLI needs no second file. Each thread keeps
 * one 1 MiB buffer: memory is flat for any file size.
 */
const HASH_LOOP = `
const { openSync, fstatSync, readSync, closeSync, constants } = require('node:fs')
const { createHash, hash: oneShot } = require('node:crypto')
function hashLoop(files, next, buf, onDigest) {
  for (;;) {
    const i = Atomics.add(next, 0, 1)
    if (i >= files.length) return
    const [absolute, shown] = files[i]
    const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK)
    try {
      const st = fstatSync(fd)
      if (!st.isFile()) throw Object.assign(new Error("'" + shown + "' is not a regular file"), { qprov: true })
      let size = 0
      let hex
      if (st.size < buf.length) {
        size = readSync(fd, buf, 0, buf.length, 0)
        hex = oneShot('sha256', buf.subarray(0, size), 'hex')
      } else {
        const hash = createHash('sha256')
        while (size < st.size) {
          const n = readSync(fd, buf, 0, buf.length, size)
          if (n === 0) break
          hash.update(buf.subarray(0, n))
          size += n
        }
        hex = hash.digest('hex')
      }
      if (size !== st.size) throw Object.assign(new Error("'" + shown + "' changed while it was being hashed"), { qprov: true })
      onDigest(i, size, hex)
    } catch (e) {
      e.shown = shown
      throw e
    } finally {
      closeSync(fd)
    }
  }
}
`

const WORKER_SOURCE = `${HASH_LOOP}
const { parentPort } = require('node:worker_threads')
parentPort.once('message', ({ files, next }) => {
  const indices = [], sizes = [], hashes = []
  try {
    hashLoop(files, new Int32Array(next), Buffer.allocUnsafe(1024 * 1024), (i, size, hex) => {
      indices.push(i); sizes.push(size); hashes.push(hex)
    })
    parentPort.postMessage({ indices, sizes, hashes })
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e), qprov: Boolean(e && e.qprov), shown: e && e.shown })
  }
})
`

type HashLoop = (
  files: [string, string][],
  next: Int32Array,
  buf: Buffer,
  onDigest: (i: number, size: number, hex: string) => void
) => void

// The same loop for the main thread, compiled once from the worker's source so both agree.
let mainLoop: HashLoop | undefined
function hashLoop(): HashLoop {
  mainLoop ??= new Function('require', `${HASH_LOOP}\nreturn hashLoop`)(
    (globalThis as { process: { getBuiltinModule: (id: string) => unknown } }).process
      .getBuiltinModule
  ) as HashLoop
  return mainLoop
}

interface WorkerReply {
  indices?: number[]
  sizes?: number[]
  hashes?: string[]
  error?: string
  qprov?: boolean
  shown?: string
}

function failure(error: string, qprov: boolean | undefined, shown: string | undefined): QprovError {
  return new QprovError('WORKLOAD_INVALID', qprov ? error : `cannot read '${shown}': ${error}`)
}

/**
 * Worker threads started before the file walk, so their boot overlaps it. `hash` may be called
 * once; `close` must always be called (it is cheap when the workers were never used).
 */
export class HashPool {
  private readonly workers: Worker[]
  private readonly replies: Promise<WorkerReply>[]

  constructor(extraThreads: number) {
    this.workers = Array.from(
      { length: extraThreads },
      () => new Worker(WORKER_SOURCE, { eval: true })
    )
    this.replies = this.workers.map(
      w =>
        new Promise<WorkerReply>((resolve, reject) => {
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
  async hash(files: { absolute: string; path: string }[]): Promise<FileDigest[]> {
    const pairs: [string, string][] = files.map(f => [f.absolute, f.path])
    const shared = new SharedArrayBuffer(4)
    for (const w of this.workers) w.postMessage({ files: pairs, next: shared })
    const out: FileDigest[] = new Array(files.length)
    let mine = 0
    try {
      hashLoop()(
        pairs,
        new Int32Array(shared),
        Buffer.allocUnsafe(1024 * 1024),
        (i, size, sha256) => {
          out[i] = { size, sha256 }
          mine++
        }
      )
    } catch (e) {
      const err = e as { message?: string; qprov?: boolean; shown?: string }
      throw failure(String(err.message ?? e), err.qprov, err.shown)
    }
    // When every file was claimed here no worker holds one, so there is nothing to wait for.
    if (mine === files.length) return out
    for (const w of this.workers) w.ref()
    for (const reply of await Promise.all(this.replies)) {
      if (reply.error !== undefined) throw failure(reply.error, reply.qprov, reply.shown)
      reply.indices!.forEach(
        (i, k) => (out[i] = { size: reply.sizes![k], sha256: reply.hashes![k] })
      )
    }
    return out
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(w => w.terminate()))
  }
}
