import { checkOutputDir } from '../output-dir.js'
import { buildManifest, type WorkloadManifest } from '../workload/manifest.js'
import { writeFilesAtomically } from '../atomic-file.js'
import { obtainReceipt, type ReceiptSource } from './receipt-source.js'
import { signStatement, type LoggedEntry } from './sign.js'
import type { SigningPlan } from './signing-types.js'
import { buildStatement, statementDigest, statementPayloadBytes } from '../proof/statement.js'

export interface AttestOptions {
  /** Workload paths or globs, relative to cwd. */
  workload: string[]
  cwd: string
  /** The one receipt to wrap (receiptSource() builds it); git runs in cwd. */
  receipt: ReceiptSource
  /**
   * Resolves the signing plan (planSigning); called once the inputs were read and before the
   * workload is hashed, so a bad input costs no token request and a missing token no hash.
   */
  signing: () => Promise<SigningPlan>
  outDir: string
  /** Refuses a package that must not be signed (submit: the job spec's closure); before signing. */
  checkManifest?: (manifest: WorkloadManifest) => void
  onProgress?: (message: string) => void
}

export interface AttestResult {
  /** sha256:<hex> over the exact DSSE payload bytes. */
  statementDigest: string
  /** sha256:<hex> of the canonical workload manifest. */
  packageDigest: string
  rekor?: LoggedEntry
  files: { statement: string; bundle: string; manifest: string }
}

export const OUTPUT_NAMES = {
  statement: 'statement.json',
  bundle: 'statement.sigstore.json',
  manifest: 'workload.manifest.json'
} as const

/** workload → receipt → statement → DSSE signature → three files in outDir, all or nothing. */
export async function attestWorkload(opts: AttestOptions): Promise<AttestResult> {
  const progress = opts.onProgress
  checkOutputDir(opts.outDir, { what: 'output directory', files: Object.values(OUTPUT_NAMES) })
  // A receipt file is input: read and verify it before anything else is done.
  const given =
    opts.receipt.from === 'file' ? await obtainReceipt(opts.receipt, opts.cwd, progress) : undefined
  const plan = await opts.signing()
  progress?.(`hashing the workload (${opts.workload.join(' ')})`)
  const manifest = await buildManifest(opts.workload, { cwd: opts.cwd, onProgress: progress })
  progress?.(`package digest ${manifest.digest} (${manifest.files.length} files)`)
  opts.checkManifest?.(manifest)
  const receipt = given ?? (await obtainReceipt(opts.receipt, opts.cwd, progress))
  const statement = buildStatement({ manifest, receipt: receipt.predicate })
  const payload = statementPayloadBytes(statement)
  const digest = statementDigest(payload)
  progress?.(`statement digest ${digest}`)
  const signed = await signStatement(payload, plan, { onProgress: progress })
  const files = await writeFilesAtomically(opts.outDir, [
    [OUTPUT_NAMES.statement, payload],
    [OUTPUT_NAMES.bundle, Buffer.from(`${JSON.stringify(signed.bundle)}\n`)],
    [OUTPUT_NAMES.manifest, manifest.canonicalBytes],
    ...receipt.files
  ])
  return {
    statementDigest: digest,
    packageDigest: manifest.digest,
    ...(signed.rekor ? { rekor: signed.rekor } : {}),
    files: {
      statement: files[OUTPUT_NAMES.statement] as string,
      bundle: files[OUTPUT_NAMES.bundle] as string,
      manifest: files[OUTPUT_NAMES.manifest] as string
    }
  }
}
