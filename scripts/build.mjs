// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into single ESM files.
// esbuild rather than rollup: one deterministic pass over ~300 packages in about a second, no
// plugins needed for JSON or dynamic imports, and no sourcemap is emitted at all.
import { build } from 'esbuild'
import { readFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

const outDir = process.argv[2] ?? 'dist'
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

// CommonJS dependencies (sigstore, octokit internals) call require/__dirname inside an ESM bundle.
const banner = [
  "import { createRequire as __qprovCreateRequire } from 'node:module';",
  "import { fileURLToPath as __qprovFileURLToPath } from 'node:url';",
  "import { dirname as __qprovDirname } from 'node:path';",
  'const require = __qprovCreateRequire(import.meta.url);',
  'const __filename = __qprovFileURLToPath(import.meta.url);',
  'const __dirname = __qprovDirname(__filename);'
].join('\n')

mkdirSync(outDir, { recursive: true })
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { __QPROV_VERSION__: JSON.stringify(pkg.version) }
}
await build({
  ...common,
  entryPoints: ['src/action/index.ts'],
  outfile: join(outDir, 'index.js'),
  banner: { js: banner }
})
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: join(outDir, 'cli.js'),
  banner: { js: `#!/usr/bin/env node\n${banner}` }
})
