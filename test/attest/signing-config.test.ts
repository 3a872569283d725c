import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveEndpoints } from '../../src/attest/instances.js'
import {
  PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG,
  PUBLIC_GOOD_SIGNING_CONFIG,
  selectServices
} from '../../src/attest/signing-config.js'
import { QprovError } from '../../src/errors.js'
import { signingSettings } from '../../src/settings/signing.js'

const MEDIA_TYPE = 'application/vnd.dev.sigstore.signingconfig.v0.2+json'
const NOW = new Date('2026-06-01T00:00:00Z')

interface Svc {
  url: string
  v: number
  start: string
  end?: string
  op?: string
}
const svc = ({ url, v, start, end, op = 'sigstore.dev' }: Svc) => ({
  url,
  majorApiVersion: v,
  validFor: end ? { start, end } : { start },
  operator: op
})
const doc = (over: Record<string, unknown> = {}) => ({
  source: 'test config',
  json: {
    mediaType: MEDIA_TYPE,
    caUrls: [svc({ url: 'https://fulcio.example', v: 1, start: '2022-01-01T00:00:00Z' })],
    rekorTlogUrls: [svc({ url: 'https://rekor.example', v: 1, start: '2021-01-01T00:00:00Z' })],
    tsaUrls: [
      svc({ url: 'https://tsa.example/api/v1/timestamp', v: 1, start: '2025-01-01T00:00:00Z' })
    ],
    rekorTlogConfig: { selector: 'ANY' },
    tsaConfig: { selector: 'ANY' },
    ...over
  }
})
const refusal = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    return `${(e as QprovError).code}: ${(e as Error).message}`
  }
  return 'accepted'
}

describe('the embedded public-good signing configs', () => {
  it('log to Rekor v1 by default, without a TSA, as before', () => {
    expect(resolveEndpoints('public-good', {})).toEqual({
      fulcioURL: 'https://fulcio.sigstore.dev',
      rekorURL: 'https://rekor.sigstore.dev',
      rekorVersion: 1
    })
    expect(selectServices(PUBLIC_GOOD_SIGNING_CONFIG).rekor).toEqual({
      url: 'https://rekor.sigstore.dev',
      version: 1
    })
  })

  it('opt in to the log2025-1 shard with a timestamp authority for --rekor-version 2', () => {
    expect(resolveEndpoints('public-good', {}, {}, { rekorVersion: 2 })).toEqual({
      fulcioURL: 'https://fulcio.sigstore.dev',
      rekorURL: 'https://log2025-1.rekor.sigstore.dev',
      rekorVersion: 2,
      tsaURL: 'https://timestamp.sigstore.dev/api/v1/timestamp'
    })
  })

  it('keep the opt-in shard closed before its start date, as a Sigstore client must', () => {
    const before = new Date('2025-12-31T23:59:59Z')
    expect(
      refusal(() =>
        selectServices(PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG, { now: before, rekorVersion: 2 })
      )
    ).toMatch(/^CONFIG_INVALID: .*rekorTlogUrls: 0 service\(s\) valid now with API version 2/)
    expect(selectServices(PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG, { now: before }).rekor).toEqual({
      url: 'https://rekor.sigstore.dev',
      version: 1
    })
  })
})

