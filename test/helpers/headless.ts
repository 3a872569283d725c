import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

/** The Debian `chromium` that .ci/run installs; browser tests skip, saying so, without it. */
export const CHROMIUM = '/usr/bin/chromium'
export const haveChromium = existsSync(CHROMIUM)

let launched: Promise<Browser> | undefined

/**
 * One headless Chromium per test process, shared by the browser test files it runs (they share
 * the process, vitest `isolate: false`). It is never closed here: Playwright talks to it over a
 * pipe, and Chromium exits when the test process does.
 */
export function headlessChromium(): Promise<Browser> {
  launched ??= chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
  return launched
}

export interface OpenedReport {
  page: Page
  /** Every URL the page asked for: a report loads nothing. */
  requests: string[]
  /** Console errors and warnings, and uncaught page errors. */
  problems: string[]
}

const pages = mkdtempSync(join(tmpdir(), 'qprov-html-'))

/** Writes the report to a file and opens it from there, as an auditor would. */
export async function openReport(name: string, html: string): Promise<OpenedReport> {
  const file = join(pages, `${name}.html`)
  writeFileSync(file, html)
  const page = await (await headlessChromium()).newPage({ viewport: { width: 1200, height: 900 } })
  const requests: string[] = []
  const problems: string[] = []
  page.on('request', r => requests.push(r.url()))
  page.on('console', m => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text())
  })
  page.on('pageerror', e => problems.push(e.message))
  await page.goto(pathToFileURL(file).href)
  return { page, requests, problems }
}
