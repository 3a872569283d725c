import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DerError, childrenOf, parseDer } from '../../src/verify/der.js'
import { timestampTokenProfile } from '../../src/verify/timestamp-token.js'

// A synthetic TimeStampResp with every member in place, built so that each rule can be broken on
// its own. The signed parts (TSTInfo, signed attributes, signature) are placeholders: this is the
// shape check, not the signature check.

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content)
  return Buffer.concat([Buffer.from([tag]), length(body.length), body])
}
const hex = (h: string) => Buffer.from(h, 'hex')
const SHA256 = hex('0609608648016503040201')
const ECDSA_SHA256 = hex('06082a8648ce3d040302')

interface Parts {
  status: Buffer
  contentType: Buffer
  contentInfoExtra: Buffer[]
  explicitExtra: Buffer[]
  respExtra: Buffer[]
  version: Buffer
  digestAlgorithms: Buffer
  encap: Buffer
  certificates: Buffer | null
  crls: Buffer | null
  signerInfos: (signer: Buffer) => Buffer
  signerVersion: Buffer
  sid: Buffer
  digestAlgorithm: Buffer
  signedAttrs: Buffer
  signatureAlgorithm: Buffer
  signature: Buffer
  signerExtra: Buffer[]
}

const defaults = (): Parts => {
  const digestAlgorithm = tlv(0x30, SHA256)
  return {
    status: hex('3003020100'),
    contentType: hex('06092a864886f70d010702'),
    contentInfoExtra: [],
    explicitExtra: [],
    respExtra: [],
    version: hex('020103'),
    digestAlgorithms: tlv(0x31, digestAlgorithm),
    encap: tlv(
      0x30,
      hex('060b2a864886f70d0109100104'),
      tlv(0xa0, tlv(0x04, tlv(0x30, hex('020101'))))
    ),
    certificates: tlv(0xa0),
    crls: null,
    signerInfos: signer => tlv(0x31, signer),
    signerVersion: hex('020101'),
    sid: tlv(0x30, tlv(0x30), hex('020102')),
    digestAlgorithm,
    signedAttrs: tlv(0xa0, tlv(0x30)),
    signatureAlgorithm: tlv(0x30, ECDSA_SHA256),
    signature: tlv(0x04, hex('3000')),
    signerExtra: []
  }
}

function token(edit: (p: Parts) => void = () => undefined): Buffer {
  const p = defaults()
  edit(p)
  const signer = tlv(
    0x30,
    p.signerVersion,
    p.sid,
    p.digestAlgorithm,
    p.signedAttrs,
    p.signatureAlgorithm,
    p.signature,
    ...p.signerExtra
  )
  const signedData = tlv(
    0x30,
    p.version,
    p.digestAlgorithms,
    p.encap,
    ...(p.certificates ? [p.certificates] : []),
    ...(p.crls ? [p.crls] : []),
    p.signerInfos(signer)
  )
  return tlv(
    0x30,
    p.status,
    tlv(0x30, p.contentType, tlv(0xa0, signedData, ...p.explicitExtra), ...p.contentInfoExtra),
    ...p.respExtra
  )
}
const refused = (edit: (p: Parts) => void) => () => timestampTokenProfile(token(edit))

