import { Worker } from 'node:worker_threads'
import { QprovError } from '../errors.js'
import type { FileDigest } from './hash.js'

/*
 * For trees of many files the cost is per-file system calls, not hashing, and one thread does them
 * one after another. A few worker threads, each hashing its share synchronously, use every core
 * without a thread-pool round trip per call. The worker source is inline (eval) so the bundled
 * CLI needs no second file. Each worker keeps one 1 MiB buffer: memory is flat for any file size.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { openSync, fstatSync, readSync, closeSync, constants } = require('node:fs')
const { createHash, hash: oneShot } = require('node:crypto')
const buf = Buffer.allocUnsafe(1024 * 1024)
const sizes = []
const hashes = []
for (const [absolute, shown] of workerData.files) {
  let fd
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK)
    const st = fstatSync(fd)
    if (!st.isFile()) throw Object.assign(new Error("'" + shown + "' is not a regular file"), { qprov: true })
    if (st.size < buf.length) {
      const n = readSync(fd, buf, 0, buf.length, 0)
      if (n !== st.size) throw Object.assign(new Error("'" + shown + "' changed while it was being hashed"), { qprov: true })
      sizes.push(n)
      hashes.push(oneShot('sha256', buf.subarray(0, n), 'hex'))
      continue
    }
    const hash = createHash('sha256')
    let size = 0
    while (size < st.size) {
      const n = readSync(fd, buf, 0, buf.length, size)
      if (n === 0) break
      hash.update(buf.subarray(0, n))
      size += n
    }
    if (size !== st.size) throw Object.assign(new Error("'" + shown + "' changed while it was being hashed"), { qprov: true })
    sizes.push(size)
    hashes.push(hash.digest('hex'))
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message || e), qprov: Boolean(e && e.qprov), shown })
    process.exit(0)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
parentPort.postMessage({ sizes, hashes })
`

interface WorkerReply {
  sizes?: number[]
  hashes?: string[]
  error?: string
  qprov?: boolean
  shown?: string
}

function runWorker(files: [string, string][]): Promise<FileDigest[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files } })
    let settled = false
    worker.once('message', (m: WorkerReply) => {
      settled = true
      if (m.error !== undefined)
        reject(
          new QprovError(
            'WORKLOAD_INVALID',
            m.qprov ? m.error : `cannot read '${m.shown}': ${m.error}`
          )
        )
      else resolve(m.sizes!.map((size, i) => ({ size, sha256: m.hashes![i] })))
    })
    worker.once('error', e => {
      settled = true
      reject(e)
    })
    worker.once('exit', code => {
      if (!settled) reject(new Error(`hash worker exited with code ${code}`))
    })
  })
}

/** Hashes files on `threads` worker threads, files dealt round-robin; results keep input order. */
export async function hashFilesOnWorkers(
  files: { absolute: string; path: string }[],
  threads: number
): Promise<FileDigest[]> {
  const shares: [string, string][][] = Array.from({ length: threads }, () => [])
  files.forEach((f, i) => shares[i % threads].push([f.absolute, f.path]))
  const results = await Promise.all(shares.map(runWorker))
  return files.map((_f, i) => results[i % threads][Math.floor(i / threads)])
}
