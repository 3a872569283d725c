import { X509Certificate } from '@sigstore/core'
import { QprovError } from '../errors.js'

const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8'
const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1'

export interface CertificateSigner {
  identity: string
  issuer: string
}

/**
 * The SAN and OIDC issuer of a bundle's leaf certificate, read without verifying anything: the
 * binding records who signed the statement, and `qprov verify` later requires that this equals
 * the signer it verified for both statements.
 */
export function certificateSigner(bundle: unknown): CertificateSigner {
  const vm = (bundle as { verificationMaterial?: Record<string, unknown> } | null)
    ?.verificationMaterial
  const leaf =
    (vm?.certificate as { rawBytes?: unknown } | undefined)?.rawBytes ??
    (vm?.x509CertificateChain as { certificates?: { rawBytes?: unknown }[] } | undefined)
      ?.certificates?.[0]?.rawBytes
  if (typeof leaf !== 'string')
    throw new QprovError('BUNDLE_INVALID', 'the statement bundle carries no signing certificate')
  let cert: X509Certificate
  try {
    cert = X509Certificate.parse(Buffer.from(leaf, 'base64'))
  } catch (e) {
    throw new QprovError('BUNDLE_INVALID', 'the signing certificate cannot be parsed', { cause: e })
  }
  const identity = cert.subjectAltName
  const v2 = cert.extension(OID_ISSUER_V2)
  const issuer = v2
    ? v2.valueObj.subs?.[0]?.value.toString('utf8')
    : cert.extension(OID_ISSUER_V1)?.value.toString('utf8')
  if (!identity || !issuer)
    throw new QprovError('BUNDLE_INVALID', 'the signing certificate lacks a SAN or an issuer')
  return { identity, issuer }
}
