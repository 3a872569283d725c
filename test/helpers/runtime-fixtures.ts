import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { rekorEntryUUID } from '../../src/attest/rekor-entry.js'
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
