// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into single ESM files.
// esbuild rather than rollup: one deterministic pass over ~300 packages in about a second, no
// plugins needed for JSON or dynamic imports, and no sourcemap is emitted at all.
import { build as esbuild } from 'esbuild'
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { licenceReport } from './licenses.mjs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'

const outDir = process.argv[2] ?? 'dist'
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

// CommonJS dependencies (sigstore, octokit internals) call require/__dirname inside an ESM bundle.
const banner = [
  "import { createRequire as __qprovCreateRequire } from 'node:module';",
  "import { fileURLToPath as __qprovFileURLToPath } from 'node:url';",
  "import { dirname as __qprovDirname } from 'node:path';",
  'const require = __qprovCreateRequire(import.meta.url);',
  // var, not const: @azure/storage-common (under @actions/artifact) declares `var __filename`
  // itself, and a var may be redeclared where a const may not.
  'var __filename = __qprovFileURLToPath(import.meta.url);',
  'var __dirname = __qprovDirname(__filename);'
].join('\n')

// An ESM `import` of a Node builtin is hoisted to the top of the bundle and so runs at start-up
// even when only a lazily initialised command uses it; importing node:http that way also loads
// Node's internal undici (~50 ms). Routing such imports through require() keeps them lazy.
const builtins = new Set(builtinModules)
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z0-9_/]+$/ }, args => {
      if (args.kind !== 'import-statement') return undefined
      const name = args.path.replace(/^node:/, '')
      if (!builtins.has(name) && !builtins.has(args.path)) return undefined
      return { path: args.path, namespace: 'lazy-builtin' }
    })
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, args => ({
      contents: `module.exports = require(${JSON.stringify(args.path)})`,
      loader: 'js'
    }))
  }
}

mkdirSync(outDir, { recursive: true })
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: false,
  // The licences of bundled packages go into licenses.txt (below), not into the bundles.
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  define: { __QPROV_VERSION__: JSON.stringify(pkg.version) },
  plugins: [lazyBuiltins]
}
/** Every bundle's inputs, for licenses.txt. */
const inputs = new Set()
const build = async options => {
  const result = await esbuild(options)
  for (const path of Object.keys(result.metafile.inputs)) inputs.add(path)
  return result
}
await build({
  ...common,
  entryPoints: ['src/action/index.ts'],
  outfile: join(outDir, 'index.js'),
  banner: { js: banner }
})
await build({
  ...common,
  entryPoints: ['src/cli/bin.ts'],
  outfile: join(outDir, 'cli.js'),
  banner: { js: `#!/usr/bin/env node\n${banner}` }
})
// The worker threads of `qprov verify` (src/verify/worker-pool.ts loads ./verify-worker.js
// beside the bundle that starts them: dist/cli.js or dist/index.js).
await build({
  ...common,
  entryPoints: ['src/verify/worker.ts'],
  outfile: join(outDir, 'verify-worker.js'),
  banner: { js: banner }
})
// The hash worker of `qprov digest`/attest (src/workload/hash-workers.ts loads ./hash-worker.js
// beside the bundle). It imports only builtins, so it needs neither the banner nor lazy imports.
await build({
  ...common,
  plugins: [],
  entryPoints: ['src/workload/hash-loop.ts'],
  outfile: join(outDir, 'hash-worker.js')
})
const licences = licenceReport(inputs)
writeFileSync(join(outDir, 'licenses.txt'), licences.text)
for (const id of licences.undeclared)
  console.warn(
    `build: bundled package ${id} declares no licence (see ${join(outDir, 'licenses.txt')})`
  )
