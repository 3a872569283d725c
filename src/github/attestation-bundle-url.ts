import { uncompress } from 'snappyjs'
import { QprovError, oneLine } from '../errors.js'
import { READ_LIMITS } from '../read-file.js'

/**
 * Fetches one attestation's bundle from its `bundle_url`, which REST API 2026-03-10 gives in
 * place of the inline bundle: a signed, short-lived blob-storage URL whose body is the bundle's
 * protobuf JSON, snappy-compressed (as `gh attestation` reads it). The URL carries its own
 * authorisation, so the GitHub token is never sent with it. Its content is untrusted until
 * verified, like an inline bundle.
 */
export async function fetchBundleFromURL(
  bundleURL: string,
  apiURL: string
): Promise<Record<string, unknown>> {
  let url: URL
  try {
    url = new URL(bundleURL)
  } catch {
    throw new QprovError('GITHUB_API', 'an attestation bundle_url is not a URL')
  }
  // https only, except beside an http API (a loopback stand-in), and never with credentials.
  const scheme =
    url.protocol === 'https:' || (url.protocol === 'http:' && apiURL.startsWith('http:'))
  if (!scheme || url.username !== '' || url.password !== '')
    throw new QprovError(
      'GITHUB_API',
      `an attestation bundle_url is not a plain https URL (${url.origin})`
    )
  const what = `the attestation bundle at ${url.origin}${url.pathname}`
  let bytes: Buffer
  try {
    const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(30_000) })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const declared = Number(res.headers.get('content-length') ?? '0')
    if (declared > READ_LIMITS.bundle.maxBytes) throw new Error(`${declared} bytes is too large`)
    bytes = Buffer.from(await res.arrayBuffer())
    if (bytes.length > READ_LIMITS.bundle.maxBytes) throw new Error('the body is too large')
  } catch (e) {
    throw new QprovError('GITHUB_API', `fetching ${what}: ${oneLine(e)}`, { cause: e })
  }
  try {
    const json = Buffer.from(uncompress(bytes, READ_LIMITS.bundle.maxBytes)).toString('utf8')
    const bundle = JSON.parse(json) as unknown
    if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle))
      throw new Error('not a JSON object')
    return bundle as Record<string, unknown>
  } catch (e) {
    throw new QprovError('GITHUB_API', `${what} is not a snappy-compressed bundle: ${oneLine(e)}`, {
      cause: e
    })
  }
}
