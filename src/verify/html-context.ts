import { escapeHtml as esc } from './html-escape.js'
import type { RekorFact } from './verdict.js'
import type { TrustedRootRef, VerificationPolicy } from './verification-document.js'

/** What the report was verified against: shown so an auditor can tell which root and policy. */
export interface ReportContext {
  policy: VerificationPolicy
  trustedRoot: TrustedRootRef
}

export const CONTEXT_STYLE = `
.sandbox{background:#fef3c7;border:3px solid #b45309;color:#78350f;padding:12px 16px;margin:0 0 14px;font-weight:700}
`

/** The banner when the trusted root is a sandbox's; decided by the typed `sandbox` flag alone. */
export function sandboxBanner(ctx: ReportContext | undefined): string {
  if (ctx?.trustedRoot.sandbox !== true) return ''
  return (
    '<div class="sandbox" id="sandbox-banner" role="alert">SANDBOX, NOT FOR PRODUCTION: these ' +
    'bundles were verified against a local sandbox&#39;s trusted root. A pass here shows the ' +
    'mechanics only; it proves nothing about real provenance.</div>'
  )
}

function row(label: string, value: string): string {
  return `<tr><th scope="row">${esc(label)}</th><td class="value">${esc(value)}</td></tr>`
}

/** The trusted root (source and sha256) and the policy, as two small tables. */
export function contextSection(ctx: ReportContext | undefined): string {
  if (ctx === undefined) return ''
  const r = ctx.trustedRoot
  const p = ctx.policy
  const t = p.thresholds
  const rows = [
    row('Trusted root', r.source),
    row('Trusted root sha256', r.sha256),
    row('Sandbox root', r.sandbox ? 'yes: NOT FOR PRODUCTION' : 'no'),
    p.identity !== undefined ? row('Signer identity (exact)', p.identity) : '',
    p.identityRegExp !== undefined ? row('Signer identity (regexp)', p.identityRegExp) : '',
    row('OIDC issuer', p.issuer),
    p.sourceRepository !== undefined ? row('Source repository', p.sourceRepository) : '',
    row('Profile', `${p.profile} (tlog ${t.tlog}, ctlog ${t.ctlog}, timestamp ${t.timestamp})`),
    row('AI policy', p.aiPolicy),
    row('Required job', p.jobId ?? '(any)'),
    row('Workload re-hashed', p.workload?.join(', ') ?? '(not given)'),
    row('Live job compared', p.online ? 'yes' : 'no (offline)')
  ].join('')
  return (
    '<section id="context"><h2>Verified against</h2>' +
    `<table class="facts context"><tbody>${rows}</tbody></table></section>`
  )
}

/** The rows of one Rekor entry, labelled with whose entry it is. */
export function rekorRows(whose: string, e: RekorFact | null | undefined): [string, string][] {
  if (e === undefined) return []
  if (e === null) return [[`${whose} Rekor entry`, 'none: signed with a timestamp only']]
  const rows: [string, string][] = [[`${whose} Rekor log index`, e.logIndex]]
  if (e.uuid) rows.push([`${whose} Rekor entry UUID`, e.uuid])
  if (e.baseUrl) rows.push([`${whose} Rekor v2 shard`, e.baseUrl])
  if (e.logId) rows.push([`${whose} Rekor log ID`, e.logId])
  return rows
}
