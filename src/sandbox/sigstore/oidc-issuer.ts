import { generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto'

/**
 * The sandbox's stand-in for token.actions.githubusercontent.com: it mints ES256 JWTs with
 * GitHub-Actions-like claims, and the sandbox Fulcio accepts only tokens it minted.
 */
export interface SandboxIdentity {
  repository: string
  ref: string
  sha: string
  workflowPath: string
}

export const DEFAULT_IDENTITY: SandboxIdentity = {
  // The repository name carries the warning into every certificate's SAN and source-repo OIDs.
  repository: 'qprov-sandbox/not-for-production',
  ref: 'refs/heads/main',
  sha: '0000000000000000000000000000000000000000',
  workflowPath: '.github/workflows/attest.yml'
}

export interface OidcIssuer {
  issuer: string
  /** The SAN Fulcio writes into certificates for this issuer's tokens. */
  identity: string
  mint(audience: string, lifetimeSeconds?: number): string
  /** Returns the claims of a token this issuer minted, or a reason it is not acceptable. */
  check(
    token: string,
    audience: string
  ): { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string }
  publicKey: KeyObject
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

export function createOidcIssuer(
  issuer: string,
  id: SandboxIdentity = DEFAULT_IDENTITY
): OidcIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const kid = randomBytes(8).toString('hex')
  const workflowRef = `${id.repository}/${id.workflowPath}@${id.ref}`
  const identity = `https://github.com/${workflowRef}`
  const [owner] = id.repository.split('/')

  function mint(audience: string, lifetimeSeconds = 600): string {
    const now = Math.floor(Date.now() / 1000)
    const claims = {
      iss: issuer,
      aud: audience,
      sub: `repo:${id.repository}:ref:${id.ref}`,
      iat: now,
      nbf: now - 5,
      exp: now + lifetimeSeconds,
      jti: randomBytes(16).toString('hex'),
      repository: id.repository,
      repository_owner: owner,
      repository_visibility: 'public',
      ref: id.ref,
      ref_type: 'branch',
      sha: id.sha,
      workflow: 'attest',
      workflow_ref: workflowRef,
      workflow_sha: id.sha,
      job_workflow_ref: workflowRef,
      job_workflow_sha: id.sha,
      event_name: 'push',
      run_id: '1',
      run_attempt: '1',
      runner_environment: 'github-hosted'
    }
    const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }))
    const body = b64url(JSON.stringify(claims))
    const sig = sign('sha256', Buffer.from(`${header}.${body}`), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363'
    })
    return `${header}.${body}.${b64url(sig)}`
  }

  function check(token: string, audience: string): ReturnType<OidcIssuer['check']> {
    const parts = token.split('.')
    if (parts.length !== 3) return { ok: false, reason: 'not a JWT' }
    const [h, b, s] = parts as [string, string, string]
    const good = verify(
      'sha256',
      Buffer.from(`${h}.${b}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url')
    )
    if (!good) return { ok: false, reason: 'token signature is not from the sandbox issuer' }
    let claims: Record<string, unknown>
    try {
      claims = JSON.parse(Buffer.from(b, 'base64url').toString('utf8')) as Record<string, unknown>
    } catch {
      return { ok: false, reason: 'token claims are not JSON' }
    }
    if (claims.iss !== issuer)
      return { ok: false, reason: `unexpected issuer ${String(claims.iss)}` }
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!aud.includes(audience)) return { ok: false, reason: `audience is not "${audience}"` }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now())
      return { ok: false, reason: 'token expired' }
    return { ok: true, claims }
  }

  return { issuer, identity, mint, check, publicKey }
}
