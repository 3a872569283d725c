import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'

/** A locally generated managed key: DSSE fixtures are built in the test, not committed as blobs. */
export interface LocalKey {
  privateKey: KeyObject
  publicKeyPem: string
}

export function localKey(): LocalKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

/** DSSE pre-authentication encoding: what the signature covers. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8')
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `),
    type,
    Buffer.from(` ${payload.length} `),
    payload
  ])
}

export function sha256Hex(b: Buffer | string): string {
  return createHash('sha256').update(b).digest('hex')
}

/** A v0.3 DSSE bundle signed with a managed key, with no tlog entries or timestamps. */
export function dsseBundle(
  key: LocalKey,
  payload: Buffer,
  payloadType = 'application/vnd.in-toto+json'
): Record<string, unknown> {
  const sig = sign('sha256', pae(payloadType, payload), key.privateKey)
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: 'local' }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType,
      signatures: [{ sig: sig.toString('base64'), keyid: '' }]
    }
  }
}

export function statementBytes(
  overrides: Record<string, unknown> = {},
  subjectHex = sha256Hex('workload')
): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'circuit.qasm', digest: { sha256: subjectHex } }],
      predicateType: 'https://invariantsystems.io/predicates/aiir/commit_receipt/v2',
      predicate: { schema: 'aiir/commit_receipt.v2' },
      ...overrides
    })
  )
}

/** Thresholds for bundles with no transparency log or timestamp (managed-key fixtures only). */
export const NO_TIME_SOURCES = { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }
