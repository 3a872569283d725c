import {
  IN_TOTO_PAYLOAD_TYPE,
  MANIFEST_SUBJECT_NAME,
  buildStatement,
  predicateTypeFor,
  type InTotoStatement
} from '../attest/statement.js'
import { sha256Digest } from '../binding/binding-document.js'
import { STATEMENT_SUBJECT_NAME } from '../binding/binding-statement.js'
import { BINDING_PREDICATE_TYPE, PROOF_FILES } from '../binding/layout.js'
import { oneLine } from '../errors.js'
import { fail, pass, skip, type BundleContext } from './bundle-context.js'
import type { Outcome } from './signature-checks.js'

const sameSubjects = (a: InTotoStatement['subject'], b: InTotoStatement['subject']): boolean =>
  JSON.stringify(a) === JSON.stringify(b)

/** `statement-content`: both statements' payload type, _type, pinned predicate type and subjects. */
export function statementContent(ctx: BundleContext): Outcome {
  if (ctx.stmt.signature.status !== 'pass' || ctx.bind.signature.status !== 'pass')
    return skip('not run: a signature did not verify')
  if (ctx.stmt.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return fail(`workload statement payloadType is ${JSON.stringify(ctx.stmt.payloadType)}`)
  if (ctx.bind.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return fail(`binding statement payloadType is ${JSON.stringify(ctx.bind.payloadType)}`)
  const s = ctx.statement
  const b = ctx.bindingStatement
  if (s === undefined) return fail('the workload statement is not an in-toto Statement v1')
  if (b === undefined) return fail('the binding statement is not an in-toto Statement v1')
  const stmtFile = ctx.files[PROOF_FILES.statement]
  if (
    stmtFile === undefined ||
    ctx.stmt.payload === undefined ||
    !stmtFile.equals(ctx.stmt.payload)
  )
    return fail('statement.json is not the signed DSSE payload')
  const receipt = s.predicate
  if (receipt === null || typeof receipt !== 'object' || Array.isArray(receipt))
    return fail('the workload statement predicate is not a receipt')
  let expectedType: string
  try {
    expectedType = predicateTypeFor(receipt as Record<string, unknown>)
  } catch (e) {
    return fail(oneLine(e))
  }
  if (s.predicateType !== expectedType)
    return fail(`workload predicateType ${s.predicateType}, expected ${expectedType}`)
  if (ctx.manifest === undefined) return fail(`manifest: ${ctx.manifestError}`)
  let expected: InTotoStatement
  try {
    expected = buildStatement({
      manifest: ctx.manifest,
      receipt: receipt as Record<string, unknown>
    })
  } catch (e) {
    return fail(oneLine(e))
  }
  if (!sameSubjects(s.subject, expected.subject))
    return fail('the workload statement subjects are not the manifest files, manifest and commit')
  if (b.predicateType !== BINDING_PREDICATE_TYPE)
    return fail(`binding predicateType ${b.predicateType}, expected ${BINDING_PREDICATE_TYPE}`)
  const bindingSubjects = [
    {
      name: STATEMENT_SUBJECT_NAME,
      digest: { sha256: sha256Digest(ctx.stmt.payload).slice(7) }
    },
    { name: MANIFEST_SUBJECT_NAME, digest: { sha256: ctx.manifest.digest.slice(7) } }
  ]
  if (!sameSubjects(b.subject, bindingSubjects))
    return fail('the binding statement subjects are not this statement and package')
  return pass(
    `${s.predicateType} over ${ctx.manifest.files.length} file(s); ${BINDING_PREDICATE_TYPE}`
  )
}
