import { QPROV_VERSION } from '../version.js'
import { chainSvg } from './chain-diagram.js'
import { escapeHtml as esc, reportCsp } from './html-escape.js'
import type { DecodedResults } from './results-decode.js'
import { RESULTS_STYLE, resultsSection } from './results-html.js'
import {
  CONTEXT_STYLE,
  contextSection,
  rekorRows,
  sandboxBanner,
  type ReportContext
} from './html-context.js'
import type { BundleVerdict, CheckStatus, VerdictFacts } from './verdict.js'

/**
 * `qprov verify --html FILE`: one self-contained page rendering the verdicts, nothing decided here.
 * No script, font, image or link leaves the file; the CSP forbids every fetch, and the one inline
 * stylesheet is allowed by its hash, so injected markup could neither run nor load anything even if
 * escaping were ever wrong.
 */
export interface HtmlReportOptions {
  /** ISO time shown in the footer; default now. */
  generatedAt?: string
  /**
   * Decoded results.json of each bundle, by the verdicts' order; none shows no results section.
   * Give only the results.json of the bundle's own results layer: the section calls the values
   * those of a verified bundle whenever the bundle verified.
   */
  results?: readonly (DecodedResults | undefined)[]
  /** The trusted root and policy the verdicts were reached under (html-context.ts). */
  context?: ReportContext
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111827;background:#fff}
main{max-width:1100px;margin:0 auto;padding:0 20px 40px}
.verdict{padding:22px 20px;margin:0 0 18px;border-bottom:6px solid}
.verdict h1{margin:0;font-size:34px;letter-spacing:.02em}
.verdict p{margin:6px 0 0;font-size:16px}
.ok{background:#dcfce7;border-color:#15803d;color:#14532d}
.bad{background:#fee2e2;border-color:#b91c1c;color:#7f1d1d}
h2{font-size:20px;margin:28px 0 8px}
h3{font-size:16px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border:1px solid #d1d5db;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f9fafb;font-weight:600}
.summary td:first-child,.checks td:first-child code{white-space:nowrap}
td.detail,td.value,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;overflow-wrap:anywhere;white-space:pre-wrap}
.status{font-weight:700;white-space:nowrap}
.status-pass{color:#15803d}.status-fail{color:#b91c1c;background:#fee2e2}.status-skip{color:#6b7280}
.badge{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:700}
.badge.ok{border:0}.badge.bad{border:0}
section.bundle{border-top:2px solid #e5e7eb;margin-top:26px}
.note{color:#374151;font-size:14px}
footer{color:#6b7280;font-size:13px;margin-top:30px}
${RESULTS_STYLE}`

const STYLES = STYLE + CONTEXT_STYLE

const CSP = reportCsp(STYLES)

const STATUS_WORD: Record<CheckStatus, string> = { pass: '✓ pass', fail: '✗ FAIL', skip: '– skip' }

/** Never shown as verified when any check failed, whatever the ok flag says. */
const verified = (v: BundleVerdict): boolean =>
  v.ok === true && v.checks.every(c => c.status !== 'fail')

const verdictWord = (ok: boolean): string => (ok ? 'VERIFIED' : 'NOT VERIFIED')

const FACT_LABELS: [keyof VerdictFacts, string][] = [
  ['jobId', 'Runtime job ID'],
  ['sessionId', 'Runtime session ID'],
  ['backend', 'Backend'],
  ['program', 'Program'],
  ['signerIdentity', 'Signer identity (certificate SAN)'],
  ['signerIssuer', 'Signer OIDC issuer'],
  ['statementDigest', 'Statement digest'],
  ['packageDigest', 'Workload package digest'],
  ['bindingDigest', 'Binding digest'],
  ['receiptId', 'AIIR receipt ID'],
  ['commit', 'Commit']
]

function factsTable(v: BundleVerdict): string {
  const rows: [string, string][] = []
  for (const [key, label] of FACT_LABELS) {
    const value = v.facts[key]
    if (typeof value === 'string' && value !== '') rows.push([label, value])
  }
  rows.push(...rekorRows('Statement', v.facts.rekor), ...rekorRows('Binding', v.facts.bindingRekor))
  if (rows.length === 0)
    return '<p class="note">No facts are shown: none were read from material that verified.</p>'
  const body = rows
    .map(([k, val]) => `<tr><th scope="row">${esc(k)}</th><td class="value">${esc(val)}</td></tr>`)
    .join('')
  return `<table class="facts"><tbody>${body}</tbody></table>`
}

function checksTable(v: BundleVerdict): string {
  const rows = v.checks
    .map(
      c =>
        `<tr class="check" data-check="${esc(c.name)}" data-status="${esc(c.status)}">` +
        `<td><code>${esc(c.name)}</code></td>` +
        `<td class="status status-${esc(c.status)}">${esc(STATUS_WORD[c.status] ?? c.status)}</td>` +
        `<td class="detail">${esc(c.detail)}</td></tr>`
    )
    .join('')
  return (
    '<table class="checks"><thead><tr><th>Check</th><th>Result</th><th>Detail</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
  )
}

function bundleSection(
  v: BundleVerdict,
  i: number,
  batch: boolean,
  results: DecodedResults | undefined
): string {
  const ok = verified(v)
  const heading = batch ? `Bundle ${i + 1}: ` : 'Proof bundle: '
  const failed = v.checks.filter(c => c.status === 'fail').map(c => c.name)
  const badge = `<span class="badge ${ok ? 'ok' : 'bad'}">${verdictWord(ok)}</span>`
  return [
    `<section class="bundle" id="bundle-${i + 1}" data-ok="${ok}">`,
    `<h2>${esc(heading)}<code>${esc(v.bundle)}</code> ${badge}</h2>`,
    failed.length > 0
      ? `<p class="note">Rejected by: <strong>${esc(failed.join(', '))}</strong></p>`
      : '',
    `<p class="note">Job ID: <code>${esc(v.jobId ?? '(none)')}</code></p>`,
    chainSvg(v.checks, `b${i + 1}`),
    `<h3>Checks</h3>${checksTable(v)}`,
    ok
      ? `<h3>What was verified</h3>${factsTable(v)}`
      : `<h3>Facts from signed parts</h3><p class="note">The bundle as a whole did NOT verify; these values come only from parts whose signatures verified.</p>${factsTable(v)}`,
    results ? resultsSection(results, ok) : '',
    '</section>'
  ].join('')
}

function summaryTable(verdicts: readonly BundleVerdict[]): string {
  const rows = verdicts
    .map((v, i) => {
      const ok = verified(v)
      const failed = v.checks.filter(c => c.status === 'fail').map(c => c.name)
      return (
        `<tr><td><a href="#bundle-${i + 1}">Bundle ${i + 1}</a></td><td><code>${esc(v.bundle)}</code></td>` +
        `<td><code>${esc(v.jobId ?? '(none)')}</code></td>` +
        `<td class="status status-${ok ? 'pass' : 'fail'}">${verdictWord(ok)}</td>` +
        `<td>${esc(failed.join(', ') || '—')}</td></tr>`
      )
    })
    .join('')
  return (
    '<section id="summary"><h2>Summary</h2><table class="summary"><thead><tr><th>#</th><th>Bundle</th>' +
    `<th>Job ID</th><th>Verdict</th><th>Failed checks</th></tr></thead><tbody>${rows}</tbody></table></section>`
  )
}

export function renderHtmlReport(
  verdicts: readonly BundleVerdict[],
  opts: HtmlReportOptions = {}
): string {
  // Zero bundles verified nothing.
  const allOk = verdicts.length > 0 && verdicts.every(verified)
  const passed = verdicts.filter(verified).length
  const word = verdictWord(allOk)
  const line =
    verdicts.length === 0
      ? 'No proof bundle was verified.'
      : verdicts.length === 1
        ? allOk
          ? 'The proof chain verified: every required check passed.'
          : 'The proof chain did not verify: at least one check failed.'
        : `${passed} of ${verdicts.length} proof bundles verified.`
  const batch = verdicts.length > 1
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>qprov: ${word}</title>`,
    `<style>${STYLES}</style>`,
    '</head><body>',
    `<header class="verdict ${allOk ? 'ok' : 'bad'}" id="verdict" data-ok="${allOk}">`,
    `<h1>${word}</h1><p>${esc(line)}</p></header>`,
    '<main>',
    sandboxBanner(opts.context),
    contextSection(opts.context),
    batch ? summaryTable(verdicts) : '',
    ...verdicts.map((v, i) => bundleSection(v, i, batch, opts.results?.[i])),
    `<footer><p>Generated by qprov ${esc(QPROV_VERSION)} at ${esc(opts.generatedAt ?? new Date().toISOString())}.`,
    'A pass proves what each check states and no more: qprov reports the AI involvement the',
    'receipt declares and does not infer undeclared AI use; Runtime tags are pointers, not',
    'evidence; nothing here is an endorsement by IBM.</p></footer>',
    '</main></body></html>',
    ''
  ].join('\n')
}
