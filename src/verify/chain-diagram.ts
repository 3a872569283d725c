import type { CheckName, CheckResult, CheckStatus } from './verdict.js'
import { escapeHtml } from './html-escape.js'

/** The links of the proof chain, left to right, and the checks that cover each. */
export const CHAIN_NODES: readonly { id: string; label: string; checks: readonly CheckName[] }[] = [
  { id: 'workload', label: 'Workload', checks: ['workload-files', 'workload-closure'] },
  {
    id: 'receipt',
    label: 'AIIR receipt',
    checks: ['receipt-integrity', 'commit-consistency', 'ai-policy']
  },
  {
    id: 'statement',
    label: 'Statement',
    checks: ['statement-signature', 'signer-identity', 'statement-content']
  },
  { id: 'rekor', label: 'Rekor entry', checks: ['transparency-entry'] },
  { id: 'job', label: 'Runtime job', checks: ['runtime-record', 'online-runtime'] },
  { id: 'binding', label: 'Binding', checks: ['binding-signature', 'binding-consistency'] },
  {
    id: 'results',
    label: 'Results',
    checks: ['results-signature', 'results-content', 'results-online']
  }
]

/**
 * A link is red if any check covering it failed, green if at least one passed and none failed,
 * grey when nothing covering it ran. A check missing from the verdict counts as not run.
 */
export function nodeStatus(
  checks: readonly CheckResult[],
  covering: readonly CheckName[]
): CheckStatus {
  const mine = checks.filter(c => covering.includes(c.name))
  if (mine.some(c => c.status === 'fail')) return 'fail'
  if (mine.some(c => c.status === 'pass')) return 'pass'
  return 'skip'
}

const COLOURS: Record<CheckStatus, { fill: string; stroke: string; word: string }> = {
  pass: { fill: '#dcfce7', stroke: '#15803d', word: 'pass' },
  fail: { fill: '#fee2e2', stroke: '#b91c1c', word: 'FAIL' },
  skip: { fill: '#f3f4f6', stroke: '#6b7280', word: 'skipped' }
}

const BOX_W = 132
const BOX_H = 64
const GAP = 28

/** The chain as inline SVG; only fixed labels and check names appear in it, all escaped anyway. */
export function chainSvg(checks: readonly CheckResult[], idPrefix: string): string {
  const width = CHAIN_NODES.length * (BOX_W + GAP) - GAP + 16
  const parts: string[] = []
  CHAIN_NODES.forEach((node, i) => {
    const x = 8 + i * (BOX_W + GAP)
    const status = nodeStatus(checks, node.checks)
    const c = COLOURS[status]
    const title = `${node.label}: ${c.word} (${node.checks.join(', ')})`
    parts.push(
      `<g class="node node-${status}" data-node="${node.id}" data-status="${status}">` +
        `<title>${escapeHtml(title)}</title>` +
        `<rect x="${x}" y="8" width="${BOX_W}" height="${BOX_H}" rx="8" fill="${c.fill}" stroke="${c.stroke}" stroke-width="2"/>` +
        `<text x="${x + BOX_W / 2}" y="36" text-anchor="middle" font-size="14" font-weight="600" fill="#111827">${escapeHtml(node.label)}</text>` +
        `<text x="${x + BOX_W / 2}" y="56" text-anchor="middle" font-size="12" fill="${c.stroke}">${c.word}</text>` +
        `</g>`
    )
    if (i < CHAIN_NODES.length - 1) {
      const ax = x + BOX_W + 3
      parts.push(
        `<path d="M${ax} 40 H${ax + GAP - 8}" stroke="#374151" stroke-width="2" marker-end="url(#${idPrefix}-arrow)"/>`
      )
    }
  })
  return [
    `<svg class="chain" role="img" aria-label="proof chain" viewBox="0 0 ${width} 80" width="100%" xmlns="http://www.w3.org/2000/svg">`,
    `<defs><marker id="${idPrefix}-arrow" markerWidth="8" markerHeight="8" refX="6" refY="4" orient="auto">`,
    '<path d="M0 0 L8 4 L0 8 z" fill="#374151"/></marker></defs>',
    ...parts,
    '</svg>'
  ].join('')
}
