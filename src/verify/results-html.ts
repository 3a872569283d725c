import { escapeHtml as esc } from './html-escape.js'
import type { RegisterCounts } from './register-counts.js'
import type { DecodedPub, DecodedResults, EstimatorPub, NotDecoded } from './results-decode.js'

/**
 * The HTML report's results section: a bar chart per classical register of a sampler PUB, a
 * table of expectation values per estimator PUB, "not decoded" otherwise. Bars are SVG rects
 * sized by attributes, so the report's CSP (no script, no inline style attribute) still holds.
 */
export const RESULTS_STYLE = `
section.results h4{font-size:15px;margin:16px 0 4px}
figure.register{margin:6px 0 14px}
figure.register figcaption{font-size:14px;color:#374151;margin-bottom:4px}
svg.histogram{display:block;max-width:100%;height:auto}
td.num{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;text-align:right}
`

export const TOP_BARS = 16
const MAX_HTML_PUBS = 64
const MAX_HTML_REGISTERS = 32
/** Charts in the whole section: enough for any real job, and the page stays near 1 MB. */
const MAX_HTML_CHARTS = 128
const MAX_HTML_ROWS = 256

const ROW_H = 22
const BAR_H = 16
const LABEL_W = 190
const BAR_W = 420
const CHART_W = LABEL_W + BAR_W + 150

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** A bitstring too wide for its column keeps both ends; the whole one is in the bar's title. */
const shortBits = (bits: string): string =>
  bits.length <= 22 ? bits : `${bits.slice(0, 10)}…${bits.slice(-10)}`

const percent = (count: number, shots: number): string =>
  shots === 0 ? '0%' : `${((100 * count) / shots).toFixed(1)}%`

interface Bar {
  label: string
  title: string
  count: number
  other: boolean
}

function bars(reg: RegisterCounts): Bar[] {
  const shown = reg.top.slice(0, TOP_BARS)
  const list: Bar[] = shown.map(o => ({
    label: shortBits(o.bitstring),
    title: o.bitstring,
    count: o.count,
    other: false
  }))
  const rest = reg.shots - shown.reduce((sum, o) => sum + o.count, 0)
  const restOutcomes = reg.distinct - shown.length
  if (rest > 0 && restOutcomes > 0) {
    const label = `other (${plural(restOutcomes, 'outcome')})`
    list.push({ label, title: label, count: rest, other: true })
  }
  return list
}

