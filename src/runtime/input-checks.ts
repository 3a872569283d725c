import { QprovError } from '../errors.js'
import { checkEndpointURL } from '../url-credentials.js'

// IBM's job ID pattern and path-parameter length; IDs are otherwise opaque.
const JOB_ID = /^[A-Za-z0-9_-]{1,1000}$/
// Backend names such as ibm_torino or fake.backend-1; anything else cannot be a backend.
const BACKEND = /^[A-Za-z0-9_.-]{1,200}$/
export const MAX_TIMEOUT_MS = 2 ** 31 - 1

/** A Runtime job ID given by the user, checked before any request (exit 2 when malformed). */
export function checkJobId(id: string, what = '--job'): string {
  if (!JOB_ID.test(id))
    throw new QprovError(
      'USAGE',
      `${what} must be a Runtime job ID (1 to 1000 letters, digits, '_' or '-')`
    )
  return id
}

export function checkBackend(name: string, what = '--backend'): string {
  if (!BACKEND.test(name))
    throw new QprovError(
      'USAGE',
      `${what} must be a backend name (letters, digits, '_', '.' or '-'), e.g. ibm_torino`
    )
  return name
}

/** An endpoint base URL: https (http on loopback only), no credentials; checked before any request. */
export function checkHttpURL(value: string, what: string): string {
  return checkEndpointURL(value, what)
}

/** setTimeout and AbortSignal.timeout accept at most 2^31 − 1 ms. */
export function parseTimeoutMs(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_TIMEOUT_MS)
    throw new QprovError('USAGE', `--timeout-ms must be an integer from 1 to ${MAX_TIMEOUT_MS}`)
  return n
}
