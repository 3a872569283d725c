import { X509Certificate } from 'node:crypto'

/**
 * Whether the trusted root in use could have issued a bundle's signing certificate. When a bundle
 * fails cryptographic verification, this tells "signed under another root" apart from a broken
 * signature or clock: @sigstore/verify reports both alike (often as a timestamp error).
 */
export interface RootAuthorities {
  /** The subjects of the root's certificate authorities, to name the root in a message. */
  names: string[]
  certs: X509Certificate[]
}

type Json = Record<string, unknown> | undefined

function certsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return (list as Json[]).flatMap(c => (typeof c?.rawBytes === 'string' ? [c.rawBytes] : []))
}

function parse(base64: string): X509Certificate | undefined {
  try {
    return new X509Certificate(Buffer.from(base64, 'base64'))
  } catch {
    return undefined
  }
}

const oneLineName = (dn: string): string => dn.split('\n').filter(Boolean).join(', ')

/** Every CA certificate of the (already validated) roots. */
export function rootAuthorities(roots: unknown[]): RootAuthorities {
  const certs: X509Certificate[] = []
  for (const root of roots) {
    const cas = (root as Json)?.certificateAuthorities
    if (!Array.isArray(cas)) continue
    for (const ca of cas as Json[]) {
      const chain = (ca?.certChain as Json)?.certificates
      for (const b of certsOf(chain)) {
        const c = parse(b)
        if (c) certs.push(c)
      }
    }
  }
  const names = [...new Set(certs.filter(c => c.ca).map(c => oneLineName(c.subject)))]
  return { names, certs }
}

/** The bundle's signing (leaf) certificate, in either form a bundle carries it. */
function leafOf(bundle: unknown): X509Certificate | undefined {
  const vm = (bundle as Json)?.verificationMaterial as Json
  const single = (vm?.certificate as Json)?.rawBytes
  if (typeof single === 'string') return parse(single)
  const [first] = certsOf((vm?.x509CertificateChain as Json)?.certificates)
  return first === undefined ? undefined : parse(first)
}

/**
 * `issued: false` when no CA of the root signed the leaf; undefined when the bundle has no
 * readable certificate (then nothing is claimed about the root).
 */
export function rootIssued(
  bundle: unknown,
  authorities: RootAuthorities
): { issued: boolean; leafIssuer: string } | undefined {
  const leaf = leafOf(bundle)
  if (leaf === undefined) return undefined
  const issued = authorities.certs.some(ca => {
    try {
      return leaf.checkIssued(ca) && leaf.verify(ca.publicKey)
    } catch {
      return false
    }
  })
  return { issued, leafIssuer: oneLineName(leaf.issuer) }
}
