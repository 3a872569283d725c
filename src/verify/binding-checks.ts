import type { TrustMaterial } from '@sigstore/verify'
import { rekorEntryOf } from '../sigstore/rekor-entry.js'
import { certificateSigner } from '../sigstore/certificate-signer.js'
import {
  DIGESTED_FILES,
  bindingBytes,
  canonicalJson,
  entryTagRefs,
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

/**
 * `transparency-entry`: the entry the binding records is the one the statement bundle proves:
 * v1 by uuid and global index; v2 by log ID and index within the shard, the shard being the one
 * the pinned trusted root lists under that log ID, at that base URL, under that checkpoint origin
 * (statement-signature verified the checkpoint with that log's key).
 */
export function transparencyEntry(ctx: BundleContext, trust: TrustMaterial): Outcome {
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
  const versions = (bound: number) =>
    fail(
      `the binding records a Rekor v${bound} entry, the statement bundle a v${entry.apiVersion} entry`
    )
  if (String(t.log_index) !== entry.logIndex)
    return fail(`binding log_index ${t.log_index}, statement bundle ${entry.logIndex}`)
  if ('uuid' in t) {
    if (entry.apiVersion !== 1) return versions(1)
    return t.uuid === entry.uuid
      ? pass(`rekor ${entry.logIndex} ${entry.uuid}`)
      : fail(`binding uuid ${t.uuid}, statement bundle ${entry.uuid}`)
  }
  if (entry.apiVersion !== 2) return versions(2)
  if (t.log_id !== entry.logId)
    return fail(`binding log_id ${t.log_id}, statement bundle ${entry.logId}`)
  const log = trust.tlogs.find(l => l.logID.toString('hex') === t.log_id)
  if (log === undefined) return fail(`no trusted root lists Rekor log ${t.log_id}`)
  if (log.baseURL !== t.base_url)
    return fail(
      `the trusted root lists log ${t.log_id} at ${log.baseURL}, the binding says ${t.base_url}`
    )
  const origin = checkpointOrigin(ctx.stmt.json)
  if (origin !== t.base_url.replace(/^https?:\/\//, ''))
    return fail(`the checkpoint origin ${JSON.stringify(origin)} is not the shard ${t.base_url}`)
  return pass(`rekor v2 ${t.base_url} index ${entry.logIndex} (log ${t.log_id})`)
}

/** The first line of the statement entry's checkpoint note: the log that signed the tree head. */
function checkpointOrigin(bundle: unknown): string | undefined {
  const entry = (bundle as { verificationMaterial?: { tlogEntries?: unknown[] } } | undefined)
    ?.verificationMaterial?.tlogEntries?.[0] as
    { inclusionProof?: { checkpoint?: { envelope?: unknown } } } | undefined
  const note = entry?.inclusionProof?.checkpoint?.envelope
  return typeof note === 'string' ? note.split('\n', 1)[0] : undefined
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
  const bound = entryTagRefs(b.provenance.transparency_entry)
  const r = b.runtime
  const problem = firstProblem([
    refs.statementDigest !== b.provenance.aiir_statement &&
      `tag qprov-stmt is ${refs.statementDigest}`,
    refs.packageDigest !== b.provenance.workload_package &&
      `tag qprov-pkg is ${refs.packageDigest}`,
    refs.rekorLogIndex !== bound.rekorLogIndex && `tag qprov-rekor-idx is ${refs.rekorLogIndex}`,
    refs.rekorUuid !== undefined &&
      refs.rekorUuid !== bound.rekorUuid &&
      `tag qprov-rekor-uuid is ${refs.rekorUuid}`,
    refs.rekorLogId !== bound.rekorLogId && `tag qprov-rekor-log is ${refs.rekorLogId}`,
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
