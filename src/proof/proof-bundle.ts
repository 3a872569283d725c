import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { QprovError, oneLine } from '../errors.js'
import {
  PROOF_BUNDLE_MEDIA_TYPE,
  PROOF_BUNDLE_SUFFIX,
  PROOF_FILES,
  RESULTS_FILES
} from './layout.js'

/** File name → bytes; a missing file is simply absent. */
export type ProofFiles = Record<string, Buffer>

/** The files every proof bundle has. */
export const REQUIRED_PROOF_FILE_NAMES: readonly string[] = Object.values(PROOF_FILES)
/** Every file a proof bundle may hold: the required ones and the optional results layer. */
export const PROOF_FILE_NAMES: readonly string[] = [
  ...REQUIRED_PROOF_FILE_NAMES,
  ...Object.values(RESULTS_FILES)
]
/** Per-file cap: a proof bundle is a few kilobytes; anything near this is not one. */
export const MAX_PROOF_FILE_BYTES = 16 * 1024 * 1024

export interface LoadedProofBundle {
  /** The path as given. */
  path: string
  form: 'directory' | 'file'
  files: ProofFiles
  /** The single-file form names its job; verification requires it to be the binding's. */
  declaredJobId?: string
  /** A file named `<id>.qprov.json` names its job too; verification requires it as well. */
  namedJobId?: string
  /** Why the container itself could not be read (then files is empty). */
  error?: string
}

/** Reads one regular file without following a symlink, with a size cap; undefined if absent. */
// Synchronous on purpose: a batch reads seven small files per bundle, and awaiting the thread
// pool for every open/stat/read left the verifying thread idle for a tenth of the run.
export function readBoundedFile(path: string, cap = MAX_PROOF_FILE_BYTES): Buffer | undefined {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw new QprovError('INPUT_INVALID', `cannot read ${path}: ${code ?? oneLine(e)}`)
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new QprovError('INPUT_INVALID', `${path} is not a regular file`)
    if (st.size > cap) throw new QprovError('INPUT_TOO_LARGE', `${path} exceeds ${cap} bytes`)
    const buf = Buffer.alloc(st.size)
    let off = 0
    while (off < st.size) {
      const bytesRead = readSync(fd, buf, off, st.size - off, off)
      if (bytesRead === 0) break
      off += bytesRead
    }
    return buf.subarray(0, off)
  } finally {
    closeSync(fd)
  }
}

/** The single-file form: canonical JSON text, so its bytes follow from the files alone. */
export function packProofBundle(files: ProofFiles, jobId: string): Buffer {
  const names = Object.keys(files).sort()
  for (const n of names)
    if (!PROOF_FILE_NAMES.includes(n))
      throw new QprovError('PROOF_BUNDLE_INVALID', `unknown proof bundle file ${n}`)
  const body = {
    mediaType: PROOF_BUNDLE_MEDIA_TYPE,
    jobId,
    files: Object.fromEntries(names.map(n => [n, files[n].toString('base64')]))
  }
  return Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8')
}

/**
 * Reads the single-file form. Strict: the media type, known file names, canonical base64, and
 * the exact bytes packProofBundle would write for the same content (so no byte can change
 * without changing a file, and unpack → pack round-trips exactly).
 */
export function unpackProofBundle(bytes: Buffer): { files: ProofFiles; jobId: string } {
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new QprovError('PROOF_BUNDLE_INVALID', 'the proof bundle file is not JSON')
  }
  const o = raw as { mediaType?: unknown; jobId?: unknown; files?: unknown } | null
  if (o === null || typeof o !== 'object' || Array.isArray(o))
    throw new QprovError('PROOF_BUNDLE_INVALID', 'the proof bundle file is not a JSON object')
  if (o.mediaType !== PROOF_BUNDLE_MEDIA_TYPE)
    throw new QprovError(
      'PROOF_BUNDLE_INVALID',
      `unsupported proof bundle media type ${JSON.stringify(o.mediaType)} (expected ${PROOF_BUNDLE_MEDIA_TYPE})`
    )
  if (typeof o.jobId !== 'string' || o.jobId === '')
    throw new QprovError('PROOF_BUNDLE_INVALID', 'the proof bundle file names no jobId')
  if (o.files === null || typeof o.files !== 'object' || Array.isArray(o.files))
    throw new QprovError('PROOF_BUNDLE_INVALID', 'the proof bundle file has no files object')
  const files: ProofFiles = {}
  for (const [name, b64] of Object.entries(o.files as Record<string, unknown>)) {
    if (!PROOF_FILE_NAMES.includes(name))
      throw new QprovError('PROOF_BUNDLE_INVALID', `unknown proof bundle file ${name}`)
    const buf = typeof b64 === 'string' ? Buffer.from(b64, 'base64') : undefined
    if (buf === undefined || buf.toString('base64') !== b64)
      throw new QprovError('PROOF_BUNDLE_INVALID', `${name} is not canonical base64`)
    files[name] = buf
  }
  if (!packProofBundle(files, o.jobId).equals(bytes))
    throw new QprovError('PROOF_BUNDLE_INVALID', 'the proof bundle file is not in canonical form')
  return { files, jobId: o.jobId }
}

