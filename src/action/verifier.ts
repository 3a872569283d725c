import { QprovError } from '../errors.js'
import type { ProofVerifier } from './modes/verify.js'

/**
 * The verifier verify mode calls: verifyProofBundles from src/verify/ once it is on main.
 * Until then this build has none, and says so rather than pass anything.
 */
export const proofVerifier: ProofVerifier = () =>
  Promise.reject(
    new QprovError(
      'INTERNAL',
      'this build of qprov has no proof bundle verifier (src/verify/index.ts)'
    )
  )
