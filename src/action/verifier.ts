import { verifyProofBundles } from '../verify/index.js'
import type { ProofVerifier } from './modes/verify.js'

/**
 * The offline verifier (src/verify/), the same one `qprov verify` runs, on the step's own thread:
 * a gate checks a handful of bundles, and the bundled action ships no worker module.
 */
export const proofVerifier: ProofVerifier = (paths, options) =>
  verifyProofBundles(paths, { ...options, workers: 0 })
