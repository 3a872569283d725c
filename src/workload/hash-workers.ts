import { SHARE_ENV, Worker } from 'node:worker_threads'
import { QprovError } from '../errors.js'
import type { FileDigest, HashTarget } from './hash.js'
import { HASH_WORKER, hashLoop, loopFailure, type HashJob, type LoopFailure } from './hash-loop.js'

/*
 * The loop and the worker live in hash-loop.ts (see there why a worker boots fast). The main
 * thread starts hashing at once; a worker joins when it has booted, and one that never got a file
 * is not waited for.
 */

/**
 * Where the worker module is: hash-loop.ts itself when running from sources (Node strips its
 * types; it imports only builtins), or hash-worker.js beside the bundle (scripts/build.mjs).
 */
function workerURL(): URL {
  const self = import.meta.url
  return self.endsWith('.ts') ? new URL('./hash-loop.ts', self) : new URL('./hash-worker.js', self)
}

function failure(f: LoopFailure, files: readonly { path: string }[]): QprovError {
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
  private readonly replies: Promise<Partial<LoopFailure>>[]

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
      // execArgv: [] keeps a loader the parent runs under (tsx) out of the worker's boot.
      () => new Worker(workerURL(), { workerData: HASH_WORKER, env: SHARE_ENV, execArgv: [] })
    )
    this.replies = this.workers.map(
      w =>
        new Promise<Partial<LoopFailure>>((resolve, reject) => {
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
      const message: HashJob = { paths: paths.join('\0'), ends, next, sizes, hexes }
      for (const w of this.workers) w.postMessage(message)
    }
    const sizeOf = new Float64Array(sizes)
    const out: T[] = new Array(files.length)
    const ours = new Uint8Array(files.length)
    let own = 0
    try {
      if (this.opts.mainThread !== false || this.workers.length === 0)
        hashLoop(
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
      throw failure(loopFailure(e), files)
    }
    // When every file was claimed here no worker holds one, so there is nothing to wait for.
    if (own < files.length) {
      for (const w of this.workers) w.ref()
      for (const reply of await Promise.all(this.replies))
        if (reply.error !== undefined) throw failure(reply as LoopFailure, files)
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
