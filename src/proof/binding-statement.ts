import { predicateValue } from './predicate-value.js'
import { MANIFEST_SUBJECT_NAME, STATEMENT_TYPE, type InTotoStatement } from './statement.js'
import { QprovError } from '../errors.js'
import { JsonSyntaxError, parseJsonLiteral } from '../receipt/json-literal.js'
import { BINDING_PREDICATE_TYPE, PROOF_FILES } from './layout.js'
import type { BindingDocument } from './binding-document.js'

/** Subject name of the workload statement in the runtime-binding statement. */
export const STATEMENT_SUBJECT_NAME = PROOF_FILES.statement

const hex = (digest: string): string => digest.replace(/^sha256:/, '')

/**
 * The runtime-binding statement: subjects are the workload statement (sha256 of its exact DSSE
 * payload bytes) and the workload package; the predicate is binding.json's value, so every field
 * of binding.json is signed (binding.json = canonicalJson(predicate), compared byte for byte).
 */
export function buildBindingStatement(doc: BindingDocument): InTotoStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: [
      { name: STATEMENT_SUBJECT_NAME, digest: { sha256: hex(doc.provenance.aiir_statement) } },
      { name: MANIFEST_SUBJECT_NAME, digest: { sha256: hex(doc.provenance.workload_package) } }
    ],
    predicateType: BINDING_PREDICATE_TYPE,
    predicate: doc
  }
}

export function bindingStatementPayload(doc: BindingDocument): Buffer {
  return Buffer.from(JSON.stringify(buildBindingStatement(doc)), 'utf8')
}

/**
 * receipt.json: the workload statement's predicate (the AIIR receipt) as compact JSON, number
 * literals kept as written. A function of the signed payload, so the verifier recomputes it and
 * compares bytes.
 */
export function receiptFileBytes(statementPayload: Uint8Array): Buffer {
  let parsed: unknown
  try {
    parsed = parseJsonLiteral(Buffer.from(statementPayload).toString('utf8'))
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      throw new QprovError('STATEMENT_INVALID', 'statement.json is not JSON', { cause: e })
    throw e
  }
  const predicate = (parsed as { predicate?: unknown } | null)?.predicate
  if (predicate === null || typeof predicate !== 'object' || Array.isArray(predicate))
    throw new QprovError('STATEMENT_INVALID', 'the statement predicate is not a receipt object')
  return Buffer.from(JSON.stringify(predicateValue(predicate)), 'utf8')
}
