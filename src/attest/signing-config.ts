import { QprovError } from '../errors.js'
import publicGood from './public-good-signing-config.json' with { type: 'json' }
import publicGoodRekorV2 from './public-good-signing-config-rekor-v2.json' with { type: 'json' }
import type { RekorVersion, SigningConfigDocument } from './signing-types.js'

const MEDIA_TYPE = 'application/vnd.dev.sigstore.signingconfig.v0.2+json'

/**
 * Public-good's signing configs, embedded at build time from sigstore/root-signing
 * (targets/signing_config.v0.2.json and the Rekor v2 opt-in signing_config_rekor_v2.v0.2.json);
 * nothing is fetched over TUF at run time.
 */
export const PUBLIC_GOOD_SIGNING_CONFIG: SigningConfigDocument = {
  source: 'the embedded public-good signing config',
  json: publicGood
}
export const PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG: SigningConfigDocument = {
  source: 'the embedded public-good Rekor v2 signing config',
  json: publicGoodRekorV2
}

interface Service {
  url: string
  majorApiVersion: number
  start: number
  end?: number
  operator: string
  /** Position in the document: the spec lists the newest first, so it breaks ties. */
  position: number
}

type Selector = 'ANY' | 'ALL' | 'EXACT'
interface Selection {
  selector: Selector
  count: number
}

/** What one signature uses: exactly one CA, at most one log and at most one TSA. */
interface SelectedServices {
  fulcioURL: string
  rekor?: { url: string; version: RekorVersion }
  tsaURL?: string
}

/** The API versions qprov speaks: Fulcio v1 (its /api/v2 path), Rekor 1 and 2, TSA v1. */
const CA_VERSIONS = [1]
const TSA_VERSIONS = [1]

/**
 * Picks the services as Sigstore clients do (protobuf-specs sigstore_trustroot.proto): only
 * services whose validity window holds now (inclusive) and whose API version qprov speaks, the
 * highest such version, the newest start per operator; then the selector decides how many.
 * qprov writes one log entry and one timestamp per signature, so a config that demands more is
 * refused rather than half-honoured.
 */
export function selectServices(
  doc: SigningConfigDocument,
  opts: { rekorVersion?: RekorVersion; now?: Date } = {}
): SelectedServices {
  const bad = (why: string): never => {
    throw new QprovError('CONFIG_INVALID', `${doc.source}: ${why}`)
  }
  const raw = doc.json as Record<string, unknown> | null
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) bad('not a JSON object')
  const cfg = raw as Record<string, unknown>
  if (cfg.mediaType !== MEDIA_TYPE)
    bad(`mediaType is ${JSON.stringify(cfg.mediaType)}, qprov reads ${MEDIA_TYPE}`)
  const now = (opts.now ?? new Date()).getTime()
  const services = (key: string) => parseServices(cfg[key], key, bad)

  const ca = newestPerOperator(usable(services('caUrls'), CA_VERSIONS, now))[0]
  if (ca === undefined) bad('no Fulcio service (caUrls) is valid now with API version 1')
  const out: SelectedServices = { fulcioURL: (ca as Service).url }

  const rekorVersions = opts.rekorVersion ? [opts.rekorVersion] : [1, 2]
  const logs = pick(
    services('rekorTlogUrls'),
    rekorVersions,
    now,
    parseSelection(cfg.rekorTlogConfig, 'rekorTlogConfig', bad),
    'rekorTlogUrls',
    bad
  )
  if (logs[0]) out.rekor = { url: logs[0].url, version: logs[0].majorApiVersion as RekorVersion }
  else if (opts.rekorVersion)
    bad(`lists no Rekor (rekorTlogUrls), but v${opts.rekorVersion} was asked for`)

  const tsas = pick(
    services('tsaUrls'),
    TSA_VERSIONS,
    now,
    parseSelection(cfg.tsaConfig, 'tsaConfig', bad),
    'tsaUrls',
    bad
  )
  if (tsas[0]) out.tsaURL = tsas[0].url
  return out
}

