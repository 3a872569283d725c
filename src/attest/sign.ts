import { bundleToJSON } from '@sigstore/bundle'
import { QprovError } from '../errors.js'
import { redact } from '../secrets.js'
import { dsseBundleBuilder } from './bundle-builder.js'
import { signingEndpoints } from './instances.js'
import { resolveIdentityToken } from './oidc.js'
import { rekorEntryOf, type RekorEntryRef } from '../sigstore/rekor-entry.js'
import type { SigningConfig, SigningEndpoints, SigningPlan, TokenSource } from './signing-types.js'
import { IN_TOTO_PAYLOAD_TYPE } from '../proof/statement.js'

export interface SignedStatement {
  /** Serialized Sigstore bundle v0.3 (JSON object). */
  bundle: Record<string, unknown>
  endpoints: SigningEndpoints
  tokenSource: TokenSource
  rekor?: RekorEntryRef
}

/**
 * Resolves endpoints and the identity token before any expensive work, so that misconfiguration
 * fails fast. Endpoints already resolved (to check them early) are passed in, not resolved again.
 */
export async function planSigning(
  signing: SigningConfig,
  env: Record<string, string | undefined> = process.env,
  endpoints: SigningEndpoints = signingEndpoints(signing, env)
): Promise<SigningPlan> {
  return { endpoints, token: await resolveIdentityToken(signing, env) }
}

/** Signs the exact payload bytes as a DSSE envelope with a Fulcio certificate (keyless). */
export async function signStatement(
  payload: Buffer,
  plan: SigningPlan,
  opts: { onProgress?: (m: string) => void } = {}
): Promise<SignedStatement> {
  const { endpoints, token } = plan
  opts.onProgress?.(`identity token from ${token.source} (${token.from})`)
  opts.onProgress?.(
    `signing with Fulcio ${endpoints.fulcioURL}${
      endpoints.rekorURL ? `, Rekor ${endpoints.rekorURL}` : ', no transparency log'
    }${endpoints.tsaURL ? `, TSA ${endpoints.tsaURL}` : ''}`
  )
  let bundle: Record<string, unknown>
  try {
    const built = await dsseBundleBuilder(endpoints, token.token).create({
      data: payload,
      type: IN_TOTO_PAYLOAD_TYPE
    })
    bundle = bundleToJSON(built) as unknown as Record<string, unknown>
  } catch (e) {
    const err = e as Error & { code?: string }
    throw new QprovError(
      'SIGNING_FAILED',
      redact(`Sigstore signing failed${err.code ? ` (${err.code})` : ''}: ${err.message}`),
      { cause: e }
    )
  }
  const rekor = rekorEntryOf(bundle)
  if (endpoints.rekorURL && !rekor)
    throw new QprovError('SIGNING_FAILED', 'the bundle lacks the Rekor entry that was requested')
  return { bundle, endpoints, tokenSource: token.source, ...(rekor ? { rekor } : {}) }
}
