// Fails when the committed dist/ differs from a fresh build of the current sources.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unreviewedUndeclared } from './licenses.mjs'

const fresh = mkdtempSync(join(tmpdir(), 'qprov-dist-'))
try {
  execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'inherit' })
  const stale = []
  const names = new Set([...readdirSync(fresh), ...(existsSync('dist') ? readdirSync('dist') : [])])
  for (const name of names) {
    const a = join(fresh, name)
    const b = join('dist', name)
    if (!existsSync(a)) stale.push(`${b} is not produced by the build`)
    else if (!existsSync(b)) stale.push(`${b} is missing`)
    else if (!readFileSync(a).equals(readFileSync(b))) stale.push(`${b} differs from a fresh build`)
  }
  // Every bundle and worker the build emits, and the licences of what they bundle.
  for (const name of ['cli.js', 'index.js', 'verify-worker.js', 'hash-worker.js', 'licenses.txt'])
    if (!existsSync(join(fresh, name))) stale.push(`the build produced no ${name}`)
  const licensesPath = join(fresh, 'licenses.txt')
  const licenses = existsSync(licensesPath) ? readFileSync(licensesPath, 'utf8') : ''
  for (const pkg of ['sigstore@', '@sigstore/verify@', 'commander@', '@actions/core@'])
    if (!licenses.includes(`\n${pkg}`)) stale.push(`licenses.txt does not list ${pkg}`)
  // A bundled package that declares no licence fails unless it has been reviewed (licenses.mjs).
  for (const id of unreviewedUndeclared(licenses))
    stale.push(`${id} is bundled and declares no licence; review it in scripts/licenses.mjs`)
  if (stale.length > 0) {
    console.error(`check-dist: dist/ is stale:\n  ${stale.join('\n  ')}\nRun: npm run build`)
    process.exit(1)
  }
  console.log('check-dist: dist/ matches a fresh build')
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
