import type { TrustMaterial } from '@sigstore/verify'
import { rekorEntryOf, type RekorEntryRef } from '../sigstore/rekor-entry.js'
import { certificateSigner } from '../sigstore/certificate-signer.js'
import {
  DIGESTED_FILES,
  bindingBytes,
  canonicalJson,
  entryTagRefs,
  parseBinding,
  type BindingDocument,
  type TransparencyEntry
} from '../proof/binding-document.js'
import { PROOF_FILES } from '../proof/layout.js'
import { parseRuntimeJob } from '../proof/runtime-job-file.js'
import { oneLine } from '../errors.js'
import { parseJsonLiteral } from '../receipt/json-literal.js'
import { parseInstanceCrn } from '../proof/crn.js'
import { parseTags } from '../proof/tags.js'
import { digestOf, type BundleContext } from './bundle-context.js'
import { fieldDifferences } from './field-differences.js'
import { fail, mismatch, notRun, pass } from './outcome.js'
import type { Mismatch, Outcome } from './verdict.js'

/** The signed binding, or the outcome a check that needs it reports instead. */
function signed(ctx: BundleContext): BindingDocument | Outcome {
  if (ctx.bind.signature.status !== 'pass') return notRun('binding-signature')
  return (
    ctx.signedBinding ??
    fail('binding-invalid', { subject: 'the signed binding', note: ctx.signedBindingError })
  )
}

const isOutcome = (v: BindingDocument | Outcome): v is Outcome => 'status' in v

/**
 * `transparency-entry`: the entry the binding records is the one the statement bundle proves:
 * v1 by uuid and global index; v2 by log ID and index within the shard, the shard being the one
 * the pinned trusted root lists under that log ID, at that base URL, under that checkpoint origin
 * (statement-signature verified the checkpoint with that log's key).
 */
export function transparencyEntry(ctx: BundleContext, trust: TrustMaterial): Outcome {
  const b = signed(ctx)
  if (isOutcome(b)) return b
  if (ctx.stmt.signature.status !== 'pass') return notRun('statement-signature')
  let entry
  try {
    entry = rekorEntryOf(ctx.stmt.json)
  } catch (e) {
    return fail('tlog-entry-invalid', { note: oneLine(e) })
  }
  const t = b.provenance.transparency_entry
  if (entry === undefined)
    return t === null
      ? pass('no Rekor entry (timestamp only), none bound')
      : fail('tlog-entry-mismatch', {
          // expected null: the statement bundle is not logged, so no entry may be bound
          mismatches: [mismatch('transparency_entry', null, 'uuid' in t ? t.uuid : t.log_index)]
        })
  const mismatches: Mismatch[] =
    t === null
      ? [mismatch('transparency_entry', `${entry.logIndex} (Rekor v${entry.apiVersion})`, null)]
      : entryMismatches(entry, t, trust, ctx.stmt.json)
  if (mismatches.length > 0) return fail('tlog-entry-mismatch', { mismatches })
  return entry.apiVersion === 1
    ? pass(`rekor ${entry.logIndex} ${entry.uuid}`)
    : pass(`rekor v2 ${entry.logIndex} in log ${entry.logId}`)
}

/** Every field of the bound entry that differs from the logged one, or from the pinned root. */
function entryMismatches(
  entry: RekorEntryRef,
  t: TransparencyEntry,
  trust: TrustMaterial,
  bundle: unknown
): Mismatch[] {
  const bound = 'uuid' in t ? 1 : t.api_version
  const found = [
    bound !== entry.apiVersion &&
      mismatch('transparency_entry.api_version', entry.apiVersion, bound),
    String(t.log_index) !== entry.logIndex &&
      mismatch('transparency_entry.log_index', entry.logIndex, t.log_index)
  ]
  if ('uuid' in t && entry.apiVersion === 1)
    found.push(t.uuid !== entry.uuid && mismatch('transparency_entry.uuid', entry.uuid, t.uuid))
  if (!('uuid' in t) && entry.apiVersion === 2) {
    const log = trust.tlogs.find(l => l.logID.toString('hex') === entry.logId)
    const origin = checkpointOrigin(bundle)
    const shard = t.base_url.replace(/^https?:\/\//, '')
    found.push(
      t.log_id !== entry.logId && mismatch('transparency_entry.log_id', entry.logId, t.log_id),
      log?.baseURL !== t.base_url &&
        mismatch(
          'transparency_entry.base_url (as the trusted root lists the log)',
          log?.baseURL,
          t.base_url
        ),
      origin !== shard && mismatch('checkpoint origin (the shard of base_url)', shard, origin)
    )
  }
  return found.filter((m): m is Mismatch => m !== false)
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
  if (file === undefined) return fail('file-missing', { subject: PROOF_FILES.binding })
  let doc: BindingDocument
  try {
    doc = parseBinding(file)
  } catch (e) {
    return fail('binding-invalid', { subject: PROOF_FILES.binding, note: oneLine(e) })
  }
  const b = signed(ctx)
  if (isOutcome(b)) return b
  // Both sides are canonical JSON, so bytes that differ always differ in some field.
  if (!bindingBytes(b).equals(file))
    return fail('binding-differs', { mismatches: fieldDifferences(b, doc) })
  const digests: Mismatch[] = []
  for (const name of DIGESTED_FILES) {
    const got = digestOf(ctx.files, name)
    if (got === undefined) return fail('file-missing', { subject: name })
    if (got !== doc.files[name]) digests.push(mismatch(name, doc.files[name], got))
  }
  if (digests.length > 0) return fail('digest-mismatch', { mismatches: digests })
  let receipt: Record<string, unknown>
  try {
    receipt = parseJsonLiteral(
      (ctx.files[PROOF_FILES.receipt] as Buffer).toString('utf8')
    ) as Record<string, unknown>
  } catch (e) {
    return fail('receipt-invalid', { subject: PROOF_FILES.receipt, note: oneLine(e) })
  }
  let signer
  try {
    signer = certificateSigner(ctx.stmt.json)
  } catch (e) {
    return fail('certificate-unreadable', { note: oneLine(e) })
  }
  const p = doc.provenance
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)
  const provenance = [
    mismatch('aiir_statement', doc.files[PROOF_FILES.statement], p.aiir_statement),
    mismatch('workload_package', doc.files[PROOF_FILES.manifest], p.workload_package),
    mismatch('receipt.receipt_id', text(receipt?.receipt_id), p.receipt.receipt_id),
    mismatch('receipt.content_hash', text(receipt?.content_hash), p.receipt.content_hash),
    mismatch(
      'receipt.commit',
      text((receipt?.commit as { sha?: unknown } | undefined)?.sha),
      p.receipt.commit
    ),
    mismatch('signer.identity', signer.identity ?? null, p.signer.identity),
    mismatch('signer.issuer', signer.issuer ?? null, p.signer.issuer)
  ].filter(m => m.expected !== m.actual)
  return provenance.length > 0
    ? fail('provenance-mismatch', { mismatches: provenance })
    : pass(`binding.json is signed and lists ${DIGESTED_FILES.length} file digests that match`)
}

