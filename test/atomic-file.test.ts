import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic, writeFileAtomicSync, writeFilesAtomically } from '../src/atomic-file.js'
import { QprovError } from '../src/errors.js'

describe('atomic outputs', () => {
  it('adds to an existing directory without touching its other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-out-'))
    writeFileSync(join(dir, 'keep.txt'), 'mine')
    writeFileSync(join(dir, 'statement.json'), 'old')
    await writeFilesAtomically(dir, [['statement.json', Buffer.from('new')]])
    expect(readdirSync(dir).sort()).toEqual(['keep.txt', 'statement.json'])
    expect(readFileSync(join(dir, 'statement.json'), 'utf8')).toBe('new')
  })

  it('writes none of the files when one cannot be placed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-out-'))
    mkdirSync(join(dir, 'b.json'))
    writeFileSync(join(dir, 'b.json', 'x'), 'occupied')
    const e = await writeFilesAtomically(dir, [
      ['a.json', Buffer.from('a')],
      ['b.json', Buffer.from('b')]
    ]).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(QprovError)
    expect((e as QprovError).code).toBe('OUTPUT_WRITE_FAILED')
    expect((e as QprovError).exitCode).toBe(1)
    expect(readdirSync(dir)).toEqual(['b.json'])
  })
})

describe('one atomic file', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-out-'))
    writeFileSync(join(dir, 'f.json'), 'old')
    await writeFileAtomic(join(dir, 'f.json'), 'new')
    writeFileAtomicSync(join(dir, 'g.json'), 'sync')
    expect(readdirSync(dir).sort()).toEqual(['f.json', 'g.json'])
    expect(readFileSync(join(dir, 'f.json'), 'utf8')).toBe('new')
  })

  it('fails as an output error (exit 1), not an input error, and keeps the old file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-out-'))
    for (const write of [
      () => writeFileAtomic(join(dir, 'missing', 'f.json'), 'x'),
      async () => writeFileAtomicSync(join(dir, 'missing', 'f.json'), 'x')
    ]) {
      const e = await write().catch((x: unknown) => x)
      expect((e as QprovError).code).toBe('OUTPUT_WRITE_FAILED')
      expect((e as QprovError).exitCode).toBe(1)
    }
    expect(readdirSync(dir)).toEqual([])
  })
})
