import { describe, expect, it } from 'vitest'
import { retagCommand } from '../../src/binding/retag-command.js'

const CRN = 'crn:v1:bluemix:public:quantum-computing:us-east:a/abc123:0123-4567::'
// An IBM Cloud API key is 44 characters of letters, digits, '_' and '-'; this one is a valid
// environment-variable name too, which is exactly how it slips past the name check.
const KEY_LIKE = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f'

describe('the re-bind command', () => {
  it('leaves a key-like --api-key-env name out', () => {
    const cmd = retagCommand('job1', '/out', { apiKeyEnv: KEY_LIKE }, CRN)
    expect(cmd).not.toContain(KEY_LIKE)
    expect(cmd).toContain('--api-key-env YOUR_KEY_VARIABLE')
    expect(retagCommand('job1', '/out', { apiKeyEnv: 'MY_IBM_KEY' }, CRN)).toContain(
      '--api-key-env MY_IBM_KEY'
    )
  })

  it('repeats the connection flags and quotes what the shell would split', () => {
    expect(
      retagCommand('job1', "/tmp/my out's", { sandbox: '/sb', runtimeURL: 'http://h:1' }, CRN)
    ).toBe(
      `qprov tag --job job1 --attestation '/tmp/my out'\\''s' --instance ${CRN} --sandbox /sb --runtime-url http://h:1 --out '/tmp/my out'\\''s'`
    )
  })
})
