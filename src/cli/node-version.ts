import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { QprovError } from '../errors.js'

/**
 * qprov needs Node.js >= 24.15 (@sigstore/sign 5, fs.glob). On an older Node the error says what to
 * run instead: inside a clone, npm puts node_modules/.bin (with the Node 24 of the `node`
 * devDependency) first on PATH; `npm ci --ignore-scripts` leaves that binary out.
 */
export function nodeVersionError(
  version: string,
  execPath: string,
  entry: string | undefined
): QprovError | undefined {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  if (major > 24 || (major === 24 && minor >= 15)) return undefined
  const clone = entry === undefined ? undefined : cloneRoot(dirname(entry))
  const advice =
    clone === undefined
      ? 'install Node.js 24 (https://nodejs.org) and run qprov with it'
      : existsSync(join(clone, 'node_modules', '.bin', 'node'))
        ? 'inside this clone run `npx qprov ...`, which runs on the Node 24 of node_modules/.bin'
        : 'node_modules/.bin/node is missing (`npm ci --ignore-scripts` skips the install script ' +
          'of the `node` devDependency): run `npm rebuild node`, then `npx qprov ...`'
  return new QprovError(
    'NODE_UNSUPPORTED',
    `Node.js >= 24.15 is required, this is ${version} (${execPath}); ${advice}`
  )
}

/** The qprov clone the entry script sits in (dist/, src/cli/), if it has a `node` devDependency. */
function cloneRoot(dir: string): string | undefined {
  let d = dir
  for (let i = 0; i < 3; i++) {
    if (existsSync(join(d, 'node_modules', 'node', 'package.json'))) return d
    d = dirname(d)
  }
  return undefined
}
