import type { BundleVerdict } from './verdict.js'

const MARK = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' } as const

/** Control characters from bundle content never reach a terminal. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
}

/** The readable table: one line per check, then the verdict; bundles separated by a blank line. */
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

/**
 * The --json contract: one object for one bundle, an array for several, in input order. Each
 * check carries its typed data (finding, skip reason, mismatches, file changes) beside the detail.
 */
export function renderJson(verdicts: BundleVerdict[]): unknown {
  const shape = (v: BundleVerdict) => ({
    ok: v.ok,
    bundle: v.bundle,
    jobId: v.jobId,
    checks: v.checks.map(c => ({ ...c }))
  })
  return verdicts.length === 1 ? shape(verdicts[0]) : verdicts.map(shape)
}
