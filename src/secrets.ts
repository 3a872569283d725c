/**
 * Secret registry. Domain code registers every secret it touches (API keys, IAM tokens, OIDC
 * tokens); the action edge installs a masker that forwards to core.setSecret, and every text the
 * CLI prints passes through redact() as a second line of defence.
 */
import { redactUrlCredentials } from './url-credentials.js'

type Masker = (value: string) => void

const secrets = new Set<string>()
let masker: Masker | undefined

export function setSecretMasker(fn: Masker | undefined): void {
  masker = fn
  if (fn) for (const s of secrets) fn(s)
}

export function registerSecret(value: string | undefined | null): void {
  // Very short values would redact ordinary words; no real credential is this short.
  if (!value || value.length < 6 || secrets.has(value)) return
  secrets.add(value)
  masker?.(value)
}

export function redact(text: string): string {
  let out = redactUrlCredentials(text)
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('***')
  return out
}

/**
 * Forgets every registered secret. Only for tests that run the action or the CLI in-process one
 * after another: otherwise each run would re-announce the last run's secrets to its masker.
 */
export function clearSecretsForTest(): void {
  secrets.clear()
}
