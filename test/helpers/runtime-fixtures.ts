import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { rekorEntryUUID } from '../../src/sigstore/rekor-entry.js'
import { writeAttestationDir } from './attestation.js'
import type { CliResult } from './cli.js'

export const tmp = () => mkdtempSync(join(tmpdir(), 'qprov-cli-'))

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map(f => join(dir, f))
    .filter(f => statSync(f).isFile())
}

/** Each secret must appear nowhere a user or log could see it: output, or any file written. */
export function expectNoSecrets(r: CliResult, dirs: string[], secrets: string[]): void {
  const texts = [r.stdout, r.stderr, ...dirs.flatMap(filesUnder).map(f => readFileSync(f, 'utf8'))]
  for (const s of secrets) for (const t of texts) expect(t).not.toContain(s)
}

/** An attestation directory as `qprov attest` writes it, with a placeholder signature. */
export function fakeAttestation(): { dir: string; uuid: string } {
  const dir = tmp()
  const body = Buffer.from('{"kind":"dsse"}').toString('base64')
  writeAttestationDir(dir, { logIndex: '42', body })
  return { dir, uuid: rekorEntryUUID(Buffer.from(body, 'base64')) }
}

/**
 * Signing flags for `tag` tests that are about tagging: a token is configured (tag resolves it
 * before any request) and the signing services are a closed loopback port, so the binding fails
 * after the tags were written and nothing leaves the machine.
 */
export const UNREACHABLE_SIGNING = [
  '--identity-token-env',
  'TEST_OIDC_TOKEN',
  '--sigstore',
  'custom',
  '--fulcio-url',
  'http://127.0.0.1:9',
  '--rekor-url',
  'http://127.0.0.1:9'
]
export const UNREACHABLE_SIGNING_ENV = { TEST_OIDC_TOKEN: 'header.payload.signature' }
