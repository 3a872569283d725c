/**
 * Credential stripping for `provenance.repository`, reproducing the AIIR reference (Python
 * urlparse based) including its quirks: the host is lowercased only when userinfo was present,
 * IPv6 brackets are lost, query and fragment are always dropped, scp-style remotes pass unchanged.
 */

export const REDACTED_URL = '[credential-redacted-url]'

const URL_RE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/

export function stripCredentials(url: string): string {
  const m = URL_RE.exec(url)
  if (!m) return url
  const scheme = m[1].toLowerCase()
  const netloc = m[2]
  const path = m[3]
  const at = netloc.lastIndexOf('@')
  if (at < 0) return `${scheme}://${netloc}${path}`
  const hostPort = netloc.slice(at + 1)
  let host: string
  let port: string
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']')
    if (close < 0) return REDACTED_URL
    host = hostPort.slice(1, close)
    port = hostPort.slice(close + 1)
  } else {
    const colon = hostPort.indexOf(':')
    host = colon < 0 ? hostPort : hostPort.slice(0, colon)
    port = colon < 0 ? '' : hostPort.slice(colon)
  }
  if (port !== '' && !/^:\d*$/.test(port)) return REDACTED_URL
  if (port !== '' && port !== ':' && Number(port.slice(1)) > 65535) return REDACTED_URL
  const portPart = port.length > 1 ? `:${Number(port.slice(1))}` : ''
  return `${scheme}://${host.toLowerCase()}${portPart}${path}`
}
