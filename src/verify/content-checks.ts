import {
  IN_TOTO_PAYLOAD_TYPE,
  MANIFEST_SUBJECT_NAME,
  buildStatement,
  predicateTypeFor,
  statementPayloadBytes,
  type InTotoStatement
} from '../proof/statement.js'
import { predicateValue } from '../proof/predicate-value.js'
import { parseJsonLiteral } from '../receipt/json-literal.js'
import { sha256Digest } from '../proof/binding-document.js'
import { STATEMENT_SUBJECT_NAME, bindingStatementPayload } from '../proof/binding-statement.js'
import { BINDING_PREDICATE_TYPE, PROOF_FILES } from '../proof/layout.js'
import { oneLine } from '../errors.js'
import type { BundleContext } from './bundle-context.js'
import { fail, mismatch, notRun, pass } from './outcome.js'
import type { Outcome } from './verdict.js'

const sameSubjects = (a: InTotoStatement['subject'], b: InTotoStatement['subject']): boolean =>
  JSON.stringify(a) === JSON.stringify(b)

const WORKLOAD = 'the workload statement'
const BINDING = 'the binding statement'

/** `statement-content`: both statements' payload type, _type, pinned predicate type and subjects. */
export function statementContent(ctx: BundleContext): Outcome {
  if (ctx.stmt.signature.status !== 'pass') return notRun('statement-signature')
  if (ctx.bind.signature.status !== 'pass') return notRun('binding-signature')
  if (ctx.stmt.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return fail('payload-type', {
      subject: WORKLOAD,
      mismatches: [mismatch('payloadType', IN_TOTO_PAYLOAD_TYPE, ctx.stmt.payloadType)]
    })
  if (ctx.bind.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return fail('payload-type', {
      subject: BINDING,
      mismatches: [mismatch('payloadType', IN_TOTO_PAYLOAD_TYPE, ctx.bind.payloadType)]
    })
  const s = ctx.statement
  const b = ctx.bindingStatement
  if (s === undefined) return fail('statement-invalid', { subject: WORKLOAD })
  if (b === undefined) return fail('statement-invalid', { subject: BINDING })
  const stmtFile = ctx.files[PROOF_FILES.statement]
  if (
    stmtFile === undefined ||
    ctx.stmt.payload === undefined ||
    !stmtFile.equals(ctx.stmt.payload)
  )
    return fail('statement-file-differs')
  const receipt = s.predicate
  if (receipt === null || typeof receipt !== 'object' || Array.isArray(receipt))
    return fail('statement-invalid', { subject: WORKLOAD, note: 'its predicate is not a receipt' })
  let expectedType: string
  try {
    expectedType = predicateTypeFor(receipt as Record<string, unknown>)
  } catch (e) {
    return fail('predicate-type', { subject: WORKLOAD, note: oneLine(e) })
  }
  if (s.predicateType !== expectedType)
    return fail('predicate-type', {
      subject: WORKLOAD,
      mismatches: [mismatch('predicateType', expectedType, s.predicateType)]
    })
  if (ctx.manifest === undefined) return fail('manifest-invalid', { note: ctx.manifestError })
  let expected: InTotoStatement
  try {
    expected = buildStatement({
      manifest: ctx.manifest,
      receipt: receipt as Record<string, unknown>
    })
  } catch (e) {
    return fail('statement-not-rebuilt', { subject: WORKLOAD, note: oneLine(e) })
  }
  if (!sameSubjects(s.subject, expected.subject))
    return fail('subjects-differ', {
      subject: WORKLOAD,
      note: 'they must be the manifest files, the manifest and the commit'
    })
  // Likewise the workload statement is a function of the manifest and the receipt bytes.
  let rebuilt: Buffer
  try {
    const literal = parseJsonLiteral(ctx.stmt.payload.toString('utf8')) as { predicate?: unknown }
    rebuilt = statementPayloadBytes(
      buildStatement({
        manifest: ctx.manifest,
        receipt: predicateValue(literal.predicate) as Record<string, unknown>
      })
    )
  } catch (e) {
    return fail('statement-not-rebuilt', { subject: WORKLOAD, note: oneLine(e) })
  }
  if (!rebuilt.equals(ctx.stmt.payload)) return fail('statement-not-rebuilt', { subject: WORKLOAD })
  if (b.predicateType !== BINDING_PREDICATE_TYPE)
    return fail('predicate-type', {
      subject: BINDING,
      mismatches: [mismatch('predicateType', BINDING_PREDICATE_TYPE, b.predicateType)]
    })
  const bindingSubjects = [
    {
      name: STATEMENT_SUBJECT_NAME,
      digest: { sha256: sha256Digest(ctx.stmt.payload).slice(7) }
    },
    { name: MANIFEST_SUBJECT_NAME, digest: { sha256: ctx.manifest.digest.slice(7) } }
  ]
  if (!sameSubjects(b.subject, bindingSubjects))
    return fail('subjects-differ', {
      subject: BINDING,
      note: 'they must be this statement and this package'
    })
  // The binding statement is a function of binding.json: any other signed bytes (an unknown
  // member, a duplicate key another parser would read differently) are refused.
  if (ctx.signedBinding === undefined)
    return fail('binding-invalid', { subject: 'the signed binding', note: ctx.signedBindingError })
  if (
    ctx.bind.payload === undefined ||
    !bindingStatementPayload(ctx.signedBinding).equals(ctx.bind.payload)
  )
    return fail('statement-not-rebuilt', { subject: BINDING })
  return pass(
    `${s.predicateType} over ${ctx.manifest.files.length} file(s); ${BINDING_PREDICATE_TYPE}`
  )
}
