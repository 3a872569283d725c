// dist/licenses.txt: the licence of every third-party package the bundles contain, found from
// esbuild's metafile inputs (node_modules/<pkg>/...), with the package's own licence file text.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i

/**
 * Bundled packages that declare no licence in package.json, each reviewed: how it gets in and
 * what is known. scripts/check-dist.mjs fails on any other, so a new one is never shipped unseen.
 */
export const UNDECLARED_REVIEWED = {
  'buffers@0.1.1':
    '@actions/artifact -> unzip-stream -> binary -> buffers; no licence field or file upstream ' +
    '(github.com/substack/node-buffers, a LICENSE pull request is open)'
}

/** The heading line licenses.txt gives the packages that declare no licence. */
const UNDECLARED_HEADING = 'Declaring no licence (see their repositories): '

/** The packages licenses.txt lists as declaring no licence that nobody has reviewed. */
export function unreviewedUndeclared(licensesText) {
  const line = licensesText.split('\n').find(l => l.startsWith(UNDECLARED_HEADING))
  const ids = line ? line.slice(UNDECLARED_HEADING.length).split(', ') : []
  return ids.filter(id => !Object.hasOwn(UNDECLARED_REVIEWED, id))
}

/** node_modules/@scope/name/x.js → node_modules/@scope/name (the innermost package). */
function packageDirOf(input) {
  const parts = input.split('/')
  const at = parts.lastIndexOf('node_modules')
  if (at < 0) return undefined
  const n = parts[at + 1]?.startsWith('@') ? 2 : 1
  return parts.slice(0, at + 1 + n).join('/')
}

/**
 * licenses.txt: the text for every package whose files were bundled, sorted by name; and the
 * packages that declare no licence, which the text lists first rather than silently leave out.
 */
export function licenceReport(inputs) {
  const dirs = new Set()
  for (const input of inputs) {
    const dir = packageDirOf(input)
    if (dir) dirs.add(dir)
  }
  const entries = new Map()
  const missing = []
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const id = `${pkg.name}@${pkg.version}`
    if (entries.has(id)) continue
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter(f => LICENSE_FILE.test(f))
          .sort()
      : []
    const license =
      typeof pkg.license === 'string'
        ? pkg.license
        : pkg.license === undefined
          ? 'not declared'
          : JSON.stringify(pkg.license)
    if (!pkg.license && !pkg.licenses) missing.push(id)
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
    const texts = files.map(f => readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n').trim())
    entries.set(
      id,
      [
        `${id}`,
        `License: ${license}`,
        ...(texts.length > 0
          ? ['', ...texts]
          : ['', `(no licence file in the package${repo ? `; repository ${repo}` : ''})`])
      ].join('\n')
    )
  }
  const ids = [...entries.keys()].sort()
  const text = [
    'Third-party software bundled in dist/ by scripts/build.mjs, with its licence.',
    `${ids.length} packages.`,
    ...(missing.length > 0 ? ['', `${UNDECLARED_HEADING}${missing.sort().join(', ')}`] : []),
    '',
    ...ids.map(id => `${'='.repeat(78)}\n${entries.get(id)}\n`)
  ].join('\n')
  return { text, undeclared: missing.sort() }
}
