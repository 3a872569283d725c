import { join } from 'node:path'

/**
 * DIR/sandbox.json, written by `qprov sandbox`; src/settings/sandbox.ts reads it for every
 * command that takes `--sandbox DIR`.
 * All endpoints are loopback HTTP servers; the trusted root is the sandbox's own and is never
 * trusted unless passed explicitly.
 */
export interface SandboxConfig {
  /** `github`: no Rekor (rekorURL absent) and no CT log, as GitHub's instance. */
  instance: 'public-good' | 'github'
  fulcioURL: string
  rekorURL?: string
  /** The Rekor v2 shard beside the v1 log (absent on a github sandbox). */
  rekorV2URL?: string
  /** The Rekor API commands with `--sandbox DIR` log to unless they say otherwise. */
  rekorVersion?: 1 | 2
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

export function sandboxConfigPath(dir: string): string {
  return join(dir, 'sandbox.json')
}
