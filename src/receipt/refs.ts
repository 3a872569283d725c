import { QprovError } from '../errors.js'

/** The reference's ref hygiene: nothing that looks like an option or could reach a shell. */
const FORBIDDEN = /[;&|$`!><{}()\0\r\n]/
export const MAX_COMMITS = 1000

export function checkRef(ref: string): string {
  if (
    ref === '' ||
    ref.length > 1024 ||
    ref.startsWith('-') ||
    FORBIDDEN.test(ref) ||
    ref.includes('/../')
  )
    throw new QprovError('BAD_REF', `invalid git ref: ${JSON.stringify(ref)}`)
  return ref
}

/** A range `A..B` (both sides checked); `A...B` is refused since receipts follow first parents. */
export function checkRange(range: string): string {
  checkRef(range)
  const parts = range.split('..')
  if (parts.length !== 2 || parts.some(p => p === '' || p.startsWith('.')))
    throw new QprovError(
      'BAD_REF',
      `invalid commit range (expected A..B): ${JSON.stringify(range)}`
    )
  parts.forEach(checkRef)
  return range
}
