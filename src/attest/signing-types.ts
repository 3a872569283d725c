/**
 * The types of signing, in a leaf module: configuration (what the user asked for), endpoints and
 * token (what it resolved to), and the plan that signStatement takes. Only types are imported.
 */

import type { Caller } from '../option-names.js'

export type SigstoreInstance = 'public-good' | 'github' | 'custom'

export const SIGSTORE_INSTANCES: readonly SigstoreInstance[] = ['public-good', 'github', 'custom']

/** Rekor's major API version: 1 (rekor.sigstore.dev, `dsse` entries) or 2 (tile-backed shards). */
export type RekorVersion = 1 | 2

/** A Sigstore SigningConfig document (v0.2) as read from a file, before any service is picked. */
export interface SigningConfigDocument {
  /** Where it came from, for messages. */
  source: string
  json: unknown
}

/** Where and as whom to sign. The token is resolved only when signing starts. */
export interface SigningConfig {
  instance: SigstoreInstance
  fulcioURL?: string
  rekorURL?: string
  tsaURL?: string
  /** The Rekor API to log to; default 1, or the highest a signingConfig offers. */
  rekorVersion?: RekorVersion
  /** Services to pick Fulcio, Rekor and the TSA from, instead of the instance's embedded ones. */
  signingConfig?: SigningConfigDocument
  /**
   * trusted_root.json verifiers will use, beside the embedded public-good root: binding a Rekor v2
   * entry records its shard's base URL as this root lists it (the sandbox's root with --sandbox).
   */
  trustedRootFile?: string
  /** Explicit OIDC token; otherwise taken from the GitHub Actions OIDC endpoint. */
  identityToken?: string
  /** Name of an environment variable that holds the OIDC token (never the token itself). */
  identityTokenEnv?: string
  /**
   * A GitHub-Actions-style token endpoint (the sandbox provides one). Default: the
   * ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variables.
   */
  actionsOidc?: { requestURL: string; requestToken: string }
  /** Who asked, so messages name its options (`--fulcio-url` or `input fulcio-url`); default cli. */
  caller?: Caller
}

/** The endpoints one signature needs; an absent rekorURL means no transparency-log entry. */
export interface SigningEndpoints {
  fulcioURL: string
  rekorURL?: string
  /** Set with rekorURL: which Rekor API that URL speaks. */
  rekorVersion?: RekorVersion
  tsaURL?: string
}

/** Where a token comes from, for progress messages; never the token itself. */
export type TokenSource = 'explicit' | 'env' | 'actions-oidc'

export interface ResolvedToken {
  token: string
  source: TokenSource
  /** Environment variable name or endpoint origin. */
  from: string
}

/** Endpoints and identity token, resolved once per run before any expensive work. */
export interface SigningPlan {
  endpoints: SigningEndpoints
  token: ResolvedToken
  /** Parsed trusted_root.json documents: the embedded public-good root, then trustedRootFile's. */
  trustedRoots: unknown[]
}
