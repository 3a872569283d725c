import { Worker } from 'node:worker_threads'
import { QprovError, oneLine } from '../errors.js'
import type { CheckOptions } from './options.js'
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
 * returns the verdicts in input order.
 */
export async function verifyOnWorkers(
  paths: string[],
  opts: CheckOptions,
  count: number
): Promise<BundleVerdict[]> {
  const results: BundleVerdict[] = new Array(paths.length)
  let next = 0
  const { url, execArgv } = workerEntry()
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const w = new Worker(url, { workerData: opts, ...(execArgv ? { execArgv } : {}) })
      const feed = (): void => {
        if (next >= paths.length) {
          void w.terminate().then(() => resolve())
          return
        }
        const index = next++
        w.postMessage({ index, path: paths[index] })
      }
      w.on('message', (m: { ready?: boolean; index?: number; verdict?: BundleVerdict }) => {
        if (m.verdict !== undefined && m.index !== undefined) results[m.index] = m.verdict
        feed()
      })
      w.on('error', e =>
        reject(new QprovError('INTERNAL', `verify worker failed: ${oneLine(e)}`, { cause: e }))
      )
      w.on('exit', code => {
        if (next < paths.length || code !== 0) resolve()
      })
    })
  await Promise.all(Array.from({ length: Math.min(count, paths.length) }, run))
  for (let i = 0; i < paths.length; i++)
    if (results[i] === undefined)
      throw new QprovError('INTERNAL', 'a verify worker stopped before finishing its bundles')
  return results
}
