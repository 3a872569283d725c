import { lstatSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { QprovError, type ErrorCode } from './errors.js'

/**
 * The one rule for a path that comes from a repository or an input (job-spec circuits, workload
 * entries, output locations): it is resolved for real, every symbolic link in every component
 * followed, and the result must stay inside a root. A check of the text alone passes
 * `lnk/secret.qasm` where `lnk` points outside the checkout.
 */
export interface ConfinedPath {
  /** root + p, normalised: how the path is named. */
  absolute: string
  /** The same, relative to the root, with '/' separators ('' for the root itself). */
  relative: string
  /** The real path; for a path that does not exist yet, its nearest existing ancestor's real path plus the rest. */
  real: string
  exists: boolean
}

export interface ConfineOptions {
  /** How the path is named in messages: "workload path", "circuit of PUB 0", "out-dir". */
  what: string
  /** How the root is named in messages: "the package root", "the workspace". */
  rootName: string
  code: ErrorCode
  /** Accept a path that does not exist yet (an output); otherwise it is INPUT_NOT_FOUND. */
  mayBeMissing?: boolean
}

/** True when `real` is `rootReal` or below it. */
export function isInside(rootReal: string, real: string): boolean {
  const prefix = rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep
  return real === rootReal || real.startsWith(prefix)
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

function errnoOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code
}

/** The real path of `abs`, or of its nearest existing ancestor joined with the rest. */
function realOrAncestor(abs: string, opts: ConfineOptions, shown: string): [string, boolean] {
  let missing: string[] = []
  let at = abs
  for (;;) {
    try {
      const real = realpathSync.native(at)
      return [missing.length === 0 ? real : path.join(real, ...missing), missing.length === 0]
    } catch (e) {
      const code = errnoOf(e)
      // A file where a directory should be: the caller's own checks say so in their words.
      const absent = code === 'ENOENT' || (code === 'ENOTDIR' && opts.mayBeMissing === true)
      if (code === 'ELOOP')
        throw new QprovError(opts.code, `${opts.what} '${shown}': too many symbolic links`)
      if (!absent || !opts.mayBeMissing)
        throw new QprovError(
          code === 'ENOENT' || code === 'ENOTDIR' ? 'INPUT_NOT_FOUND' : opts.code,
          code === 'ENOENT' || code === 'ENOTDIR'
            ? `${opts.what} '${shown}' not found`
            : `${opts.what} '${shown}' cannot be resolved (${code ?? 'error'})`,
          { cause: e }
        )
      // Not there, or a link to nowhere: where it would lead is not known, so it is refused.
      if (isLink(at))
        throw new QprovError(
          opts.code,
          `${opts.what} '${shown}' goes through a symbolic link that leads nowhere`
        )
      const up = path.dirname(at)
      if (up === at) throw new QprovError(opts.code, `${opts.what} '${shown}': no part exists`)
      missing = [path.basename(at), ...missing]
      at = up
    }
  }
}

/**
 * Resolves `p` (relative to `root`, or absolute) and requires both its text and its real path to
 * stay inside the root. Throws a QprovError with opts.code (or INPUT_NOT_FOUND) otherwise.
 */
export function confinePath(root: string, p: string, opts: ConfineOptions): ConfinedPath {
  const rootAbs = path.resolve(root)
  let rootReal: string
  try {
    rootReal = realpathSync.native(rootAbs)
  } catch (e) {
    throw new QprovError('INPUT_NOT_FOUND', `${opts.rootName} ${rootAbs} not found`, {
      cause: e
    })
  }
  const absolute = path.resolve(rootAbs, p)
  const rel = path.relative(rootAbs, absolute)
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    throw new QprovError(opts.code, `${opts.what} '${p}' is outside ${opts.rootName}`)
  const [real, exists] = realOrAncestor(absolute, opts, p)
  if (!isInside(rootReal, real))
    throw new QprovError(
      opts.code,
      `${opts.what} '${p}' resolves outside ${opts.rootName} (through a symbolic link)`
    )
  return { absolute, relative: rel.split(path.sep).join('/'), real, exists }
}

/**
 * Where an output goes: a relative path stays inside the workspace, for real; an absolute path
 * is the user's explicit choice and is taken as given.
 */
export function outputPath(given: string, workspace: string, what: string): string {
  if (path.isAbsolute(given)) return path.resolve(given)
  return confinePath(workspace, given, {
    what,
    rootName: 'the workspace',
    code: 'OUTPUT_UNUSABLE',
    mayBeMissing: true
  }).absolute
}
