import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { QprovError } from '../errors.js'

export interface FileDigest {
  size: number
  sha256: string
}

// Large reads amortise the syscall and thread-pool hop; two buffers let the next read run on the
// libuv pool while this thread hashes the previous chunk.
const CHUNK = 4 * 1024 * 1024
const SMALL = 64 * 1024

/** Streams one regular file through sha256 with reused buffers, so memory is flat for any size. */
export async function hashFile(
  absolute: string,
  shown: string,
  buffers?: Buffer[]
): Promise<FileDigest> {
  // O_NONBLOCK: if the path was swapped for a FIFO after selection, open must not hang.
  const fh = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const st = await fh.stat()
    if (!st.isFile()) throw new QprovError('WORKLOAD_INVALID', `'${shown}' is not a regular file`)
    const hash = createHash('sha256')
    let size = 0
    if (st.size < SMALL) {
      const small = (buffers?.[0] ?? Buffer.allocUnsafe(SMALL)).subarray(0, SMALL)
      while (size < st.size) {
        const { bytesRead } = await fh.read(small, 0, small.length, size)
        if (bytesRead === 0) break
        hash.update(small.subarray(0, bytesRead))
        size += bytesRead
      }
    } else {
      const bufs = buffers ?? [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)]
      let turn = 0
      let pending = fh.read(bufs[0], 0, CHUNK, 0)
      for (;;) {
        const { bytesRead, buffer } = await pending
        if (bytesRead === 0) break
        size += bytesRead
        turn ^= 1
        pending = fh.read(bufs[turn], 0, CHUNK, size)
        hash.update(buffer.subarray(0, bytesRead))
      }
    }
    if (size !== st.size)
      throw new QprovError('WORKLOAD_INVALID', `'${shown}' changed while it was being hashed`)
    return { size, sha256: hash.digest('hex') }
  } finally {
    await fh.close()
  }
}

/** Hashes many files with at most `parallel` open at once; results keep the input order. */
export async function hashFiles(
  files: { absolute: string; path: string }[],
  parallel: number,
  onDone?: (done: number) => void
): Promise<FileDigest[]> {
  const out: FileDigest[] = new Array(files.length)
  let next = 0
  let done = 0
  const worker = async (): Promise<void> => {
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)]
    while (next < files.length) {
      const i = next++
      out[i] = await hashFile(files[i].absolute, files[i].path, buffers)
      onDone?.(++done)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, files.length)) }, worker))
  return out
}
