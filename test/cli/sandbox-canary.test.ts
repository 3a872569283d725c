import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runInProcess } from '../helpers/in-process.js'
import { fakeAttestation, tmp } from '../helpers/runtime-fixtures.js'

const SECRET = Math.random().toString(36).slice(2, 14).padEnd(12, 'x')
const CANARY = `QPROV-CANARY-${SECRET}`

/** Damaged files whose parser message would quote the secret next to the error. */
const DAMAGED = {
  'an unquoted key': `{"instanceCRN": "crn:v1:x", "apiKey": ${SECRET}}`,
  'an unquoted canary': `{"instanceCRN": "crn:v1:x", "apiKey": ${CANARY}}`,
  'value cut short': `{"apiKey": "${CANARY}", "identityToken": }`,
  'not an object': `["${CANARY}"]`
}

/** Every command that reads DIR/sandbox.json with --sandbox DIR. */
const COMMANDS: Record<string, (dir: string) => string[]> = {
  attest: () => ['attest', '--workload', 'examples/bell', '--out', join(tmp(), 'o')],
  submit: () => ['submit', '--workload', 'examples/bell', '--out', join(tmp(), 'o')],
  tag: dir => ['tag', '--job', 'job1', '--attestation', fakeAttestation().dir, '--out', dir],
  'job get': () => ['job', 'get', '--job', 'job1']
}

/** Any 6 characters of the canary would be a leak, not only the whole of it. */
function expectNoFragment(text: string) {
  for (let i = 0; i + 6 <= CANARY.length; i++) expect(text).not.toContain(CANARY.slice(i, i + 6))
}

describe('a damaged sandbox.json is never quoted', () => {
  for (const [command, args] of Object.entries(COMMANDS))
    for (const [damage, text] of Object.entries(DAMAGED))
      it(`qprov ${command} --sandbox with ${damage}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'qprov-sbcanary-'))
        writeFileSync(join(dir, 'sandbox.json'), text)
        const r = await runInProcess([...args(dir), '--sandbox', dir], {
          env: { QISKIT_IBM_TOKEN: '' }
        })
        expect(r.code).toBe(2)
        expect(r.stderr).toMatch(
          new RegExp(
            `^qprov: error \\[CONFIG_INVALID\\]: sandbox config ${join(dir, 'sandbox.json')} is not (valid JSON|a JSON object)\\n$`
          )
        )
        expectNoFragment(r.stdout + r.stderr)
      })
})