describe('the RFC 3161 response shape', () => {
  it('returns the choices a valid response makes', () => {
    expect(timestampTokenProfile(token())).toEqual({
      digestAlgorithm: '300b0609608648016503040201',
      signatureAlgorithm: '300a06082a8648ce3d040302',
      certificates: createHash('sha256').update(tlv(0xa0)).digest('hex')
    })
    expect(timestampTokenProfile(token(p => (p.certificates = null))).certificates).toBeNull()
    const withNull = token(p => {
      p.digestAlgorithm = tlv(0x30, SHA256, hex('0500'))
      p.digestAlgorithms = tlv(0x31, p.digestAlgorithm)
      p.signatureAlgorithm = tlv(0x30, ECDSA_SHA256, hex('0500'))
    })
    expect(timestampTokenProfile(withNull)).toMatchObject({
      digestAlgorithm: '300d06096086480165030402010500',
      signatureAlgorithm: '300c06082a8648ce3d0403020500'
    })
    const certs = tlv(0xa0, tlv(0x30, hex('0500')), tlv(0x30))
    expect(timestampTokenProfile(token(p => (p.certificates = certs))).certificates).toBe(
      createHash('sha256').update(certs).digest('hex')
    )
  })

  const cases: [string, (p: Parts) => void, string][] = [
    [
      'extra response members',
      p => p.respExtra.push(hex('0500')),
      'TimeStampResp has extra members'
    ],
    ['another status', p => (p.status = hex('3003020101')), 'PKIStatusInfo is not 3003020100'],
    [
      'another content type',
      p => (p.contentType = hex('0603550403')),
      'contentType is not 06092a864886f70d010702'
    ],
    [
      'extra ContentInfo members',
      p => p.contentInfoExtra.push(hex('0500')),
      'ContentInfo has extra members'
    ],
    [
      'a second explicit content',
      p => p.explicitExtra.push(hex('0500')),
      'ContentInfo has extra members'
    ],
    ['CRLs', p => (p.crls = tlv(0xa1)), 'SignedData has CRLs or other members'],
    [
      'CRLs in place of certificates',
      p => {
        p.certificates = null
        p.crls = tlv(0xa1)
      },
      'SignedData has CRLs or other members'
    ],
    ['SignedData version 1', p => (p.version = hex('020101')), 'SignedData version is not 020103'],
    [
      'another encapsulated type',
      p => (p.encap = tlv(0x30, hex('0603550403'), tlv(0xa0, tlv(0x04, tlv(0x30))))),
      'eContentType is not 060b2a864886f70d0109100104'
    ],
    [
      'a second eContent',
      p =>
        (p.encap = tlv(
          0x30,
          hex('060b2a864886f70d0109100104'),
          tlv(0xa0, tlv(0x04, tlv(0x30)), tlv(0x04, tlv(0x30)))
        )),
      'eContent is not one OCTET STRING'
    ],
    [
      'an encapContentInfo member after eContent',
      p =>
        (p.encap = tlv(
          0x30,
          hex('060b2a864886f70d0109100104'),
          tlv(0xa0, tlv(0x04, tlv(0x30))),
          hex('0500')
        )),
      'eContent is not one OCTET STRING'
    ],
    [
      'eContent that is no OCTET STRING',
      p => (p.encap = tlv(0x30, hex('060b2a864886f70d0109100104'), tlv(0xa0, tlv(0x30)))),
      'eContent is not one OCTET STRING'
    ],
    [
      'an empty eContent',
      p => (p.encap = tlv(0x30, hex('060b2a864886f70d0109100104'), tlv(0xa0))),
      'eContent is not one OCTET STRING'
    ],
    [
      'a TSTInfo that is no SEQUENCE',
      p =>
        (p.encap = tlv(
          0x30,
          hex('060b2a864886f70d0109100104'),
          tlv(0xa0, tlv(0x04, hex('020101')))
        )),
      'TSTInfo is not a SEQUENCE'
    ],
    [
      'eContent not wrapped in [0]',
      p => (p.encap = tlv(0x30, hex('060b2a864886f70d0109100104'), tlv(0x04, tlv(0x30)))),
      'eContent is not the expected element'
    ],
    ['no signer', p => (p.signerInfos = () => tlv(0x31)), 'the token has more than one signer'],
    [
      'two signers',
      p => (p.signerInfos = s => tlv(0x31, s, s)),
      'the token has more than one signer'
    ],
    [
      'signerInfos that are not a SET',
      p => (p.signerInfos = s => tlv(0x30, s)),
      'signerInfos is not the expected element'
    ],
    [
      'unsigned attributes',
      p => p.signerExtra.push(tlv(0xa1)),
      'SignerInfo has unsigned attributes or lacks a member'
    ],
    [
      'SignerInfo version 3',
      p => (p.signerVersion = hex('020103')),
      'SignerInfo version is not 020101'
    ],
    [
      'a sid by key identifier',
      p => (p.sid = tlv(0x80, hex('01'))),
      'sid is not the expected element'
    ],
    [
      'a sid whose issuer is no Name',
      p => (p.sid = tlv(0x30, hex('0500'), hex('020102'))),
      'sid is not an IssuerAndSerialNumber'
    ],
    [
      'a sid whose serial is no INTEGER',
      p => (p.sid = tlv(0x30, tlv(0x30), hex('0500'))),
      'sid is not an IssuerAndSerialNumber'
    ],
    [
      'a sid with an extra member',
      p => (p.sid = tlv(0x30, tlv(0x30), hex('020102'), hex('0500'))),
      'sid is not an IssuerAndSerialNumber'
    ],
    ['an empty sid', p => (p.sid = tlv(0x30)), 'sid is not an IssuerAndSerialNumber'],
    [
      'signed attributes that are not [0]',
      p => (p.signedAttrs = tlv(0x31, tlv(0x30))),
      'signedAttrs is not the expected element'
    ],
    [
      'a signature that is no OCTET STRING',
      p => (p.signature = tlv(0x03, hex('00'))),
      'the signature is not an OCTET STRING'
    ],
    [
      'digest parameters other than NULL',
      p => {
        p.digestAlgorithm = tlv(0x30, SHA256, hex('0401ff'))
        p.digestAlgorithms = tlv(0x31, p.digestAlgorithm)
      },
      'digestAlgorithm has other parameters'
    ],
    [
      'a digest algorithm without an OID',
      p => {
        p.digestAlgorithm = tlv(0x30, hex('0500'))
        p.digestAlgorithms = tlv(0x31, p.digestAlgorithm)
      },
      'digestAlgorithm has other parameters'
    ],
    [
      'an empty digest algorithm',
      p => {
        p.digestAlgorithm = tlv(0x30)
        p.digestAlgorithms = tlv(0x31, p.digestAlgorithm)
      },
      'digestAlgorithm has other parameters'
    ],
    [
      'a digest algorithm with three members',
      p => {
        p.digestAlgorithm = tlv(0x30, SHA256, hex('0500'), hex('0500'))
        p.digestAlgorithms = tlv(0x31, p.digestAlgorithm)
      },
      'digestAlgorithm has other parameters'
    ],
    [
      'signature parameters other than NULL',
      p => (p.signatureAlgorithm = tlv(0x30, ECDSA_SHA256, hex('0101ff'))),
      'signatureAlgorithm has other parameters'
    ],
    [
      'a signature algorithm that is no SEQUENCE',
      p => (p.signatureAlgorithm = ECDSA_SHA256),
      'signatureAlgorithm is not the expected element'
    ],
    [
      'digestAlgorithms other than the signer’s',
      p => (p.digestAlgorithms = tlv(0x31, tlv(0x30, SHA256, hex('0500')))),
      'digestAlgorithms is not the signer digest algorithm alone'
    ],
    [
      'two digestAlgorithms',
      p => (p.digestAlgorithms = tlv(0x31, p.digestAlgorithm, p.digestAlgorithm)),
      'digestAlgorithms is not the signer digest algorithm alone'
    ],
    [
      'no digestAlgorithms',
      p => (p.digestAlgorithms = tlv(0x31)),
      'digestAlgorithms is not the signer digest algorithm alone'
    ],
    [
      'an embedded certificate that is no SEQUENCE',
      p => (p.certificates = tlv(0xa0, tlv(0x30), hex('0500'))),
      'an embedded certificate is not a SEQUENCE'
    ],
    [
      'an encapContentInfo that is a SET',
      p => (p.encap = tlv(0x31, hex('060b2a864886f70d0109100104'))),
      'encapContentInfo is not the expected element'
    ],
    [
      'a SignerInfo that is a SET',
      p => (p.signerInfos = () => tlv(0x31, tlv(0x31))),
      'SignerInfo is not the expected element'
    ],
    [
      'digestAlgorithms that are a SEQUENCE',
      p => (p.digestAlgorithms = tlv(0x30, p.digestAlgorithm)),
      'digestAlgorithms is not the expected element'
    ],
    [
      'a sid without a serial',
      p => (p.sid = tlv(0x30, tlv(0x30))),
      'sid is not an IssuerAndSerialNumber'
    ]
  ]
  it.each(cases)('refuses %s', (_, edit, message) => {
    expect(refused(edit)).toThrow(new DerError(message))
  })

  it('refuses what is not one DER TimeStampResp', () => {
    expect(() => timestampTokenProfile(hex('0400'))).toThrow(
      new DerError('TimeStampResp is not the expected element')
    )
    expect(() => timestampTokenProfile(Buffer.concat([token(), hex('00')]))).toThrow(
      new DerError('bytes after the element')
    )
    expect(() => timestampTokenProfile(hex('3000'))).toThrow(
      new DerError('PKIStatusInfo is not 3003020100')
    )
  })
})

