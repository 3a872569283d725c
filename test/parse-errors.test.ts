import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { judge } from '../src/binding/candidates.js'
import { main } from '../src/cli/main.js'
import { readZipEntries } from '../src/github/zip-reader.js'
import { jsonErrorOffset } from '../src/json-position.js'
import { parseBinding } from '../src/proof/binding-document.js'
import { PROOF_FILES } from '../src/proof/layout.js'
import { unpackProofBundle } from '../src/proof/proof-bundle.js'
import { parseRuntimeJob } from '../src/proof/runtime-job-file.js'
import { parseStatement } from '../src/proof/statement.js'
import { parseJsonText } from '../src/read-file.js'
import { parseReceiptJson } from '../src/receipt/ingest.js'
import { loadJobSpec } from '../src/runtime/job-spec.js'
import { sandboxSigning } from '../src/settings/sandbox.js'
import { parseTrustedRoots } from '../src/sigstore/trusted-root.js'
import { verifyBundle } from '../src/sigstore/verify-bundle.js'
import { hasUnsafeText } from '../src/untrusted-text.js'
import { parseManifest } from '../src/workload/manifest.js'
import { captureOutput } from './helpers/capture.js'
import { runs } from './helpers/property.js'

// 24 characters; a file holding it next to a terminal escape must never have either echoed.
const CANARY = 'SECRET-CANARY-0123456789'
const ESC = '\u001b[2J\u001b]0;owned\u0007'
/** Secret-bearing JSON that breaks right after the secret, and again with a bare token. */
const AFTER_VALUE = `{"apiKey": "${CANARY}" ${ESC}}`
const BARE = `${ESC}${CANARY}`

const dir = mkdtempSync(join(tmpdir(), 'qprov-parse-'))
function file(name: string, text: string): string {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

function messageOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('expected a parse error')
}

/** Neither the secret nor any 6-character piece of it, nor any control or escape character. */
function expectNoEcho(text: string): void {
  for (let i = 0; i + 6 <= CANARY.length; i++) expect(text).not.toContain(CANARY.slice(i, i + 6))
  expect(text).not.toContain('owned')
  expect(hasUnsafeText(text.replace(/\n/g, ' '))).toBe(false)
}

describe('parse errors name the file and the position, never the bytes', () => {
  const spec = file('qprov.job.json', BARE)
  mkdirSync(join(dir, 'schema'))
  const schemaSpec = file(
    'schema/qprov.job.json',
    `{"version": 1, "program": "${CANARY}\\u001b[2J", "backend": "ibm_torino", "pubs": []}`
  )
  const sandboxDir = join(dir, 'sandbox')
  mkdirSync(sandboxDir)
  writeFileSync(join(sandboxDir, 'sandbox.json'), BARE)

  it.each<[string, () => unknown, string]>([
    [
      'a JSON file read through the bounded reader',
      () => parseJsonText(AFTER_VALUE, 'sandbox config', 'x.json'),
      'sandbox config x.json is not valid JSON (error at line 1, column 39)'
    ],
    [
      'an unexpected character, which V8 reports without a position',
      () => parseJsonText(BARE, 'trusted root', 'r.json'),
      'trusted root r.json is not valid JSON (error at line 1, column 1)'
    ],
    [
      'an error on a later line',
      () => parseJsonText(`{\n  "k": "v",\n  "token": ${CANARY}\n}`, 'key file', 'k.json'),
      'key file k.json is not valid JSON (error at line 3, column 12)'
    ],
    [
      'a text that ends inside the secret',
      () => parseJsonText(`{"token": "${CANARY}`, 'key file', 'k.json'),
      'key file k.json is not valid JSON: it ends before the value is complete'
    ],
    [
      'qprov.job.json',
      () => loadJobSpec(spec),
      `job spec ${spec} is not valid JSON (error at line 1, column 1)`
    ],
    [
      'qprov.job.json failing its schema (an ajv message names the field, not the value)',
      () => loadJobSpec(schemaSpec),
      `${schemaSpec}: /program: must be one of ["sampler","estimator"]`
    ],
    [
      'sandbox.json',
      () => sandboxSigning(sandboxDir),
      `sandbox config ${join(sandboxDir, 'sandbox.json')} is not valid JSON`
    ],
    [
      'a receipt (the kernel parser)',
      () => parseReceiptJson(AFTER_VALUE, 'r.json'),
      "Invalid JSON: r.json: expected ',' or '}' at offset 39"
    ],
    ['a trusted root', () => parseTrustedRoots(BARE), 'trusted root line 1 is not JSON'],
    [
      'a single-file proof bundle',
      () => unpackProofBundle(Buffer.from(BARE)),
      'the proof bundle file is not JSON'
    ],
    ['binding.json', () => parseBinding(Buffer.from(BARE)), 'binding.json is not JSON'],
    ['runtime-job.json', () => parseRuntimeJob(Buffer.from(BARE)), 'runtime-job.json is not JSON'],
    ['a DSSE payload', () => parseStatement(Buffer.from(BARE)), 'statement payload is not JSON'],
    [
      'the workload manifest',
      () => parseManifest(Buffer.from(BARE)),
      'workload manifest is not JSON'
    ],
    [
      'an artifact zip entry that does not inflate',
      () => readZipEntries(zipWithStoredGarbage(), 1 << 20),
      'the artifact zip entry binding.json does not inflate'
    ]
  ])('%s', (_, parse, expected) => {
    const message = messageOf(parse)
    expect(message).toBe(expected)
    expectNoEcho(message)
  })

  it('a Sigstore bundle: the verifier reports the position and never the bytes', () => {
    const r = verifyBundle({
      bundle: Buffer.from(BARE),
      artifact: { digest: `sha256:${'0'.repeat(64)}` },
      policy: { kind: 'identity', identity: 'x', issuer: 'y' }
    })
    expect(r.verified).toBe(false)
    expect(r.code).toBe('BUNDLE_INVALID')
    expect(r.error).toBe('the bundle is not valid JSON (error at line 1, column 1)')
    expectNoEcho(JSON.stringify(r))
  })

  it("fetch's ranking: a binding bundle it cannot parse is rejected without quoting it", async () => {
    // A verifier that passes everything, so the ranking step is the one that reads the bytes.
    const verifier = {
      verify: () => Promise.resolve({ ok: true, bundle: 'b', jobId: 'job1', checks: [], facts: {} })
    }
    const j = await judge(
      {
        source: 'local',
        location: 'cand',
        files: { [PROOF_FILES.bindingBundle]: Buffer.from(BARE) }
      },
      0,
      'job1',
      verifier
    )
    expect(j.valid).toBe(false)
    if (!j.valid) expect(j.rejected.detail).toBe('its binding bundle is not JSON')
  })

  it('qprov receipt verify --bundle: one error line on stderr, without the bundle bytes', async () => {
    const receipt = file('r.json', '{}')
    const bundle = file('b.sigstore.json', BARE)
    const out = await captureOutput(() =>
      main([
        'receipt',
        'verify',
        receipt,
        '--bundle',
        bundle,
        '--certificate-identity',
        'i',
        '--certificate-oidc-issuer',
        'u'
      ])
    )
    expect(out.result).toBe(2)
    expect(out.stderr).toBe(
      `qprov: error [INPUT_NOT_JSON]: signature bundle ${bundle} is not valid JSON (error at line 1, column 1)\n`
    )
    expectNoEcho(out.stdout + out.stderr)
  })

  it('qprov verify on a hostile single-file bundle prints neither the secret nor an escape', async () => {
    const bundle = file('job-1.qprov.json', AFTER_VALUE)
    const out = await captureOutput(() =>
      main([
        'verify',
        bundle,
        '--certificate-identity',
        'i',
        '--certificate-oidc-issuer',
        'https://issuer.example'
      ])
    )
    expect(out.result).toBe(1)
    expect(out.stdout).toContain(
      'the proof bundle could not be read (the proof bundle file is not JSON)'
    )
    expectNoEcho(out.stdout + out.stderr)
  })
})

