import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain ESM build script without type declarations
import { licenceReport, unreviewedUndeclared } from '../../scripts/licenses.mjs'

const work = mkdtempSync(join(tmpdir(), 'qprov-licences-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A bundled file of a package in a throwaway node_modules. */
function pkg(name: string, manifest: Record<string, unknown>, files: Record<string, string> = {}) {
  const dir = join(work, 'node_modules', name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...manifest }))
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text)
  writeFileSync(join(dir, 'index.js'), '')
  return join(dir, 'index.js')
}

describe('licenses.txt', () => {
  const report = licenceReport(
    new Set([
      pkg('declared', { license: 'MIT' }, { LICENSE: 'MIT text' }),
      pkg('file-only', {}, { LICENSE: 'some text' }),
      pkg('nothing', { repository: 'https://example.org/nothing.git' })
    ])
  ) as { text: string; undeclared: string[] }

  it('flags every bundled package without a licence field, even one with a licence file', () => {
    expect(report.undeclared).toEqual(['file-only@1.0.0', 'nothing@1.0.0'])
    expect(report.text).toContain(
      'Declaring no licence (see their repositories): file-only@1.0.0, nothing@1.0.0'
    )
    expect(report.text).toContain('declared@1.0.0\nLicense: MIT\n\nMIT text')
  })

  it('lets check-dist fail on an undeclared package nobody reviewed, not on a reviewed one', () => {
    expect(unreviewedUndeclared(report.text)).toEqual(['file-only@1.0.0', 'nothing@1.0.0'])
    expect(
      unreviewedUndeclared('x\nDeclaring no licence (see their repositories): buffers@0.1.1\n')
    ).toEqual([])
    expect(unreviewedUndeclared('no such line')).toEqual([])
  })
})
