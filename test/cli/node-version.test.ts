import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeVersionError } from '../../src/cli/node-version.js'
import { REPO_ROOT } from '../helpers/cli.js'

/** A clone layout: dist/cli.js beside node_modules/node, with or without node_modules/.bin/node. */
function clone(withBinary: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'qprov-node-version-'))
  mkdirSync(join(root, 'dist'))
  mkdirSync(join(root, 'node_modules', 'node'), { recursive: true })
  mkdirSync(join(root, 'node_modules', '.bin'))
  writeFileSync(join(root, 'node_modules', 'node', 'package.json'), '{}')
  if (withBinary) symlinkSync(process.execPath, join(root, 'node_modules', '.bin', 'node'))
  return root
}

describe('the Node.js version check', () => {
  it('accepts 24.15 and later', () => {
    for (const v of ['24.15.0', '24.21.0', '25.0.0', '30.1.2'])
      expect(nodeVersionError(v, '/usr/bin/node', undefined)).toBeUndefined()
  })

  it('refuses older Node with its own code and exit status 1, not a usage error', () => {
    for (const v of ['24.14.9', '22.20.0', '20.20.2']) {
      const e = nodeVersionError(v, '/usr/bin/node', '/opt/x/bin/qprov')
      expect([e?.code, e?.exitCode]).toEqual(['NODE_UNSUPPORTED', 1])
      expect(e?.message).toContain(`this is ${v} (/usr/bin/node)`)
      expect(e?.message).toContain('install Node.js 24')
    }
  })

  it('inside a clone, names `npx qprov`, or `npm rebuild node` when --ignore-scripts left Node 24 out', () => {
    const ok = clone(true)
    expect(
      nodeVersionError('20.20.2', '/usr/bin/node', join(ok, 'dist', 'cli.js'))?.message
    ).toMatch(/inside this clone run `npx qprov \.\.\.`/)
    const bare = clone(false)
    const e = nodeVersionError('20.20.2', '/usr/bin/node', join(bare, 'dist', 'cli.js'))
    expect(e?.message).toMatch(/`npm ci --ignore-scripts`.*run `npm rebuild node`/)
  })
})

// `npm run demo` and `npm test` run scripts/check-node.mjs first (pretest, predemo) on the Node npm
// finds on PATH; this machine's /usr/bin/node is the older system Node it is meant for.
const oldNode = '/usr/bin/node'
const oldVersion = existsSync(oldNode)
  ? spawnSync(oldNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
  : ''
const isOld = /^(\d+)\.(\d+)/.exec(oldVersion)
const older =
  isOld !== null && (Number(isOld[1]) < 24 || (Number(isOld[1]) === 24 && Number(isOld[2]) < 15))

describe.skipIf(!older)('scripts/check-node.mjs on an older system Node', () => {
  it('says to run `npm rebuild node` when `npm ci --ignore-scripts` left node_modules/.bin/node out', () => {
    for (const withBinary of [false, true]) {
      const dir = clone(withBinary)
      const r = spawnSync(oldNode, [`${REPO_ROOT}scripts/check-node.mjs`], {
        cwd: dir,
        encoding: 'utf8'
      })
      expect(r.status).toBe(1)
      expect(r.stderr).toContain(
        `qprov: error [NODE_UNSUPPORTED]: this npm script runs on Node.js ${oldVersion}`
      )
      if (withBinary) expect(r.stderr).not.toContain('npm rebuild node')
      else expect(r.stderr).toMatch(/`npm ci --ignore-scripts` skips .* Run `npm rebuild node`/)
    }
  })
})
