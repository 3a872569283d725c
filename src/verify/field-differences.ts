import { canonicalJson } from '../proof/binding-document.js'
import { mismatch } from './outcome.js'
import type { Mismatch } from './verdict.js'

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** A string as itself (the text quotes it), anything else as canonical JSON; absent is null. */
const text = (v: unknown): string | null =>
  v === undefined ? null : typeof v === 'string' ? v : canonicalJson(v)

/**
 * Every leaf where `actual` differs from `expected`, by dotted path (`runtime.job_id`,
 * `files.receipt.json`), with both values. Objects are compared
 * member by member; arrays and scalars as whole values.
 */
export function fieldDifferences(expected: unknown, actual: unknown, path = ''): Mismatch[] {
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()
    return keys.flatMap(k =>
      fieldDifferences(expected[k], actual[k], path === '' ? k : `${path}.${k}`)
    )
  }
  const same =
    expected === undefined || actual === undefined
      ? expected === actual
      : canonicalJson(expected) === canonicalJson(actual)
  return same ? [] : [mismatch(path === '' ? '(document)' : path, text(expected), text(actual))]
}
