import { createHash } from 'node:crypto'
import { DerError, TAG, childrenOf, parseDer, type Tlv } from './der.js'

/**
 * An RFC 3161 TimeStampResp as a Sigstore bundle carries it. The TSA signs only the signed
 * attributes (which hash the TSTInfo); @sigstore/verify reads the status, the versions, the
 * algorithm parameters, the certificates and any second signer or unsigned attribute nowhere.
 * So every unsigned element must be exactly what a Sigstore TSA writes, and the free choices the
 * profile leaves (algorithm parameters, whether certificates are embedded) are returned as the
 * token's `profile`, which the caller compares with a token whose bytes are signed.
 */

const GRANTED = Buffer.from('3003020100', 'hex')
const SIGNED_DATA_OID = Buffer.from('06092a864886f70d010702', 'hex')
const TST_INFO_OID = Buffer.from('060b2a864886f70d0109100104', 'hex')
const SIGNED_DATA_V3 = Buffer.from('020103', 'hex')
const SIGNER_INFO_V1 = Buffer.from('020101', 'hex')

export interface TokenProfile {
  digestAlgorithm: string
  signatureAlgorithm: string
  /** sha256 (hex) of the embedded certificates element, or null when absent. */
  certificates: string | null
}

function exactly(t: Tlv | undefined, bytes: Buffer, what: string): void {
  if (t === undefined || !t.bytes.equals(bytes))
    throw new DerError(`${what} is not ${bytes.toString('hex')}`)
}

/** AlgorithmIdentifier: an OID, with no parameters or NULL (both occur among Sigstore TSAs). */
function algorithm(t: Tlv | undefined, what: string): Tlv {
  const parts = childrenOf(t, TAG.sequence, what)
  const paramsOk =
    parts.length === 1 || (parts.length === 2 && parts[1].bytes.equals(Buffer.from('0500', 'hex')))
  if (parts[0]?.tag !== TAG.oid || !paramsOk) throw new DerError(`${what} has other parameters`)
  return t as Tlv
}

function encapsulatedTstInfo(t: Tlv | undefined): void {
  const [type, wrapped, ...rest] = childrenOf(t, TAG.sequence, 'encapContentInfo')
  exactly(type, TST_INFO_OID, 'eContentType')
  const [octets, ...more] = childrenOf(wrapped, TAG.context0, 'eContent')
  if (rest.length > 0 || more.length > 0 || octets?.tag !== TAG.octetString)
    throw new DerError('eContent is not one OCTET STRING')
  if (parseDer(octets.content).tag !== TAG.sequence) throw new DerError('TSTInfo is not a SEQUENCE')
}

function signerInfo(t: Tlv | undefined): { digest: Tlv; signature: Tlv } {
  const parts = childrenOf(t, TAG.sequence, 'SignerInfo')
  if (parts.length !== 6) throw new DerError('SignerInfo has unsigned attributes or lacks a member')
  const [version, sid, digest, signedAttrs, signatureAlg, signature] = parts
  exactly(version, SIGNER_INFO_V1, 'SignerInfo version')
  const [issuer, serial, ...extra] = childrenOf(sid, TAG.sequence, 'sid')
  if (issuer?.tag !== TAG.sequence || serial?.tag !== TAG.integer || extra.length > 0)
    throw new DerError('sid is not an IssuerAndSerialNumber')
  childrenOf(signedAttrs, TAG.context0, 'signedAttrs')
  if (signature.tag !== TAG.octetString) throw new DerError('the signature is not an OCTET STRING')
  return {
    digest: algorithm(digest, 'digestAlgorithm'),
    signature: algorithm(signatureAlg, 'signatureAlgorithm')
  }
}

/** Checks the whole token; returns the profile choices it made. Throws DerError on anything else. */
export function timestampTokenProfile(der: Buffer): TokenProfile {
  const root = parseDer(der)
  const [status, token, ...rest] = childrenOf(root, TAG.sequence, 'TimeStampResp')
  if (rest.length > 0) throw new DerError('TimeStampResp has extra members')
  exactly(status, GRANTED, 'PKIStatusInfo')
  const [contentType, explicit, ...more] = childrenOf(token, TAG.sequence, 'ContentInfo')
  exactly(contentType, SIGNED_DATA_OID, 'contentType')
  const [signedData, ...after] = childrenOf(explicit, TAG.context0, 'content')
  if (more.length > 0 || after.length > 0) throw new DerError('ContentInfo has extra members')
  const sd = childrenOf(signedData, TAG.sequence, 'SignedData')
  // version, digestAlgorithms, encapContentInfo, [0] certificates (optional), signerInfos
  const withCertificates = sd.length === 5 && sd[3].tag === TAG.context0
  if (sd.length !== 4 && !withCertificates)
    throw new DerError('SignedData has CRLs or other members')
  const certificates = withCertificates ? sd[3] : undefined
  exactly(sd[0], SIGNED_DATA_V3, 'SignedData version')
  encapsulatedTstInfo(sd[2])
  const signers = childrenOf(sd[sd.length - 1], TAG.set, 'signerInfos')
  if (signers.length !== 1) throw new DerError('the token has more than one signer')
  const { digest, signature } = signerInfo(signers[0])
  const digests = childrenOf(sd[1], TAG.set, 'digestAlgorithms')
  if (digests.length !== 1 || !digests[0].bytes.equals(digest.bytes))
    throw new DerError('digestAlgorithms is not the signer digest algorithm alone')
  for (const cert of certificates?.children ?? [])
    if (cert.tag !== TAG.sequence) throw new DerError('an embedded certificate is not a SEQUENCE')
  return {
    digestAlgorithm: digest.bytes.toString('hex'),
    signatureAlgorithm: signature.bytes.toString('hex'),
    certificates:
      certificates === undefined
        ? null
        : createHash('sha256').update(certificates.bytes).digest('hex')
  }
}
