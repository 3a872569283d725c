import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Command } from 'commander'
import type { AuditPolicy, AuditReport } from '../../binding/audit-report.js'
import type { ProofSource } from '../../binding/proof-sources.js'
import { QprovError } from '../../errors.js'
import { readBoundedSync } from '../../read-file.js'
import { checkEndpointURL } from '../../url-credentials.js'
import { addConnectionOptions } from '../connection-options.js'
import { actionReturningStatus } from '../exit-status.js'
import { printJson, printLines, progress } from '../io.js'
import {
  addVerificationOptions,
  verificationFromFlags,
  type VerificationFlags
} from '../verification-options.js'
import { client, loadRuntime, type RuntimeFlags } from './runtime.js'

interface AuditFlags extends RuntimeFlags, VerificationFlags {
  since?: string
  until?: string
  backend?: string
  tag?: string[]
  from?: string[]
  repo?: string
  githubApiUrl?: string
  requireResults?: boolean
  workers: string
  json?: boolean
  html?: string
  shard?: string
}

function parseWorkers(v: string): number {
  if (!/^[1-9][0-9]{0,2}$/.test(v))
    throw new QprovError('USAGE', `--workers takes an integer from 1 to 999, got ${v}`)
  return Number(v)
}

async function emit(report: AuditReport, flags: { json?: boolean; html?: string }): Promise<void> {
  if (flags.json) printJson(report)
  else {
    const { renderAuditText } = await import('../../binding/audit-text.js')
    printLines(renderAuditText(report))
  }
  if (flags.html !== undefined) {
    const [{ renderAuditHtml }, { writeFileAtomic }] = await Promise.all([
      import('../../binding/audit-html.js'),
      import('../../atomic-file.js')
    ])
    await mkdir(dirname(flags.html), { recursive: true })
    await writeFileAtomic(flags.html, renderAuditHtml(report))
    progress(`HTML report: ${flags.html}`)
  }
}

async function checkHtml(html: string | undefined): Promise<void> {
  if (html === undefined) return
  const { checkOutputDir } = await import('../../output-dir.js')
  checkOutputDir(dirname(html), { what: '--html', files: [basename(html)] })
}

async function auditAction(flags: AuditFlags): Promise<number> {
  if (!flags.from?.length && flags.repo === undefined)
    throw new QprovError('USAGE', 'give at least one source: --from DIR or --repo OWNER/REPO')
  const verification = verificationFromFlags(flags)
  const workers = parseWorkers(flags.workers)
  const [{ runAudit }, { parseShard, auditPassed }, { isoInstant }, { LocalDirectorySource }] =
    await Promise.all([
      import('../../binding/audit.js'),
      import('../../binding/audit-report.js'),
      import('../../runtime/job-listing.js'),
      import('../../binding/proof-sources.js')
    ])
  const since = flags.since !== undefined ? isoInstant(flags.since, '--since') : null
  const until = flags.until !== undefined ? isoInstant(flags.until, '--until') : null
  if (since !== null && until !== null && since >= until)
    throw new QprovError('USAGE', `--since ${flags.since} is not before --until ${flags.until}`)
  const shard = flags.shard !== undefined ? parseShard(flags.shard) : undefined
  if (flags.githubApiUrl !== undefined) checkEndpointURL(flags.githubApiUrl, '--github-api-url')
  await checkHtml(flags.html)
  // Before the listing, which may take minutes: a typo in --from costs no request.
  for (const dir of flags.from ?? [])
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
      throw new QprovError('INPUT_NOT_FOUND', `--from ${dir} is not a directory`)
  const m = await loadRuntime()
  const { conn, api } = client(m, flags)
  const sources: ProofSource[] = [
    ...(flags.from?.length ? [new LocalDirectorySource(flags.from, { index: true })] : [])
  ]
  if (flags.repo !== undefined) {
    const { githubProofSources } = await import('../../github/fetch-sources.js')
    sources.push(
      ...(await githubProofSources({
        repository: flags.repo,
        apiURL: flags.githubApiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
        token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN,
        signer: verification
      }))
    )
  }
  const { policy, profile, trustedRoot } = verification
  const recorded: AuditPolicy = {
    identity: policy.identity ?? `regexp:${policy.identityRegExp ?? ''}`,
    issuer: policy.issuer,
    profile: `${profile.name}(tlog=${profile.thresholds.tlogThreshold},ctlog=${profile.thresholds.ctlogThreshold},timestamp=${profile.thresholds.timestampThreshold})`,
    trustedRoot:
      trustedRoot === undefined
        ? null
        : `sha256:${createHash('sha256').update(trustedRoot).digest('hex')}`,
    requireResults: flags.requireResults === true,
    sources: [
      ...(flags.from ?? []).map(d => `local:${d}`),
      ...(flags.repo ? [`github:${flags.repo}`] : [])
    ]
  }
  const report = await runAudit({
    api,
    scope: {
      instance: conn.instanceCRN,
      since,
      until,
      backend: flags.backend ?? null,
      tags: flags.tag ?? []
    },
    policy: recorded,
    verification,
    sources,
    ...(shard ? { shard } : {}),
    workers,
    onProgress: progress
  })
  await emit(report, flags)
  return auditPassed(report) ? 0 : 1
}

