import { glob, lstat, readdir, realpath, stat } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import path from 'node:path'
import { QprovError } from '../errors.js'

/** A regular file chosen for the package: its POSIX path relative to the root and where to read it. */
export interface SelectedFile {
  path: string
  absolute: string
}

const GLOB_CHARS = /[*?[\]{}]/

/**
 * Expands paths and globs into the package's regular files.
 *
 * Symlink policy: a symlink (to a file or a directory) is followed only when its fully resolved
 * target lies inside the package root; the file is recorded under the path it was selected by,
 * with the target's bytes. A symlink resolving outside the root is refused, so the digest never
 * depends on anything outside the checkout. Directory cycles are refused too.
 */
export async function selectFiles(patterns: string[], root: string): Promise<SelectedFile[]> {
  if (patterns.length === 0) throw new QprovError('WORKLOAD_INVALID', 'no workload paths given')
  const rootAbs = path.resolve(root)
  const rootReal = await realpath(rootAbs).catch((e: unknown) => {
    throw new QprovError('INPUT_NOT_FOUND', `workload root ${rootAbs} does not exist`, { cause: e })
  })
  const found = new Map<string, SelectedFile>()
  for (const pattern of patterns) {
    const before = found.size
    const starts = GLOB_CHARS.test(pattern)
      ? await expandGlob(pattern, rootAbs)
      : [await literalPath(pattern, rootAbs)]
    for (const rel of starts) await collect(rel, rootAbs, rootReal, found, new Set())
    if (found.size === before && starts.length === 0)
      throw new QprovError('WORKLOAD_INVALID', `workload pattern '${pattern}' matched no files`)
  }
  if (found.size === 0) throw new QprovError('WORKLOAD_INVALID', 'the workload package is empty')
  return [...found.values()]
}

async function expandGlob(pattern: string, rootAbs: string): Promise<string[]> {
  const out: string[] = []
  for await (const hit of glob(pattern, { cwd: rootAbs })) out.push(toRelative(hit, rootAbs))
  return out
}

async function literalPath(p: string, rootAbs: string): Promise<string> {
  const rel = toRelative(p, rootAbs)
  try {
    await lstat(path.join(rootAbs, rel))
  } catch (e) {
    throw new QprovError('INPUT_NOT_FOUND', `workload path '${p}' does not exist`, { cause: e })
  }
  return rel
}

/** The POSIX path of p relative to the root; refuses anything that is not below the root. */
function toRelative(p: string, rootAbs: string): string {
  const rel = path.relative(rootAbs, path.resolve(rootAbs, p))
  if (rel.startsWith('..') || path.isAbsolute(rel))
    throw new QprovError('WORKLOAD_INVALID', `workload path '${p}' is outside the package root`)
  return rel.split(path.sep).join('/')
}

function isInside(real: string, rootReal: string): boolean {
  return (
    real === rootReal ||
    real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep)
  )
}

async function collect(
  rel: string,
  rootAbs: string,
  rootReal: string,
  found: Map<string, SelectedFile>,
  activeDirs: Set<string>
): Promise<void> {
  const abs = rel === '' ? rootAbs : path.join(rootAbs, ...rel.split('/'))
  const shown = rel === '' ? '.' : rel
  let st: Stats = await lstat(abs)
  let real = abs
  if (st.isSymbolicLink()) {
    real = await realpath(abs).catch((e: unknown) => {
      throw new QprovError('WORKLOAD_INVALID', `symlink '${shown}' is dangling`, { cause: e })
    })
    if (!isInside(real, rootReal))
      throw new QprovError('WORKLOAD_INVALID', `symlink '${shown}' points outside the package root`)
    st = await stat(real)
  } else {
    // A path below a symlinked directory can still resolve outside the root.
    real = await realpath(abs)
    if (!isInside(real, rootReal))
      throw new QprovError('WORKLOAD_INVALID', `'${shown}' resolves outside the package root`)
  }
  if (st.isFile()) {
    if (rel === '') throw new QprovError('WORKLOAD_INVALID', 'the package root must be a directory')
    found.set(rel, { path: rel, absolute: real })
    return
  }
  if (st.isDirectory()) {
    if (activeDirs.has(real))
      throw new QprovError('WORKLOAD_INVALID', `symlink cycle at '${shown}'`)
    activeDirs.add(real)
    const names = (await readdir(abs)).sort()
    for (const name of names)
      await collect(rel === '' ? name : `${rel}/${name}`, rootAbs, rootReal, found, activeDirs)
    activeDirs.delete(real)
    return
  }
  throw new QprovError(
    'WORKLOAD_INVALID',
    `'${shown}' is a ${describeKind(st)}, not a regular file`
  )
}

function describeKind(st: Stats): string {
  if (st.isFIFO()) return 'FIFO'
  if (st.isSocket()) return 'socket'
  if (st.isCharacterDevice()) return 'character device'
  if (st.isBlockDevice()) return 'block device'
  return 'special file'
}
