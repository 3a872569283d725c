// `npm test`: the static checks (typecheck, ESLint, Prettier, dependency-cruiser, knip, the dist/
// freshness check) and vitest, all at the same time. Most static checks are single-threaded and
// the suite leaves a core idle while its tests wait on servers and child processes, so on a 2-core
// machine running them side by side saves about a minute over one after another. A static check
// prints its output whole when it ends, so nothing interleaves with vitest's. Exit 1 if anything
// failed. Arguments go to vitest (`npm test -- test/verify`); `--static-only` runs no vitest.
// `npm run lint` and `npm run typecheck` still run the static checks one by one.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const bin = name => join('node_modules', '.bin', name)
const CHECKS = [
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['eslint', bin('eslint'), ['.']],
  ['prettier', bin('prettier'), ['--check', '.']],
  ['depcruise', bin('depcruise'), ['src', '--config', '.dependency-cruiser.mjs']],
  ['knip', bin('knip'), []],
  ['dist', process.execPath, ['scripts/check-dist.mjs']]
]

/** Runs one static check with its output held back; resolves to whether it passed. */
function check([name, command, args]) {
  const t0 = Date.now()
  return new Promise(resolve => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (out += d))
    let ended = false
    const done = code => {
      if (ended) return
      ended = true
      const s = ((Date.now() - t0) / 1000).toFixed(1)
      const head = code === 0 ? `ok   ${name} (${s} s)` : `FAIL ${name} (exit ${code}, ${s} s)`
      process.stdout.write(`${head}\n${code === 0 ? '' : `${out.trimEnd()}\n`}`)
      resolve(code === 0)
    }
    child.on('error', e => {
      out += `${e.message}\n`
      done(null)
    })
    child.on('close', done)
  })
}

/** vitest with its output streaming; the CLI tests run the dist/ that the dist check verifies. */
function vitest(args) {
  return new Promise(resolve => {
    const child = spawn(bin('vitest'), ['run', ...args], {
      stdio: 'inherit',
      env: { ...process.env, QPROV_TEST_DIST: '1' }
    })
    child.on('error', e => {
      console.error(`vitest did not start: ${e.message}`)
      resolve(false)
    })
    child.on('close', code => resolve(code === 0))
  })
}

const args = process.argv.slice(2)
const staticOnly = args.includes('--static-only')
const results = await Promise.all([
  ...CHECKS.map(check),
  ...(staticOnly ? [] : [vitest(args.filter(a => a !== '--static-only'))])
])
const failed = CHECKS.filter((_, i) => !results[i]).map(([name]) => name)
if (!staticOnly && !results[CHECKS.length]) failed.push('vitest')
if (failed.length > 0) {
  console.error(`npm test failed: ${failed.join(', ')}`)
  process.exit(1)
}
