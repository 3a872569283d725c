import { readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { escapeRegExp, type IdentityPolicy } from '../../sigstore/identity-policy.js'
import { writeFileAtomic } from '../../atomic-file.js'
import { QprovError } from '../../errors.js'
import { READ_LIMITS, readBoundedText } from '../../read-file.js'
import { checkJobId } from '../../runtime/input-checks.js'
import type { CheckAnnotation } from '../../github/check-runs.js'
import type { RunContext } from '../../github/context.js'
import { sandboxSigning } from '../../settings/sandbox.js'
import { profileSettings } from '../../settings/verification.js'
import type { VerifyProfile } from '../../sigstore/profiles.js'
import { renderHtmlReport } from '../../verify/html-report.js'
import { verifiedResultsOf } from '../../verify/verified-results.js'
import type { BundleVerdict } from '../../verify/verdict.js'
import {
  trustedRootRef,
  verificationDocument,
  verificationPolicy,
  type VerificationDocument
} from '../../verify/verification-document.js'
import type { GitHubEdges } from '../github-edges.js'
import type { ActionInputs, AiPolicyInput } from '../inputs.js'
import type { Reporter } from '../reporter.js'
import { checkOutputDir } from '../../output-dir.js'

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com'
export const REPORT_FILE = 'qprov-verify-report.json'
/** The same verdicts as a self-contained page, for people (upload it as an artifact). */
export const HTML_REPORT_FILE = 'qprov-verify-report.html'

/** What verify mode hands the verifier (a subset of its VerifyOptions). */
export interface ActionVerifyOptions {
  trustedRoot?: string
  policy: IdentityPolicy
  profile: VerifyProfile
  aiPolicy?: AiPolicyInput
  /** Input job-id: every bundle must bind this job. */
  jobId?: string
}
export type ProofVerifier = (
  paths: string[],
  options: ActionVerifyOptions
) => Promise<BundleVerdict[]>

/**
 * The signer policy. Explicit inputs win; with `sandbox` its identity; otherwise, like
 * `gh attestation verify --repo`, any workflow of this repository on GitHub Actions.
 */
export function verifyPolicy(inputs: ActionInputs, ctx: () => RunContext): IdentityPolicy {
  const sb = inputs.sandbox ? sandboxSigning(inputs.sandbox) : undefined
  if (inputs.certificateIdentity && inputs.certificateIdentityRegexp)
    throw new QprovError(
      'USAGE',
      'give either input certificate-identity or certificate-identity-regexp, not both'
    )
  const issuer = inputs.certificateOidcIssuer ?? sb?.issuer ?? GITHUB_ACTIONS_ISSUER
  if (inputs.certificateIdentity) return { identity: inputs.certificateIdentity, issuer }
  if (inputs.certificateIdentityRegexp)
    return { identityRegExp: inputs.certificateIdentityRegexp, issuer }
  if (sb) return { identity: sb.identity, issuer }
  const c = ctx()
  const repoURL = `${c.serverURL}/${c.repository}`
  return {
    identityRegExp: `${escapeRegExp(repoURL)}/\\.github/workflows/.+@.+`,
    issuer,
    sourceRepository: repoURL
  }
}

/** The commit a check run belongs to: the PR head on pull_request events, else GITHUB_SHA. */
function headSha(env: Record<string, string | undefined>, ctx: RunContext): string | undefined {
  try {
    if (env.GITHUB_EVENT_PATH) {
      const ev = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
        pull_request?: { head?: { sha?: unknown } }
      }
      const sha = ev.pull_request?.head?.sha
      if (typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha)) return sha
    }
  } catch {
    // An unreadable event file leaves GITHUB_SHA.
  }
  return ctx.sha
}

function annotations(verdicts: BundleVerdict[], workspace: string): CheckAnnotation[] {
  return verdicts.flatMap(v =>
    v.checks
      .filter(c => c.status === 'fail')
      .map(c => ({
        path: relative(workspace, resolve(workspace, v.bundle)) || v.bundle,
        startLine: 1,
        endLine: 1,
        level: 'failure' as const,
        title: `qprov ${c.name}`,
        message: c.detail || c.name
      }))
  )
}

