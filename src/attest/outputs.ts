import { mkdir, mkdtemp, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { QprovError } from '../errors.js'

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/**
 * Writes every file or none. A new outDir is staged as a sibling temp dir and renamed into place
 * in one step. An existing outDir (it may hold the user's other files) gets a staging dir inside
 * it, and the files are renamed in only after all of them were written completely.
 * Returns name → absolute path.
 */
export async function writeOutputsAtomically(
  outDir: string,
  files: [name: string, bytes: Buffer][]
): Promise<Record<string, string>> {
  const target = resolve(outDir)
  const fresh = !(await exists(target))
  const parent = fresh ? dirname(target) : target
  try {
    await mkdir(parent, { recursive: true })
  } catch (e) {
    throw new QprovError('INPUT_INVALID', `cannot create ${parent}: ${(e as Error).message}`)
  }
  const staging = await mkdtemp(join(parent, `.${basename(target)}.qprov-tmp-`))
  try {
    for (const [name, bytes] of files) await writeFile(join(staging, name), bytes, { flag: 'wx' })
    if (fresh) {
      await rename(staging, target)
    } else {
      // Check every destination before the first rename, so a blocked one cannot leave a mix.
      for (const [name] of files) {
        const dest = join(target, name)
        if ((await exists(dest)) && !(await stat(dest)).isFile())
          throw new Error(`${dest} exists and is not a regular file`)
      }
      for (const [name] of files) await rename(join(staging, name), join(target, name))
      await rmdir(staging)
    }
  } catch (e) {
    await rm(staging, { recursive: true, force: true })
    throw new QprovError(
      'INPUT_INVALID',
      `cannot write the outputs to ${target}: ${(e as Error).message}`,
      {
        cause: e
      }
    )
  }
  return Object.fromEntries(files.map(([name]) => [name, join(target, name)]))
}
