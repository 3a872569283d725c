import { describe, expect, it } from 'vitest'
import { nodeStatus, CHAIN_NODES } from '../../src/verify/chain-diagram.js'
import { escapeHtml } from '../../src/verify/html-escape.js'
import { renderHtmlReport } from '../../src/verify/html-report.js'
import { CHECK_NAMES } from '../../src/verify/verdict.js'
import { HOSTILE, okVerdict, tamperedVerdict } from './verdict-fixtures.js'

const headerOf = (html: string) => /<header[^>]*>[\s\S]*?<\/header>/.exec(html)?.[0] ?? ''

describe('HTML report', () => {
  it('puts the verdict first: VERIFIED for an ok chain, NOT VERIFIED when a check failed', () => {
    const ok = renderHtmlReport([okVerdict()])
    expect(headerOf(ok)).toContain('<h1>VERIFIED</h1>')
    expect(ok.indexOf('<h1>')).toBeLessThan(ok.indexOf('<main>'))
    const bad = renderHtmlReport([tamperedVerdict('workload-files', 'bell.qasm changed')])
    expect(headerOf(bad)).toContain('<h1>NOT VERIFIED</h1>')
    expect(bad).toContain('Rejected by: <strong>workload-files</strong>')
  })

  it('never shows a verdict as verified when a check failed, nor zero bundles', () => {
    const lying = { ...tamperedVerdict('binding-signature', 'bad'), ok: true }
    expect(headerOf(renderHtmlReport([lying]))).toContain('NOT VERIFIED')
    expect(headerOf(renderHtmlReport([]))).toContain('NOT VERIFIED')
  })

  it('has one row per check with its status and detail', () => {
    const html = renderHtmlReport([tamperedVerdict('transparency-entry', 'proof mismatch')])
    for (const name of CHECK_NAMES) expect(html).toContain(`data-check="${name}"`)
    expect(html).toContain('data-check="transparency-entry" data-status="fail"')
    expect(html).toContain('data-check="online-runtime" data-status="skip"')
    expect(html).toContain('proof mismatch')
  })

  it('loads nothing: a CSP forbidding every fetch, no script, no external URL', () => {
    const html = renderHtmlReport([okVerdict(), tamperedVerdict('ai-policy', 'undeclared')])
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toMatch(/default-src &#39;none&#39;/)
    expect(csp).toMatch(/style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/)
    expect(csp).not.toMatch(/unsafe/)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http/i)
    // The only links are to anchors in the page; URLs appear as text, never as a source.
    expect(html).not.toMatch(/\s(?:src|action|srcset|poster|background)=/i)
    expect(html.match(/\shref="[^"]*"/g)?.every(h => h.startsWith(' href="#'))).toBe(true)
  })

  it('escapes hostile text from the bundle everywhere it appears', () => {
    for (const evil of HOSTILE) {
      const v = tamperedVerdict('statement-content', evil, evil)
      v.jobId = evil
      v.facts = { signerIdentity: evil, rekor: { logIndex: evil, uuid: evil } }
      const html = renderHtmlReport([v, okVerdict(evil)])
      expect(html).not.toContain(evil)
      expect(html).toContain(escapeHtml(evil))
      expect(html).not.toMatch(/<script|<img|<style>body|<a href="https/)
      expect(html.match(/<\/svg>/g)).toHaveLength(2)
    }
  })

  it('escapes control, bidi and line-break characters that could disguise text', () => {
    expect(escapeHtml('a\u202eb\u0000c\td\ne')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde')
  })

  it('links each bundle of a batch from a summary table', () => {
    const html = renderHtmlReport([okVerdict('a'), tamperedVerdict('runtime-record', 'x', 'b')])
    expect(html).toContain('<section id="summary">')
    expect(html).toContain('<a href="#bundle-1">')
    expect(html).toContain('<a href="#bundle-2">')
    expect(html).toContain('id="bundle-2" data-ok="false"')
    expect(headerOf(html)).toContain('1 of 2 proof bundles verified')
    expect(renderHtmlReport([okVerdict()])).not.toContain('id="summary"')
  })

  it('colours each chain link by the checks that cover it', () => {
    const v = tamperedVerdict('ai-policy', 'x')
    const receipt = CHAIN_NODES.find(n => n.id === 'receipt')
    const job = CHAIN_NODES.find(n => n.id === 'job')
    expect(nodeStatus(v.checks, receipt?.checks ?? [])).toBe('fail')
    expect(nodeStatus(v.checks, job?.checks ?? [])).toBe('pass')
    expect(nodeStatus([], job?.checks ?? [])).toBe('skip')
    const html = renderHtmlReport([v])
    expect(html).toContain('data-node="receipt" data-status="fail"')
    expect(html).toContain('data-node="workload" data-status="pass"')
    // Every check is drawn on some link.
    expect(new Set(CHAIN_NODES.flatMap(n => n.checks))).toEqual(new Set(CHECK_NAMES))
  })
})
