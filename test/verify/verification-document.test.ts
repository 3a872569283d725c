import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderSummary } from '../../src/github/summary.js'
import { PUBLIC_GOOD_PROFILE } from '../../src/sigstore/profiles.js'
import { renderHtmlReport } from '../../src/verify/html-report.js'
import { renderText } from '../../src/verify/render.js'
import {
  isLocalRoot,
  trustedRootRef,
  verificationDocument,
  verificationPolicy
} from '../../src/verify/verification-document.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { validateVerification } from '../helpers/verification-doc.js'
import { okVerdict, tamperedVerdict } from './verdict-fixtures.js'

const SANDBOX_ROOT = readFileSync(
  join(REPO_ROOT, 'examples/proof-chain/sandbox-trusted-root.NOT-FOR-PRODUCTION.json'),
  'utf8'
)
const policy = verificationPolicy({
  policy: {
    identity: 'https://github.com/acme/w/.github/workflows/s.yml@refs/heads/main',
    issuer: 'https://token.actions.githubusercontent.com'
  },
  profile: PUBLIC_GOOD_PROFILE,
  aiPolicy: 'declared-only',
  jobId: 'd1ab2c3d4e5f6g7h8i9j'
})

describe('the verification document (schemas/verification.v1.schema.json)', () => {
  it('is one object for one bundle, valid against its schema', () => {
    const doc = verificationDocument([okVerdict()], policy, trustedRootRef(undefined, undefined))
    expect(validateVerification(doc), JSON.stringify(validateVerification.errors)).toBe(true)
    expect(doc).toMatchObject({
      mediaType: 'application/vnd.qprov.verification+json;version=1',
      ok: true,
      trustedRoot: { source: 'embedded:public-good', sandbox: false },
      policy: { profile: 'public-good', thresholds: { tlog: 1, ctlog: 1, timestamp: 1 } }
    })
  })

  it('is not ok with a failed verdict or with none, and the schema refuses a wrong shape', () => {
    const root = trustedRootRef(undefined, undefined)
    const bad = tamperedVerdict('workload-files', 'changed')
    expect(verificationDocument([okVerdict(), bad], policy, root).ok).toBe(false)
    expect(verificationDocument([], policy, root).ok).toBe(false)
    const doc = verificationDocument([okVerdict()], policy, root)
    expect(validateVerification({ ...doc, verdicts: doc.verdicts[0] })).toBe(false)
    const okWord = structuredClone(doc)
    ;(okWord.verdicts[0]!.checks[0] as { status: string }).status = 'ok'
    expect(validateVerification(okWord)).toBe(false)
  })

  it('marks a root as a sandbox root from --sandbox or a loopback service URL, not from names', () => {
    expect(isLocalRoot(SANDBOX_ROOT)).toBe(true)
    const renamed = SANDBOX_ROOT.replaceAll('NOT FOR PRODUCTION', 'production')
    expect(isLocalRoot(renamed)).toBe(true)
    const remote = SANDBOX_ROOT.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'https://fulcio.example')
    expect(isLocalRoot(remote)).toBe(false)
    expect(trustedRootRef(remote, 'r.json').sandbox).toBe(false)
    expect(trustedRootRef(remote, 'r.json', true).sandbox).toBe(true)
    expect(isLocalRoot('not json')).toBe(false)
  })
})

describe('the report shows what was verified against', () => {
  const sandbox = verificationDocument(
    [okVerdict()],
    policy,
    trustedRootRef(SANDBOX_ROOT, 'sandbox-trusted-root.json')
  )

  it('HTML: trust root path and sha256, the policy, and a sandbox banner only for a sandbox root', () => {
    const html = renderHtmlReport(sandbox.verdicts, { context: sandbox })
    expect(html).toContain('id="sandbox-banner"')
    expect(html).toContain('SANDBOX, NOT FOR PRODUCTION')
    expect(html).toContain('sandbox-trusted-root.json')
    expect(html).toContain(sandbox.trustedRoot.sha256)
    expect(html).toContain('declared-only')
    expect(html).toContain('d1ab2c3d4e5f6g7h8i9j')
    const real = { ...sandbox, trustedRoot: trustedRootRef(undefined, undefined) }
    const plain = renderHtmlReport(real.verdicts, { context: real })
    expect(plain).not.toContain('sandbox-banner')
    expect(plain).toContain('embedded:public-good')
  })

  it('HTML: the binding’s own Rekor entry next to the statement’s', () => {
    const v = okVerdict()
    v.facts.bindingRekor = { logIndex: '42', uuid: 'ab'.repeat(32) }
    const html = renderHtmlReport([v])
    expect(html).toContain(
      '<th scope="row">Statement Rekor log index</th><td class="value">41</td>'
    )
    expect(html).toContain('<th scope="row">Binding Rekor log index</th><td class="value">42</td>')
  })

  it('the same word for a passed check in text, JSON and HTML: pass', () => {
    const v = okVerdict()
    expect(renderText([v])).toMatch(/^ {2}pass {2}statement-signature/m)
    expect(renderText([v])).not.toMatch(/^ {2}ok /m)
    expect(v.checks[0]?.status).toBe('pass')
    expect(renderHtmlReport([v])).toContain('✓ pass')
  })

  it('job summary: the chain diagram of each verified bundle, none for a failed one', () => {
    const ok = renderSummary({ title: 't', verdicts: [okVerdict()] })
    expect(ok).toContain('```mermaid')
    expect(ok).toContain('K["Rekor<br/>_41"]')
    const bad = renderSummary({ title: 't', verdicts: [tamperedVerdict('workload-files', 'x')] })
    expect(bad).not.toContain('```mermaid')
  })
})
