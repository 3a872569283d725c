/** Where and as whom to sign. The token is resolved only when signing starts. */
export interface SigningConfig {
  instance: 'public-good' | 'github' | 'custom'
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
}

export interface AttestOptions {
  /** Workload paths or globs, relative to cwd. */
  workload: string[]
  cwd: string
  /** An existing AIIR receipt file to wrap. */
  receiptFile?: string
  /** Otherwise a receipt is generated for this commit (default HEAD of the repo holding cwd). */
  commit?: string
  signing: SigningConfig
  outDir: string
  onProgress?: (message: string) => void
}

export interface AttestResult {
  /** sha256:<hex> over the exact DSSE payload bytes. */
  statementDigest: string
  /** sha256:<hex> of the canonical workload manifest. */
  packageDigest: string
  rekor?: { logIndex: string; uuid: string }
  files: { statement: string; bundle: string; manifest: string }
}

export async function attestWorkload(_opts: AttestOptions): Promise<AttestResult> {
  throw new Error('attestation not implemented yet')
}
