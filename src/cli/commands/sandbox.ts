import type { Command } from 'commander'

/** Placeholder: replaced by the module that owns this command. */
export function registerSandboxCommand(_program: Command): void {}
