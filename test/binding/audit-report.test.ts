import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { coverageByWeek, isoWeek, renderAuditHtml } from '../../src/binding/audit-html.js'
import {
  auditPassed,
  buildReport,
  classify,
  parseShard,
  shardOf,
  type AuditRow
} from '../../src/binding/audit-report.js'
import { renderAuditText } from '../../src/binding/audit-text.js'

const scope = { instance: 'crn:v1:x', since: null, until: null, backend: null, tags: [] }
const policy = {
  identity: 'id',
  issuer: 'iss',
  profile: 'public-good',
  trustedRoot: null,
  requireResults: false,
  sources: ['local:/b']
}
const row = (jobId: string, cls: AuditRow['class'], created: string, more = {}): AuditRow => ({
  jobId,
  created,
  backend: 'ibm_fez',
  class: cls,
  ...more
})

describe('audit report parts', () => {
  it('numbers ISO weeks as ISO 8601 does at year boundaries', () => {
    expect(isoWeek('2026-01-01T00:00:00Z')).toBe('2026-W01')
    expect(isoWeek('2027-01-01T12:00:00Z')).toBe('2026-W53')
    expect(isoWeek('2024-12-30T00:00:00Z')).toBe('2025-W01')
    expect(isoWeek('2026-01-11T23:59:59Z')).toBe('2026-W02')
    expect(isoWeek('not a date')).toBeUndefined()
  })

  it('counts coverage per week from the rows', () => {
    const rows = [
      row('a', 'verified', '2026-01-05T00:00:00Z'),
      row('b', 'missing', '2026-01-06T00:00:00Z'),
      row('c', 'verified', '2026-01-12T00:00:00Z')
    ]
    expect(coverageByWeek(rows)).toEqual([
      { week: '2026-W02', total: 2, verified: 1 },
      { week: '2026-W03', total: 1, verified: 1 }
    ])
    const r = buildReport(scope, policy, null, rows)
    expect(r).toMatchObject({ total: 3, coverage: 66.67 })
    expect(auditPassed(r)).toBe(false)
    expect(auditPassed(buildReport(scope, policy, null, []))).toBe(false)
    expect(buildReport(scope, policy, null, []).coverage).toBeNull()
  })

  it('slices by sha256 of the job ID, stably, into every shard', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `job${i}`)
    const counts = [0, 0, 0, 0]
    for (const id of ids) counts[shardOf(id, 4)]!++
    for (const c of counts) expect(c).toBeGreaterThan(60)
    // The documented rule (docs/audit.md), so shards of different runs and versions agree.
    for (const id of ['job0', 'c5dge2d3rn7breq27i9g'])
      expect(shardOf(id, 7)).toBe(createHash('sha256').update(id).digest().readUInt32BE(0) % 7)
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 })
    for (const bad of ['0/4', '5/4', '1/0', '1/1001', '1-4', ' 1/4'])
      expect(() => parseShard(bad)).toThrow(/--shard takes I\/N/)
  })

  it('escapes what the service and bundles said, in the HTML and the text', () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const r = buildReport(scope, policy, null, [
      row('x1', 'failed', '2026-01-05T00:00:00Z', {
        check: 'binding-signature',
        finding: hostile,
        location: `/b/${hostile}`,
        detail: hostile
      })
    ])
    const html = renderAuditHtml(r, { generatedAt: '2026-01-01T00:00:00Z' })
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('script-src &#39;none&#39;')
    expect(renderAuditText(r)).toContain('x1')
    expect(renderAuditText(r)).toMatch(/failed\s+binding-signature \(<img/)
  })
})

describe('audit classify with --require-results', () => {
  const base = { jobId: 'j1', created: '2026-12-01T00:00:00Z', backend: 'ibm_fez' }
  const found = { location: 'local:/b/j1' }
  const withChecks = (checks: { name: string; status: string }[]) =>
    ({
      valid: [{ found, verdict: { checks } }],
      rejected: []
    }) as unknown as Parameters<typeof classify>[1]

  it('is verified only when both results checks pass', () => {
    const pass = [
      { name: 'results-signature', status: 'pass' },
      { name: 'results-content', status: 'pass' }
    ]
    expect(classify(base, withChecks(pass), true).class).toBe('verified')
    expect(classify(base, withChecks(pass.slice(0, 1)), true).class).toBe('results-missing')
    const skipped = pass.map(c => ({ ...c, status: 'skip' }))
    expect(classify(base, withChecks(skipped), true).class).toBe('results-missing')
    expect(classify(base, withChecks(skipped), false).class).toBe('verified')
  })
})
