import { describe, expect, it } from 'vitest'
import { checkEnvVarName } from '../src/env-var-name.js'
import { resolveConnection } from '../src/runtime/connection.js'
import { signingSettings } from '../src/settings/signing.js'

const CRN = 'crn:v1:bluemix:public:quantum-computing:us-east:a/abc:def::'

describe('an option naming the variable that holds a secret', () => {
  it.each([
    'GITHUB_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RESULTS_URL',
    'RUNNER_TEMP',
    'github_token',
    'CI_JOB_TOKEN',
    'SYSTEM_ACCESSTOKEN'
  ])(
    'refuses %s, a credential of the CI platform, as the API key and as the identity token',
    name => {
      for (const holds of ['key', 'token'] as const)
        expect(() => checkEnvVarName(name, '--api-key-env', holds)).toThrow(
          expect.objectContaining({
            code: 'USAGE',
            exitCode: 2,
            message: expect.stringContaining(
              `--api-key-env names ${name}, a credential of the CI platform`
            )
          })
        )
    }
  )

  it('refuses SIGSTORE_ID_TOKEN as an API key, and takes it as an identity token', () => {
    expect(() => checkEnvVarName('SIGSTORE_ID_TOKEN', '--api-key-env', 'key')).toThrow(/IAM/)
    expect(checkEnvVarName('SIGSTORE_ID_TOKEN', '--identity-token-env', 'token')).toBe(
      'SIGSTORE_ID_TOKEN'
    )
    expect(checkEnvVarName('QISKIT_IBM_TOKEN', '--api-key-env', 'key')).toBe('QISKIT_IBM_TOKEN')
  })

  it('never builds a connection that would send GITHUB_TOKEN to IAM', () => {
    const env = { GITHUB_TOKEN: 'ghs_canary' }
    expect(() => resolveConnection({ instance: CRN, apiKeyEnv: 'GITHUB_TOKEN' }, env)).toThrow(
      /names GITHUB_TOKEN, a credential of the CI platform; qprov would send its value to IBM's IAM service/
    )
  })

  it('refuses ACTIONS_RUNTIME_TOKEN as the identity token sent to Fulcio', () => {
    expect(() => signingSettings({ identityTokenEnv: 'ACTIONS_RUNTIME_TOKEN' })).toThrow(
      /--identity-token-env names ACTIONS_RUNTIME_TOKEN.*the Fulcio CA/
    )
  })
})