async function mergeAction(files: string[], flags: { json?: boolean; html?: string }) {
  await checkHtml(flags.html)
  const [{ mergeAuditReports, parseAuditReport }, { auditPassed }] = await Promise.all([
    import('../../binding/audit-merge.js'),
    import('../../binding/audit-report.js')
  ])
  const reports = files.map(f => ({
    what: f,
    report: parseAuditReport(
      readBoundedSync(f, { what: f, maxBytes: MAX_REPORT_BYTES }).toString('utf8'),
      f
    )
  }))
  const merged = mergeAuditReports(reports)
  await emit(merged, flags)
  return auditPassed(merged) ? 0 : 1
}

/** A row is a few hundred bytes: room for a million jobs per shard report. */
const MAX_REPORT_BYTES = 512 * 1024 * 1024

const collect = (v: string, prev: string[] = []) => [...prev, v]

export function registerAuditCommand(program: Command): void {
  const cmd = program
    .command('audit')
    .description(
      'Audit a Runtime instance: list its jobs (GET /jobs with the filters given, every page),\n' +
        'then for each job search the sources and verify every candidate exactly as qprov fetch\n' +
        'does, and classify it: verified, failed (a bundle exists but a named check fails),\n' +
        'missing (qprov tags, no bundle in any source), untagged, or results-missing (with\n' +
        '--require-results). Prints counts, coverage and one row per job; progress on stderr.\n' +
        'Exit 0 only when every listed job verified, 1 otherwise, 2 on usage errors.'
    )
    .option('--since <date>', 'only jobs created at or after (YYYY-MM-DD or ...THH:MM:SSZ, UTC)')
    .option('--until <date>', 'only jobs created before (YYYY-MM-DD or ...THH:MM:SSZ, UTC)')
    .option('--backend <name>', 'only jobs on this backend')
    .option('--tag <tag>', 'only jobs carrying this tag (repeat: every tag must be there)', collect)
    .option('--from <dir...>', 'directories holding proof bundles or *.qprov.json files')
    .option(
      '--repo <owner/repo>',
      'GitHub repository to search (attestations, releases, artifacts)'
    )
    .option('--github-api-url <url>', 'GitHub REST API URL (default: $GITHUB_API_URL)')
  addVerificationOptions(cmd)
    .option('--require-results', 'a verified job must also carry verified results')
    .option('--workers <n>', 'jobs audited at once', '4')
    .option('--shard <i/n>', 'audit only the jobs whose sha256(ID) mod N is I-1 (1-based I)')
    .option('--json', `print the report as JSON (schemas/audit.v1.schema.json)`)
    .option('--html <file>', 'also write a self-contained HTML report with coverage by week')
  // `audit merge --json`: the option is merge's, not the parent's.
  actionReturningStatus(addConnectionOptions(cmd), auditAction).enablePositionalOptions()
  cmd.addHelpText(
    'after',
    `
Examples:
  qprov audit --sandbox /tmp/qs --from out/bundles --trusted-root /tmp/qs/trusted_root.json \\
    --certificate-identity ID --certificate-oidc-issuer URL --since 2026-07-01 --until 2026-10-01
  qprov audit --instance CRN --repo acme/circuits --certificate-identity-regexp '^https://github.com/acme/' \\
    --certificate-oidc-issuer https://token.actions.githubusercontent.com --shard 2/4 --json > shard-2.json
  qprov audit merge shard-*.json --html audit.html`
  )
  const merge = cmd
    .command('merge')
    .description(
      'Combine the --json reports of every shard of one audit into one report; refuses\n' +
        'reports of other scopes or policies, a shard given twice or missing, and a job in two\n' +
        'reports. Exit 0 only when every job of the merged report verified.'
    )
    .argument('<reports...>', 'shard reports (qprov audit --shard I/N --json)')
    .option('--json', 'print the merged report as JSON')
    .option('--html <file>', 'also write the HTML report')
  actionReturningStatus(merge, mergeAction)
}