function parseServices(v: unknown, key: string, bad: (why: string) => never): Service[] {
  if (v === undefined) return []
  if (!Array.isArray(v)) bad(`${key} is not an array`)
  return (v as unknown[]).map((item, i) => {
    const s = item as Record<string, unknown> | null
    const where = `${key}[${i}]`
    if (s === null || typeof s !== 'object') bad(`${where} is not an object`)
    const r = s as Record<string, unknown>
    if (typeof r.url !== 'string' || r.url === '') bad(`${where} has no url`)
    if (!Number.isSafeInteger(r.majorApiVersion) || (r.majorApiVersion as number) < 0)
      bad(`${where} has no majorApiVersion`)
    const vf = r.validFor as { start?: unknown; end?: unknown } | undefined
    const start = time(vf?.start)
    if (start === undefined) bad(`${where} has no valid validFor.start`)
    const end = vf?.end === undefined ? undefined : time(vf.end)
    if (vf?.end !== undefined && end === undefined) bad(`${where} has an invalid validFor.end`)
    return {
      url: r.url as string,
      majorApiVersion: r.majorApiVersion as number,
      start: start as number,
      ...(end !== undefined ? { end } : {}),
      operator: typeof r.operator === 'string' ? r.operator : '',
      position: i
    }
  })
}

function parseSelection(v: unknown, key: string, bad: (why: string) => never): Selection {
  // protobuf JSON omits an unset message: no configuration means "pick any one".
  if (v === undefined) return { selector: 'ANY', count: 0 }
  const c = v as { selector?: unknown; count?: unknown } | null
  if (c === null || typeof c !== 'object') bad(`${key} is not an object`)
  const selector = (c as { selector?: unknown }).selector
  if (selector !== 'ANY' && selector !== 'ALL' && selector !== 'EXACT')
    bad(`${key}.selector ${JSON.stringify(selector)} is not ANY, ALL or EXACT`)
  const count = (c as { count?: unknown }).count ?? 0
  if (selector === 'EXACT' && (!Number.isSafeInteger(count) || (count as number) < 1))
    bad(`${key}.count must be a positive integer with EXACT`)
  return { selector: selector as Selector, count: count as number }
}

function time(v: unknown): number | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(v)) return undefined
  const t = Date.parse(v)
  return Number.isNaN(t) ? undefined : t
}

/** Valid now, with a supported API version, and only from the highest such version. */
function usable(list: Service[], versions: number[], now: number): Service[] {
  const valid = list.filter(
    s => versions.includes(s.majorApiVersion) && s.start <= now && (s.end ?? now) >= now
  )
  const top = Math.max(...valid.map(s => s.majorApiVersion))
  return valid.filter(s => s.majorApiVersion === top)
}

/** One service per operator, the newest start first; the document's order breaks ties. */
function newestPerOperator(list: Service[]): Service[] {
  const sorted = [...list].sort((a, b) => b.start - a.start || a.position - b.position)
  const seen = new Set<string>()
  return sorted.filter(s => !seen.has(s.operator) && seen.add(s.operator))
}

function pick(
  listed: Service[],
  versions: number[],
  now: number,
  sel: Selection,
  key: string,
  bad: (why: string) => never
): Service[] {
  if (listed.length === 0) return []
  const candidates = newestPerOperator(usable(listed, versions, now))
  const wanted = sel.selector === 'ANY' ? 1 : sel.selector === 'EXACT' ? sel.count : undefined
  // A listed service that cannot be used is an error, not a reason to sign without it.
  if (candidates.length < (wanted ?? 1)) {
    const demanded = wanted !== undefined && wanted > 1 ? `, ${wanted} demanded` : ''
    bad(
      `${key}: ${candidates.length} service(s) valid now with API version ${versions.join(' or ')}${demanded}`
    )
  }
  const chosen = candidates.slice(0, wanted ?? candidates.length)
  if (chosen.length > 1)
    bad(
      `${key}: the config demands ${chosen.length} services (${sel.selector}); ` +
        'qprov writes one per signature'
    )
  return chosen
}
