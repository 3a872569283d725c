import { cleanText as clean } from '../untrusted-text.js'
import type { BundleVerdict } from './verdict.js'

const MARK = { pass: 'pass', fail: 'FAIL', skip: 'skip' } as const

/**
 * The readable table: one line per check, then the verdict; bundles separated by a blank line.
 * Every field stays on its line (a detail with a line break could forge a row); the terminal's
 * escaper (cli/io.ts) handles the rest.
 */
export function renderText(verdicts: BundleVerdict[]): string {
  const blocks = verdicts.map(v => {
    const lines = [`${clean(v.bundle)}${v.jobId ? ` (job ${clean(v.jobId)})` : ''}`]
    const width = Math.max(...v.checks.map(c => c.name.length))
    for (const c of v.checks)
      lines.push(`  ${MARK[c.status]}  ${c.name.padEnd(width)}  ${clean(c.detail)}`)
    const skipped = v.checks.filter(c => c.status === 'skip').map(c => c.name)
    const failed = v.checks.filter(c => c.status === 'fail').map(c => c.name)
    lines.push(
      v.ok
        ? `  verified${skipped.length ? ` (skipped: ${skipped.join(', ')})` : ''}`
        : `  NOT verified: ${failed.length ? `failed ${failed.join(', ')}` : `not run ${skipped.join(', ')}`}`
    )
    return lines.join('\n')
  })
  if (verdicts.length > 1) {
    const ok = verdicts.filter(v => v.ok).length
    blocks.push(`${ok} of ${verdicts.length} proof bundles verified`)
  }
  return blocks.join('\n\n')
}