describe('service selection from a SigningConfig v0.2', () => {
  it('takes the highest API version valid now, unless a version is asked for', () => {
    const d = doc({
      rekorTlogUrls: [
        svc({ url: 'https://log-future.example', v: 2, start: '2027-01-01T00:00:00Z' }),
        svc({ url: 'https://log2.example', v: 2, start: '2026-01-01T00:00:00Z' }),
        svc({ url: 'https://rekor.example', v: 1, start: '2021-01-01T00:00:00Z' })
      ]
    })
    expect(selectServices(d, { now: NOW }).rekor).toEqual({
      url: 'https://log2.example',
      version: 2
    })
    expect(selectServices(d, { now: NOW, rekorVersion: 1 }).rekor).toEqual({
      url: 'https://rekor.example',
      version: 1
    })
  })

  it('counts a validity window inclusive of both ends and skips an ended service', () => {
    const d = (end: string) =>
      doc({
        rekorTlogUrls: [
          svc({ url: 'https://old.example', v: 1, start: '2020-01-01T00:00:00Z', end }),
          svc({ url: 'https://new.example', v: 1, start: '2019-01-01T00:00:00Z' })
        ]
      })
    expect(selectServices(d(NOW.toISOString()), { now: NOW }).rekor?.url).toBe(
      'https://old.example'
    )
    expect(selectServices(d('2026-05-31T23:59:59Z'), { now: NOW }).rekor?.url).toBe(
      'https://new.example'
    )
  })

  it('prefers the newest start, then the order of the document', () => {
    const d = doc({
      caUrls: [
        svc({ url: 'https://fulcio-a.example', v: 1, start: '2022-01-01T00:00:00Z' }),
        svc({ url: 'https://fulcio-b.example', v: 1, start: '2024-01-01T00:00:00Z' }),
        svc({ url: 'https://fulcio-c.example', v: 1, start: '2024-01-01T00:00:00Z' })
      ]
    })
    expect(selectServices(d, { now: NOW }).fulcioURL).toBe('https://fulcio-b.example')
  })

  it('refuses what qprov cannot honour: several logs, too few, no CA, another media type', () => {
    const two = [
      svc({ url: 'https://a.example', v: 1, start: '2021-01-01T00:00:00Z', op: 'a' }),
      svc({ url: 'https://b.example', v: 1, start: '2021-01-01T00:00:00Z', op: 'b' })
    ]
    expect(
      refusal(() =>
        selectServices(doc({ rekorTlogUrls: two, rekorTlogConfig: { selector: 'ALL' } }), {
          now: NOW
        })
      )
    ).toMatch(/demands 2 services \(ALL\); qprov writes one per signature/)
    expect(
      refusal(() =>
        selectServices(doc({ rekorTlogConfig: { selector: 'EXACT', count: 2 } }), { now: NOW })
      )
    ).toMatch(/1 service\(s\) valid now .*, 2 demanded/)
    // ALL over two entries of one operator is one log: one per operator.
    expect(
      selectServices(
        doc({
          rekorTlogUrls: two.map(s => ({ ...s, operator: 'same' })),
          rekorTlogConfig: { selector: 'ALL' }
        }),
        { now: NOW }
      ).rekor?.url
    ).toBe('https://a.example')
    expect(refusal(() => selectServices(doc({ caUrls: [] }), { now: NOW }))).toMatch(
      /no Fulcio service/
    )
    expect(
      refusal(() =>
        selectServices({ source: 's', json: { ...doc().json, mediaType: 'x' } }, { now: NOW })
      )
    ).toMatch(/^CONFIG_INVALID: s: mediaType is "x"/)
    expect(
      refusal(() => selectServices(doc({ tsaConfig: { selector: 'SOME' } }), { now: NOW }))
    ).toMatch(/tsaConfig.selector "SOME"/)
  })

  it('refuses a service URL with credentials in it, as it refuses such a flag', () => {
    const withUser = doc({
      caUrls: [svc({ url: 'https://user:pw@fulcio.example', v: 1, start: '2022-01-01T00:00:00Z' })]
    })
    expect(refusal(() => resolveEndpoints('custom', {}, {}, { signingConfig: withUser }))).toMatch(
      /^URL_CREDENTIALS: /
    )
  })

  it('signs without a log when the config lists none, and refuses v2 without a timestamp', () => {
    expect(selectServices(doc({ rekorTlogUrls: [] }), { now: NOW }).rekor).toBeUndefined()
    const v2only = doc({
      rekorTlogUrls: [svc({ url: 'https://log2.example', v: 2, start: '2026-01-01T00:00:00Z' })],
      tsaUrls: []
    })
    expect(refusal(() => resolveEndpoints('custom', {}, {}, { signingConfig: v2only }))).toMatch(
      /^USAGE: Rekor v2 records no integrated time/
    )
  })
})

describe('--signing-config and --rekor-version', () => {
  it('read a config file and pick its services; explicit URLs still win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-sc-'))
    const file = join(dir, 'signing_config.json')
    writeFileSync(file, JSON.stringify(doc().json))
    const signing = signingSettings({ signingConfig: file, rekorVersion: '1' })
    expect(signing.signingConfig?.source).toBe(`--signing-config ${file}`)
    expect(
      resolveEndpoints(signing.instance, { tsaURL: 'https://tsa2.example' }, {}, signing)
    ).toEqual({
      fulcioURL: 'https://fulcio.example',
      rekorURL: 'https://rekor.example',
      rekorVersion: 1,
      tsaURL: 'https://tsa2.example'
    })
    writeFileSync(file, '{')
    expect(refusal(() => signingSettings({ signingConfig: file }))).toBe(
      `INPUT_NOT_JSON: --signing-config ${file} is not JSON`
    )
  })

  it('accept only 1 or 2, and need a log for the version to apply to', () => {
    expect(refusal(() => signingSettings({ rekorVersion: '3' }, 'action'))).toBe(
      'USAGE: input rekor-version must be 1 or 2, got "3"'
    )
    expect(refusal(() => resolveEndpoints('github', {}, {}, { rekorVersion: 2 }))).toMatch(
      /^USAGE: --rekor-version 2 needs a Rekor log, and the github Sigstore instance has none/
    )
    // An explicit log URL speaks the version given, or v1.
    const custom = {
      fulcioURL: 'https://f.example',
      rekorURL: 'https://r.example',
      tsaURL: 'https://t.example'
    }
    expect(resolveEndpoints('custom', custom).rekorVersion).toBe(1)
    expect(resolveEndpoints('custom', custom, {}, { rekorVersion: 2 }).rekorVersion).toBe(2)
  })
})
