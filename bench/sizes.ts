// Bundle sizes: what dist/ holds, and what each entry loads before it runs (its static imports,
// from esbuild's metafile) — the part of dist/ every start of that entry parses.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface SizeRow {
  what: string
  files: number
  bytes: number
  note?: string
}

interface Metafile {
  outputs: Record<string, { bytes: number; imports: { path: string; kind: string }[] }>
}

/** The output files an entry loads at start: itself and its static imports, transitively. */
function staticClosure(meta: Metafile, entry: string): string[] {
  const seen = new Set<string>()
  const visit = (out: string) => {
    if (seen.has(out) || !meta.outputs[out]) return
    seen.add(out)
    for (const i of meta.outputs[out].imports) if (i.kind === 'import-statement') visit(i.path)
  }
  visit(entry)
  return [...seen]
}

export function bundleSizes(dist: string, metafile: string): SizeRow[] {
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile
  const js = readdirSync(dist).filter(f => f.endsWith('.js'))
  const rows: SizeRow[] = [
    {
      what: 'dist/ (all JavaScript)',
      files: js.length,
      bytes: js.reduce((n, f) => n + statSync(join(dist, f)).size, 0)
    }
  ]
  for (const entry of ['cli.js', 'index.js', 'verify-worker.js', 'sandbox.js']) {
    const out = Object.keys(meta.outputs).find(o => o.endsWith(`/${entry}`))
    if (!out) continue
    const closure = staticClosure(meta, out)
    rows.push({
      what: `${entry} at start`,
      files: closure.length,
      bytes: closure.reduce((n, o) => n + (meta.outputs[o]?.bytes ?? 0), 0),
      note: `${entry} itself ${meta.outputs[out].bytes} B; the rest loads when a command needs it`
    })
  }
  return rows
}

/** The module files a run loaded, as logged by the module-load hook (loadedModulesHook). */
export function loadedSize(log: string, what: string): SizeRow {
  const sizes = log
    .split('\n')
    .filter(l => l.startsWith('qprov-bench-load '))
    .map(l => Number(l.split(' ')[1]))
  return { what, files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) }
}

/** A module for `node --import`: logs the size of every file: module the process loads. */
export const loadedModulesHook = `
import { registerHooks } from 'node:module'
import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:'))
      process.stderr.write('qprov-bench-load ' + statSync(fileURLToPath(url)).size + ' ' + url + '\\n')
    return next(url, context)
  }
})
`

export function renderSizes(rows: SizeRow[]): string {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`
  const w = Math.max(...rows.map(r => r.what.length))
  return [
    'bundle sizes:',
    ...rows.map(
      r =>
        `  ${r.what.padEnd(w)}  ${String(r.files).padStart(3)} files  ${kb(r.bytes).padStart(9)}${r.note ? `  (${r.note})` : ''}`
    )
  ].join('\n')
}
