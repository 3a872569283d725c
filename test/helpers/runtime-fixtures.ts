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
import { createHash } from 'node:crypto'
import { rekorEntryUUID } from '../../src/attest/rekor-entry.js'
import {
  IN_TOTO_PAYLOAD_TYPE,
  MANIFEST_SUBJECT_NAME,
  PREDICATE_AIIR_V2
} from '../../src/attest/statement.js'
import { MANIFEST_VERSION } from '../../src/workload/manifest.js'
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

/**
 * An attestation directory whose three files agree as `qprov attest` writes them: statement.json
 * is the bundle's DSSE payload and signs the manifest. Nothing is signed: `tag` checks the files'
 * consistency, not the signature.
 */
export function fakeAttestation(): { dir: string; uuid: string } {
  const dir = tmp()
  const manifest = Buffer.from(`{"files":[],"version":"${MANIFEST_VERSION}"}`)
  const statement = Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [
        {
          name: MANIFEST_SUBJECT_NAME,
          digest: { sha256: createHash('sha256').update(manifest).digest('hex') }
        }
      ],
      predicateType: PREDICATE_AIIR_V2,
      predicate: {}
    })
  )
  const body = Buffer.from('{"kind":"dsse"}').toString('base64')
  writeFileSync(join(dir, 'statement.json'), statement)
  writeFileSync(join(dir, 'workload.manifest.json'), manifest)
  writeFileSync(
    join(dir, 'statement.sigstore.json'),
    JSON.stringify({
      dsseEnvelope: {
        payload: statement.toString('base64'),
        payloadType: IN_TOTO_PAYLOAD_TYPE,
        signatures: []
      },
      verificationMaterial: { tlogEntries: [{ logIndex: '42', canonicalizedBody: body }] }
    })
  )
  return { dir, uuid: rekorEntryUUID(Buffer.from(body, 'base64')) }
}
