import { QprovError } from './errors.js'

/**
 * Credentials written into a URL (`https://user:password@host`) are refused wherever qprov takes a
 * URL, and are removed from every text it prints. The user-info of a URL ends at the last '@'
 * before the first '/', '?', '#' or '\' of the authority, so that is what is matched; a path such
 * as `https://github.com/org/repo@v1` keeps its '@'.
 */
const USER_INFO = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#\\]*@/g

/** Replaces the user-info of every URL in the text with `***`. */
export function redactUrlCredentials(text: string): string {
  return text.replace(USER_INFO, '$1***@')
}

/** True when the value, parsed as a URL, carries a user name or password. */
export function hasUrlCredentials(value: string): boolean {
  USER_INFO.lastIndex = 0
  if (USER_INFO.test(value)) return true
  try {
    const u = new URL(value)
    return u.username !== '' || u.password !== ''
  } catch {
    return false
  }
}

/**
 * Refuses credentials in a URL option or setting (exit 2). The message names the option and never
 * the value: the value is exactly what must not be printed.
 */
export function refuseUrlCredentials(value: string, what: string): string {
  if (hasUrlCredentials(value))
    throw new QprovError(
      'URL_CREDENTIALS',
      `${what} must not contain a user name or password (user:password@host); ` +
        'qprov takes credentials only from environment variables'
    )
  return value
}

/**
 * A loopback host after WHATWG parsing (which turns `127.1` or `2130706433` into `127.0.0.1`):
 * 127.0.0.0/8, ::1 or localhost. Only there may plain http carry a key or token: nothing leaves
 * the machine.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase()
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/**
 * An endpoint URL that credentials are sent to (IAM, Runtime, Fulcio, Rekor, TSA, the GitHub
 * API): https, or http on a loopback address (the sandbox); no credentials in it. Refused values
 * are never echoed, so that a mistyped secret in the URL does not reach a log either.
 */
export function checkEndpointURL(value: string, what: string): string {
  refuseUrlCredentials(value, what)
  let u: URL | undefined
  try {
    u = new URL(value)
  } catch {
    u = undefined
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '')
    throw new QprovError('USAGE', `${what} must be an https URL`)
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname))
    throw new QprovError(
      'USAGE',
      `${what} must be an https URL: plain http is allowed only on a loopback address (127.0.0.1, ::1, localhost)`
    )
  return value
}
