import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { oneLine } from '../../src/errors.js'
import { checkOutputDir } from '../../src/output-dir.js'
import { READ_LIMITS, parseJsonText, readBoundedSync } from '../../src/read-file.js'
import { redact } from '../../src/secrets.js'
import {
  checkEndpointURL,
  hasUrlCredentials,
  redactUrlCredentials
} from '../../src/url-credentials.js'
import { mkfifo } from './harness.js'

const tmp = () => mkdtempSync(join(tmpdir(), 'qprov-units-'))

describe('URL credentials', () => {
  it.each([
    ['http://user:pw@host/x', 'http://***@host/x'],
    ['see https://a@b@host:8080/p?q', 'see https://***@host:8080/p?q'],
    ['HTTPS://user@HOST', 'HTTPS://***@HOST'],
    [
      'fetch failed (http://u:p%40ss@127.0.0.1:9/api/v1)',
      'fetch failed (http://***@127.0.0.1:9/api/v1)'
    ]
  ])('redacts the user-info of %s', (text, redacted) => {
    expect(redactUrlCredentials(text)).toBe(redacted)
  })

  it('keeps an @ that belongs to a path, such as a tool URI with a version', () => {
    const t = "provenance.tool must start with 'https://github.com/invariant-systems-ai/aiir@'"
    expect(redactUrlCredentials(t)).toBe(t)
  })

  it('finds credentials in forms the WHATWG parser normalises (one slash, backslashes)', () => {
    expect(hasUrlCredentials('http:/user:pw@host')).toBe(true)
    expect(hasUrlCredentials('http:\\\\user:pw@host')).toBe(true)
    expect(hasUrlCredentials('https://host/org/repo@v1')).toBe(false)
  })

  it('refuses credentials without echoing them', () => {
    expect(() => checkEndpointURL('http://u:SECRETPW@h', '--rekor-url')).toThrow(
      expect.objectContaining({ code: 'URL_CREDENTIALS', exitCode: 2 })
    )
    try {
      checkEndpointURL('http://u:SECRETPW@h', '--rekor-url')
    } catch (e) {
      expect(String(e)).not.toContain('SECRETPW')
    }
  })

  it("every printed line is stripped, including fetch's own error that quotes the URL", async () => {
    const err = await fetch('http://canary:CANARYPW@127.0.0.1:9/').catch((e: unknown) => e)
    expect(String((err as Error).message)).toContain('CANARYPW')
    expect(redact(oneLine(err))).not.toContain('CANARYPW')
    expect(redact(oneLine(err))).not.toContain('canary:')
  })
})

describe('the bounded reader', () => {
  it('reads a pipe whose writer is slower than the reader, up to end of file', async () => {
    const dir = tmp()
    const fifo = mkfifo(join(dir, 'p'))
    // The writer connects late and writes in two bursts; the read polls without blocking.
    const writer = spawn('sh', [
      '-c',
      'sleep 0.3; { printf abc; sleep 0.3; printf def; } > "$1"',
      'sh',
      fifo
    ])
    const bytes = readBoundedSync(fifo, { what: 'test', maxBytes: 10 })
    expect(bytes.toString()).toBe('abcdef')
    await new Promise(r => writer.on('close', r))
  })

  it('stops a pipe at cap + 1 bytes', async () => {
    const dir = tmp()
    const fifo = mkfifo(join(dir, 'p'))
    const writer = spawn('sh', ['-c', 'exec cat /dev/zero > "$1"', 'sh', fifo])
    expect(() => readBoundedSync(fifo, { what: 'test', maxBytes: 100_000 })).toThrow(
      expect.objectContaining({ code: 'INPUT_TOO_LARGE' })
    )
    writer.kill('SIGKILL')
    await new Promise(r => writer.on('close', r))
  })

  it('refuses a symlink where links are not followed, and a FIFO where pipes are not taken', () => {
    const dir = tmp()
    expect(() => readBoundedSync('/dev/stdin', READ_LIMITS.key, { noFollow: true })).toThrow(
      expect.objectContaining({ code: 'INPUT_SYMLINK' })
    )
    const fifo = mkfifo(join(dir, 'p'))
    expect(() => readBoundedSync(fifo, READ_LIMITS.key, { allowPipe: false })).toThrow(
      /is a FIFO, not a file$/
    )
  })

  it('parses JSON without quoting the text, and names a BOM', () => {
    const secret = 'SANDBOX-SECRET-123'
    try {
      parseJsonText(`{"apiKey": "${secret}" oops}`, 'sandbox config', 'x.json')
      expect.unreachable()
    } catch (e) {
      expect(String(e)).not.toContain(secret)
      expect(String(e)).toMatch(/sandbox config x\.json is not valid JSON/)
    }
    expect(() => parseJsonText('\uFEFF{}', 'bundle', 'b.json')).toThrow(/byte order mark/)
  })
})

describe('output locations', () => {
  it('creates nothing while checking a location that does not exist yet', () => {
    const dir = tmp()
    const target = join(dir, 'a', 'b')
    expect(checkOutputDir(target, { what: '--out' })).toBe(target)
    expect(existsSync(join(dir, 'a'))).toBe(false)
  })

  it('refuses a planned file name taken by a directory, and a path below a file', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'f'), '')
    expect(() => checkOutputDir(join(dir, 'f', 'x'), { what: '--out' })).toThrow(
      expect.objectContaining({ code: 'OUTPUT_UNUSABLE', exitCode: 2 })
    )
    mkdirSync(join(dir, 'out', 'statement.json'), { recursive: true })
    expect(() =>
      checkOutputDir(join(dir, 'out'), { what: '--out', files: ['statement.json'] })
    ).toThrow(/statement\.json in it is a directory/)
  })
})
