import { QprovError } from '../errors.js'
import { refuseUrlCredentials } from '../url-credentials.js'
import { registerSecret } from '../secrets.js'
import type { ResolvedToken, SigningConfig } from './signing-types.js'

type Env = Record<string, string | undefined>

const NO_TOKEN_HELP =
  'no OIDC identity token for keyless signing: ACTIONS_ID_TOKEN_REQUEST_URL and ' +
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. In GitHub Actions the job needs ' +
  '`permissions: id-token: write` (pull requests from forks never get it); elsewhere set ' +
  'SIGSTORE_ID_TOKEN or pass --identity-token-env VAR'

/**
 * Picks the identity token: an explicit one, then the named environment variable, then the
 * GitHub Actions OIDC endpoint (sandbox or ACTIONS_ID_TOKEN_REQUEST_*), then SIGSTORE_ID_TOKEN.
 */
export async function resolveIdentityToken(
  signing: SigningConfig,
  env: Env = process.env
): Promise<ResolvedToken> {
  if (signing.identityToken) {
    registerSecret(signing.identityToken)
    return { token: signing.identityToken, source: 'explicit', from: 'configuration' }
  }
  if (signing.identityTokenEnv) {
    const name = signing.identityTokenEnv
    const value = env[name]?.trim()
    if (!value)
      throw new QprovError(
        'OIDC_UNAVAILABLE',
        `--identity-token-env ${name}: the environment variable ${name} is not set or empty`
      )
    registerSecret(value)
    return { token: value, source: 'env', from: name }
  }
  const requestURL = signing.actionsOidc?.requestURL ?? env.ACTIONS_ID_TOKEN_REQUEST_URL
  const requestToken = signing.actionsOidc?.requestToken ?? env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (requestURL && requestToken) {
    const token = await fetchActionsIdToken(requestURL, requestToken, 'sigstore')
    return { token, source: 'actions-oidc', from: new URL(requestURL).origin }
  }
  if (requestURL || requestToken)
    throw new QprovError(
      'OIDC_UNAVAILABLE',
      `only one of ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN is set; ` +
        'the job needs `permissions: id-token: write`'
    )
  const fallback = env.SIGSTORE_ID_TOKEN?.trim()
  if (fallback) {
    registerSecret(fallback)
    return { token: fallback, source: 'env', from: 'SIGSTORE_ID_TOKEN' }
  }
  throw new QprovError('OIDC_UNAVAILABLE', NO_TOKEN_HELP)
}

/**
 * The GitHub Actions OIDC request: GET <url>&audience=<aud> with the request token as bearer;
 * the answer is {"value": "<JWT>"}. The URL already carries a query (api-version), hence '&'.
 */
export async function fetchActionsIdToken(
  requestURL: string,
  requestToken: string,
  audience: string
): Promise<string> {
  registerSecret(requestToken)
  refuseUrlCredentials(requestURL, 'the OIDC token request URL')
  let url: URL
  try {
    url = new URL(requestURL)
  } catch {
    throw new QprovError('OIDC_UNAVAILABLE', 'ACTIONS_ID_TOKEN_REQUEST_URL is not a URL')
  }
  url.searchParams.set('audience', audience)
  let res: Response
  try {
    res = await fetch(url, {
      headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(15_000)
    })
  } catch (e) {
    throw new QprovError(
      'OIDC_REQUEST_FAILED',
      `cannot reach the OIDC token endpoint ${url.origin}: ${(e as Error).message}`,
      { cause: e }
    )
  }
  const text = await res.text()
  if (!res.ok)
    throw new QprovError(
      'OIDC_REQUEST_FAILED',
      `the OIDC token endpoint ${url.origin} answered HTTP ${res.status}${
        res.status === 401 || res.status === 403 ? ' (is `id-token: write` granted?)' : ''
      }`
    )
  let value: unknown
  try {
    value = (JSON.parse(text) as { value?: unknown }).value
  } catch {
    value = undefined
  }
  if (typeof value !== 'string' || value.split('.').length !== 3)
    throw new QprovError(
      'OIDC_REQUEST_FAILED',
      `the OIDC token endpoint ${url.origin} returned no token in "value"`
    )
  registerSecret(value)
  return value
}
