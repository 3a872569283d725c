import { parseStatement, type InTotoStatement } from '../proof/statement.js'
import { checkBinding, sha256Digest, type BindingDocument } from '../proof/binding-document.js'
import { PROOF_FILES } from '../proof/layout.js'
import type { ProofFiles } from '../proof/proof-bundle.js'
import { oneLine } from '../errors.js'
import { parseManifest, type WorkloadManifest } from '../workload/manifest.js'
import type { CheckOptions } from './options.js'
import type { SignedBundleOutcome } from './signature-checks.js'
import type { ResultsPredicate } from '../proof/results-statement.js'

/** The results layer as read: its signature, and its predicate once the signature verified. */
export interface ResultsLayer {
  sig: SignedBundleOutcome
  predicate?: ResultsPredicate
  predicateError?: string
}

/** Everything the checks of one proof bundle share; signed values only from verified bundles. */
export interface BundleContext {
  files: ProofFiles
  /** The single-file form's `jobId` member. */
  declaredJobId?: string
  /** The job ID a `<id>.qprov.json` file name carries. */
  namedJobId?: string
  opts: CheckOptions
  stmt: SignedBundleOutcome
  bind: SignedBundleOutcome
  /** The workload statement, parsed from the verified DSSE payload. */
  statement?: InTotoStatement
  /** The runtime-binding statement, parsed from its verified DSSE payload. */
  bindingStatement?: InTotoStatement
  /** The binding as signed (the binding statement's predicate, schema-checked). */
  signedBinding?: BindingDocument
  signedBindingError?: string
  manifest?: WorkloadManifest
  manifestError?: string
  /** The results layer, when the bundle has one. */
  results?: ResultsLayer
}

export function digestOf(files: ProofFiles, name: string): string | undefined {
  const b = files[name]
  return b === undefined ? undefined : sha256Digest(b)
}

/** The statement of a verified payload; undefined without one, or when it is no statement. */
function parsedStatement(payload: Buffer | undefined): InTotoStatement | undefined {
  try {
    return parseStatement(payload as Buffer)
  } catch {
    return undefined
  }
}

/** Parses what the checks need once; parse failures are kept for the check that owns them. */
export function completeContext(ctx: BundleContext): BundleContext {
  ctx.statement = parsedStatement(ctx.stmt.payload)
  ctx.bindingStatement = parsedStatement(ctx.bind.payload)
  if (ctx.bindingStatement !== undefined) {
    try {
      ctx.signedBinding = checkBinding(ctx.bindingStatement.predicate)
    } catch (e) {
      ctx.signedBindingError = oneLine(e)
    }
  }
  const m = ctx.files[PROOF_FILES.manifest]
  if (m === undefined) ctx.manifestError = `${PROOF_FILES.manifest} is missing`
  else
    try {
      ctx.manifest = parseManifest(m)
    } catch (e) {
      ctx.manifestError = oneLine(e)
    }
  return ctx
}
