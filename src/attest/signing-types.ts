/**
 * The types of signing, in a leaf module: configuration (what the user asked for), endpoints and
 * token (what it resolved to), and the plan that signStatement takes. Only types are imported.
 */

import type { Caller } from '../option-names.js'

export type SigstoreInstance = 'public-good' | 'github' | 'custom'

export const SIGSTORE_INSTANCES: readonly SigstoreInstance[] = ['public-good', 'github', 'custom']

/** Where and as whom to sign. The token is resolved only when signing starts. */
export interface SigningConfig {
  instance: SigstoreInstance
  fulcioURL?: string
  rekorURL?: string
  tsaURL?: string
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
}
