import { describe, expect, it } from 'vitest'
import { escapeText, renderSummary, SUMMARY_BYTE_LIMIT } from '../../src/github/summary.js'
import type { BundleVerdict } from '../../src/verify/verdict.js'

const hostile = '<script>alert(1)</script> [click](javascript:alert(1)) @octo-org/admins #1 | ` **'

function verdict(i: number, detail = 'fine'): BundleVerdict {
  return {
    ok: i % 2 === 0,
    bundle: `proof/${i}.qprov.json`,
    jobId: `job-${i}`,
    checks: [
      { name: 'statement-signature', status: 'pass', detail },
      i % 2 === 0
        ? { name: 'binding-consistency', status: 'pass', detail }
        : { name: 'binding-consistency', status: 'fail', finding: 'binding-differs', detail }
    ],
    facts: {}
  }
}

describe('job summary', () => {
  it('escapes untrusted text so no tag, link, mention, table cell or code span survives', () => {
    const md = renderSummary({
      title: `verify ${hostile}`,
      rows: [[hostile, hostile]],
      verdicts: [{ ...verdict(1, hostile), bundle: hostile, jobId: hostile }],
      chain: { jobId: hostile, statementDigest: `sha256:${'a'.repeat(64)}` }
    })
    expect(md).not.toContain('<script>')
    expect(md).not.toContain('](javascript')
    expect(md).not.toMatch(/@octo-org/)
    expect(md).not.toContain('#1 ')
    expect(md).not.toMatch(/[^`]`[^`]/)
    expect(escapeText('a|b')).toBe('a&#124;b')
    // Mermaid labels keep a safe alphabet only.
    const mermaid = md.slice(md.indexOf('```mermaid'), md.lastIndexOf('```'))
    expect(mermaid).not.toMatch(/<script|\]\(|"[^\]]*"[^\]]*"\]/)
    expect(mermaid).toContain('W --> R --> S --> K --> J --> B')
  })

  it('shows a signature without a log entry as timestamped only, not as unknown', () => {
    const chain = (rekorLogIndex: string | null | undefined) =>
      renderSummary({
        title: 't',
        chain: { ...(rekorLogIndex !== undefined ? { rekorLogIndex } : {}) }
      })
    expect(chain(null)).toContain('K["Rekor<br/>none: TSA only"]')
    expect(chain('42')).toContain('K["Rekor<br/>_42"]') // '#' is outside Mermaid's safe alphabet
    expect(chain(undefined)).toContain('K["Rekor<br/>—"]')
  })

  it('names each check and its status, with a ✅/❌ headline per bundle', () => {
    const md = renderSummary({ title: 'qprov verify', verdicts: [verdict(0), verdict(1)] })
    expect(md).toContain('1 of 2 proof bundles verified')
    expect(md).toContain('❌ not verified: <code>proof/1.qprov.json</code>')
    expect(md).toMatch(/binding-consistency<\/code><\/td><td>❌ fail/)
  })

  it('stays under 1 MiB and says how many bundles it left out', () => {
    const verdicts = Array.from({ length: 3000 }, (_, i) => verdict(i, 'd'.repeat(500)))
    const md = renderSummary({ title: 'many', verdicts })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024)
    expect(Buffer.byteLength(md)).toBeGreaterThan(SUMMARY_BYTE_LIMIT - 4096)
    const shown = md.match(/<\/code> \(job/g)!.length
    expect(md).toContain(`${3000 - shown} more proof bundles are not shown`)
  })

  it('links only http(s) URLs', () => {
    const md = renderSummary({
      title: 't',
      links: [
        { label: 'ok', url: 'https://search.sigstore.dev/?logIndex=1' },
        { label: 'bad', url: 'javascript:alert(1)' }
      ]
    })
    expect(md).toContain('href="https://search.sigstore.dev/?logIndex=1"')
    expect(md).not.toContain('javascript')
  })
})
