import { describe, expect, it } from 'vitest'
import { signingEndpoints } from '../../src/attest/instances.js'
import { signingSettings } from '../../src/settings/signing.js'

const endpointsError = (
  caller: 'cli' | 'action',
  choice: Parameters<typeof signingSettings>[0]
) => {
  try {
    signingEndpoints(signingSettings(choice, caller), {})
  } catch (e) {
    return (e as Error).message
  }
  return 'accepted'
}

describe('signing settings name options the way the caller knows them', () => {
  it('names the missing endpoint as a flag for the CLI and as an input for the action', () => {
    expect(endpointsError('cli', { instance: 'custom' })).toBe(
      'the custom Sigstore instance needs --fulcio-url'
    )
    expect(endpointsError('action', { instance: 'custom' })).toBe(
      'the custom Sigstore instance needs input fulcio-url'
    )
    expect(
      endpointsError('action', { instance: 'custom', fulcioURL: 'https://fulcio.example' })
    ).toMatch(/^the custom Sigstore instance needs input rekor-url or input tsa-url: /)
  })

  it('names an unknown instance and a bad URL the same way', () => {
    expect(() => signingSettings({ instance: 'other' }, 'action')).toThrow(
      'unknown input sigstore "other"'
    )
    expect(() => signingSettings({ fulcioURL: 'ftp://f' })).toThrow(/^--fulcio-url /)
    expect(() => signingSettings({ fulcioURL: 'ftp://f' }, 'action')).toThrow(/^input fulcio-url /)
  })

  it('keeps the CLI the default, so the CLI writes no caller into its configuration', () => {
    expect(signingSettings({ instance: 'github' })).toEqual({ instance: 'github' })
    expect(signingSettings({ instance: 'github' }, 'action')).toEqual({
      instance: 'github',
      caller: 'action'
    })
  })
})
