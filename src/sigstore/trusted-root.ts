import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toTrustMaterial, type KeyFinderFunc, type TrustMaterial } from '@sigstore/verify'
import { QprovError } from '../errors.js'
import publicGoodRoot from './public-good-trusted-root.json' with { type: 'json' }

const MEDIA_TYPES = new Set([
  'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  'application/vnd.dev.sigstore.trustedroot.v0.2+json'
])

/** The public-good root embedded at build time (scripts/refresh-trusted-root.mjs); never fetched. */
export function publicGoodTrustedRoot(): unknown {
  return structuredClone(publicGoodRoot)
}

/** Parses a trusted_root.json file: one JSON object, or JSON lines with one root per line. */
export function parseTrustedRoots(text: string): unknown[] {
  const trimmed = text.trim()
  if (trimmed === '') throw new QprovError('TRUSTED_ROOT_INVALID', 'trusted root file is empty')
  try {
    return [JSON.parse(trimmed)]
  } catch {
    // not a single document: try JSON lines
  }
  return trimmed
    .split(/\r?\n/)
    .filter(line => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as unknown
      } catch (e) {
        throw new QprovError('TRUSTED_ROOT_INVALID', `trusted root line ${i + 1} is not JSON`, {
          cause: e
        })
      }
    })
}

/**
 * Structural checks that @sigstore/verify skips. It treats a missing validFor.start as the epoch,
 * which would silently extend a key's trust to all of history, so every authority must have one.
 */
export function validateTrustedRoot(raw: unknown, label = 'trusted root'): void {
  const bad = (why: string): never => {
    throw new QprovError('TRUSTED_ROOT_INVALID', `${label}: ${why}`)
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) bad('not a JSON object')
  const r = raw as Record<string, unknown>
  if (typeof r.mediaType !== 'string' || !MEDIA_TYPES.has(r.mediaType))
    bad(`unsupported mediaType ${JSON.stringify(r.mediaType)}`)
  const list = (key: string): Record<string, unknown>[] => {
    const v = r[key] ?? []
    if (!Array.isArray(v)) bad(`${key} is not an array`)
    return (v as unknown[]).map((item, i) => {
      if (item === null || typeof item !== 'object') bad(`${key}[${i}] is not an object`)
      return item as Record<string, unknown>
    })
  }
  const cas = list('certificateAuthorities')
  const tsas = list('timestampAuthorities')
  const tlogs = list('tlogs')
  const ctlogs = list('ctlogs')
  if (cas.length === 0 && tlogs.length === 0 && tsas.length === 0)
    bad('has no certificate authorities, tlogs or timestamp authorities')
  cas.forEach((ca, i) => checkValidity(ca.validFor, `certificateAuthorities[${i}]`, bad))
  tsas.forEach((ca, i) => checkValidity(ca.validFor, `timestampAuthorities[${i}]`, bad))
  for (const [key, logs] of [
    ['tlogs', tlogs],
    ['ctlogs', ctlogs]
  ] as const)
    logs.forEach((log, i) => {
      const pk = log.publicKey as Record<string, unknown> | undefined
      if (pk === null || typeof pk !== 'object') bad(`${key}[${i}] has no publicKey`)
      checkValidity(pk?.validFor, `${key}[${i}].publicKey`, bad)
    })
}

function checkValidity(v: unknown, where: string, bad: (why: string) => never): void {
  const vf = v as { start?: unknown; end?: unknown } | undefined
  if (vf === null || typeof vf !== 'object') bad(`${where} has no validFor`)
  const start = parseTime(vf?.start)
  if (start === undefined) bad(`${where} has no valid validFor.start`)
  if (vf?.end !== undefined && vf.end !== null) {
    const end = parseTime(vf.end)
    if (end === undefined) bad(`${where} has an invalid validFor.end`)
    if ((end as number) < (start as number)) bad(`${where} validFor.end is before its start`)
  }
}

function parseTime(v: unknown): number | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(v)) return undefined
  const t = Date.parse(v)
  return Number.isNaN(t) ? undefined : t
}

/** Validated trust material from one or more roots; `keys` serves managed-key (key.pub) bundles. */
export function trustMaterialFrom(roots: unknown[], keys?: KeyFinderFunc): TrustMaterial {
  if (roots.length === 0) throw new QprovError('TRUSTED_ROOT_INVALID', 'no trusted root given')
  const materials = roots.map((raw, i) => {
    validateTrustedRoot(raw, roots.length > 1 ? `trusted root #${i + 1}` : 'trusted root')
    try {
      return toTrustMaterial(TrustedRoot.fromJSON(raw), keys)
    } catch (e) {
      throw new QprovError('TRUSTED_ROOT_INVALID', `trusted root is malformed: ${String(e)}`, {
        cause: e
      })
    }
  })
  return {
    certificateAuthorities: materials.flatMap(m => m.certificateAuthorities),
    timestampAuthorities: materials.flatMap(m => m.timestampAuthorities),
    tlogs: materials.flatMap(m => m.tlogs),
    ctlogs: materials.flatMap(m => m.ctlogs),
    publicKey: materials[0].publicKey
  }
}
