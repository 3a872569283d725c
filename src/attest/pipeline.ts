import { QprovError } from '../errors.js'
import { checkOutputDir } from '../output-dir.js'
import { generateReceipts } from '../receipt/generate.js'
import { loadReceipts } from '../receipt/ingest.js'
import { NumberLiteral } from '../receipt/json-literal.js'
import { verifyReceipt } from '../receipt/verify.js'
import { buildManifest } from '../workload/manifest.js'
import { writeOutputsAtomically } from './outputs.js'
import { signStatement } from './sign.js'
import type { SigningPlan } from './signing-types.js'
import { buildStatement, statementDigest, statementPayloadBytes } from './statement.js'

export interface AttestOptions {
  /** Workload paths or globs, relative to cwd. */
  workload: string[]
  cwd: string
  /** An existing AIIR receipt file to wrap. */
  receiptFile?: string
  /** Otherwise a receipt is generated for this commit (default HEAD of the repo holding cwd). */
  commit?: string
  /** With a generated receipt: AI tools whose involvement is declared explicitly. */
  declareAi?: string[]
  /** With a generated receipt: the generator id (`qprov.cli` by default). */
  generator?: string
  /** Resolved by planSigning before the call: a missing `id-token: write` costs no workload hash. */
  signing: SigningPlan
  outDir: string
  onProgress?: (message: string) => void
}

export interface AttestResult {
  /** sha256:<hex> over the exact DSSE payload bytes. */
  statementDigest: string
  /** sha256:<hex> of the canonical workload manifest. */
  packageDigest: string
  rekor?: { logIndex: string; uuid: string }
  files: { statement: string; bundle: string; manifest: string }
}

export const OUTPUT_NAMES = {
  statement: 'statement.json',
  bundle: 'statement.sigstore.json',
  manifest: 'workload.manifest.json'
} as const

type RawJSON = (text: string) => unknown
const rawJSON = (JSON as unknown as { rawJSON: RawJSON }).rawJSON

/**
 * The receipt parser keeps non-integer number literals (1.0, 1e3) as NumberLiteral objects so
 * they hash as written; JSON.stringify must emit them verbatim too, or the predicate would differ
 * from the receipt that was verified.
 */
export function predicateValue(value: unknown): unknown {
  if (value instanceof NumberLiteral) {
    if (!Number.isFinite(Number(value.literal)))
      throw new QprovError(
        'RECEIPT_INVALID',
        `receipt holds ${value.literal}, which JSON cannot carry`
      )
    return rawJSON(value.literal)
  }
  if (Array.isArray(value)) return value.map(predicateValue)
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, predicateValue(v)]))
  return value
}

/** Loads the one receipt to wrap, or generates it, and refuses anything that does not verify. */
async function obtainReceipt(opts: AttestOptions): Promise<Record<string, unknown>> {
  let receipt: unknown
  let origin: string
  if (opts.receiptFile) {
    const loaded = await loadReceipts(opts.receiptFile)
    if (loaded.length !== 1)
      throw new QprovError(
        'INPUT_INVALID',
        `${opts.receiptFile} holds ${loaded.length} receipts; attest wraps exactly one`
      )
    receipt = loaded[0]?.receipt
    origin = opts.receiptFile
  } else {
    const commit = opts.commit || 'HEAD'
    opts.onProgress?.(`generating an AIIR receipt for ${commit}`)
    const generated = await generateReceipts({
      repoDir: opts.cwd,
      commit,
      ...(opts.declareAi?.length ? { declareAi: opts.declareAi } : {}),
      ...(opts.generator ? { generator: opts.generator } : {})
    })
    if (generated.length !== 1)
      throw new QprovError(
        'INTERNAL',
        `expected one receipt for ${commit}, got ${generated.length}`
      )
    receipt = generated[0]
    origin = `the receipt generated for ${commit}`
  }
  const verdict = verifyReceipt(receipt)
  if (!verdict.valid)
    throw new QprovError(
      'RECEIPT_INVALID',
      `refusing to attest ${origin}: it does not verify (${verdict.errors.join('; ') || 'hash mismatch'})`,
      { details: { errors: verdict.errors } }
    )
  return predicateValue(receipt) as Record<string, unknown>
}

/** workload → receipt → statement → DSSE signature → three files in outDir, all or nothing. */
export async function attestWorkload(opts: AttestOptions): Promise<AttestResult> {
  const progress = opts.onProgress
  if (opts.receiptFile && opts.commit)
    throw new QprovError('USAGE', 'give either a receipt file or a commit, not both')
  if (opts.receiptFile && opts.declareAi?.length)
    throw new QprovError(
      'USAGE',
      'AI involvement is declared when a receipt is generated, not with a receipt file'
    )
  checkOutputDir(opts.outDir, { what: 'output directory', files: Object.values(OUTPUT_NAMES) })
  progress?.(`hashing the workload (${opts.workload.join(' ')})`)
  const manifest = await buildManifest(opts.workload, { cwd: opts.cwd, onProgress: progress })
  progress?.(`package digest ${manifest.digest} (${manifest.files.length} files)`)
  const receipt = await obtainReceipt(opts)
  const statement = buildStatement({ manifest, receipt })
  const payload = statementPayloadBytes(statement)
  const digest = statementDigest(payload)
  progress?.(`statement digest ${digest}`)
  const signed = await signStatement(payload, opts.signing, { onProgress: progress })
  const files = await writeOutputsAtomically(opts.outDir, [
    [OUTPUT_NAMES.statement, payload],
    [OUTPUT_NAMES.bundle, Buffer.from(`${JSON.stringify(signed.bundle)}\n`)],
    [OUTPUT_NAMES.manifest, manifest.canonicalBytes]
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
