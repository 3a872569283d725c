import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { rekorEntryUUID } from '../../src/attest/rekor-entry.js'
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

/** An attestation directory as `qprov attest` writes it (contents are not verified by tag). */
export function fakeAttestation(): { dir: string; uuid: string } {
  const dir = tmp()
  const body = Buffer.from('{"kind":"dsse"}').toString('base64')
  writeFileSync(join(dir, 'statement.json'), '{"_type":"https://in-toto.io/Statement/v1"}')
  writeFileSync(join(dir, 'workload.manifest.json'), '{"files":[]}')
  writeFileSync(
    join(dir, 'statement.sigstore.json'),
    JSON.stringify({
      verificationMaterial: { tlogEntries: [{ logIndex: '42', canonicalizedBody: body }] }
    })
  )
  return { dir, uuid: rekorEntryUUID(Buffer.from(body, 'base64')) }
}
