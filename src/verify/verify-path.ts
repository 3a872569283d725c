import type { PreparedTrust } from '../sigstore/verify-bundle.js'
import { loadProofBundle } from '../proof/proof-bundle.js'
import { oneLine } from '../errors.js'
import type { CheckOptions } from './options.js'
import { verifyBundleFiles } from './verify-bundle-files.js'
import type { BundleVerdict } from './verdict.js'

/** Reads one proof bundle (either form) and verifies it; a read failure is a failed bundle. */
export async function verifyPath(
  path: string,
  opts: CheckOptions,
  trust: PreparedTrust
): Promise<BundleVerdict> {
  try {
    return verifyBundleFiles(await loadProofBundle(path), opts, trust)
  } catch (e) {
    return verifyBundleFiles({ path, form: 'directory', files: {}, error: oneLine(e) }, opts, trust)
  }
}
