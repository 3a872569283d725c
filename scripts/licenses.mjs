// dist/licenses.txt: the licence of every third-party package the bundles contain, found from
// esbuild's metafile inputs (node_modules/<pkg>/...), with the package's own licence file text.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i

/** node_modules/@scope/name/x.js → node_modules/@scope/name (the innermost package). */
function packageDirOf(input) {
  const parts = input.split('/')
  const at = parts.lastIndexOf('node_modules')
  if (at < 0) return undefined
  const n = parts[at + 1]?.startsWith('@') ? 2 : 1
  return parts.slice(0, at + 1 + n).join('/')
}

/**
 * The text for every package whose files were bundled, sorted by name. A package that declares
 * no licence at all is listed first, by name and repository, rather than silently left out.
 */
export function thirdPartyLicenses(inputs) {
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
    if (files.length === 0 && !pkg.license) missing.push(id)
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
  return [
    'Third-party software bundled in dist/ by scripts/build.mjs, with its licence.',
    `${ids.length} packages.`,
    ...(missing.length > 0
      ? ['', `Declaring no licence (see their repositories): ${missing.sort().join(', ')}`]
      : []),
    '',
    ...ids.map(id => `${'='.repeat(78)}\n${entries.get(id)}\n`)
  ].join('\n')
}