describe('strict DER', () => {
  it('parses nested elements and keeps their bytes', () => {
    const t = parseDer(hex('3006020101a00105'.replace('a00105', '0401ff')))
    expect(t.tag).toBe(0x30)
    expect(
      t.children?.map(c => [c.tag, c.bytes.toString('hex'), c.content.toString('hex')])
    ).toEqual([
      [0x02, '020101', '01'],
      [0x04, '0401ff', 'ff']
    ])
    expect(parseDer(hex('0401ff')).children).toBeUndefined()
    const long = Buffer.concat([hex('0481c8'), Buffer.alloc(200, 7)])
    expect(parseDer(long).content).toHaveLength(200)
    const longer = Buffer.concat([hex('04820100'), Buffer.alloc(256, 7)])
    expect(parseDer(longer).content).toHaveLength(256)
  })

  const refusals: [string, string, string][] = [
    ['an empty input', '', 'truncated element'],
    ['a lone identifier', '30', 'truncated element'],
    ['an indefinite length', '3080', 'bad length'],
    ['a length of five bytes', '30850000000001', 'bad length'],
    ['a long length cut short', '3082', 'bad length'],
    ['a long length with a leading zero', '3082000100', 'non-minimal length'],
    [
      'a leading zero before a length over 127',
      `3083000080${'00'.repeat(0x80)}`,
      'non-minimal length'
    ],
    ['a long form for a short length', '30817f', 'non-minimal length'],
    ['content cut short', '3003020101'.slice(0, 8), 'truncated element'],
    ['bytes after the element', '3000ff', 'bytes after the element'],
    ['a high tag number', '1f0100', 'high tag numbers are not used here'],
    ['a child cut short', '30020201', 'truncated element'],
    ['a child with a bad length', '30020480', 'bad length']
  ]
  it.each(refusals)('refuses %s', (_, h, message) => {
    expect(() => parseDer(hex(h))).toThrow(new DerError(message))
  })

  it('accepts the longest lengths it allows and a four-byte length', () => {
    const body = Buffer.alloc(0x80, 1)
    expect(parseDer(Buffer.concat([hex('048180'), body])).content.equals(body)).toBe(true)
    expect(() => parseDer(hex('048400000000'))).toThrow(new DerError('non-minimal length'))
    expect(() => parseDer(hex('048401000000'))).toThrow(new DerError('truncated element'))
  })

  it('gives the children of an element of the expected tag only', () => {
    const seq = parseDer(hex('3003020101'))
    expect(childrenOf(seq, 0x30, 'x').map(c => c.tag)).toEqual([0x02])
    expect(() => childrenOf(seq, 0x31, 'the set')).toThrow(
      new DerError('the set is not the expected element')
    )
    expect(() => childrenOf(undefined, 0x30, 'nothing')).toThrow(
      new DerError('nothing is not the expected element')
    )
    const primitive = parseDer(hex('0401ff'))
    expect(() => childrenOf(primitive, 0x04, 'octets')).toThrow(
      new DerError('octets is not the expected element')
    )
  })
})
