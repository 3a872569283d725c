import { Option, type Command } from 'commander'
import type { ConnectionSettings } from '../runtime/connection.js'
import { connectionSettings } from '../settings/connection.js'

/** The connection flags as commander parses them. */
export interface ConnectionFlags {
  instance?: string
  runtimeUrl?: string
  iamUrl?: string
  apiKeyEnv?: string
  sandbox?: string
}

/** Adds the Runtime connection flags (and --sandbox, unless the signing flags added it). */
export function addConnectionOptions(cmd: Command): Command {
  cmd
    .option('--instance <crn>', 'Qiskit Runtime instance CRN (its region picks the API host)')
    .option('--runtime-url <url>', 'Runtime API base URL (default: from the CRN region)')
    .option('--iam-url <url>', 'IAM host for the API-key exchange (default: from the CRN)')
    .option(
      '--api-key-env <var>',
      'environment variable holding the IBM Cloud API key (default QISKIT_IBM_TOKEN); never pass the key itself'
    )
    .addOption(new Option('--timeout-ms <n>', 'timeout of each HTTP request').default('60000'))
  if (!cmd.options.some(o => o.long === '--sandbox'))
    cmd.option(
      '--sandbox <dir>',
      'take the endpoints, API key and instance from DIR/sandbox.json (or DIR/emulator.json)'
    )
  return cmd
}

/** The flags in commander's casing, turned into explicit settings (see settings/connection.ts). */
export function connectionFromOptions(flags: ConnectionFlags): ConnectionSettings {
  return connectionSettings({
    instance: flags.instance,
    runtimeURL: flags.runtimeUrl,
    iamURL: flags.iamUrl,
    apiKeyEnv: flags.apiKeyEnv,
    sandbox: flags.sandbox
  })
}