/** Mode verify: every bundle must verify; anything else fails the step, which is the gate. */
export async function runVerify(
  inputs: ActionInputs,
  report: Reporter,
  gh: GitHubEdges,
  verify: ProofVerifier,
  env: Record<string, string | undefined> = process.env
): Promise<void> {
  if (inputs.bundle.length === 0)
    throw new QprovError('USAGE', 'input bundle is required for mode verify')
  if (inputs.jobId) checkJobId(inputs.jobId, 'input job-id')
  const policy = verifyPolicy(inputs, () => gh.context())
  const rootPath = inputs.trustedRoot
    ? resolve(inputs.workspace, inputs.trustedRoot)
    : inputs.sandbox
      ? sandboxSigning(inputs.sandbox).trustedRoot
      : undefined
  // The `sigstore` input names the instance the bundles were signed on, hence the profile.
  const profile = profileSettings(
    { profile: inputs.sigstore, thresholds: inputs.thresholds, trustedRoot: rootPath },
    'action'
  )
  let trustedRoot: string | undefined
  if (rootPath) trustedRoot = readBoundedText(rootPath, READ_LIMITS.trustedRoot)
  const paths = inputs.bundle.map(b => resolve(inputs.workspace, b))
  let verdicts: BundleVerdict[]
  try {
    verdicts = await verify(paths, {
      policy,
      profile,
      ...(trustedRoot !== undefined ? { trustedRoot } : {}),
      ...(inputs.aiPolicy ? { aiPolicy: inputs.aiPolicy } : {}),
      ...(inputs.jobId ? { jobId: inputs.jobId } : {}),
      ...(inputs.requireResults ? { requireResults: true } : {})
    })
  } catch (e) {
    report.output('verified', 'false')
    throw e
  }
  const document = verificationDocument(
    verdicts,
    verificationPolicy({
      policy,
      profile,
      ...(inputs.aiPolicy ? { aiPolicy: inputs.aiPolicy } : {}),
      ...(inputs.jobId ? { jobId: inputs.jobId } : {})
    }),
    trustedRootRef(trustedRoot, rootPath, inputs.sandbox !== undefined && !inputs.trustedRoot)
  )
  // Fail closed: no verdict at all is not a pass (the document's ok says so).
  const ok = document.ok
  // `verified` is true only if the step also succeeds: a report, check run or summary that
  // fails after a pass must not leave `verified=true` on a failed step.
  try {
    await reportVerdicts(inputs, report, gh, env, document)
  } catch (e) {
    report.output('verified', 'false')
    throw e
  }
  report.output('verified', String(ok))
}

async function reportVerdicts(
  inputs: ActionInputs,
  report: Reporter,
  gh: GitHubEdges,
  env: Record<string, string | undefined>,
  document: VerificationDocument
): Promise<void> {
  const { verdicts, ok } = document
  const outDir = checkOutputDir(inputs.outDir, {
    what: 'out-dir',
    files: [REPORT_FILE, HTML_REPORT_FILE],
    workspace: inputs.workspace
  })
  const reportPath = resolve(outDir, REPORT_FILE)
  const { mkdir } = await import('node:fs/promises')
  await mkdir(outDir, { recursive: true })
  await writeFileAtomic(reportPath, `${JSON.stringify(document, null, 2)}\n`)
  const results = await verifiedResultsOf(verdicts)
  await writeFileAtomic(
    resolve(outDir, HTML_REPORT_FILE),
    renderHtmlReport(verdicts, { context: document, results })
  )
  report.output('report-path', reportPath)
  report.output('out-dir', outDir)
  for (const v of verdicts)
    report.info(
      `${v.ok ? 'verified' : 'NOT verified'}: ${v.bundle}${v.jobId ? ` (job ${v.jobId})` : ''}`
    )
  const failed = verdicts.flatMap(v =>
    v.checks.filter(c => c.status === 'fail').map(c => `${v.bundle}: ${c.name}`)
  )
  let checkRunURL: string | undefined
  if (inputs.checkRun) {
    const ctx = gh.context()
    const sha = headSha(env, ctx)
    if (!sha) throw new QprovError('CONFIG_INVALID', 'check-run needs GITHUB_SHA')
    const { renderSummary } = await import('../../github/summary.js')
    const run = await gh.checkRuns().create({
      name: 'qprov / verify',
      headSha: sha,
      conclusion: ok ? 'success' : 'failure',
      title: `${verdicts.filter(v => v.ok).length} of ${verdicts.length} proof bundles verified`,
      summary: renderSummary({ title: 'qprov verify', verdicts }),
      annotations: annotations(verdicts, inputs.workspace)
    })
    checkRunURL = run.url
    report.output('check-run-url', run.url)
  }
  // The summary has room for one job's results: a single bundle's.
  const only = verdicts.length === 1 ? results[0] : undefined
  await report.summary({
    title: 'qprov verify',
    verdicts,
    ...(only ? { results: only } : {}),
    links: checkRunURL ? [{ label: 'check run', url: checkRunURL }] : []
  })
  if (!ok)
    throw new QprovError(
      'VERIFY_FAILED',
      verdicts.length === 0
        ? 'no proof bundle matched input bundle'
        : `not verified: ${failed.slice(0, 10).join(', ')}${failed.length > 10 ? `, and ${failed.length - 10} more` : ''}`
    )
}
