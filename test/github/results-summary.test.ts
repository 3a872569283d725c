import { describe, expect, it } from 'vitest'
import { resultsSummary, SUMMARY_OUTCOMES } from '../../src/github/results-summary.js'
import { escapeText, renderSummary } from '../../src/github/summary.js'
import { decodeResultsValue } from '../../src/verify/results-decode.js'

const hostile =
  '<script>alert(1)</script> [x](javascript:alert(1)) @octo-org/admins #1 | ` ** \n| a |'

const bell = decodeResultsValue({
  results: [
    {
      data: {
        c: { samples: [...Array(510).fill('0x0'), ...Array(490).fill('0x3'), '0x1'], num_bits: 2 }
      },
      metadata: {}
    }
  ],
  metadata: {}
})

/** Cells of a GitHub table row, split the way GFM splits them: on every unescaped pipe. */
const cells = (row: string) => row.replace(/^\||\|$/g, '').split('|')

describe('results in the job summary', () => {
  it('shows the top outcomes of each register as a Markdown table', () => {
    expect(resultsSummary(bell)).toBe(
      [
        '#### Results',
        '',
        'The values IBM served for the job; they do not show that IBM computed them correctly.',
        '',
        '**PUB 0**: sampler',
        '',
        'Register <code>c</code>: 2 bits, 1001 shots',
        '',
        '| outcome | count | share | |',
        '|---|--:|--:|---|',
        `| <code>00</code> | 510 | 50.9% | ${'█'.repeat(20)} |`,
        `| <code>11</code> | 490 | 49.0% | ${'█'.repeat(19)} |`,
        '| <code>01</code> | 1 | 0.1% | █ |'
      ].join('\n')
    )
  })

  it(`lists ${SUMMARY_OUTCOMES} outcomes and sums the rest as other`, () => {
    const samples = Array.from({ length: 20 }, (_, i) =>
      Array(20 - i).fill(`0x${i.toString(16)}`)
    ).flat()
    const md = resultsSummary(
      decodeResultsValue({ results: [{ data: { m: { samples, num_bits: 5 } } }] })
    )
    const rows = md.split('\n').filter(l => l.startsWith('| <code>'))
    expect(rows).toHaveLength(SUMMARY_OUTCOMES)
    expect(rows[0]).toMatch(/^\| <code>00000<\/code> \| 20 \|/)
    const rest = samples.length - (20 + 19 + 18 + 17 + 16 + 15 + 14 + 13)
    expect(md).toContain(
      `| other (12 outcomes) | ${rest} | ${((100 * rest) / samples.length).toFixed(1)}% | |`
    )
  })

  it('tabulates estimator values and says when results are not decoded', () => {
    const md = resultsSummary(
      decodeResultsValue({
        results: [
          { data: { evs: [1.23456789, -0.5], stds: [0.01, 0.02] } },
          { data: { c: { samples: ['0x9'], num_bits: 1 } } }
        ]
      })
    )
    expect(md).toContain(
      '**PUB 0**: estimator\n\n| observable | expectation value | standard error |'
    )
    expect(md).toContain('| [0] | 1.23457 | ± 0.01 |\n| [1] | -0.5 | ± 0.02 |')
    const why = escapeText('register c: a sample is wider than num_bits (1)')
    expect(md).toContain(`**PUB 1**: not decoded (${why}).`)
    const encoded = resultsSummary(
      decodeResultsValue({ __type__: 'PrimitiveResult', __value__: {} })
    )
    expect(encoded).toContain('Not decoded: Qiskit-encoded results')
  })

  it('escapes a hostile register name so no tag, link, mention, row or cell survives', () => {
    const md = resultsSummary(
      decodeResultsValue({ results: [{ data: { [hostile]: { samples: ['0x1'], num_bits: 1 } } }] })
    )
    expect(md).not.toContain('<script>')
    expect(md).not.toContain('](javascript')
    expect(md).not.toMatch(/@octo-org|#1 |\| a \|/)
    expect(md).not.toMatch(/`/)
    for (const row of md.split('\n').filter(l => l.startsWith('|')))
      expect(cells(row)).toHaveLength(4)
    const broken = resultsSummary(
      decodeResultsValue({ results: [{ data: { [hostile]: { samples: ['0x7'], num_bits: 1 } } }] })
    )
    expect(broken).not.toContain('<script>')
    expect(broken.split('\n').filter(l => l.trim() !== '')).toHaveLength(3)
  })

  it('appears in the rendered job summary after the result rows', () => {
    const md = renderSummary({ title: 'qprov results', rows: [['job', 'd1ab']], results: bell })
    expect(md.indexOf('#### Results')).toBeGreaterThan(md.indexOf('</table>'))
    expect(md).toContain('| <code>11</code> | 490 |')
    expect(renderSummary({ title: 'qprov verify' })).not.toContain('#### Results')
  })
})
