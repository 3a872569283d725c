import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// Every path-based open or whole-file read, so the test can count reads of the receipt file.
const reads = vi.hoisted(() => [] as string[])
const signed = vi.hoisted(() => [] as Buffer[])

vi.mock('node:fs/promises', async importOriginal => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    open: (path: string, ...rest: unknown[]) => {
      reads.push(String(path))
      return (real.open as (...a: unknown[]) => unknown)(path, ...rest)
    },
    readFile: (path: unknown, ...rest: unknown[]) => {
      reads.push(String(path))
      return (real.readFile as (...a: unknown[]) => unknown)(path, ...rest)
    }
  }
})

vi.mock('../../src/attest/receipt-signature.js', () => ({
  verifyReceiptSignature: (bytes: Buffer) => {
    signed.push(bytes)
    return Promise.resolve({ verified: false, error: 'test double' })
  }
}))

const { registerReceiptCommands } = await import('../../src/cli/commands/receipt.js')

describe('receipt verify --bundle', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qprov-receipt-once-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the receipt file once and checks the signature over exactly those bytes', async () => {
    const file = join(dir, 'r.json')
    writeFileSync(file, `${JSON.stringify({ type: 'aiir.commit_receipt' }, null, 2)}\n`)
    writeFileSync(join(dir, 'b.sigstore'), '{"mediaType":"x"}')
    const program = new Command().exitOverride()
    registerReceiptCommands(program)
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      await program.parseAsync(
        [
          'receipt',
          'verify',
          '--json',
          file,
          '--bundle',
          join(dir, 'b.sigstore'),
          '--certificate-identity',
          'i',
          '--certificate-oidc-issuer',
          'u'
        ],
        { from: 'user' }
      )
    } finally {
      write.mockRestore()
      process.exitCode = undefined
    }
    expect(reads.filter(p => p === file)).toHaveLength(1)
    expect(signed).toHaveLength(1)
    expect(signed[0]).toEqual(readFileSync(file))
  })
})
