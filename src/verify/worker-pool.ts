import { Worker } from 'node:worker_threads'
import { oneLine } from '../errors.js'
import type { CheckOptions } from './options.js'
import { decide, failedVerdict } from './verify-bundle-files.js'
import type { BundleVerdict } from './verdict.js'

/**
 * Where the worker module is: beside this file when running from sources (through tsx), or
 * dist/verify-worker.js beside the bundled CLI or action (scripts/build.mjs builds it).
 */
function workerEntry(): { url: URL; execArgv?: string[] } {
  const self = import.meta.url
  if (self.endsWith('.ts'))
    return { url: new URL('./worker.ts', self), execArgv: ['--import', import.meta.resolve('tsx')] }
  return { url: new URL('./verify-worker.js', self) }
}

/**
 * Verifies paths on `count` worker threads, each pulling the next path when it is done, and
 * returns the verdicts in input order. A worker that dies (exception, crash, exit) fails the
 * bundle it held, and any bundle no worker got to: never a pass, never a hang.
 */
export async function verifyOnWorkers(
  paths: string[],
  opts: CheckOptions,
  count: number
): Promise<BundleVerdict[]> {
  const results: (BundleVerdict | undefined)[] = new Array(paths.length)
  const lost = new Map<number, string>()
  let next = 0
  const { url, execArgv } = workerEntry()
  const run = (): Promise<void> =>
    new Promise(resolve => {
      let held: number | undefined
      let why = 'the verify worker stopped'
      const w = new Worker(url, { workerData: opts, ...(execArgv ? { execArgv } : {}) })
      const feed = (): void => {
        if (next >= paths.length) {
          held = undefined
          void w.terminate()
          return
        }
        held = next++
        w.postMessage({ index: held, path: paths[held] })
      }
      w.on('message', (m: { ready?: boolean; index?: number; verdict?: BundleVerdict }) => {
        if (m.verdict !== undefined && m.index !== undefined && m.index === held)
          results[m.index] = decide(m.verdict)
        feed()
      })
      w.on('error', e => {
        why = `the verify worker failed: ${oneLine(e)}`
      })
      w.on('messageerror', e => {
        why = `the verify worker sent an unreadable message: ${oneLine(e)}`
        void w.terminate()
      })
      w.on('exit', () => {
        if (held !== undefined) lost.set(held, why)
        resolve()
      })
    })
  const workers = Math.min(Math.max(1, Math.floor(count) || 1), paths.length)
  await Promise.all(Array.from({ length: workers }, run))
  return paths.map(
    (path, i) =>
      results[i] ??
      failedVerdict(path, 'worker-lost', {
        note: lost.get(i) ?? 'no verify worker was left to verify this bundle'
      })
  )
}
