import { describe, expect, it } from 'vitest'
import { resolveEndpoints } from '../src/attest/instances.js'
import { createRuntimeClient } from '../src/runtime/client.js'
import { resolveConnection } from '../src/runtime/connection.js'
import { IamTokenManager } from '../src/runtime/iam.js'
import { signingSettings } from '../src/settings/signing.js'
import { checkEndpointURL, isLoopbackHost } from '../src/url-credentials.js'

const CRN = 'crn:v1:bluemix:public:quantum-computing:us-east:a/abc:def::'
const HTTPS_ONLY = /must be an https URL: plain http is allowed only on a loopback address/

describe('endpoints that receive a key or token are https, or on loopback', () => {
  it.each([
    'http://127.0.0.1:8080/x',
    'http://127.9.8.7',
    'http://[::1]:9/',
    'http://localhost:1',
    'http://2130706433/',
    'https://iam.cloud.ibm.com'
  ])('accepts %s', url => {
    expect(checkEndpointURL(url, '--iam-url')).toBe(url)
  })

  it.each([
    'http://iam.cloud.ibm.com',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example',
    'http://0.0.0.0:8080',
    'http://10.0.0.1'
  ])('refuses %s', url => {
    expect(() => checkEndpointURL(url, '--iam-url')).toThrow(
      expect.objectContaining({
        code: 'USAGE',
        exitCode: 2,
        message: expect.stringMatching(HTTPS_ONLY)
      })
    )
  })

  it('names loopback hosts as the URL parser normalises them', () => {
    expect(isLoopbackHost(new URL('http://127.1/').hostname)).toBe(true)
    expect(isLoopbackHost(new URL('http://LOCALHOST/').hostname)).toBe(true)
    expect(isLoopbackHost(new URL('http://[0:0:0:0:0:0:0:1]/').hostname)).toBe(true)
  })

  it('applies to IAM and Runtime, however the client was built', () => {
    const env = { QISKIT_IBM_TOKEN: 'k' }
    expect(() => resolveConnection({ instance: CRN, iamURL: 'http://iam.example' }, env)).toThrow(
      HTTPS_ONLY
    )
    expect(() =>
      resolveConnection({ instance: CRN, runtimeURL: 'http://rt.example' }, env)
    ).toThrow(HTTPS_ONLY)
    expect(() => new IamTokenManager({ apiKey: 'k', iamURL: 'http://iam.example' })).toThrow(
      /the IAM URL must be an https URL/
    )
    expect(() =>
      createRuntimeClient({
        runtimeURL: 'http://rt.example',
        iamURL: 'https://iam.cloud.ibm.com',
        apiKey: 'k',
        instanceCRN: CRN
      })
    ).toThrow(/the Runtime URL must be an https URL/)
  })

  it('applies to Fulcio, Rekor and the TSA', () => {
    for (const k of ['fulcioURL', 'rekorURL', 'tsaURL'] as const)
      expect(() => signingSettings({ instance: 'custom', [k]: 'http://sigstore.example' })).toThrow(
        HTTPS_ONLY
      )
    expect(() =>
      resolveEndpoints('custom', { fulcioURL: 'http://f.example', rekorURL: 'https://r.example' })
    ).toThrow(HTTPS_ONLY)
  })
})
