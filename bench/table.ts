// The one benchmark table: every row is qprov against a reference measured in the same run.
import { cpus } from 'node:os'

export interface Measure {
  /** What ran, e.g. "openssl dgst -sha256". */
  label: string
  /** Median wall-clock seconds. */
  seconds: number
  /** Units of work per run (bytes, commits, bundles), for the throughput column. */
  work?: { amount: number; unit: string }
}

export interface BenchRow {
  benchmark: string
  qprov: Measure | null
  reference: Measure | null
  /**
   * qprov throughput / reference throughput (reference time / qprov time for the same work): above
   * 1 means qprov is faster. null when not measured.
   */
  ratio: number | null
  /** Why a row has no numbers, or how they were taken. */
  note?: string
}

export interface Machine {
  cpu: string
  cores: number
  node: string
  platform: string
}

export interface BenchTable {
  machine: Machine
  quick: boolean
  rows: BenchRow[]
}

export function machine(): Machine {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`
  }
}

export function compare(
  benchmark: string,
  qprov: Measure,
  reference: Measure,
  note?: string
): BenchRow {
  return {
    benchmark,
    qprov,
    reference,
    ratio:
      qprov.work && reference.work && qprov.work.unit === reference.work.unit
        ? qprov.work.amount / qprov.seconds / (reference.work.amount / reference.seconds)
        : reference.seconds / qprov.seconds,
    ...(note !== undefined ? { note } : {})
  }
}

/** A row that could not be measured; never a made-up number. */
export function unavailable(benchmark: string, note: string): BenchRow {
  return { benchmark, qprov: null, reference: null, ratio: null, note }
}

function rate(m: Measure): string {
  if (!m.work) return ''
  const per = m.work.amount / m.seconds
  if (m.work.unit === 'B') return ` (${(per / 1e6).toFixed(0)} MB/s)`
  return ` (${per >= 100 ? per.toFixed(0) : per.toFixed(1)} ${m.work.unit}/s)`
}

const cell = (m: Measure | null): string => (m ? `${m.seconds.toFixed(3)} s${rate(m)}` : 'n/a')

export function renderTable(t: BenchTable): string {
  const head = ['#', 'benchmark', 'qprov', 'reference', 'reference time', 'ratio']
  const body = t.rows.map((r, i) => [
    String(i + 1),
    r.benchmark,
    cell(r.qprov),
    r.reference?.label ?? 'n/a',
    cell(r.reference),
    r.ratio === null ? 'n/a' : `${r.ratio.toFixed(2)}x`
  ])
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map(row => (row[i] as string).length))
  )
  const line = (cols: string[]) =>
    `| ${cols.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`
  const notes = t.rows
    .map((r, i) => (r.note ? `  [${i + 1}] ${r.benchmark}: ${r.note}` : ''))
    .filter(Boolean)
  const quick = t.quick ? '  (QUICK: small sizes, not comparable)' : ''
  const m = t.machine
  return [
    `machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform}${quick}`,
    'ratio = qprov throughput / reference throughput (same work: reference time / qprov time), medians; above 1x qprov is faster',
    '',
    line(head),
    line(widths.map(w => '-'.repeat(w))),
    ...body.map(line),
    ...(notes.length > 0 ? ['', 'notes:', ...notes] : [])
  ].join('\n')
}
