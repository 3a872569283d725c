import { bundleToJSON } from '@sigstore/bundle'
import { QprovError } from '../errors.js'
import { redact } from '../secrets.js'
import { dsseBundleBuilder } from './bundle-builder.js'
import { signingEndpoints } from './instances.js'
import { resolveIdentityToken } from './oidc.js'
import { rekorEntryOf, type RekorEntryRef } from '../sigstore/rekor-entry.js'
import type { SigningConfig, SigningEndpoints, SigningPlan, TokenSource } from './signing-types.js'
import { IN_TOTO_PAYLOAD_TYPE } from '../proof/statement.js'
import { READ_LIMITS, readBoundedText } from '../read-file.js'
import { parseTrustedRoots, publicGoodTrustedRoot } from '../sigstore/trusted-root.js'

/** A bundle's log entry and the URL it was logged at. */
export type LoggedEntry = RekorEntryRef & { url: string }

export interface SignedStatement {
  /** Serialized Sigstore bundle v0.3 (JSON object). */
  bundle: Record<string, unknown>
  endpoints: SigningEndpoints
  tokenSource: TokenSource
  rekor?: LoggedEntry
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
  const trustedRoots = [publicGoodTrustedRoot()]
  if (signing.trustedRootFile !== undefined)
    trustedRoots.push(
      ...parseTrustedRoots(readBoundedText(signing.trustedRootFile, READ_LIMITS.trustedRoot))
    )
  return { endpoints, token: await resolveIdentityToken(signing, env), trustedRoots }
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
      endpoints.rekorURL
        ? `, Rekor v${endpoints.rekorVersion ?? 1} ${endpoints.rekorURL}`
        : ', no transparency log'
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
  const entry = rekorEntryOf(bundle)
  if (endpoints.rekorURL && entry?.apiVersion !== (endpoints.rekorVersion ?? 1))
    throw new QprovError(
      'SIGNING_FAILED',
      `the bundle lacks the Rekor v${endpoints.rekorVersion ?? 1} entry that was requested`
    )
  const rekor = entry && endpoints.rekorURL ? { ...entry, url: endpoints.rekorURL } : undefined
  return { bundle, endpoints, tokenSource: token.source, ...(rekor ? { rekor } : {}) }
}