/** A one-entry zip whose entry claims deflate but holds bytes that are not a deflate stream. */
function zipWithStoredGarbage(): Buffer {
  const name = Buffer.from('binding.json')
  const data = Buffer.from([0xff, 0xff, 0xff, 0xff, ...Buffer.from(CANARY)])
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(100, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(100, 24)
  central.writeUInt16LE(name.length, 28)
  central.writeUInt32LE(0, 42)
  const cdStart = local.length + name.length + data.length
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(1, 8)
  eocd.writeUInt16LE(1, 10)
  eocd.writeUInt32LE(central.length + name.length, 12)
  eocd.writeUInt32LE(cdStart, 16)
  return Buffer.concat([local, name, data, central, name, eocd])
}

describe('the JSON error locator', () => {
  it('finds the character V8 calls an unexpected token, wherever it is', () => {
    const alphabet = fc.constantFrom(
      ...'{}[]",: \n019-.+eEtruefalsnxuaF\\'.split(''),
      '\u001b',
      'ü'
    )
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), chars => {
        const s = chars.join('')
        let message: string | undefined
        try {
          JSON.parse(s)
        } catch (e) {
          message = (e as Error).message
        }
        const offset = jsonErrorOffset(s)
        if (message === undefined) {
          expect(offset).toBeUndefined()
          return
        }
        expect(offset).toBeDefined()
        const token = /^Unexpected token '(.)'/su.exec(message)
        if (token) expect(s[offset as number]).toBe(token[1])
        const at = /at position (\d+)/.exec(message)
        if (at) expect(offset).toBe(Number(at[1]))
        if (message === 'Unexpected end of JSON input') expect(offset).toBe(s.length)
      }),
      runs()
    )
  })

  it('property: parseJsonText says where, in one fixed form, and never quotes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), s => {
        const text = `{"k": "${CANARY}", ${s}`
        let message = ''
        try {
          parseJsonText(text, 'config', 'c.json')
        } catch (e) {
          message = (e as Error).message
        }
        if (message === '') return
        expect(message).toMatch(
          /^config c\.json (is not valid JSON( \(error at line \d+, column \d+\)|: it ends before the value is complete)?|is nested too deeply to parse)$/
        )
      }),
      runs()
    )
  })
})
