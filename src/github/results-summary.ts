import type { RegisterCounts } from '../verify/register-counts.js'
import type { DecodedPub, DecodedResults, EstimatorPub } from '../verify/results-decode.js'
import { escapeText } from './markdown-text.js'

/**
 * The job summary's view of a job's results: the top outcomes of each classical register, or
 * expectation values, as Markdown tables. Small by construction (a few PUBs, registers and rows),
 * so it never crowds the verdict tables out of GitHub's 1 MiB summary.
 */
export const SUMMARY_OUTCOMES = 8
const SUMMARY_PUBS = 8
const SUMMARY_REGISTERS = 4
const SUMMARY_VALUES = 16
const BAR_CHARS = 20

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

const share = (count: number, shots: number): string =>
  shots === 0 ? '0%' : `${((100 * count) / shots).toFixed(1)}%`

const bar = (count: number, max: number): string =>
  '█'.repeat(max === 0 ? 0 : Math.max(count > 0 ? 1 : 0, Math.round((BAR_CHARS * count) / max)))

function registerTable(reg: RegisterCounts): string {
  const shown = reg.top.slice(0, SUMMARY_OUTCOMES)
  const max = shown[0]?.count ?? 0
  const rows = shown.map(
    o =>
      `| <code>${escapeText(o.bitstring)}</code> | ${o.count} | ${share(o.count, reg.shots)} | ${bar(o.count, max)} |`
  )
  const rest = reg.shots - shown.reduce((sum, o) => sum + o.count, 0)
  if (rest > 0)
    rows.push(
      `| other (${plural(reg.distinct - shown.length, 'outcome')}) | ${rest} | ${share(rest, reg.shots)} | |`
    )
  const head = `Register <code>${escapeText(reg.name)}</code>: ${plural(reg.numBits, 'bit')}, ${plural(reg.shots, 'shot')}`
  return [head, '', '| outcome | count | share | |', '|---|--:|--:|---|', ...rows].join('\n')
}

const num = (x: number): string => String(Number(x.toPrecision(6)))

function estimatorTable(pub: EstimatorPub): string {
  const shown = pub.values.slice(0, SUMMARY_VALUES)
  const rows = shown.map(
    v =>
      `| ${v.index.length === 0 ? '—' : `[${v.index.join(', ')}]`} | ${num(v.ev)} | ± ${num(v.std)} |`
  )
  const more = pub.values.length - shown.length + pub.omitted
  const table = ['| observable | expectation value | standard error |', '|---|--:|--:|', ...rows]
  if (more > 0) table.push('', `_${plural(more, 'more value')} not shown._`)
  return table.join('\n')
}

function pubPart(pub: DecodedPub): string {
  const head = `**PUB ${pub.index}**`
  if (pub.kind === 'not-decoded') return `${head}: not decoded (${escapeText(pub.detail)}).`
  if (pub.kind === 'estimator') return `${head}: estimator\n\n${estimatorTable(pub)}`
  if (pub.registers.length === 0) return `${head}: sampler, no classical registers.`
  const regs = pub.registers.slice(0, SUMMARY_REGISTERS).map(registerTable)
  const more = pub.registers.length - regs.length
  if (more > 0) regs.push(`_${plural(more, 'more register')} not shown._`)
  return `${head}: sampler\n\n${regs.join('\n\n')}`
}

export function resultsSummary(results: DecodedResults): string {
  const parts = ['#### Results']
  if (results.kind === 'not-decoded') {
    parts.push(
      `Not decoded: ${escapeText(results.detail)}. Digests and verification do not depend on decoding.`
    )
    return parts.join('\n\n')
  }
  parts.push(
    'The values IBM served for the job; they do not show that IBM computed them correctly.'
  )
  const shown = results.pubs.slice(0, SUMMARY_PUBS)
  parts.push(...shown.map(pubPart))
  const more = results.pubs.length - shown.length + results.omittedPubs
  if (more > 0) parts.push(`_${plural(more, 'more PUB')} not shown; the HTML report lists more._`)
  if (results.pubs.length === 0) parts.push('The results list no PUB.')
  return parts.join('\n\n')
}
