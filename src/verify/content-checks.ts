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
    return fail(oneLine(e))
  }
  if (!rebuilt.equals(ctx.stmt.payload))
    return fail('the workload statement is not exactly the statement of its manifest and receipt')
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
  // The binding statement is a function of binding.json: any other signed bytes (an unknown
  // member, a duplicate key another parser would read differently) are refused.
  if (ctx.signedBinding === undefined)
    return fail(`the signed binding is invalid: ${ctx.signedBindingError}`)
  if (
    ctx.bind.payload === undefined ||
    !bindingStatementPayload(ctx.signedBinding).equals(ctx.bind.payload)
  )
    return fail('the binding statement is not exactly the statement of its binding')
  return pass(
    `${s.predicateType} over ${ctx.manifest.files.length} file(s); ${BINDING_PREDICATE_TYPE}`
  )
}
