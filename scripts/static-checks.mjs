// `npm test`'s static half: typecheck, ESLint, Prettier, dependency-cruiser, knip and the dist/
// freshness check. They are independent, so they run at the same time (most are single-threaded
// and a 2-core machine would otherwise idle one core for ~40 s). Each one's output is printed
// whole, after it ends, so two never interleave. Exit 1 if any failed; `npm run lint` and
// `npm run typecheck` still run them one by one.
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

function run([name, command, args]) {
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

const results = await Promise.all(CHECKS.map(run))
if (results.includes(false)) {
  console.error('static checks failed')
  process.exit(1)
}