export async function readProofDirectory(dir: string): Promise<ProofFiles> {
  const files: ProofFiles = {}
  for (const name of PROOF_FILE_NAMES) {
    const bytes = readBoundedFile(join(dir, name))
    if (bytes !== undefined) files[name] = bytes
  }
  return files
}

/** One reader for both forms. Container errors become `error`; input errors (no such path) throw. */
export async function loadProofBundle(path: string): Promise<LoadedProofBundle> {
  let st: Stats
  try {
    st = statSync(path)
  } catch {
    throw new QprovError('INPUT_NOT_FOUND', `proof bundle not found: ${path}`)
  }
  // A `*.qprov.json` name claims the single-file form: a directory, FIFO or socket by that name
  // fails rather than being read as something else.
  if (path.endsWith(PROOF_BUNDLE_SUFFIX) && !st.isFile())
    return {
      path,
      form: 'file',
      files: {},
      error: `${path} is ${kindOf(st)}, not a single-file proof bundle`
    }
  if (st.isDirectory()) return { path, form: 'directory', files: await readProofDirectory(path) }
  try {
    const bytes = readBoundedFile(path)
    if (bytes === undefined)
      throw new QprovError('INPUT_NOT_FOUND', `proof bundle not found: ${path}`)
    const { files, jobId } = unpackProofBundle(bytes)
    const named = jobIdOfFileName(path)
    return {
      path,
      form: 'file',
      files,
      declaredJobId: jobId,
      ...(named !== undefined ? { namedJobId: named } : {})
    }
  } catch (e) {
    if (e instanceof QprovError && e.code === 'INPUT_NOT_FOUND') throw e
    return { path, form: 'file', files: {}, error: oneLine(e) }
  }
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory'
  if (st.isFIFO()) return 'a FIFO'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

async function isBundleDir(dir: string): Promise<boolean> {
  const names = await readdir(dir)
  return names.some(n => PROOF_FILE_NAMES.includes(n))
}

/**
 * Expands the command line: a bundle directory (it holds any proof file) or a single-file
 * bundle stands for itself; any other directory stands for the bundles directly inside it,
 * sorted by name. A directory with none is an input error.
 */
export async function expandBundlePaths(paths: string[]): Promise<string[]> {
  const out: string[] = []
  for (const p of paths) {
    // A path that does not exist stays in the list: the reader fails it as a verdict that says
    // "not found", so a batch still reports every path it was given.
    const st = await stat(p).catch(() => undefined)
    if (
      st === undefined ||
      !st.isDirectory() ||
      p.endsWith(PROOF_BUNDLE_SUFFIX) ||
      (await isBundleDir(p))
    ) {
      out.push(p)
      continue
    }
    const found: string[] = []
    for (const entry of (await readdir(p, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    )) {
      const full = join(p, entry.name)
      // Anything named like a bundle is listed, not passed over, whatever its type (a symbolic
      // link, a directory, a FIFO, a socket): leaving it out would let a batch report "all
      // verified" for fewer bundles than the directory holds. The reader then fails it.
      const target = entry.isSymbolicLink() ? await stat(full).catch(() => undefined) : entry
      if (entry.name.endsWith(PROOF_BUNDLE_SUFFIX)) found.push(full)
      else if (target?.isDirectory() && (await isBundleDir(full))) found.push(full)
    }
    if (found.length === 0)
      throw new QprovError(
        'INPUT_INVALID',
        `${p} holds no proof bundle (directory or *${PROOF_BUNDLE_SUFFIX})`
      )
    out.push(...found)
  }
  return out
}

/** The job ID a single-file bundle's name carries (`<id>.qprov.json`), if it has that form. */
export function jobIdOfFileName(path: string): string | undefined {
  const name = basename(path)
  if (!name.endsWith(PROOF_BUNDLE_SUFFIX)) return undefined
  const id = name.slice(0, -PROOF_BUNDLE_SUFFIX.length)
  return id === '' ? undefined : id
}

export function defaultBundleFileName(jobId: string): string {
  return `${basename(jobId)}${PROOF_BUNDLE_SUFFIX}`
}
