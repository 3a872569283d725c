import { randomBytes } from 'node:crypto'
import { closeSync, lstatSync, openSync, rmSync, statSync, type Stats } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { outputPath } from './confined-path.js'
import { QprovError } from './errors.js'

/**
 * Output locations are checked before anything is signed or sent: on the public-good instance a
 * signature made for an output that then cannot be written is still a permanent Rekor entry.
 * Outputs never go through links: the directory and each planned file are looked at with lstat
 * and refused as symbolic links, and a relative location must resolve, for real, inside the
 * workspace (a committed `qprov-out -> /elsewhere` is refused; an absolute path is the user's).
 */

function unusable(what: string, path: string, why: string): QprovError {
  return new QprovError('OUTPUT_UNUSABLE', `${what} ${path} cannot be used: ${why}`)
}

/** undefined when nothing is there; any other failure makes the location unusable. */
function statOrUndefined(
  path: string,
  fail: (why: string) => QprovError,
  link: 'follow' | 'lstat' = 'follow'
): Stats | undefined {
  try {
    return link === 'lstat' ? lstatSync(path) : statSync(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    if (code === 'ENOTDIR') throw fail('a part of the path above it is a file, not a directory')
    if (code === 'EACCES') throw fail('permission denied')
    if (code === 'ELOOP') throw fail('too many levels of symbolic links')
    if (code === 'ENAMETOOLONG') throw fail('the path is too long')
    throw fail(`it cannot be inspected (${code ?? 'error'})`)
  }
}

function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link'
  if (st.isFile()) return 'a regular file'
  if (st.isFIFO()) return 'a FIFO'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  if (st.isSocket()) return 'a socket'
  return 'not a directory'
}

/**
 * Proves the directory takes new files by creating and removing one: permission bits say little
 * (root ignores them; a read-only mount or /proc does not), so only a real create is an answer.
 */
function probeWritable(dir: string, what: string, shown: string): void {
  const probe = join(dir, `.qprov-probe-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    closeSync(openSync(probe, 'wx', 0o600))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'read-only file system'
          : `files cannot be created in ${dir} (${code})`
    throw unusable(what, shown, why)
  }
  rmSync(probe, { force: true })
}

export interface OutputDirOptions {
  /** How the location is named in messages, e.g. "--out". */
  what: string
  /** File names that will be written into it: none may exist as anything but a regular file. */
  files?: readonly string[]
  /** Where a relative path resolves and must stay (default: the working directory). */
  workspace?: string
}

/**
 * Checks that `path` is, or can be created as, a writable directory whose planned files can be
 * written. Creates nothing that stays; returns the absolute path.
 */
export function checkOutputDir(path: string, opts: OutputDirOptions): string {
  const { what } = opts
  if (path.trim() === '') throw unusable(what, JSON.stringify(path), 'the path is empty')
  const target = resolve(outputPath(path, opts.workspace ?? process.cwd(), what))
  const fail = (why: string) => unusable(what, path, why)
  const st = statOrUndefined(target, fail, 'lstat')
  if (st !== undefined) {
    if (!st.isDirectory()) throw unusable(what, path, `it is ${kindOf(st)}, not a directory`)
    for (const name of opts.files ?? []) {
      const f = statOrUndefined(join(target, name), fail, 'lstat')
      if (f !== undefined && !f.isFile())
        throw unusable(
          what,
          path,
          `${name} in it is ${f.isDirectory() ? 'a directory' : kindOf(f)}`
        )
    }
    probeWritable(target, what, path)
    return target
  }
  // Missing: the nearest existing ancestor must be a directory that takes new entries.
  let parent = dirname(target)
  for (;;) {
    const p = statOrUndefined(parent, fail)
    if (p !== undefined) {
      if (!p.isDirectory()) throw unusable(what, path, `${parent} is ${kindOf(p)}, not a directory`)
      probeWritable(parent, what, path)
      return target
    }
    const up = dirname(parent)
    if (up === parent) throw unusable(what, path, 'no part of the path exists')
    parent = up
  }
}
