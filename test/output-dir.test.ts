import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkOutputDir } from '../src/output-dir.js'
import { tmpDir } from './helpers/in-process-submit.js'

const unusable = (message: RegExp) =>
  expect.objectContaining({
    code: 'OUTPUT_UNUSABLE',
    exitCode: 2,
    message: expect.stringMatching(message)
  })

describe('checkOutputDir never goes through a link', () => {
  it('refuses an output directory that is a link, even to a directory inside the workspace', () => {
    const ws = tmpDir()
    mkdirSync(join(ws, 'real'))
    symlinkSync('real', join(ws, 'out'))
    expect(() => checkOutputDir('out', { what: '--out', workspace: ws })).toThrow(
      unusable(/--out out cannot be used: it is a symbolic link, not a directory/)
    )
    expect(() => checkOutputDir(join(ws, 'out'), { what: '--out' })).toThrow(
      unusable(/it is a symbolic link/)
    )
  })

  it('refuses a planted link among the planned files, though it points at a regular file', () => {
    const ws = tmpDir()
    const target = join(tmpDir(), 'passwd')
    writeFileSync(target, 'x')
    mkdirSync(join(ws, 'out'))
    symlinkSync(target, join(ws, 'out', 'binding.json'))
    expect(() =>
      checkOutputDir('out', { what: '--out', files: ['binding.json'], workspace: ws })
    ).toThrow(unusable(/binding\.json in it is a symbolic link/))
  })

  it('refuses a dangling link where the directory would be created', () => {
    const ws = tmpDir()
    symlinkSync(join(tmpDir(), 'not-yet'), join(ws, 'out'))
    expect(() => checkOutputDir('out/sub', { what: '--out', workspace: ws })).toThrow(
      unusable(/goes through a symbolic link that leads nowhere/)
    )
  })

  it('takes a new directory inside the workspace and returns its absolute path', () => {
    const ws = tmpDir()
    expect(checkOutputDir('a/b', { what: '--out', workspace: ws })).toBe(join(ws, 'a/b'))
  })
})
