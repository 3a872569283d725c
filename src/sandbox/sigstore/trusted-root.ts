import { createHash } from 'node:crypto'

/**
 * The sandbox's trusted_root.json (protobuf-JSON form of dev.sigstore.trustroot.v1.TrustedRoot).
 * Its subjects say NOT FOR PRODUCTION; nothing trusts it unless it is passed explicitly.
 */
export interface SandboxTrustMaterial {
  /** DER of the Fulcio root certificate. */
  caRoot: Buffer
  /** DER SPKI of the Rekor log key; absent for an instance without Rekor (GitHub's). */
  tlogKey?: Buffer
  /** The Rekor v2 shard: its Ed25519 key (DER SPKI) and signed-note key ID. */
  tlogV2?: { url: string; key: Buffer; logID: Buffer }
  /** DER SPKI of the CT log key; absent when the CA logs no certificate (GitHub's). */
  ctlogKey?: Buffer
  /** DER of the TSA signing (intermediate) and root certificates. */
  tsaChain: [Buffer, Buffer]
  fulcioURL: string
  rekorURL?: string
  ctlogURL?: string
  tsaURL: string
  /** Must not be later than the first certificate or log entry the sandbox issues. */
  validFrom: Date
}

export const SANDBOX_ORGANIZATION = 'qprov sandbox'
export const SANDBOX_CA_NAME = 'qprov sandbox CA - NOT FOR PRODUCTION'
export const SANDBOX_TSA_NAME = 'qprov sandbox TSA - NOT FOR PRODUCTION'

const b64 = (b: Buffer): string => b.toString('base64')
const keyId = (spki: Buffer): string => b64(createHash('sha256').update(spki).digest())

function logKey(baseUrl: string, spki: Buffer, start: string, v2?: { logID: Buffer }): object {
  return {
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: b64(spki),
      keyDetails: v2 ? 'PKIX_ED25519' : 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start }
    },
    // v1 logs are named by sha256 of their key; a v2 shard by its checkpoint's signed-note key ID.
    logId: { keyId: v2 ? b64(v2.logID) : keyId(spki) }
  }
}

export function buildSandboxTrustedRoot(m: SandboxTrustMaterial): Record<string, unknown> {
  const start = m.validFrom.toISOString()
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      ...(m.tlogKey && m.rekorURL ? [logKey(m.rekorURL, m.tlogKey, start)] : []),
      ...(m.tlogV2 ? [logKey(m.tlogV2.url, m.tlogV2.key, start, m.tlogV2)] : [])
    ],
    certificateAuthorities: [
      {
        subject: { organization: SANDBOX_ORGANIZATION, commonName: SANDBOX_CA_NAME },
        uri: m.fulcioURL,
        certChain: { certificates: [{ rawBytes: b64(m.caRoot) }] },
        validFor: { start }
      }
    ],
    ctlogs: m.ctlogKey && m.ctlogURL ? [logKey(m.ctlogURL, m.ctlogKey, start)] : [],
    timestampAuthorities: [
      {
        subject: { organization: SANDBOX_ORGANIZATION, commonName: SANDBOX_TSA_NAME },
        uri: m.tsaURL,
        certChain: { certificates: m.tsaChain.map(c => ({ rawBytes: b64(c) })) },
        validFor: { start }
      }
    ]
  }
}
