import type { GitHubEdges } from './github-edges.js'
import type { ActionInputs } from './inputs.js'
import type { ProofVerifier } from './modes/verify.js'
import type { Reporter } from './reporter.js'

/**
 * inputs → pipeline → outputs. Each mode is a thin call into domain code, loaded only for its
 * mode: a verify gate never parses the signing client or the Runtime client.
 */
export async function runAction(
  inputs: ActionInputs,
  report: Reporter,
  gh: GitHubEdges,
  verify: ProofVerifier
): Promise<void> {
  switch (inputs.mode) {
    case 'receipt':
      return (await import('./modes/receipt.js')).runReceipt(inputs, report)
    case 'attest':
      return (await import('./modes/attest.js')).runAttest(inputs, report)
    case 'submit':
      return (await import('./modes/runtime.js')).runSubmit(inputs, report, gh)
    case 'tag':
      return (await import('./modes/runtime.js')).runTag(inputs, report, gh)
    case 'results':
      return (await import('./modes/results.js')).runResults(inputs, report, gh)
    case 'verify':
      return (await import('./modes/verify.js')).runVerify(inputs, report, gh, verify)
  }
}
