import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderHtmlReport } from '../../src/verify/html-report.js'
import { CHECK_NAMES, type BundleVerdict } from '../../src/verify/verdict.js'
import { verifyProofBundles } from '../../src/verify/index.js'
import { REPO_ROOT } from '../helpers/cli.js'
import {
  CHROMIUM,
  haveChromium,
  headlessChromium,
  openReport,
  type OpenedReport
} from '../helpers/headless.js'
import { HOSTILE, okVerdict, tamperedVerdict } from './verdict-fixtures.js'

// Browser globals used inside page.evaluate callbacks (the project compiles without the DOM lib).
declare const getComputedStyle: (e: unknown) => { backgroundColor: string }
declare const window: { __pwned?: unknown }

if (!haveChromium)
  console.warn(
    `SKIPPED: the HTML report browser test needs ${CHROMIUM} (Debian package "chromium"; .ci/run installs it)`
  )

beforeAll(async () => {
  if (haveChromium) await headlessChromium()
}, 60_000)

/** Opens the report of these verdicts from a file, as an auditor would. */
const open = (name: string, verdicts: BundleVerdict[]): Promise<OpenedReport> =>
  openReport(name, renderHtmlReport(verdicts))

async function expectEveryCheckVisible(page: Page): Promise<void> {
  for (const name of CHECK_NAMES) {
    const cell = page.locator(`tr.check[data-check="${name}"] code`).first()
    expect(await cell.isVisible(), name).toBe(true)
    expect(await cell.innerText()).toBe(name)
  }
}

describe.skipIf(!haveChromium)('HTML report in headless Chromium', () => {
  it('shows VERIFIED on top and every check for a valid chain, loading nothing', async () => {
    const { page, requests, problems } = await open('ok', [okVerdict()])
    const h1 = page.locator('#verdict h1')
    expect(await h1.isVisible()).toBe(true)
    expect(await h1.innerText()).toBe('VERIFIED')
    const box = await h1.boundingBox()
    expect(box?.y ?? 1e9).toBeLessThan(100)
    const bg = await page.locator('#verdict').evaluate(e => getComputedStyle(e).backgroundColor)
    expect(bg).toBe('rgb(220, 252, 231)') // the stylesheet applied: its CSP hash matched
    await expectEveryCheckVisible(page)
    expect(await page.locator('svg.chain g.node').count()).toBe(7)
    expect(await page.locator('td.value', { hasText: 'd1ab2c3d4e5f6g7h8i9j' }).isVisible()).toBe(
      true
    )
    expect(requests.every(u => u.startsWith('file://'))).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)

  it('shows NOT VERIFIED and the failing check for a tampered chain', async () => {
    const { page, problems } = await open('tampered', [
      tamperedVerdict('transparency-entry', 'calculated root hash does not match inclusion proof')
    ])
    expect(await page.locator('#verdict h1').innerText()).toBe('NOT VERIFIED')
    const bg = await page.locator('#verdict').evaluate(e => getComputedStyle(e).backgroundColor)
    expect(bg).toBe('rgb(254, 226, 226)')
    await expectEveryCheckVisible(page)
    const row = page.locator('tr.check[data-check="transparency-entry"]')
    expect(await row.locator('td.status').innerText()).toMatch(/FAIL/)
    expect(await row.locator('td.detail').innerText()).toContain('calculated root hash')
    expect(await page.locator('g.node[data-node="rekor"]').getAttribute('data-status')).toBe('fail')
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)

  it('renders hostile bundle text as inert text in a batch report', async () => {
    const evil = HOSTILE.map((h, i) => {
      const v = tamperedVerdict('statement-content', h, h)
      v.jobId = h
      return i === 0 ? okVerdict(h) : v
    })
    const { page, requests, problems } = await open('hostile', evil)
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined()
    expect(await page.locator('script, img, iframe, a[href^="http"]').count()).toBe(0)
    expect(await page.locator('#verdict h1').innerText()).toBe('NOT VERIFIED')
    expect(await page.locator('h1').count()).toBe(1) // the injected "FAKE VERIFIED" heading is text
    expect(await page.locator('section.bundle').count()).toBe(HOSTILE.length)
    expect(await page.locator('#summary a[href="#bundle-2"]').isVisible()).toBe(true)
    const firstName = await page.locator('#bundle-1 h2 code').innerText()
    expect(firstName).toBe(HOSTILE[0])
    await page.locator('#summary a[href="#bundle-3"]').click()
    expect(page.url()).toMatch(/#bundle-3$/)
    expect(requests.every(u => u.startsWith('file://'))).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)

  it('renders the real verdicts of the committed example and of a tampered copy', async () => {
    const example = join(REPO_ROOT, 'examples/proof-chain')
    const readme = readFileSync(join(example, 'README.md'), 'utf8')
    const flag = (name: string) => new RegExp(`--${name} '([^']+)'`).exec(readme)?.[1] as string
    const options = {
      trustedRoot: readFileSync(
        join(example, 'sandbox-trusted-root.NOT-FOR-PRODUCTION.json'),
        'utf8'
      ),
      policy: { identity: flag('certificate-identity'), issuer: flag('certificate-oidc-issuer') },
      workers: 0
    }
    const copy = mkdtempSync(join(tmpdir(), 'qprov-html-example-'))
    cpSync(join(example, 'bundle'), copy, { recursive: true })
    const rec = JSON.parse(readFileSync(join(copy, 'runtime-job.json'), 'utf8'))
    rec.backend = 'ibm_tampered'
    writeFileSync(join(copy, 'runtime-job.json'), `${JSON.stringify(rec, null, 2)}\n`)
    const [good] = await verifyProofBundles([join(example, 'bundle')], options)
    const [bad] = await verifyProofBundles([copy], options)
    expect(good?.ok).toBe(true)
    expect(bad?.ok).toBe(false)

    const ok = await open('example-ok', [good as BundleVerdict])
    expect(await ok.page.locator('#verdict h1').innerText()).toBe('VERIFIED')
    await expectEveryCheckVisible(ok.page)
    const jobId = good?.facts.jobId as string
    expect(await ok.page.locator('td.value', { hasText: jobId }).first().isVisible()).toBe(true)
    expect(ok.problems).toEqual([])
    await ok.page.close()

    const tampered = await open('example-tampered', [bad as BundleVerdict])
    expect(await tampered.page.locator('#verdict h1').innerText()).toBe('NOT VERIFIED')
    await expectEveryCheckVisible(tampered.page)
    const failed = (bad as BundleVerdict).checks.filter(c => c.status === 'fail').map(c => c.name)
    expect(failed).toContain('binding-consistency')
    for (const name of failed) {
      const cell = tampered.page.locator(`tr.check[data-check="${name}"] td.status`)
      expect(await cell.innerText()).toMatch(/FAIL/)
    }
    expect(tampered.problems).toEqual([])
    await tampered.page.close()
  }, 60_000)
})
