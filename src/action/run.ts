import type { GitHubEdges } from './github-edges.js'
import type { ActionInputs } from './inputs.js'
import { runAttest } from './modes/attest.js'
import { runReceipt } from './modes/receipt.js'
import { runSubmit, runTag } from './modes/runtime.js'
import { runVerify, type ProofVerifier } from './modes/verify.js'
import type { Reporter } from './reporter.js'

/** inputs → pipeline → outputs. Each mode is a thin call into domain code. */
export async function runAction(
  inputs: ActionInputs,
  report: Reporter,
  gh: GitHubEdges,
  verify: ProofVerifier
): Promise<void> {
  switch (inputs.mode) {
    case 'receipt':
      return runReceipt(inputs, report)
    case 'attest':
      return runAttest(inputs, report)
    case 'submit':
      return runSubmit(inputs, report, gh)
    case 'tag':
      return runTag(inputs, report, gh)
    case 'verify':
      return runVerify(inputs, report, gh, verify)
  }
}
