import type { Caller } from '../option-names.js'
import type { ConnectionSettings } from '../runtime/connection.js'
import { checkHttpURL } from '../runtime/input-checks.js'
import { sandboxRuntime } from './sandbox.js'

/** The user's connection choices, however the CLI or the action spelled them. */
export interface ConnectionChoice {
  instance?: string
  runtimeURL?: string
  iamURL?: string
  apiKeyEnv?: string
  /** A sandbox directory whose sandbox.json/emulator.json fill in what was not given. */
  sandbox?: string
  caller?: Caller
}

/** Turns the choices, and DIR/sandbox.json with a sandbox, into explicit settings; choices win. */
export function connectionSettings(c: ConnectionChoice): ConnectionSettings {
  const settings: ConnectionSettings = {
    instance: c.instance,
    runtimeURL: c.runtimeURL,
    iamURL: c.iamURL,
    apiKeyEnv: c.apiKeyEnv,
    ...(c.caller ? { caller: c.caller } : {})
  }
  if (!c.sandbox) return settings
  const sb = sandboxRuntime(c.sandbox)
  const fromFile = (value: string | undefined, key: string) =>
    value === undefined ? undefined : checkHttpURL(value, `${key} in ${sb.file}`)
  return {
    instance: c.instance ?? sb.instanceCRN,
    runtimeURL: c.runtimeURL ?? fromFile(sb.runtimeURL, 'runtimeURL'),
    iamURL: c.iamURL ?? fromFile(sb.iamURL, 'iamURL'),
    apiKeyEnv: c.apiKeyEnv,
    sandboxApiKey: sb.apiKey,
    sandboxFile: sb.file,
    ...(c.caller ? { caller: c.caller } : {})
  }
}
