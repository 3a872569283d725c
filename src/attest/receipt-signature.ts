/** Placeholder signature; implemented by the offline verification work. */
export interface IdentityPolicyInput {
  identity: string
  issuer: string
}

export interface SignatureCheck {
  verified: boolean
  error?: string
  identity?: string
  issuer?: string
  logIndex?: string
}

/** Tier-2 AIIR: a messageSignature bundle over the exact receipt file bytes, verified offline. */
export async function verifyReceiptSignature(
  _fileBytes: Buffer,
  _bundleJson: unknown,
  _policy: IdentityPolicyInput,
  _trustedRootPath?: string
): Promise<SignatureCheck> {
  return { verified: false, error: 'not implemented yet' }
}
