// Worker thread entry of `qprov verify` (bundled as dist/verify-worker.js): builds the trust
// material once, then verifies the bundles it is handed, reading their files itself.
import { parentPort, workerData } from 'node:worker_threads'
import { prepareTrustMaterial } from '../sigstore/verify-bundle.js'
import type { CheckOptions } from './options.js'
import { verifyPath } from './verify-path.js'

const opts = workerData as CheckOptions
const trust = prepareTrustMaterial(opts.trustedRoot)
parentPort?.on('message', (msg: { index: number; path: string }) => {
  void verifyPath(msg.path, opts, trust).then(verdict =>
    parentPort?.postMessage({ index: msg.index, verdict })
  )
})
parentPort?.postMessage({ ready: true })
