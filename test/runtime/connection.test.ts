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
