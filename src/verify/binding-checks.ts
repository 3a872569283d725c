import { rekorEntryOf } from '../sigstore/rekor-entry.js'
import { certificateSigner } from '../sigstore/certificate-signer.js'
import {
  DIGESTED_FILES,
  bindingBytes,
  canonicalJson,
  parseBinding,
  type BindingDocument
} from '../proof/binding-document.js'
import { PROOF_FILES } from '../proof/layout.js'
import { parseRuntimeJob } from '../proof/runtime-job-file.js'
import { oneLine } from '../errors.js'
import { parseJsonLiteral } from '../receipt/json-literal.js'
import { parseInstanceCrn } from '../proof/crn.js'
import { parseTags } from '../proof/tags.js'
import { digestOf, fail, firstProblem, pass, skip, type BundleContext } from './bundle-context.js'
import type { Outcome } from './signature-checks.js'

function signed(ctx: BundleContext): BindingDocument | string {
  if (ctx.bind.signature.status !== 'pass') return 'not run: binding-signature failed'
  return ctx.signedBinding ?? `the signed binding is invalid: ${ctx.signedBindingError}`
}

/** `transparency-entry`: the binding's Rekor uuid and log index are what the statement bundle proves. */
export function transparencyEntry(ctx: BundleContext): Outcome {
  const b = signed(ctx)
  if (typeof b === 'string') return b.startsWith('not run') ? skip(b) : fail(b)
  if (ctx.stmt.signature.status !== 'pass') return skip('not run: statement-signature failed')
  let entry
  try {
    entry = rekorEntryOf(ctx.stmt.json)
  } catch (e) {
    return fail(oneLine(e))
  }
  const t = b.provenance.transparency_entry
  if (entry === undefined)
    return t === null
      ? pass('no Rekor entry (timestamp only), none bound')
      : fail('the binding names a Rekor entry the statement bundle does not have')
  if (t === null)
    return fail(`the binding names no Rekor entry; the statement is logged at ${entry.logIndex}`)
  if (String(t.log_index) !== entry.logIndex)
    return fail(`binding log_index ${t.log_index}, statement bundle ${entry.logIndex}`)
  if (t.uuid !== entry.uuid) return fail(`binding uuid ${t.uuid}, statement bundle ${entry.uuid}`)
  return pass(`rekor ${entry.logIndex} ${entry.uuid}`)
}

/** `binding-consistency`: binding.json is the signed predicate and every digest and id in it matches. */
export function bindingConsistency(ctx: BundleContext): Outcome {
  const file = ctx.files[PROOF_FILES.binding]
  if (file === undefined) return fail(`${PROOF_FILES.binding} is missing`)
  let doc: BindingDocument
  try {
    doc = parseBinding(file)
  } catch (e) {
    return fail(oneLine(e))
  }
  const b = signed(ctx)
  if (typeof b === 'string') return b.startsWith('not run') ? skip(b) : fail(b)
  if (!bindingBytes(b).equals(file)) return fail('binding.json is not the signed predicate')
  for (const name of DIGESTED_FILES) {
    const got = digestOf(ctx.files, name)
    if (got === undefined) return fail(`${name} is missing`)
    if (got !== doc.files[name])
      return fail(`${name} has ${got}, the binding says ${doc.files[name]}`)
  }
  let receipt: Record<string, unknown>
  try {
    receipt = parseJsonLiteral(
      (ctx.files[PROOF_FILES.receipt] as Buffer).toString('utf8')
    ) as Record<string, unknown>
  } catch (e) {
    return fail(`receipt.json: ${oneLine(e)}`)
  }
  let signer
  try {
    signer = certificateSigner(ctx.stmt.json)
  } catch (e) {
    return fail(oneLine(e))
  }
  const p = doc.provenance
  const problem = firstProblem([
    p.aiir_statement !== doc.files[PROOF_FILES.statement] &&
      'aiir_statement is not the sha256 of statement.json',
    p.workload_package !== doc.files[PROOF_FILES.manifest] &&
      'workload_package is not the sha256 of workload.manifest.json',
    p.receipt.receipt_id !== receipt?.receipt_id && 'receipt_id differs from receipt.json',
    p.receipt.content_hash !== receipt?.content_hash && 'content_hash differs from receipt.json',
    p.receipt.commit !== (receipt?.commit as { sha?: unknown } | undefined)?.sha &&
      'commit differs from receipt.json',
    (p.signer.identity !== signer.identity || p.signer.issuer !== signer.issuer) &&
      'signer differs from the statement certificate'
  ])
  return problem
    ? fail(problem)
    : pass(`binding.json is signed and lists ${DIGESTED_FILES.length} file digests that match`)
}

function regionOf(crn: string): string | undefined {
  try {
    return parseInstanceCrn(crn).location
  } catch {
    return undefined
  }
}

const canonicalOrNone = (v: unknown): string => (v === undefined ? '' : canonicalJson(v))

/** `runtime-record`: runtime-job.json is this job's record and its qprov tags point at this evidence. */
export function runtimeRecord(ctx: BundleContext): Outcome {
  const file = ctx.files[PROOF_FILES.runtimeJob]
  if (file === undefined) return fail(`${PROOF_FILES.runtimeJob} is missing`)
  let job
  try {
    job = parseRuntimeJob(file)
  } catch (e) {
    return fail(oneLine(e))
  }
  const b = signed(ctx)
  if (typeof b === 'string') return b.startsWith('not run') ? skip(b) : fail(b)
  if (ctx.declaredJobId !== undefined && ctx.declaredJobId !== b.runtime.job_id)
    return fail(`the bundle file names job ${ctx.declaredJobId}, the binding ${b.runtime.job_id}`)
  if (job.jobId !== b.runtime.job_id)
    return fail(`runtime-job.json is job ${job.jobId}, the binding is job ${b.runtime.job_id}`)
  let refs
  try {
    refs = parseTags(job.tags).refs
  } catch (e) {
    return fail(`tags: ${oneLine(e)}`)
  }
  if (refs === undefined) return fail('the job record carries no qprov tags')
  const t = b.provenance.transparency_entry
  const r = b.runtime
  const problem = firstProblem([
    refs.statementDigest !== b.provenance.aiir_statement &&
      `tag qprov-stmt is ${refs.statementDigest}`,
    refs.packageDigest !== b.provenance.workload_package &&
      `tag qprov-pkg is ${refs.packageDigest}`,
    refs.rekorLogIndex !== (t ? String(t.log_index) : undefined) &&
      `tag qprov-rekor-idx is ${refs.rekorLogIndex}`,
    refs.rekorUuid !== undefined &&
      refs.rekorUuid !== t?.uuid &&
      `tag qprov-rekor-uuid is ${refs.rekorUuid}`,
    (job.sessionId ?? null) !== r.session_id && 'sessionId differs from the binding',
    (job.backend ?? null) !== r.backend && 'backend differs from the binding',
    (job.program ?? null) !== r.program && 'program differs from the binding',
    (job.created ?? null) !== r.created && 'created differs from the binding',
    job.instanceCRN !== r.instance.crn && 'instanceCRN differs from the binding',
    regionOf(r.instance.crn) !== r.instance.region &&
      `region ${r.instance.region} is not the CRN's location`,
    job.backendSource !== undefined &&
      job.backendSource !== r.backend_source &&
      'backendSource differs from the binding',
    canonicalOrNone(job.targetCheck) !== canonicalOrNone(r.target_check) &&
      'targetCheck differs from the binding'
  ])
  return problem
    ? fail(problem)
    : pass(`job ${job.jobId}: ${job.tags.length} tags carry this statement, package and log entry`)
}
