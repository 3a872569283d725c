import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, QprovError, exitCodeOf, type ErrorCode } from '../src/errors.js'

/** The rows of README.md's "Error codes" table: code, exit status, category. */
function readmeRows(): [string, number, string][] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const section = readme.slice(readme.indexOf('### Error codes'))
  const end = section.slice(1).search(/\n#{1,3} /)
  return [
    ...section
      .slice(0, end < 0 ? undefined : end + 1)
      .matchAll(/^\| `([A-Z_]+)` \| (\d) \| ([a-z]+) \|/gm)
  ].map(m => [m[1] as string, Number(m[2]), m[3] as string])
}

const table = Object.entries(ERROR_CODES) as [ErrorCode, { exit: number; category: string }][]

describe('the error table', () => {
  it('is documented in README.md exactly as src/errors.ts has it, in the same order', () => {
    expect(readmeRows()).toEqual(table.map(([code, e]) => [code, e.exit, e.category]))
  })

  it('exits 2 for usage and input errors and 1 for every other category', () => {
    for (const [code, e] of table)
      expect([code, e.exit]).toEqual([code, ['usage', 'input'].includes(e.category) ? 2 : 1])
  })

  it('decides the exit status of every QprovError', () => {
    for (const [code, e] of table) {
      expect(exitCodeOf(code)).toBe(e.exit)
      expect(new QprovError(code, 'x').exitCode).toBe(e.exit)
    }
  })
})
