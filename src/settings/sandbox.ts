import { dirname, join, resolve } from 'node:path'
import { QprovError, isQprovError, oneLine } from '../errors.js'
import { READ_LIMITS, readBoundedText } from '../read-file.js'
import { registerSecret } from '../secrets.js'

/**
 * The sandbox's signing services, its Actions-style token endpoint, and the identity its tokens
 * carry, as DIR/sandbox.json states them. The client reads the file format itself: it shares no
 * code with the stand-in that writes it (src/sandbox/config.ts).
 */
export interface SandboxSigning {
  /** `github`: the sandbox stands in for GitHub's instance and has no Rekor. */
  instance: 'public-good' | 'github'
  fulcioURL: string
  /** Absent on a github sandbox. */
  rekorURL?: string
  tsaURL: string
  /** Absolute path of the sandbox's trusted_root.json. */
  trustedRoot: string
  identityToken: string
  identity: string
  issuer: string
  actionsIdTokenRequestURL: string
  actionsIdTokenRequestToken: string
  /** The sandbox's Rekor v2 shard, when it serves one. */
  rekorV2URL?: string
  /** The Rekor API the sandbox was started to sign with (`qprov sandbox --rekor-version`). */
  rekorVersion?: 1 | 2
}

/** The Runtime emulator's endpoints, key and instance, as far as the directory names them. */
export interface SandboxRuntime {
  runtimeURL?: string
  iamURL?: string
  apiKey?: string
  instanceCRN?: string
  /** The file the values came from, for messages. */
  file: string
}

const SIGNING_FIELDS = [
  'fulcioURL',
  'tsaURL',
  'trustedRoot',
  'identityToken',
  'identity',
  'issuer',
  'actionsIdTokenRequestURL',
  'actionsIdTokenRequestToken'
] as const
const SECRET_FIELDS = ['identityToken', 'actionsIdTokenRequestToken', 'apiKey']

type Json = Record<string, unknown>
type Read = { ok: true; value: Json } | { ok: false; missing: boolean; why: string }

/**
 * One JSON object file of a sandbox directory. Its secrets are registered before anything else
 * happens, and no message quotes it: the parser's message would show part of the file.
 */
function readObject(path: string): Read {
  let text: string
  try {
    text = readBoundedText(path, READ_LIMITS.sandboxConfig)
  } catch (e) {
    return {
      ok: false,
      missing: isQprovError(e) && e.code === 'INPUT_NOT_FOUND',
      why: oneLine(e)
    }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new QprovError('CONFIG_INVALID', `sandbox config ${path} is not valid JSON`)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new QprovError('CONFIG_INVALID', `sandbox config ${path} is not a JSON object`)
  const value = raw as Json
  for (const k of SECRET_FIELDS) if (typeof value[k] === 'string') registerSecret(value[k])
  return { ok: true, value }
}

const running = (dir: string) => `is \`qprov sandbox --dir ${dir}\` running?`

/** DIR/sandbox.json's signing settings, for `--sandbox DIR` on a command that signs. */
export function sandboxSigning(dir: string): SandboxSigning {
  const path = join(dir, 'sandbox.json')
  const read = readObject(path)
  if (!read.ok)
    throw new QprovError(
      'CONFIG_INVALID',
      `cannot read sandbox config: ${read.why} (${running(dir)})`
    )
  const cfg = read.value
  for (const k of SIGNING_FIELDS)
    if (typeof cfg[k] !== 'string' || cfg[k] === '')
      throw new QprovError('CONFIG_INVALID', `sandbox config ${path} lacks "${k}"`)
  // Written before the github instance existed: such a file names no instance and has Rekor.
  const instance = cfg.instance ?? 'public-good'
  if (instance !== 'public-good' && instance !== 'github')
    throw new QprovError('CONFIG_INVALID', `sandbox config ${path} has an unknown "instance"`)
  const rekor = cfg.rekorURL
  if (instance === 'public-good' ? typeof rekor !== 'string' || rekor === '' : rekor !== undefined)
    throw new QprovError(
      'CONFIG_INVALID',
      instance === 'public-good'
        ? `sandbox config ${path} lacks "rekorURL"`
        : `sandbox config ${path} is a github instance and must not name a Rekor`
    )
  const out = Object.fromEntries(SIGNING_FIELDS.map(k => [k, cfg[k] as string])) as Record<
    (typeof SIGNING_FIELDS)[number],
    string
  >
  // Rekor v2 arrived later too: an older file names no shard and signs to v1.
  const v2 = cfg.rekorV2URL
  if (v2 !== undefined && (typeof v2 !== 'string' || v2 === '' || instance === 'github'))
    throw new QprovError(
      'CONFIG_INVALID',
      `sandbox config ${path}: "rekorV2URL" is not a shard URL`
    )
  const version = cfg.rekorVersion
  if (version !== undefined && version !== 1 && version !== 2)
    throw new QprovError('CONFIG_INVALID', `sandbox config ${path}: "rekorVersion" is not 1 or 2`)
  return {
    ...out,
    instance,
    ...(typeof rekor === 'string' ? { rekorURL: rekor } : {}),
    ...(typeof v2 === 'string' ? { rekorV2URL: v2 } : {}),
    ...(version !== undefined ? { rekorVersion: version } : {}),
    trustedRoot: resolve(dirname(path), out.trustedRoot)
  }
}

/**
 * The Runtime settings of `--sandbox DIR`: DIR/sandbox.json (from `qprov sandbox`), completed by
 * DIR/emulator.json (from `qprov emulator`).
 */
export function sandboxRuntime(dir: string): SandboxRuntime {
  const file = join(dir, 'sandbox.json')
  const sandbox = readObject(file)
  const emulator = readObject(join(dir, 'emulator.json'))
  for (const r of [sandbox, emulator])
    if (!r.ok && !r.missing) throw new QprovError('CONFIG_INVALID', r.why)
  if (!sandbox.ok && !emulator.ok)
    throw new QprovError(
      'CONFIG_INVALID',
      `neither ${file} nor emulator.json exists (${running(dir)})`
    )
  const o = { ...(emulator.ok ? emulator.value : {}), ...(sandbox.ok ? sandbox.value : {}) }
  const pick = (k: string) =>
    typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : undefined
  return {
    runtimeURL: pick('runtimeURL'),
    iamURL: pick('iamURL'),
    apiKey: pick('apiKey'),
    instanceCRN: pick('instanceCRN'),
    file
  }
}