function regionOf(crn: string): string | undefined {
  try {
    return parseInstanceCrn(crn).location
  } catch {
    return undefined
  }
}

const canonicalOrNone = (v: unknown): string | null => (v === undefined ? null : canonicalJson(v))

/** `runtime-record`: runtime-job.json is this job's record and its qprov tags point at this evidence. */
export function runtimeRecord(ctx: BundleContext): Outcome {
  const file = ctx.files[PROOF_FILES.runtimeJob]
  if (file === undefined) return fail('file-missing', { subject: PROOF_FILES.runtimeJob })
  let job
  try {
    job = parseRuntimeJob(file)
  } catch (e) {
    return fail('record-invalid', { note: oneLine(e) })
  }
  const b = signed(ctx)
  if (isOutcome(b)) return b
  const r = b.runtime
  // Each job ID given besides the signed one must be it; absent ones are not compared.
  const jobIds = [
    mismatch('job ID (--job)', ctx.opts.jobId ?? r.job_id, r.job_id),
    mismatch('jobId of the single-file bundle', r.job_id, ctx.declaredJobId ?? r.job_id),
    mismatch('job ID in the bundle file name', ctx.namedJobId ?? r.job_id, r.job_id),
    mismatch('runtime-job.json jobId', r.job_id, job.jobId)
  ].filter(m => m.expected !== m.actual)
  if (jobIds.length > 0) return fail('job-mismatch', { mismatches: jobIds })
  let refs
  try {
    refs = parseTags(job.tags).refs
  } catch (e) {
    return fail('tags-invalid', { note: oneLine(e) })
  }
  if (refs === undefined) return fail('tags-missing')
  const bound = entryTagRefs(b.provenance.transparency_entry)
  const tags = [
    mismatch('tag qprov-stmt', b.provenance.aiir_statement, refs.statementDigest),
    mismatch('tag qprov-pkg', b.provenance.workload_package, refs.packageDigest),
    mismatch('tag qprov-rekor-idx', bound.rekorLogIndex ?? null, refs.rekorLogIndex ?? null),
    // The UUID tag is optional (eight tags at most); when present it must be the bound one.
    refs.rekorUuid === undefined
      ? undefined
      : mismatch('tag qprov-rekor-uuid', bound.rekorUuid ?? null, refs.rekorUuid),
    // A v2 index counts within its shard: the log tag is required with it.
    mismatch('tag qprov-rekor-log', bound.rekorLogId ?? null, refs.rekorLogId ?? null)
  ].filter((m): m is Mismatch => m !== undefined && m.expected !== m.actual)
  if (tags.length > 0) return fail('tag-mismatch', { mismatches: tags })
  const record = [
    mismatch('sessionId', r.session_id, job.sessionId ?? null),
    mismatch('backend', r.backend, job.backend ?? null),
    mismatch('program', r.program, job.program ?? null),
    mismatch('created', r.created, job.created ?? null),
    mismatch('instanceCRN', r.instance.crn, job.instanceCRN),
    mismatch('binding runtime.instance.region', regionOf(r.instance.crn), r.instance.region),
    job.backendSource === undefined
      ? undefined
      : mismatch('backendSource', r.backend_source, job.backendSource),
    mismatch('targetCheck', canonicalOrNone(r.target_check), canonicalOrNone(job.targetCheck))
  ].filter((m): m is Mismatch => m !== undefined && m.expected !== m.actual)
  return record.length > 0
    ? fail('record-mismatch', { mismatches: record })
    : pass(`job ${job.jobId}: ${job.tags.length} tags carry this statement, package and log entry`)
}
