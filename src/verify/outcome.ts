import { findingText, skipText, type FindingFacts } from './outcome-text.js'
import type {
  CheckName,
  FailOutcome,
  FindingKind,
  Mismatch,
  Outcome,
  PassOutcome,
  SkipOutcome,
  SkipReason
} from './verdict.js'

/** Constructors for check outcomes: typed data first, the sentence rendered from it. */

export const pass = (detail: string): PassOutcome => ({ status: 'pass', detail })

export function fail(finding: FindingKind, facts: FindingFacts = {}): FailOutcome {
  const out: FailOutcome = { status: 'fail', finding, detail: findingText(finding, facts) }
  if (facts.mismatches?.length) out.mismatches = facts.mismatches
  if (facts.changes?.length) out.changes = facts.changes
  if (facts.code !== undefined) out.code = facts.code
  return out
}

export function skip(reason: SkipReason, prerequisite?: CheckName): SkipOutcome {
  const out: SkipOutcome = { status: 'skip', reason, detail: skipText(reason, prerequisite) }
  if (prerequisite !== undefined) out.prerequisite = prerequisite
  return out
}

/** A check that cannot run because `prerequisite` did not pass. */
export const notRun = (prerequisite: CheckName): SkipOutcome =>
  skip('prerequisite-failed', prerequisite)

/** One field compared: the signed (expected) value against the one found. */
export function mismatch(
  field: string,
  expected: string | number | null | undefined,
  actual: string | number | null | undefined
): Mismatch {
  const text = (v: string | number | null | undefined): string | null =>
    v === null || v === undefined ? null : String(v)
  return { field, expected: text(expected), actual: text(actual) }
}

/** Whether an outcome stops the checks that need it. */
export const passed = (o: Outcome): boolean => o.status === 'pass'
