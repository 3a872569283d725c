import { cutText } from '../untrusted-text.js'
import type { DecodedResults } from '../verify/results-decode.js'
import type { BundleVerdict, CheckStatus } from '../verify/verdict.js'
import { escapeText } from './markdown-text.js'
import { resultsSummary } from './results-summary.js'

export { escapeText }

/** What the chain diagram shows; each value is untrusted text and is sanitised for Mermaid. */
export interface ChainFacts {
  packageDigest?: string
  commit?: string
  statementDigest?: string
  /** null: signed without a transparency log (GitHub's instance), timestamped only. */
  rekorLogIndex?: string | null
  jobId?: string
  bindingDigest?: string
}

export interface SummaryLink {
  label: string
  url: string
}

export interface SummaryDoc {
  title: string
  /** Results of a signing mode: label → value. */
  rows?: [string, string][]
  /** Verdicts of verify mode, one table of checks each. */
  verdicts?: BundleVerdict[]
  chain?: ChainFacts
  links?: SummaryLink[]
  /** A job's decoded results: top outcomes or expectation values as tables. */
  results?: DecodedResults
}

/** GitHub aborts a step summary above 1 MiB; stay well under it, with room for the note. */
export const SUMMARY_BYTE_LIMIT = 1024 * 1024 - 16 * 1024
const DETAIL_LIMIT = 600

function cut(s: string, n = DETAIL_LIMIT): string {
  return cutText(s, n + 1)
}

const STATUS: Record<CheckStatus, string> = { pass: '✅ pass', fail: '❌ fail', skip: '➖ skip' }

function statusCell(s: string): string {
  return STATUS[s as CheckStatus] ?? `❌ ${escapeText(s)}`
}

/** Mermaid labels take a small alphabet only: anything else becomes '_'. */
function mermaidLabel(s: string | undefined, keep = 19): string {
  if (!s) return '—'
  const clean = s.replace(/[^A-Za-z0-9:._ -]/g, '_')
  return clean.length > keep ? `${clean.slice(0, keep)}…` : clean
}

export function chainDiagram(c: ChainFacts): string {
  const nodes: [string, string, string | undefined][] = [
    ['W', 'workload', c.packageDigest],
    ['R', 'AIIR receipt', c.commit],
    ['S', 'statement', c.statementDigest],
    [
      'K',
      'Rekor',
      c.rekorLogIndex === null
        ? 'none: TSA only'
        : c.rekorLogIndex === undefined
          ? undefined
          : `#${c.rekorLogIndex}`
    ],
    ['J', 'Runtime job', c.jobId],
    ['B', 'binding', c.bindingDigest]
  ]
  const lines = nodes.map(([id, name, v]) => `  ${id}["${name}<br/>${mermaidLabel(v)}"]`)
  return ['```mermaid', 'flowchart LR', ...lines, '  W --> R --> S --> K --> J --> B', '```'].join(
    '\n'
  )
}

function table(head: string[], rows: string[][]): string {
  const th = head.map(h => `<th>${h}</th>`).join('')
  const trs = rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('\n')
  return `<table>\n<tr>${th}</tr>\n${trs}\n</table>`
}

function verdictSection(v: BundleVerdict): string {
  const head = `#### ${v.ok ? '✅ verified' : '❌ not verified'}: <code>${escapeText(cut(v.bundle, 200))}</code>${
    v.jobId ? ` (job <code>${escapeText(cut(v.jobId, 100))}</code>)` : ''
  }`
  const rows = v.checks.map(c => [
    `<code>${escapeText(c.name)}</code>`,
    statusCell(c.status),
    escapeText(cut(c.detail))
  ])
  // Only a verified bundle's chain: a partial one would look like a proof.
  const chain = v.ok ? `${chainDiagram(chainOfVerdict(v))}\n\n` : ''
  return `${head}\n\n${chain}${table(['check', 'status', 'detail'], rows)}`
}

/** The chain of a verified bundle, from the facts read from material that verified. */
function chainOfVerdict(v: BundleVerdict): ChainFacts {
  const f = v.facts
  return {
    packageDigest: f.packageDigest,
    commit: f.commit,
    statementDigest: f.statementDigest,
    rekorLogIndex: f.rekor === null ? null : f.rekor?.logIndex,
    jobId: f.jobId ?? v.jobId ?? undefined,
    bindingDigest: f.bindingDigest
  }
}

function linkList(links: SummaryLink[]): string {
  const safe = links.filter(l => /^https?:\/\//.test(l.url))
  if (safe.length === 0) return ''
  return safe.map(l => `- <a href="${escapeText(l.url)}">${escapeText(l.label)}</a>`).join('\n')
}

/**
 * The job summary as one Markdown/HTML string: results or check tables, the chain diagram and
 * links. Sections that would cross the size limit are left out, with a note saying how many.
 */
export function renderSummary(doc: SummaryDoc): string {
  const parts: string[] = [`### ${escapeText(doc.title)}`]
  if (doc.verdicts) {
    const ok = doc.verdicts.filter(v => v.ok).length
    parts.push(`**${ok} of ${doc.verdicts.length} proof bundles verified.**`)
  }
  if (doc.rows && doc.rows.length > 0)
    parts.push(
      table(
        ['item', 'value'],
        doc.rows.map(([k, v]) => [escapeText(k), `<code>${escapeText(cut(v, 2000))}</code>`])
      )
    )
  if (doc.results) parts.push(resultsSummary(doc.results))
  if (doc.chain) parts.push(chainDiagram(doc.chain))
  if (doc.links) {
    const l = linkList(doc.links)
    if (l) parts.push(l)
  }
  const sections = (doc.verdicts ?? []).map(verdictSection)
  let out = `${parts.join('\n\n')}\n`
  let bytes = Buffer.byteLength(out)
  for (let i = 0; i < sections.length; i++) {
    const s = `\n${sections[i]}\n`
    const n = Buffer.byteLength(s)
    if (bytes + n > SUMMARY_BYTE_LIMIT) {
      out += `\n_${sections.length - i} more proof bundles are not shown: the job summary is limited to 1 MiB. The report file lists them all._\n`
      break
    }
    out += s
    bytes += n
  }
  return out
}

/** The public-good Rekor entry on search.sigstore.dev; other instances have no public viewer. */
export function rekorSearchURL(logIndex: string): string | undefined {
  return /^(0|[1-9][0-9]{0,18})$/.test(logIndex)
    ? `https://search.sigstore.dev/?logIndex=${logIndex}`
    : undefined
}
