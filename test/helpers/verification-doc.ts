import { expect } from 'vitest'
import schema from '../../schemas/verification.v1.schema.json' with { type: 'json' }
import { compileValidator } from '../../src/json-schema.js'
import type { VerificationDocument } from '../../src/verify/verification-document.js'

export const validateVerification = compileValidator(schema)

/** Parses `qprov verify --json` output or the action's report file, and checks its schema. */
export function verificationDoc(text: string): VerificationDocument {
  const doc = JSON.parse(text) as VerificationDocument
  expect(validateVerification(doc), JSON.stringify(validateVerification.errors)).toBe(true)
  return doc
}

/** The one verdict of a document that must hold exactly one. */
export function onlyVerdict(text: string): VerificationDocument['verdicts'][number] {
  const doc = verificationDoc(text)
  expect(doc.verdicts).toHaveLength(1)
  return doc.verdicts[0] as VerificationDocument['verdicts'][number]
}
