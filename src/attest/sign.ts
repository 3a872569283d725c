import { createHash } from 'node:crypto'
import { attest } from 'sigstore'
import { QprovError } from '../errors.js'
import { redact } from '../secrets.js'
import { resolveEndpoints, type SigningEndpoints } from './instances.js'
import { resolveIdentityToken, type ResolvedToken, type TokenSource } from './oidc.js'
import type { SigningConfig } from './pipeline.js'
import { IN_TOTO_PAYLOAD_TYPE } from './statement.js'

/** Where a signature was logged. uuid = hex sha256(0x00 ‖ canonicalizedBody), see docs/signing.md. */
export interface RekorEntryRef {
  logIndex: string
  uuid: string
}

export interface SignedStatement {
  /** Serialized Sigstore bundle v0.3 (JSON object). */
  bundle: Record<string, unknown>
  endpoints: SigningEndpoints
  tokenSource: TokenSource
  rekor?: RekorEntryRef
}

/** The RFC 6962 leaf hash of a logged body, which is what Rekor uses as the entry UUID. */
export function rekorEntryUUID(canonicalizedBody: Buffer): string {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(canonicalizedBody)
    .digest('hex')
}

interface BundleTlogEntry {
  logIndex?: string
  canonicalizedBody?: string
}

/** Reads the Rekor reference out of a serialized bundle; undefined when nothing was logged. */
export function rekorEntryOf(bundle: Record<string, unknown>): RekorEntryRef | undefined {
  const material = bundle.verificationMaterial as { tlogEntries?: BundleTlogEntry[] } | undefined
  const entry = material?.tlogEntries?.[0]
  if (!entry?.canonicalizedBody || entry.logIndex === undefined) return undefined
  return {
    logIndex: String(entry.logIndex),
    uuid: rekorEntryUUID(Buffer.from(entry.canonicalizedBody, 'base64'))
  }
}

/** Endpoints and identity token, resolved before any expensive work so that misconfiguration fails fast. */
export interface SigningPlan {
  endpoints: SigningEndpoints
  token: ResolvedToken
}

export async function planSigning(
  signing: SigningConfig,
  env: Record<string, string | undefined> = process.env
): Promise<SigningPlan> {
  const endpoints = resolveEndpoints(
    signing.instance,
    { fulcioURL: signing.fulcioURL, rekorURL: signing.rekorURL, tsaURL: signing.tsaURL },
    env
  )
  return { endpoints, token: await resolveIdentityToken(signing, env) }
}

/** Signs the exact payload bytes as a DSSE envelope with a Fulcio certificate (keyless). */
export async function signStatement(
  payload: Buffer,
  signing: SigningConfig | SigningPlan,
  opts: { env?: Record<string, string | undefined>; onProgress?: (m: string) => void } = {}
): Promise<SignedStatement> {
  const { endpoints, token } =
    'token' in signing && 'endpoints' in signing ? signing : await planSigning(signing, opts.env)
  opts.onProgress?.(`identity token from ${token.source} (${token.from})`)
  opts.onProgress?.(
    `signing with Fulcio ${endpoints.fulcioURL}${
      endpoints.rekorURL ? `, Rekor ${endpoints.rekorURL}` : ', no transparency log'
    }${endpoints.tsaURL ? `, TSA ${endpoints.tsaURL}` : ''}`
  )
  let bundle: Record<string, unknown>
  try {
    bundle = (await attest(payload, IN_TOTO_PAYLOAD_TYPE, {
      identityToken: token.token,
      fulcioURL: endpoints.fulcioURL,
      ...(endpoints.rekorURL ? { rekorURL: endpoints.rekorURL } : {}),
      tlogUpload: endpoints.rekorURL !== undefined,
      ...(endpoints.tsaURL ? { tsaServerURL: endpoints.tsaURL } : {})
    })) as unknown as Record<string, unknown>
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
