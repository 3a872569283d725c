import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'

export interface AtomicWriteOptions {
  /** File mode; 0o600 for files that hold credentials (sandbox.json, emulator.json). */
  mode?: number
}

function tempName(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`
}

/**
 * Writes through a fresh temp file in the same directory, synced, then renamed over `path`, so a
 * reader never sees half a file and a crash leaves the old one in place.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {}
): Promise<void> {
  const tmp = tempName(path)
  const fh = await open(tmp, 'wx', opts.mode ?? 0o644)
  try {
    await fh.writeFile(data)
    await fh.sync()
  } catch (e) {
    await fh.close()
    await rm(tmp, { force: true })
    throw e
  }
  await fh.close()
  await rename(tmp, path)
}

/** The same, for the few synchronous callers. */
export function writeFileAtomicSync(
  path: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {}
): void {
  const tmp = tempName(path)
  const fd = openSync(tmp, 'wx', opts.mode ?? 0o644)
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
    fsyncSync(fd)
  } catch (e) {
    closeSync(fd)
    rmSync(tmp, { force: true })
    throw e
  }
  closeSync(fd)
  renameSync(tmp, path)
}
