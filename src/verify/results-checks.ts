/**
 * The results layer (docs/binding-spec.md): results.sigstore.json signs results-statement.json,
 * whose predicate names this bundle's job, binding and workload statement and the sha256 of
 * results.json, job-metrics.json and backend-properties.json. Without the layer both checks
 * skip (`no-results`), or fail when the caller requires results.
 */
import { oneLine } from '../errors.js'
import { RESULTS_FILES } from '../proof/layout.js'
import type { ProofFiles } from '../proof/proof-bundle.js'
import { parseResultsStatement, RESULTS_DATA_FILES } from '../proof/results-statement.js'
import { IN_TOTO_PAYLOAD_TYPE } from '../proof/statement.js'
import { certificateSigner } from '../sigstore/certificate-signer.js'
import { digestOf, type BundleContext, type ResultsLayer } from './bundle-context.js'
import { fail, mismatch, notRun, pass, skip } from './outcome.js'
import { checkSignedBundle, type SignatureContext } from './signature-checks.js'
import type { Mismatch, Outcome } from './verdict.js'

const ZERO_DIGEST = `sha256:${'0'.repeat(64)}`
const LAYER: readonly string[] = Object.values(RESULTS_FILES)

export function hasResultsLayer(files: ProofFiles): boolean {
  return LAYER.some(n => files[n] !== undefined)
}

/** Verifies results.sigstore.json; undefined when the bundle has no results layer at all. */
export function readResultsLayer(
  files: ProofFiles,
  sig: SignatureContext,
  reference: unknown
): ResultsLayer | undefined {
  if (!hasResultsLayer(files)) return undefined
  const outcome = checkSignedBundle(
    files[RESULTS_FILES.bundle],
    RESULTS_FILES.bundle,
    digestOf(files, RESULTS_FILES.results) ?? ZERO_DIGEST,
    sig,
    reference
  )
  const layer: ResultsLayer = { sig: outcome }
  if (outcome.payload !== undefined)
    try {
      layer.predicate = parseResultsStatement(outcome.payload)
    } catch (e) {
      layer.predicateError = oneLine(e)
    }
  return layer
}

const absent = (ctx: BundleContext): Outcome =>
  ctx.opts.requireResults ? fail('results-missing') : skip('no-results')

/** `results-signature`: signature, log entry, the policy, and the workload statement's signer. */
export function resultsSignature(ctx: BundleContext): Outcome {
  const r = ctx.results
  if (r === undefined) return absent(ctx)
  if (r.sig.signature.status !== 'pass') return r.sig.signature
  if (r.sig.identity?.status === 'fail') return r.sig.identity
  if (ctx.stmt.signature.status !== 'pass') return notRun('statement-signature')
  try {
    const a = certificateSigner(ctx.stmt.json)
    const b = certificateSigner(r.sig.json)
    const differ = [
      a.identity !== b.identity && mismatch('results signer identity', a.identity, b.identity),
      a.issuer !== b.issuer && mismatch('results signer issuer', a.issuer, b.issuer)
    ].filter((m): m is Mismatch => m !== false)
    if (differ.length > 0) return fail('signers-differ', { mismatches: differ })
    return pass(`${b.identity} signed the results statement, logged as the other two`)
  } catch (e) {
    return fail('certificate-unreadable', { note: oneLine(e) })
  }
}

function calibrationDate(bytes: Buffer): string | null {
  try {
    const v = (JSON.parse(bytes.toString('utf8')) as { last_update_date?: unknown })
      .last_update_date
    return typeof v === 'string' ? v : null
  } catch {
    return null
  }
}

/** `results-content`: the predicate names this bundle, every stored file has its signed digest. */
export function resultsContent(ctx: BundleContext, signature: Outcome): Outcome {
  const r = ctx.results
  if (r === undefined) return absent(ctx)
  if (signature.status !== 'pass') return notRun('results-signature')
  const f = ctx.files
  for (const name of LAYER)
    if (f[name] === undefined) return fail('file-missing', { subject: name })
  if (!f[RESULTS_FILES.statement].equals(r.sig.payload as Buffer))
    return fail('results-statement-differs', { subject: RESULTS_FILES.statement })
  if (r.sig.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return fail('payload-type', { subject: RESULTS_FILES.bundle })
  const p = r.predicate
  if (p === undefined)
    return fail('results-invalid', { subject: RESULTS_FILES.statement, note: r.predicateError })
  const b = ctx.signedBinding
  if (ctx.bind.signature.status !== 'pass' || b === undefined) return notRun('binding-signature')
  const bound = [
    mismatch('results job_id', b.runtime.job_id, p.job_id),
    mismatch('results binding', digestOf(f, 'binding.json'), p.binding),
    mismatch('results workload_statement', digestOf(f, 'statement.json'), p.workload_statement),
    mismatch('results backend', b.runtime.backend, p.backend)
  ].filter(m => m.expected !== m.actual)
  if (bound.length > 0) return fail('results-mismatch', { mismatches: bound })
  const files = RESULTS_DATA_FILES.map(n => mismatch(n, p.files[n], digestOf(f, n) ?? null)).filter(
    m => m.expected !== m.actual
  )
  if (files.length > 0) return fail('results-digest-mismatch', { mismatches: files })
  const snapshot = calibrationDate(f[RESULTS_FILES.backendProperties])
  if (snapshot !== p.calibration.last_update_date)
    return fail('results-mismatch', {
      mismatches: [
        mismatch('calibration last_update_date', p.calibration.last_update_date, snapshot)
      ]
    })
  if (p.status !== 'Completed')
    return fail('results-not-completed', {
      mismatches: [mismatch('status', 'Completed', p.status)]
    })
  return pass(
    `job ${p.job_id} Completed on ${p.backend}; results, metrics and the calibration of ` +
      `${p.calibration.last_update_date} are the bytes signed at ${p.fetched_at}`
  )
}
