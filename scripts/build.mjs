// Bundles the action (dist/index.js), the CLI (dist/cli.js), the verify worker
// (dist/verify-worker.js) and the local stand-ins (dist/sandbox.js) into ESM with esbuild.
// esbuild rather than rollup: one deterministic pass over ~300 packages in about a second, no
// plugins needed for JSON or dynamic imports, and no sourcemap is emitted at all.
//
// Code splitting: the four entries share chunks (dist/chunk-<hash>.js), and every dynamic import()
// in src/ becomes a chunk loaded only when that code runs. So `qprov verify` parses the verifier and
// not the signing client, octokit or the sandbox, and only `qprov sandbox`/`emulator` load
// dist/sandbox.js with @sigstore/mock. Chunks sit beside the entries because the workers are found
// relative to the module that starts them (src/verify/worker-pool.ts).
import { build } from 'esbuild'
import { readFileSync, readdirSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { licenceReport } from './licenses.mjs'
import { precompiledValidators } from './precompiled-validators.mjs'

// node scripts/build.mjs [OUT_DIR] [--metafile FILE]: FILE gets esbuild's metafile (bench/sizes.ts).
const args = process.argv.slice(2)
const metaAt = args.indexOf('--metafile')
const metafilePath = metaAt >= 0 ? args.splice(metaAt, 2)[1] : undefined
const outDir = args[0] ?? 'dist'
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

/** The entries, by output name. */
const ENTRIES = {
  index: 'src/action/index.ts',
  cli: 'src/cli/bin.ts',
  'verify-worker': 'src/verify/worker.ts',
  sandbox: 'src/sandbox/index.ts'
}

// CommonJS dependencies (octokit internals, @sigstore/mock's) call require/__dirname inside an ESM
// bundle. Every output file is its own module, so each gets these.
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

mkdirSync(outDir, { recursive: true })
const result = await build({
  entryPoints: ENTRIES,
  outdir: outDir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  splitting: true,
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
  plugins: [precompiledValidators],
  banner: { js: banner }
})
// Chunk names change with their contents: JavaScript of an earlier build must not stay behind.
const built = new Set(Object.keys(result.metafile.outputs).map(o => basename(o)))
for (const f of readdirSync(outDir)) if (f.endsWith('.js') && !built.has(f)) rmSync(join(outDir, f))
if (metafilePath) writeFileSync(metafilePath, JSON.stringify(result.metafile))
const licences = licenceReport(new Set(Object.keys(result.metafile.inputs)))
writeFileSync(join(outDir, 'licenses.txt'), licences.text)
for (const id of licences.undeclared)
  console.warn(
    `build: bundled package ${id} declares no licence (see ${join(outDir, 'licenses.txt')})`
  )
