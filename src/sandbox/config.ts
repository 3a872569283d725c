import { join, resolve, dirname } from 'node:path'
import { QprovError, oneLine } from '../errors.js'
import { READ_LIMITS, readBoundedText } from '../read-file.js'

/**
 * DIR/sandbox.json, written by `qprov sandbox` and read by every command that takes `--sandbox DIR`.
 * All endpoints are loopback HTTP servers; the trusted root is the sandbox's own and is never
 * trusted unless passed explicitly.
 */
export interface SandboxConfig {
  fulcioURL: string
  rekorURL: string
  tsaURL: string
  /** Absolute path of the sandbox trusted_root.json. */
  trustedRoot: string
  identityToken: string
  identity: string
  issuer: string
  actionsIdTokenRequestURL: string
  actionsIdTokenRequestToken: string
  runtimeURL?: string
  iamURL?: string
  apiKey?: string
  instanceCRN?: string
}

const REQUIRED: (keyof SandboxConfig)[] = [
  'fulcioURL',
  'rekorURL',
  'tsaURL',
  'trustedRoot',
  'identityToken',
  'identity',
  'issuer',
  'actionsIdTokenRequestURL',
  'actionsIdTokenRequestToken'
]

export function sandboxConfigPath(dir: string): string {
  return join(dir, 'sandbox.json')
}

export function readSandboxConfig(dir: string): SandboxConfig {
  const path = sandboxConfigPath(dir)
  let text: string
  try {
    text = readBoundedText(path, READ_LIMITS.sandboxConfig)
  } catch (e) {
    throw new QprovError(
      'CONFIG_INVALID',
      `cannot read sandbox config: ${oneLine(e)} (is \`qprov sandbox --dir ${dir}\` running?)`
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    // Not the parser's message: it quotes the file, which holds sandbox credentials.
    throw new QprovError('CONFIG_INVALID', `sandbox config ${path} is not valid JSON`)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new QprovError('CONFIG_INVALID', `sandbox config ${path} is not a JSON object`)
  const cfg = raw as Record<string, unknown>
  for (const k of REQUIRED)
    if (typeof cfg[k] !== 'string' || cfg[k] === '')
      throw new QprovError('CONFIG_INVALID', `sandbox config ${path} lacks "${k}"`)
  const out = cfg as unknown as SandboxConfig
  return { ...out, trustedRoot: resolve(dirname(path), out.trustedRoot) }
}
