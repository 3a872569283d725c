import type { CheckName, FileChange, FindingKind, Mismatch, SkipReason } from './verdict.js'
import type { VerifyFailureCode } from '../errors.js'

/**
 * The sentences people read. Built from typed outcome data and never read back: verify/ decides
 * from finding kinds and skip reasons only (test/verify/text-independence.test.ts proves it by
 * replacing every sentence here).
 */

export interface FindingFacts {
  /** What the finding is about: a file name, a bundle, a tag. */
  subject?: string
  mismatches?: Mismatch[]
  changes?: FileChange[]
  code?: VerifyFailureCode
  /** Further words for people, e.g. a library's error message. */
  note?: string
}

const FINDING_TEXT: Record<FindingKind, string> = {
  'bundle-unreadable': 'the proof bundle could not be read',
  'verification-error': 'verification stopped on an unexpected error',
  'worker-lost': 'no verify worker returned a verdict for this bundle',
  'file-missing': 'is missing',
  'bundle-not-json': 'is not JSON',
  'bundle-malformed': 'is not a Sigstore bundle',
  'bundle-not-canonical': 'is not in canonical form (JSON.stringify of the bundle)',
  'unsigned-field': 'a field no signature covers is not what the signing profile writes',
  'signature-invalid': 'did not verify',
  'untrusted-root': 'was not signed under the trusted root in use',
  'not-dsse': 'is not a DSSE bundle',
  'signer-policy': 'the signer does not satisfy the policy',
  'signers-differ': 'the two statements have different signers',
  'certificate-unreadable': 'the signing certificate cannot be read',
  'payload-type': 'the DSSE payload type is not in-toto',
  'statement-invalid': 'is not an in-toto Statement v1',
  'statement-file-differs': 'statement.json is not the signed DSSE payload',
  'predicate-type': 'the predicate type is not the pinned one',
  'subjects-differ': 'the subjects are not the expected ones',
  'statement-not-rebuilt': 'the signed payload is not exactly the statement qprov builds from it',
  'manifest-invalid': 'workload.manifest.json is not a valid manifest',
  'receipt-invalid': 'receipt.json does not verify as an AIIR receipt',
  'receipt-differs': 'receipt.json differs from the signed statement predicate',
  'commit-missing': 'the signed receipt has no commit.sha',
  'commit-mismatch': 'the commits disagree',
  'tlog-entry-invalid': 'the statement bundle tlog entry cannot be read',
  'tlog-entry-mismatch': 'the binding does not name the statement bundle Rekor entry',
  'binding-invalid': 'the binding is not a valid binding v1',
  'binding-differs': 'binding.json is not the signed predicate',
  'digest-mismatch': 'a file does not have the sha256 the binding lists',
  'provenance-mismatch': 'a provenance field disagrees with the files',
  'record-invalid': 'runtime-job.json is not a valid job record',
  'job-mismatch': 'the job ID is not the expected one',
  'tags-invalid': 'the job record tags do not parse',
  'tags-missing': 'the job record carries no qprov tags',
  'tag-mismatch': 'a qprov tag disagrees with the signed binding',
  'record-mismatch': 'the job record disagrees with the signed binding',
  'workload-mismatch': 'the workload files are not the signed manifest',
  'spec-without-circuits': 'the signed job spec has no .qasm file beside it in the signed package',
  'spec-not-in-workload': 'the signed job spec is not in the --workload given',
  'spec-digest-differs': 'the job spec read from the workload is not the signed one',
  'circuit-outside-package': 'a circuit the signed job spec names is outside the package',
  'circuit-not-in-manifest': 'a circuit the signed job spec names is not in the signed manifest',
  'circuit-digest-differs': 'a circuit the signed job spec names differs from the signed one',
  'ai-attestation-invalid': 'the receipt ai_attestation cannot be read',
  'ai-involved': 'the receipt records AI involvement',
  'ai-undeclared': 'the receipt records AI involvement that names no tool',
  'online-unavailable': 'the live job could not be read',
  'online-mismatch': 'the live job disagrees with the binding',
  'online-circuits-unreadable':
    'the circuits of the live job cannot be compared with the signed files',
  'online-circuit-mismatch': 'the live job runs a circuit the package does not sign',
  'results-missing': 'the bundle has no results layer, and results are required',
  'results-statement-differs': 'is not the signed DSSE payload',
  'results-invalid': 'is not a runtime-results statement qprov writes',
  'results-mismatch': 'the results statement does not belong to this bundle',
  'results-digest-mismatch': 'a stored file does not have the sha256 the results statement signs',
  'results-not-completed': 'the signed results are not of a Completed job',
  'online-results-unavailable': 'the live results could not be read',
  'online-results-mismatch': 'IBM no longer serves the signed results bytes'
}

const quote = (v: string | null): string => (v === null ? 'none' : JSON.stringify(v))

export function mismatchText(m: Mismatch): string {
  return `${m.field} is ${quote(m.actual)}, expected ${quote(m.expected)}`
}

const MAX_LISTED = 20

export function findingText(kind: FindingKind, f: FindingFacts = {}): string {
  const base = FINDING_TEXT[kind]
  // Sentences that start with a verb read as "<subject> is missing"; the others as "<subject>: …".
  const lead =
    f.subject === undefined
      ? base
      : /^(is|did|was) /.test(base)
        ? `${f.subject} ${base}`
        : `${f.subject}: ${base}`
  let text = lead
  if (f.code !== undefined) text += ` [${f.code}]`
  if (f.mismatches?.length) text += `: ${f.mismatches.map(mismatchText).join('; ')}`
  if (f.changes?.length) {
    const listed = f.changes.slice(0, MAX_LISTED).map(c => `${c.change} ${c.path}`)
    const more = f.changes.length - listed.length
    text += `: ${listed.join(', ')}${more > 0 ? `, and ${more} more` : ''}`
  }
  if (f.note !== undefined && f.note !== '') text += ` (${f.note})`
  return text
}

const SKIP_TEXT: Record<SkipReason, string> = {
  'no-workload': 'no --workload given',
  offline: 'offline (no --online)',
  'prerequisite-failed': 'not run',
  'no-results': 'no results layer'
}

export function skipText(reason: SkipReason, prerequisite?: CheckName): string {
  return prerequisite === undefined
    ? SKIP_TEXT[reason]
    : `${SKIP_TEXT[reason]}: ${prerequisite} failed`
}
