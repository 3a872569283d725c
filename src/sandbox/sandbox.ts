import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { writeFileAtomic } from '../atomic-file.js'
import { sandboxConfigPath, type SandboxConfig } from './config.js'
import {
  startRuntimeEmulator,
  type RuntimeEmulatorHandle,
  type RuntimeEmulatorOptions
} from './runtime/emulator.js'
import { startSigstoreSandbox, type SigstoreSandboxOptions } from './sigstore/server.js'

export interface SandboxHandle {
  config: SandboxConfig
  dir: string
  /** The sandbox's own Runtime emulator, so tests can script faults and read its request log. */
  runtime: RuntimeEmulatorHandle
  close(): Promise<void>
}

export const TRUSTED_ROOT_FILE = 'trusted_root.json'

/**
 * Starts the local Sigstore services and the IBM Runtime emulator, and writes DIR/trusted_root.json and DIR/sandbox.json.
 * sandbox.json holds sandbox-only credentials, hence mode 0600.
 */
export async function startSandbox(
  opts: {
    dir: string
    runtime?: RuntimeEmulatorOptions
    /** Written to sandbox.json as the default for `--sandbox DIR` (1 unless given). */
    rekorVersion?: 1 | 2
  } & SigstoreSandboxOptions
): Promise<SandboxHandle> {
  const dir = resolve(opts.dir)
  await mkdir(dir, { recursive: true })
  const sigstore = await startSigstoreSandbox(opts)
  let runtime: RuntimeEmulatorHandle | undefined
  const closeAll = async () => {
    await Promise.all([sigstore.close(), runtime?.close()])
  }
  try {
    runtime = await startRuntimeEmulator({ host: opts.host ?? '127.0.0.1', ...opts.runtime })
    const trustedRoot = join(dir, TRUSTED_ROOT_FILE)
    await writeFileAtomic(trustedRoot, `${JSON.stringify(sigstore.trustedRoot, null, 2)}\n`, {
      mode: 0o600
    })
    const config: SandboxConfig = {
      instance: sigstore.instance,
      fulcioURL: sigstore.fulcioURL,
      ...(sigstore.rekorURL ? { rekorURL: sigstore.rekorURL } : {}),
      ...(sigstore.rekorV2URL
        ? { rekorV2URL: sigstore.rekorV2URL, rekorVersion: opts.rekorVersion ?? 1 }
        : {}),
      tsaURL: sigstore.tsaURL,
      trustedRoot,
      identityToken: sigstore.identityToken,
      identity: sigstore.identity,
      issuer: sigstore.issuer,
      actionsIdTokenRequestURL: sigstore.actionsIdTokenRequestURL,
      actionsIdTokenRequestToken: sigstore.actionsIdTokenRequestToken,
      runtimeURL: runtime.runtimeURL,
      iamURL: runtime.iamURL,
      apiKey: runtime.apiKey,
      instanceCRN: runtime.instanceCRN
    }
    await writeFileAtomic(sandboxConfigPath(dir), `${JSON.stringify(config, null, 2)}\n`, {
      mode: 0o600
    })
    return { config, dir, runtime, close: closeAll }
  } catch (e) {
    await closeAll()
    throw e
  }
}
