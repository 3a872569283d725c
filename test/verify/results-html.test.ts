import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { renderHtmlReport } from '../../src/verify/html-report.js'
import { escapeHtml } from '../../src/verify/html-escape.js'
import { decodeResultsValue, type DecodedResults } from '../../src/verify/results-decode.js'
import { resultsSection, TOP_BARS } from '../../src/verify/results-html.js'
import { HOSTILE, okVerdict, tamperedVerdict } from './verdict-fixtures.js'

const hex = (n: number) => `0x${n.toString(16)}`
const samplerDoc = (registers: Record<string, { samples: string[]; num_bits: number }>) =>
  decodeResultsValue({ results: [{ data: registers, metadata: {} }], metadata: {} })
const bell = samplerDoc({
  c: { samples: [...Array(510).fill('0x0'), ...Array(490).fill('0x3'), '0x1'], num_bits: 2 }
})

const bars = (html: string) => html.match(/<g class="bar[^"]*"[\s\S]*?<\/g>/g) ?? []

describe('results section of the HTML report', () => {
  it('draws one SVG bar per outcome, scaled to the most frequent, with counts and shares', () => {
    const html = resultsSection(bell, true)
    const [first, second, third] = bars(html)
    expect(first).toBe(
      '<g class="bar" data-count="510"><title>00: 510 (50.9%)</title>' +
        '<text x="182" y="15" text-anchor="end" font-family="ui-monospace,Menlo,Consolas,monospace" font-size="13" fill="#111827">00</text>' +
        '<rect x="190" y="4" width="420" height="16" fill="#2563eb"/>' +
        '<text x="616" y="15" font-size="12" fill="#374151">510 (50.9%)</text></g>'
    )
    expect(second).toContain('<rect x="190" y="26" width="404" height="16"')
    expect(second).toContain('>11</text>')
    expect(third).toContain('width="1" height="16"')
    expect(third).toContain('1 (0.1%)')
    expect(html).toContain(
      'Register <code>c</code>: 2 bits, 1001 shots, 3 distinct outcomes</figcaption>'
    )
    expect(html).toContain('data-pub="0" data-kind="sampler"><h4>PUB 0: sampler</h4>')
  })

  it(`shows the ${TOP_BARS} most frequent outcomes and sums the rest as other`, () => {
    const samples = Array.from({ length: 40 }, (_, i) => Array(40 - i).fill(hex(i))).flat()
    const html = resultsSection(samplerDoc({ m: { samples, num_bits: 6 } }), true)
    const list = bars(html)
    expect(list).toHaveLength(TOP_BARS + 1)
    const rest =
      samples.length - Array.from({ length: TOP_BARS }, (_, i) => 40 - i).reduce((a, b) => a + b)
    expect(list[TOP_BARS]).toContain(`<g class="bar other" data-count="${rest}">`)
    expect(list[TOP_BARS]).toContain('other (24 outcomes)')
    expect(list[TOP_BARS]).toContain('fill="#9ca3af"')
    expect(html).toContain(`the ${TOP_BARS} most frequent shown`)
  })

  it('shortens a wide bitstring in its label and keeps it whole in the title', () => {
    const wide = samplerDoc({ q: { samples: [`0x${'a'.repeat(25)}`], num_bits: 100 } })
    const bits = '1010'.repeat(25)
    const html = resultsSection(wide, true)
    expect(html).toContain(`<title>${bits}: 1 (100.0%)</title>`)
    expect(html).toContain(`>${bits.slice(0, 10)}…${bits.slice(-10)}</text>`)
  })

  it('tabulates estimator values with their standard errors by index in evs', () => {
    const r = decodeResultsValue({
      results: [
        {
          data: {
            evs: [0.987654321, -0.5],
            stds: [0.0123, 0.5],
            ensemble_standard_error: [0.02, 0.1]
          }
        },
        { data: { evs: 0.25, stds: 1e-7 } }
      ]
    })
    const html = resultsSection(r, true)
    expect(html).toContain(
      '<tr><td><code>[0]</code></td><td class="num">0.987654</td><td class="num">± 0.0123</td><td class="num">0.02</td></tr>'
    )
    expect(html).toContain('<th>Ensemble standard error</th>')
    expect(html).toContain(
      '<tr><td><code>—</code></td><td class="num">0.25</td><td class="num">± 1e-7</td></tr>'
    )
  })

  it('says "not decoded" for Qiskit-encoded or malformed results, and why', () => {
    const encoded = decodeResultsValue({ __type__: 'PrimitiveResult', __value__: {} })
    expect(resultsSection(encoded, true)).toContain(
      '<p class="note not-decoded" data-reason="qiskit-encoded">Not decoded: Qiskit-encoded results'
    )
    const bad = samplerDoc({ c: { samples: ['0x7'], num_bits: 2 } })
    expect(resultsSection(bad, true)).toContain('<h4>PUB 0: not decoded</h4>')
    expect(resultsSection(bad, true)).toContain('register c: a sample is wider than num_bits (2)')
  })

  it('bounds the page: at most 32 registers of a PUB, 128 charts and 64 PUBs are drawn', () => {
    const regs = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`r${i}`, { samples: ['0x1'], num_bits: 1 }])
    )
    const html = resultsSection(samplerDoc(regs), true)
    expect(html.match(/<figure /g)).toHaveLength(32)
    expect(html).toContain('8 more registers not shown.')
    const five = decodeResultsValue({ results: Array(5).fill({ data: regs }) })
    const capped = resultsSection(five, true)
    expect(capped.match(/<figure /g)).toHaveLength(128)
    expect(capped.match(/<div class="pub"/g)).toHaveLength(5)
    expect(capped).toContain(
      '<h4>PUB 4: sampler</h4><p class="note">40 more registers not shown.</p>'
    )
    const many = decodeResultsValue({ results: Array(70).fill({ data: {} }) })
    const page = resultsSection(many, true)
    expect(page.match(/<div class="pub"/g)).toHaveLength(64)
    expect(page).toContain('6 more PUBs not shown.')
  })

  it('says the values are not evidence when the bundle did not verify', () => {
    expect(resultsSection(bell, false)).toContain('This bundle did NOT verify')
    expect(resultsSection(bell, true)).not.toContain('NOT verify')
  })

  it('escapes hostile register names wherever they appear', () => {
    for (const evil of HOSTILE) {
      const html = resultsSection(samplerDoc({ [evil]: { samples: ['0x1'], num_bits: 1 } }), true)
      expect(html).not.toContain(evil)
      expect(html).toContain(`<code>${escapeHtml(evil)}</code>`)
      expect(html).not.toMatch(/<script|<img|<style|<a /)
      const broken = resultsSection(samplerDoc({ [evil]: { samples: ['0x9'], num_bits: 1 } }), true)
      expect(broken).not.toContain(evil)
    }
  })

  it('appears in the report only for bundles given results, under the same strict CSP', () => {
    const results: (DecodedResults | undefined)[] = [bell, undefined, bell]
    const html = renderHtmlReport(
      [okVerdict('a'), okVerdict('b'), tamperedVerdict('statement-content', 'x', 'c')],
      { results }
    )
    expect(html.match(/<section class="results"/g)).toHaveLength(2)
    expect(html.indexOf('<section class="results"')).toBeGreaterThan(html.indexOf('id="bundle-1"'))
    expect(html.slice(html.indexOf('id="bundle-2"'), html.indexOf('id="bundle-3"'))).not.toContain(
      'class="results"'
    )
    expect(html.slice(html.indexOf('id="bundle-3"'))).toContain('This bundle did NOT verify')
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain('script-src &#39;none&#39;')
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
    expect(style).toContain('svg.histogram')
    const hash = createHash('sha256').update(style).digest('base64')
    expect(csp).toContain(`style-src &#39;sha256-${hash}&#39;`)
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i)
    expect(renderHtmlReport([okVerdict()])).not.toContain('class="results"')
  })
})
