import { resolve } from 'node:path'
import type { SigningConfig } from '../attest/signing-types.js'
import { QprovError } from '../errors.js'
import { signingSettings } from '../settings/signing.js'
import type { ActionInputs } from './inputs.js'

/**
 * Signing in the action: the sandbox's endpoints and token issuer with `sandbox`, else GitHub
 * OIDC against the chosen instance. Checked before any request, so that a job without
 * `id-token: write` (fork pull requests) fails at once with the fix, not after a submit.
 */
export function actionSigning(
  inputs: ActionInputs,
  env: Record<string, string | undefined> = process.env
): SigningConfig {
  const inWorkspace = (p?: string) => (p ? resolve(inputs.workspace, p) : undefined)
  const choice = {
    fulcioURL: inputs.fulcioURL,
    rekorURL: inputs.rekorURL,
    tsaURL: inputs.tsaURL,
    rekorVersion: inputs.rekorVersion,
    signingConfig: inWorkspace(inputs.signingConfig),
    trustedRoot: inWorkspace(inputs.trustedRoot)
  }
  if (inputs.sandbox)
    return signingSettings(
      {
        sandbox: inputs.sandbox,
        ...(inputs.sigstore !== 'public-good' ? { instance: inputs.sigstore } : {}),
        ...choice
      },
      'action'
    )
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL && !env.SIGSTORE_ID_TOKEN)
    throw new QprovError(
      'OIDC_UNAVAILABLE',
      `mode ${inputs.mode} signs with Sigstore and needs an OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL ` +
        'is not set: grant the job `permissions: id-token: write` (pull requests from forks and ' +
        'Dependabot never get it; run mode verify there instead)'
    )
  return signingSettings({ instance: inputs.sigstore, ...choice }, 'action')
}
