// `npm test`: the static checks (typecheck, ESLint, Prettier, dependency-cruiser, knip, the dist/
// freshness check) side by side, then vitest. The checks are independent and most are
// single-threaded, so together they take about the time of the slowest; each prints its output
// whole when it ends. Running them beside vitest instead measured slower: both halves are CPU-bound.
// TypeScript, ESLint and Prettier keep caches in node_modules/.cache (content-keyed, so a changed
// file or config is always checked again). Arguments go to vitest (`npm test -- test/verify`);
// `--static-only` stops before vitest. `npm run lint` runs the same checks one by one.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const bin = name => join('node_modules', '.bin', name)
const CACHE = 'node_modules/.cache/qprov-test'
const CHECKS = [
  ['typecheck', bin('tsc'), ['--noEmit', '--incremental', '--tsBuildInfoFile', `${CACHE}/tsc`]],
  [
    'eslint',
    bin('eslint'),
    ['--cache', '--cache-strategy', 'content', '--cache-location', `${CACHE}/eslint`, '.']
  ],
  [
    'prettier',
    bin('prettier'),
    [
      '--check',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      `${CACHE}/prettier`,
      '.'
    ]
  ],
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
const passed = await Promise.all(CHECKS.map(check))
const failed = CHECKS.filter((_, i) => !passed[i]).map(([name]) => name)
if (failed.length > 0) {
  console.error(`npm test failed: ${failed.join(', ')} (vitest not run)`)
  process.exit(1)
}
if (!args.includes('--static-only') && !(await vitest(args))) process.exit(1)
