import { READ_LIMITS, readBoundedText } from '../read-file.js'
import { dirname, join, resolve } from 'node:path'
import { QprovError } from '../errors.js'
import { registerSecret } from '../secrets.js'

/**
 * The fields of DIR/sandbox.json (written by `qprov sandbox`) that the `sandbox` input uses. Read
 * here rather than through src/sandbox/: product code never depends on the stand-ins' code, only
 * on the file they write.
 */
export interface SandboxInput {
  fulcioURL: string
  rekorURL: string
  tsaURL: string
  /** Absolute path of the sandbox's trusted_root.json. */
  trustedRoot: string
  identity: string
  issuer: string
  actionsIdTokenRequestURL: string
  actionsIdTokenRequestToken: string
}

const FIELDS: (keyof SandboxInput)[] = [
  'fulcioURL',
  'rekorURL',
  'tsaURL',
  'trustedRoot',
  'identity',
  'issuer',
  'actionsIdTokenRequestURL',
  'actionsIdTokenRequestToken'
]

export function readSandboxInput(dir: string): SandboxInput {
  const path = join(dir, 'sandbox.json')
  let raw: unknown
  try {
    raw = JSON.parse(readBoundedText(path, READ_LIMITS.sandboxConfig))
  } catch (e) {
    // Never the parser's message: it would quote a file that holds sandbox credentials.
    throw new QprovError(
      'CONFIG_INVALID',
      `input sandbox: cannot read ${path} as JSON (${e instanceof QprovError ? e.message : 'not JSON'}); is \`qprov sandbox --dir ${dir}\` running?`
    )
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  registerSecret(typeof o.identityToken === 'string' ? o.identityToken : undefined)
  registerSecret(
    typeof o.actionsIdTokenRequestToken === 'string' ? o.actionsIdTokenRequestToken : undefined
  )
  for (const k of FIELDS)
    if (typeof o[k] !== 'string' || o[k] === '')
      throw new QprovError('CONFIG_INVALID', `input sandbox: ${path} lacks "${k}"`)
  const cfg = o as unknown as SandboxInput
  return { ...cfg, trustedRoot: resolve(dirname(path), cfg.trustedRoot) }
}
