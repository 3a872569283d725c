import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { confinePath, outputPath } from '../src/confined-path.js'
import { tmpDir } from './helpers/in-process-submit.js'

const opts = { what: 'circuit', rootName: 'the package root', code: 'JOB_SPEC_INVALID' } as const

function tree() {
  const outside = tmpDir('qprov-outside-')
  writeFileSync(join(outside, 'secret.qasm'), 'x')
  const root = tmpDir('qprov-root-')
  mkdirSync(join(root, 'real'))
  writeFileSync(join(root, 'real/a.qasm'), 'a')
  symlinkSync(outside, join(root, 'lnk'))
  symlinkSync('real', join(root, 'inner'))
  return { root, outside }
}

describe('confinePath', () => {
  it('refuses a file below a directory link that leaves the root', () => {
    const { root } = tree()
    expect(() => confinePath(root, 'lnk/secret.qasm', opts)).toThrow(
      expect.objectContaining({
        code: 'JOB_SPEC_INVALID',
        message:
          "circuit 'lnk/secret.qasm' resolves outside the package root (through a symbolic link)"
      })
    )
  })

  it('refuses a path whose text leaves the root', () => {
    const { root } = tree()
    expect(() => confinePath(root, '../x', opts)).toThrow(
      "circuit '../x' is outside the package root"
    )
    expect(() => confinePath(root, '/etc/passwd', opts)).toThrow(/is outside the package root/)
  })

  it('follows a link that stays inside, keeping the name it was given', () => {
    const { root } = tree()
    const c = confinePath(root, 'inner/a.qasm', opts)
    expect(c.relative).toBe('inner/a.qasm')
    expect(c.real.endsWith(join('real', 'a.qasm'))).toBe(true)
    expect(c.exists).toBe(true)
  })

  it('names a missing input as not found, and resolves a missing output through its parent', () => {
    const { root } = tree()
    expect(() => confinePath(root, 'real/none.qasm', opts)).toThrow(
      expect.objectContaining({ code: 'INPUT_NOT_FOUND' })
    )
    expect(() => confinePath(root, 'lnk/new/out', { ...opts, mayBeMissing: true })).toThrow(
      /resolves outside/
    )
    const c = confinePath(root, 'real/new/out', { ...opts, mayBeMissing: true })
    expect(c.exists).toBe(false)
    expect(c.relative).toBe('real/new/out')
  })
})

describe('outputPath', () => {
  it('keeps a relative output inside the workspace, for real', () => {
    const { root } = tree()
    expect(outputPath('qprov-out', root, 'out-dir')).toBe(join(root, 'qprov-out'))
    expect(() => outputPath('lnk/qprov-out', root, 'out-dir')).toThrow(
      expect.objectContaining({ code: 'OUTPUT_UNUSABLE', exitCode: 2 })
    )
    expect(() => outputPath('../elsewhere', root, 'out-dir')).toThrow(
      "out-dir '../elsewhere' is outside the workspace"
    )
  })

  it('takes an explicit absolute path as the user gave it', () => {
    const { root, outside } = tree()
    expect(outputPath(join(outside, 'proof'), root, 'out-dir')).toBe(join(outside, 'proof'))
  })
})
