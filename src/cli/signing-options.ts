import type { Command } from 'commander'
import type { SigningConfig } from '../attest/pipeline.js'

/** Placeholder: adds --sandbox and the signing flags; implemented by the attestation core work. */
export function addSigningOptions(cmd: Command): Command {
  return cmd
}

export interface ResolvedSigning {
  signing: SigningConfig
  /** The sandbox directory when --sandbox was given. */
  sandboxDir?: string
}

export function signingFromOptions(_opts: Record<string, unknown>): ResolvedSigning {
  throw new Error('signing options not implemented yet')
}
