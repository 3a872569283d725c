import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { CTL, hashClaimed, type HashFailure, type HashState } from './hash-claim.js'

/** What the helper reported: its first failure, or that it ended without reporting ('lost'). */
export type HelperOutcome = { failure?: HashFailure } | 'lost'

/** A helper thread that claims batches beside the main thread. */
export interface Helper {
  /** Hands it the files; settles when it has reported or ended. */
  run(files: readonly string[], s: HashState): Promise<HelperOutcome>
  /** Ends the thread; it never keeps the process alive. */
  stop(): void
  /** How many files it hashed, once run() has settled. */
  hashed: number
}

/*
 * The thread is built from hashClaimed's own source text (a CommonJS script, `eval: true`), so
 * there is no second copy of the guard and no separate bundle: it works from the sources under
 * tsx and from dist/ alike. It enters only through the gate; once the main thread has closed the
 * gate (it found nothing left to claim), the helper does nothing, and nobody waits for it.
 */
function helperSource(): string {
  return `'use strict'
const { parentPort } = require('node:worker_threads')
const hashClaimed = ${hashClaimed.toString()}
parentPort.once('message', ({ paths, s }) => {
  const files = paths === '' ? [] : paths.split('\\0')
  if (Atomics.compareExchange(s.ctl, ${CTL.gate}, 0, 1) !== 0) return parentPort.postMessage({ hashed: 0 })
  let hashed = 0
  let failure
  try {
    failure = hashClaimed(files, s, () => { hashed++ })
  } catch (e) {
    return parentPort.postMessage({ crashed: String(e), hashed })
  }
  parentPort.postMessage({ failure, hashed })
})
`
}

/** Starts a helper thread, or returns undefined if none can start or there is one core only. */
export function startHelper(): Helper | undefined {
  if (availableParallelism() < 2) return undefined
  let worker: Worker
  try {
    // execArgv: [] leaves out a loader such as tsx, which the plain script does not need.
    worker = new Worker(helperSource(), { eval: true, execArgv: [] })
  } catch {
    return undefined
  }
  let ended = false
  worker.once('exit', () => {
    ended = true
  })
  // An error before run() (the thread could not start) must not go unhandled.
  worker.on('error', () => undefined)
  const helper: Helper = {
    hashed: 0,
    run: (files, s) =>
      new Promise(resolve => {
        if (ended) return resolve('lost')
        worker.once('message', (m: { failure?: HashFailure; crashed?: string; hashed: number }) => {
          helper.hashed = m.hashed
          resolve(m.crashed === undefined ? { failure: m.failure } : 'lost')
        })
        worker.once('error', () => resolve('lost'))
        worker.once('exit', () => resolve('lost'))
        // One string clones far faster than an array of 20,000; a path holds no NUL.
        worker.postMessage({ paths: files.join('\0'), s })
      }),
    stop: () => {
      worker.unref()
      void worker.terminate()
    }
  }
  return helper
}
