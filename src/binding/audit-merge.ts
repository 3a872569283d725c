import { isDeepStrictEqual } from 'node:util'
import { QprovError } from '../errors.js'
import { firstSchemaError } from '../json-schema.js'
import { AUDIT_MEDIA_TYPE, buildReport, shardOf, type AuditReport } from './audit-report.js'
import { validateAuditReport } from './audit-validator.js'

/** A shard report as read from a file: schema-checked, then its counts checked against its rows. */
export function parseAuditReport(text: string, what: string): AuditReport {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new QprovError('INPUT_NOT_JSON', `${what} is not JSON`)
  }
  if (!validateAuditReport(value))
    throw new QprovError(
      'INPUT_INVALID',
      `${what} is not a qprov audit report (${AUDIT_MEDIA_TYPE}): ${firstSchemaError(validateAuditReport)}`
    )
  const r = value as AuditReport
  const again = buildReport(r.scope, r.policy, r.shard, r.rows)
  if (!isDeepStrictEqual(again.counts, r.counts) || again.total !== r.total)
    throw new QprovError('INPUT_INVALID', `${what}: its counts do not match its rows`)
  return r
}

/**
 * `qprov audit merge`: one report from the reports of every shard of one audit. Refuses reports
 * of different scopes or policies, unsharded reports, a shard given twice or missing, and a job
 * in a shard its ID does not hash to (or in two reports).
 */
export function mergeAuditReports(reports: { report: AuditReport; what: string }[]): AuditReport {
  const first = reports[0]
  if (first === undefined) throw new QprovError('USAGE', 'give the shard reports to merge')
  const count = first.report.shard?.count
  const seen = new Map<number, string>()
  const jobs = new Map<string, string>()
  for (const { report, what } of reports) {
    if (report.shard === null || report.shard.count !== count)
      throw new QprovError(
        'INPUT_INVALID',
        `${what} is not shard of ${count ?? '?'} like ${first.what}`
      )
    if (!isDeepStrictEqual(report.scope, first.report.scope))
      throw new QprovError('INPUT_INVALID', `${what} audited another scope than ${first.what}`)
    if (!isDeepStrictEqual(report.policy, first.report.policy))
      throw new QprovError('INPUT_INVALID', `${what} used another policy than ${first.what}`)
    const twice = seen.get(report.shard.index)
    if (twice !== undefined)
      throw new QprovError(
        'INPUT_INVALID',
        `${what} and ${twice} are both shard ${report.shard.index}/${count}`
      )
    seen.set(report.shard.index, what)
    for (const row of report.rows) {
      if (shardOf(row.jobId, report.shard.count) !== report.shard.index - 1)
        throw new QprovError(
          'INPUT_INVALID',
          `${what}: job ${row.jobId} does not belong to shard ${report.shard.index}/${count}`
        )
      const other = jobs.get(row.jobId)
      if (other !== undefined)
        throw new QprovError('INPUT_INVALID', `job ${row.jobId} is in ${what} and ${other}`)
      jobs.set(row.jobId, what)
    }
  }
  const missing = Array.from({ length: count ?? 0 }, (_, i) => i + 1).filter(i => !seen.has(i))
  if (missing.length > 0)
    throw new QprovError(
      'INPUT_INVALID',
      `shard${missing.length > 1 ? 's' : ''} ${missing.map(i => `${i}/${count}`).join(', ')} missing`
    )
  return buildReport(
    first.report.scope,
    first.report.policy,
    null,
    reports.flatMap(r => r.report.rows)
  )
}
