import { verifyProofBundles } from '../verify/index.js'
import type { ProofVerifier } from './modes/verify.js'

/** The offline verifier (src/verify/), the same one `qprov verify` runs. */
export const proofVerifier: ProofVerifier = (paths, options) => verifyProofBundles(paths, options)
