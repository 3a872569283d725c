import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, open, rename, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { QprovError } from './errors.js'

/**
 * The one atomic writer: every file goes through a temp name, is synced, renamed into place, and
 * its directory is synced, so a reader never sees half a file and a crash leaves either the old
 * state or the new one. A failure is OUTPUT_WRITE_FAILED (exit 1): the input was fine.
 */

export interface AtomicWriteOptions {
  /** File mode; 0o600 for files that hold credentials (sandbox.json, emulator.json). */
  mode?: number
}

function tempName(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`
}

function writeFailed(what: string, e: unknown): QprovError {
  if (e instanceof QprovError) return e
  return new QprovError('OUTPUT_WRITE_FAILED', `cannot write ${what}: ${(e as Error).message}`, {
    cause: e
  })
}

/** A rename is durable only once its directory entry is: sync the directory too. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

function syncDirSync(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Writes and syncs a new file that must not exist yet. */
async function writeNew(path: string, data: string | Uint8Array, mode: number): Promise<void> {
  const fh = await open(path, 'wx', mode)
  try {
    await fh.writeFile(data)
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/** Writes `path` through a synced temp file in the same directory, renamed over it. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {}
): Promise<void> {
  const tmp = tempName(path)
  try {
    await writeNew(tmp, data, opts.mode ?? 0o644)
    await rename(tmp, path)
    await syncDir(dirname(path))
  } catch (e) {
    await rm(tmp, { force: true })
    throw writeFailed(path, e)
  }
}

/** The same, for the few synchronous callers. */
export function writeFileAtomicSync(
  path: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {}
): void {
  const tmp = tempName(path)
  try {
    const fd = openSync(tmp, 'wx', opts.mode ?? 0o644)
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
    syncDirSync(dirname(path))
  } catch (e) {
    rmSync(tmp, { force: true })
    throw writeFailed(path, e)
  }
}

/** Anything at all at the path, a dangling link included. */
async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch {
    return false
  }
}

/**
 * Writes every file into outDir or none. A new outDir is staged as a sibling temp dir and renamed
 * into place in one step. An existing outDir (it may hold the user's other files) gets a staging
 * dir inside it, and the files are renamed in only after all of them were written and synced.
 * Returns name → absolute path.
 */
export async function writeFilesAtomically(
  outDir: string,
  files: [name: string, bytes: Uint8Array][]
): Promise<Record<string, string>> {
  const target = resolve(outDir)
  const fresh = !(await exists(target))
  const parent = fresh ? dirname(target) : target
  try {
    await mkdir(parent, { recursive: true })
  } catch (e) {
    throw new QprovError('OUTPUT_WRITE_FAILED', `cannot create ${parent}: ${(e as Error).message}`)
  }
  const staging = await mkdtemp(join(parent, `.${basename(target)}.qprov-tmp-`))
  try {
    for (const [name, bytes] of files) await writeNew(join(staging, name), bytes, 0o644)
    await syncDir(staging)
    if (fresh) {
      await rename(staging, target)
    } else {
      // Check every destination before the first rename, so a blocked one cannot leave a mix.
      for (const [name] of files) {
        const dest = join(target, name)
        if ((await exists(dest)) && !(await lstat(dest)).isFile())
          throw new Error(`${dest} exists and is not a regular file`)
      }
      for (const [name] of files) await rename(join(staging, name), join(target, name))
      await rmdir(staging)
    }
    await syncDir(parent)
  } catch (e) {
    await rm(staging, { recursive: true, force: true })
    throw new QprovError(
      'OUTPUT_WRITE_FAILED',
      `cannot write the outputs to ${target}: ${(e as Error).message}`,
      { cause: e }
    )
  }
  return Object.fromEntries(files.map(([name]) => [name, join(target, name)]))
}
