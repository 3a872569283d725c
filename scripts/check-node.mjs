// `npm run demo` and `npm test` run this first: on a Node older than 24.15 they would fail later
// with a message that does not say why. npm puts node_modules/.bin first on PATH, so this is the
// Node of the `node` devDependency, unless `npm ci --ignore-scripts` skipped its install script.
import { existsSync } from 'node:fs'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 24 || (major === 24 && minor < 15)) {
  const todo = existsSync('node_modules/.bin/node')
    ? 'Run `npm ci` to install the `node` devDependency, then run this again.'
    : 'node_modules/.bin/node is missing: `npm ci --ignore-scripts` skips the install script of ' +
      'the `node` devDependency, which provides Node 24. Run `npm rebuild node` (or `npm ci` ' +
      'without --ignore-scripts), then run this again.'
  console.error(
    `qprov: error [NODE_UNSUPPORTED]: this npm script runs on Node.js ${process.versions.node} ` +
      `(${process.execPath}); it needs >= 24.15. ${todo}`
  )
  process.exit(1)
}
