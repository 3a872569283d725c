import { describe, expect, it } from 'vitest'
import { resolveConnection } from '../../src/runtime/connection.js'
import { redact } from '../../src/secrets.js'

const CRN = 'crn:v1:bluemix:public:quantum-computing:us-east:a/abc123:0123-4567::'
// An IBM Cloud API key is 44 characters of letters, digits, '_' and '-'; this one is a valid
// environment-variable name too, which is exactly how it slips past the name check.
const KEY_LIKE = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f'

describe('--api-key-env given a key instead of a name', () => {
  it('does not echo a key-like name in the missing-key error', () => {
    let message = ''
    try {
      resolveConnection({ instance: CRN, apiKeyEnv: KEY_LIKE }, {})
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/no IBM Cloud API key/)
    expect(message).not.toContain(KEY_LIKE)
    // Registered as a secret before any message, so a later mention is masked too.
    expect(redact(`x ${KEY_LIKE} y`)).toBe('x *** y')
  })

  it('keeps naming a conventional variable in the error', () => {
    expect(() => resolveConnection({ instance: CRN }, {})).toThrow(
      'no IBM Cloud API key: set the QISKIT_IBM_TOKEN environment variable'
    )
    expect(redact('QISKIT_IBM_TOKEN')).toBe('QISKIT_IBM_TOKEN')
  })
})

describe('messages name options the way the caller knows them', () => {
  const refusal = (settings: Parameters<typeof resolveConnection>[0]): string => {
    try {
      resolveConnection(settings, {})
    } catch (e) {
      return (e as Error).message
    }
    return 'accepted'
  }

  it('names flags for the CLI', () => {
    expect(refusal({})).toBe('--instance (the Runtime instance CRN) is required')
    expect(refusal({ instance: CRN, apiKeyEnv: 'MY_KEY' })).toBe(
      'no IBM Cloud API key: set the MY_KEY environment variable (or use --sandbox DIR)'
    )
    expect(refusal({ instance: CRN, apiKeyEnv: 'not a name' })).toBe(
      '--api-key-env takes the NAME of an environment variable, not a key'
    )
  })

  it('names inputs for the action, with the workflow line that sets the key', () => {
    expect(refusal({ caller: 'action' })).toBe(
      'input instance (the Runtime instance CRN) is required'
    )
    expect(refusal({ instance: CRN, apiKeyEnv: 'MY_KEY', caller: 'action' })).toBe(
      'no IBM Cloud API key: set the MY_KEY environment variable from a secret (env: MY_KEY: ${{ secrets.… }})'
    )
    expect(refusal({ instance: CRN, apiKeyEnv: KEY_LIKE, caller: 'action' })).toBe(
      'no IBM Cloud API key: input api-key-env takes the NAME of an environment variable set from a secret, not a key'
    )
    expect(() =>
      resolveConnection(
        { instance: CRN, runtimeURL: 'ftp://x', apiKeyEnv: 'K', caller: 'action' },
        { K: 'key' }
      )
    ).toThrow(/^input runtime-url /)
  })
})