function histogram(reg: RegisterCounts): string {
  const list = bars(reg)
  const max = Math.max(1, ...list.map(b => b.count))
  const height = list.length * ROW_H + 4
  const rows = list.map((b, i) => {
    const y = 2 + i * ROW_H
    const w = Math.max(b.count > 0 ? 1 : 0, Math.round((BAR_W * b.count) / max))
    const text = `${b.count} (${percent(b.count, reg.shots)})`
    return (
      `<g class="bar${b.other ? ' other' : ''}" data-count="${b.count}">` +
      `<title>${esc(`${b.title}: ${text}`)}</title>` +
      `<text x="${LABEL_W - 8}" y="${y + 13}" text-anchor="end" font-family="ui-monospace,Menlo,Consolas,monospace" font-size="13" fill="#111827">${esc(b.label)}</text>` +
      `<rect x="${LABEL_W}" y="${y + (ROW_H - BAR_H) / 2 - 1}" width="${w}" height="${BAR_H}" fill="${b.other ? '#9ca3af' : '#2563eb'}"/>` +
      `<text x="${LABEL_W + w + 6}" y="${y + 13}" font-size="12" fill="#374151">${esc(text)}</text>` +
      '</g>'
    )
  })
  return (
    `<svg class="histogram" role="img" aria-label="${esc(`outcomes of register ${reg.name}`)}" ` +
    `viewBox="0 0 ${CHART_W} ${height}" width="${CHART_W}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `${rows.join('')}</svg>`
  )
}

function registerFigure(reg: RegisterCounts): string {
  const shown = reg.distinct > TOP_BARS ? `; the ${TOP_BARS} most frequent shown` : ''
  const caption =
    `Register <code>${esc(reg.name)}</code>: ${plural(reg.numBits, 'bit')}, ` +
    `${plural(reg.shots, 'shot')}, ${plural(reg.distinct, 'distinct outcome')}${shown}`
  return (
    `<figure class="register" data-register="${esc(reg.name)}"><figcaption>${caption}</figcaption>` +
    `${reg.shots > 0 ? histogram(reg) : '<p class="note">No samples.</p>'}</figure>`
  )
}

/** Numbers as a reader wants them: six significant digits, no trailing zeros. */
const num = (x: number): string => String(Number(x.toPrecision(6)))

function estimatorTable(pub: EstimatorPub): string {
  const ensemble = pub.values.some(v => v.ensembleError !== undefined)
  const ensembleCell = (e: number | undefined): string =>
    ensemble ? `<td class="num">${e === undefined ? '' : esc(num(e))}</td>` : ''
  const rows = pub.values
    .slice(0, MAX_HTML_ROWS)
    .map(
      v =>
        `<tr><td><code>${v.index.length === 0 ? '—' : `[${v.index.join(', ')}]`}</code></td>` +
        `<td class="num">${esc(num(v.ev))}</td><td class="num">± ${esc(num(v.std))}</td>` +
        `${ensembleCell(v.ensembleError)}</tr>`
    )
  const notShown = pub.values.length - rows.length + pub.omitted
  const head =
    '<tr><th>Observable (index in evs)</th><th>Expectation value</th><th>Standard error</th>' +
    `${ensemble ? '<th>Ensemble standard error</th>' : ''}</tr>`
  const more =
    notShown > 0 ? `<p class="note">${plural(notShown, 'more value')} not shown.</p>` : ''
  return `<table class="estimator"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>${more}`
}

const notDecodedNote = (n: NotDecoded): string =>
  `<p class="note not-decoded" data-reason="${esc(n.reason)}">Not decoded: ${esc(n.detail)}. ` +
  'Digests and verification do not depend on decoding.</p>'

function registerFigures(registers: RegisterCounts[], budget: { charts: number }): string {
  const drawn = registers.slice(0, Math.min(MAX_HTML_REGISTERS, budget.charts))
  budget.charts -= drawn.length
  const more = registers.length - drawn.length
  return (
    drawn.map(registerFigure).join('') +
    (more > 0 ? `<p class="note">${plural(more, 'more register')} not shown.</p>` : '')
  )
}

function pubBlock(pub: DecodedPub, budget: { charts: number }): string {
  const body =
    pub.kind === 'sampler'
      ? pub.registers.length === 0
        ? '<p class="note">No classical registers.</p>'
        : registerFigures(pub.registers, budget)
      : pub.kind === 'estimator'
        ? estimatorTable(pub)
        : notDecodedNote(pub)
  const word = pub.kind === 'not-decoded' ? 'not decoded' : pub.kind
  return (
    `<div class="pub" data-pub="${pub.index}" data-kind="${pub.kind}">` +
    `<h4>PUB ${pub.index}: ${word}</h4>${body}</div>`
  )
}

/** `verified`: whether the bundle these results came from verified as a whole. */
export function resultsSection(results: DecodedResults, verified: boolean): string {
  const note = verified
    ? "Decoded from this verified bundle's results.json: the values IBM served for this job. " +
      'They do not show that IBM computed them correctly.'
    : 'This bundle did NOT verify: these values are shown for inspection only and are not evidence.'
  let body: string
  if (results.kind === 'not-decoded') body = notDecodedNote(results)
  else {
    const shown = results.pubs.slice(0, MAX_HTML_PUBS)
    const budget = { charts: MAX_HTML_CHARTS }
    const more = results.pubs.length - shown.length + results.omittedPubs
    body =
      (shown.length === 0 ? '<p class="note">The results list no PUB.</p>' : '') +
      shown.map(pub => pubBlock(pub, budget)).join('') +
      (more > 0 ? `<p class="note">${plural(more, 'more PUB')} not shown.</p>` : '')
  }
  return (
    `<section class="results" data-decoded="${results.kind === 'decoded'}">` +
    `<h3>Results</h3><p class="note">${esc(note)}</p>${body}</section>`
  )
}
