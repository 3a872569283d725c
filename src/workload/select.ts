import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs'
import path from 'node:path'
import { confinePath, isInside } from '../confined-path.js'
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
 * depends on anything outside the checkout. Dangling links and directory cycles are refused too.
 *
 * The walk is synchronous on purpose: it does a handful of metadata calls per directory, and a
 * thread-pool round trip per file would cost more than the calls themselves on large trees.
 */
export async function selectFiles(
  patterns: string[],
  root: string,
  /** Called once, when the walk has found this many files. */
  many?: { count: number; then: () => void }
): Promise<SelectedFile[]> {
  if (patterns.length === 0) throw new QprovError('WORKLOAD_INVALID', 'no workload paths given')
  const walker = new Walker(path.resolve(root), many)
  for (const pattern of patterns) {
    if (GLOB_CHARS.test(pattern)) {
      // Loaded only for a glob: it adds about 5 ms to start-up. Not a named `glob` import, which
      // would fail to link on Node < 22 before qprov can say which Node it needs.
      const fsp = await import('node:fs/promises')
      let hits = 0
      for await (const hit of fsp.glob(pattern, { cwd: walker.rootAbs })) {
        hits++
        walker.start(walker.toRelative(hit))
      }
      if (hits === 0)
        throw new QprovError('WORKLOAD_INVALID', `workload pattern '${pattern}' matched no files`)
    } else walker.start(walker.toRelative(pattern), pattern)
  }
  if (walker.found.length === 0)
    throw new QprovError('WORKLOAD_INVALID', 'the workload package is empty')
  return walker.starts > 1 ? unique(walker.found) : walker.found
}

/** One entry per path, where overlapping patterns met a file more than once. */
function unique(found: SelectedFile[]): SelectedFile[] {
  const byPath = new Map<string, SelectedFile>()
  for (const f of found) byPath.set(f.path, f)
  return [...byPath.values()]
}

class Walker {
  readonly rootReal: string
  // One walk meets each path once; only several starting points can repeat one.
  readonly found: SelectedFile[] = []
  starts = 0
  private readonly active = new Set<string>()

  constructor(
    readonly rootAbs: string,
    private readonly many?: { count: number; then: () => void }
  ) {
    try {
      this.rootReal = realpathSync.native(rootAbs)
    } catch (e) {
      throw new QprovError('INPUT_NOT_FOUND', `workload root ${rootAbs} not found`, {
        cause: e
      })
    }
  }

  /** The POSIX path of p relative to the root; refuses anything that is not below the root. */
  toRelative(p: string): string {
    const rel = path.relative(this.rootAbs, path.resolve(this.rootAbs, p))
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
      throw new QprovError('WORKLOAD_INVALID', `workload path '${p}' is outside the package root`)
    return rel.split(path.sep).join('/')
  }

  private abs(rel: string): string {
    return rel === '' ? this.rootAbs : path.join(this.rootAbs, ...rel.split('/'))
  }

  private inside(real: string): boolean {
    return isInside(this.rootReal, real)
  }

  start(rel: string, literal?: string): void {
    this.starts++
    const abs = this.abs(rel)
    let st: Stats
    try {
      st = lstatSync(abs)
    } catch (e) {
      throw new QprovError('INPUT_NOT_FOUND', `workload path '${literal ?? rel}' not found`, {
        cause: e
      })
    }
    if (st.isSymbolicLink()) return this.follow(rel, abs)
    // A path below a symlinked directory can still resolve outside the root.
    const { real } = confinePath(this.rootAbs, rel, {
      what: 'workload path',
      rootName: 'the package root',
      code: 'WORKLOAD_INVALID'
    })
    this.visit(rel, real, st)
  }

  private follow(rel: string, abs: string): void {
    let real: string
    let st: Stats
    try {
      real = realpathSync.native(abs)
      st = statSync(real)
    } catch (e) {
      throw new QprovError('WORKLOAD_INVALID', `symlink '${rel}' is dangling`, { cause: e })
    }
    if (!this.inside(real))
      throw new QprovError('WORKLOAD_INVALID', `symlink '${rel}' points outside the package root`)
    this.visit(rel, real, st)
  }

  private visit(rel: string, real: string, st: Stats | Dirent): void {
    const shown = rel === '' ? '.' : rel
    if (st.isFile()) {
      if (rel === '')
        throw new QprovError('WORKLOAD_INVALID', 'the package root must be a directory')
      // No stat per file: the directory entry's type is enough here, and the hasher checks the
      // file it actually opens (see hash-claim.ts).
      if (this.found.push({ path: rel, absolute: real }) === this.many?.count) this.many.then()
      return
    }
    if (!st.isDirectory())
      throw new QprovError('WORKLOAD_INVALID', `'${shown}' is a ${kind(st)}, not a regular file`)
    if (this.active.has(real))
      throw new QprovError('WORKLOAD_INVALID', `symlink cycle at '${shown}'`)
    this.active.add(real)
    const entries = readdirSync(real, { withFileTypes: true })
    // `real` is already normalised, so plain concatenation equals path.join and costs far less.
    const dirPrefix = real.endsWith(path.sep) ? real : real + path.sep
    const relPrefix = rel === '' ? '' : `${rel}/`
    for (const entry of entries) {
      const childRel = relPrefix + entry.name
      if (entry.isSymbolicLink()) this.follow(childRel, dirPrefix + entry.name)
      else this.visit(childRel, dirPrefix + entry.name, entry)
    }
    this.active.delete(real)
  }
}

function kind(st: Stats | Dirent): string {
  if (st.isFIFO()) return 'FIFO'
  if (st.isSocket()) return 'socket'
  if (st.isCharacterDevice()) return 'character device'
  if (st.isBlockDevice()) return 'block device'
  return 'special file'
}
