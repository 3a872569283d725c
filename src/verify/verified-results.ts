import { sha256Digest } from '../proof/binding-document.js'
import { RESULTS_FILES } from '../proof/layout.js'
import { loadProofBundle } from '../proof/proof-bundle.js'
import { decodeResults, type DecodedResults } from './results-decode.js'
import type { BundleVerdict } from './verdict.js'

/**
 * What the report and the job summary show of each bundle's results: the decoded results.json
 * of a bundle whose results layer passed `results-content`, read again and shown only when its
 * bytes still have the digest that check accepted (a file changed since shows nothing). Display
 * only: no verdict depends on it.
 */
export async function verifiedResultsOf(
  verdicts: readonly BundleVerdict[]
): Promise<(DecodedResults | undefined)[]> {
  return Promise.all(verdicts.map(resultsOf))
}

async function resultsOf(v: BundleVerdict): Promise<DecodedResults | undefined> {
  const signed = v.facts.results?.digest
  if (signed === undefined) return undefined
  try {
    const bytes = (await loadProofBundle(v.bundle)).files[RESULTS_FILES.results]
    if (bytes === undefined || sha256Digest(bytes) !== signed) return undefined
    return decodeResults(bytes)
  } catch {
    return undefined
  }
}
