// `npm run bench`: each benchmark prints ratios against a reference measured in the same run.
import { runReceiptBench } from './receipts.js'
import { runDigestBench } from './digest.js'

const only = process.argv[2]
if (!only || only === 'receipts') await runReceiptBench()
if (!only || only === 'digest') await runDigestBench()
if (!only || only === 'verify') {
  const { runVerifyBench } = await import('./verify.js')
  await runVerifyBench()
}
