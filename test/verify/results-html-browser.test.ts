import { beforeAll, describe, expect, it } from 'vitest'
import { renderHtmlReport } from '../../src/verify/html-report.js'
import { decodeResultsValue, type DecodedResults } from '../../src/verify/results-decode.js'
import { CHROMIUM, haveChromium, headlessChromium, openReport } from '../helpers/headless.js'
import { HOSTILE, okVerdict } from './verdict-fixtures.js'

declare const window: { __pwned?: unknown }

if (!haveChromium)
  console.warn(
    `SKIPPED: the results section browser test needs ${CHROMIUM} (Debian package "chromium")`
  )

beforeAll(async () => {
  if (haveChromium) await headlessChromium()
}, 60_000)

/** A Bell pair measured 4096 times, with readout noise, as the sampler's plain JSON gives it. */
function bellResults(): DecodedResults {
  const samples = [
    ...Array(2011).fill('0x0'),
    ...Array(1987).fill('0x3'),
    ...Array(53).fill('0x1'),
    ...Array(45).fill('0x2')
  ]
  const wide = Array.from(
    { length: 300 },
    (_, i) => `0x${((i * 2654435761) % 2 ** 27).toString(16)}`
  )
  return decodeResultsValue({
    results: [
      { data: { meas: { samples, num_bits: 2 } }, metadata: { circuit_metadata: {} } },
      { data: { wide: { samples: wide.concat(wide.slice(0, 40)), num_bits: 27 } }, metadata: {} },
      { data: { evs: [0.97, -0.012], stds: [0.008, 0.009] }, metadata: {} },
      { __type__: 'SamplerPubResult', __value__: {} }
    ],
    metadata: { version: 2 }
  })
}

const open = openReport

describe.skipIf(!haveChromium)('results section in headless Chromium', () => {
  it('draws the histogram bars to scale, the estimator table and the undecoded PUB, loading nothing', async () => {
    const html = renderHtmlReport([okVerdict()], { results: [bellResults()] })
    const { page, requests, problems } = await open('bell', html)
    const meas = page.locator('figure.register[data-register="meas"] g.bar rect')
    expect(await meas.count()).toBe(4)
    const widths = await Promise.all(
      [0, 1, 2, 3].map(async i => (await meas.nth(i).boundingBox())?.width ?? 0)
    )
    expect(widths[0]).toBeGreaterThan(300)
    expect((widths[1] as number) / (widths[0] as number)).toBeCloseTo(1987 / 2011, 2)
    expect(widths[3]).toBeLessThan(widths[2] as number)
    expect(
      await page.locator('figure.register[data-register="meas"] text').first().innerHTML()
    ).toBe('00')
    expect(await page.locator('figure.register[data-register="wide"] g.bar').count()).toBe(17)
    expect(await page.locator('g.bar.other').isVisible()).toBe(true)
    expect(await page.locator('table.estimator tbody tr').count()).toBe(2)
    expect(await page.locator('p.not-decoded[data-reason="qiskit-encoded"]').isVisible()).toBe(true)
    expect(requests.every(u => u.startsWith('file://'))).toBe(true)
    expect(problems).toEqual([]) // a CSP violation would be reported here
    await page.close()
  }, 60_000)

  it('renders hostile register names as inert text', async () => {
    const data = Object.fromEntries(HOSTILE.map(h => [h, { samples: ['0x1', '0x0'], num_bits: 1 }]))
    const results = decodeResultsValue({ results: [{ data }] })
    const { page, requests, problems } = await open(
      'hostile',
      renderHtmlReport([okVerdict()], { results: [results] })
    )
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined()
    expect(await page.locator('script, img, iframe, a[href^="http"]').count()).toBe(0)
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('figure.register figcaption code').allInnerTexts()).toEqual(HOSTILE)
    expect(requests.every(u => u.startsWith('file://'))).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)
})
