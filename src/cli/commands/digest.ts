import type { Command } from 'commander'
import { printJson, printOut, progress } from '../io.js'

export function registerDigestCommand(program: Command): void {
  program
    .command('digest')
    .description(
      'Compute the workload package digest: sha256 of the canonical manifest of every regular file\n' +
        'selected by the given paths or globs (relative to --root). Directories are walked recursively.'
    )
    .argument(
      '<paths...>',
      'files, directories or globs (quote globs so the shell does not expand them)'
    )
    .option('--root <dir>', 'package root that manifest paths are relative to', '.')
    .option('--json', 'print {"digest","files":[{"path","size","sha256"}]} as JSON')
    .action(async (paths: string[], opts: { root: string; json?: boolean }) => {
      const { buildManifest } = await import('../../workload/manifest.js')
      const manifest = await buildManifest(paths, { cwd: opts.root, onProgress: progress })
      if (opts.json) printJson({ digest: manifest.digest, files: manifest.files })
      else
        printOut(
          `${manifest.digest}  ${manifest.files.length} file${manifest.files.length === 1 ? '' : 's'}`
        )
    })
}
