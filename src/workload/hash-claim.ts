/*
 * The one file-swap guard and hashing loop, shared by the main thread and the helper thread.
 *
 * hashClaimed must stay self-contained: no imports, no module-level names, no nested named
 * functions (tsx and esbuild's keepNames would wrap them in a module-level `__name` call). The
 * helper thread runs it from its own source text (hash-helper.ts), so anything it reaches outside
 * its body would be missing there. Only its type annotations may name this module's types.
 */

/** Why a file was refused; `cause` is the error thrown by the read, when there was one. */
export interface HashFailure {
  index: number
  kind: 'not-regular' | 'changed' | 'unreadable'
  cause?: unknown
}

/**
 * Memory both threads write to. ctl holds [next index to claim, lowest failing index (the file
 * count while there is none), files hashed, helper gate]; per file: its size, its sha256 as 64
 * hex characters, and 1 once it is hashed.
 */
export interface HashState {
  ctl: Int32Array
  size: Float64Array
  hex: Uint8Array
  status: Uint8Array
}

/** The slots of HashState.ctl (hashClaimed spells them as numbers: it cannot read this). */
export const CTL = { next: 0, stop: 1, done: 2, gate: 3 } as const

/**
 * Claims batches of files through `s.ctl` until none is left or some thread has found a failure
 * below the next batch, and hashes them into `s`. Returns this thread's first failure. Batches are
 * claimed in index order, so when the lowest failing file is found, every file before it is
 * already claimed and will be hashed: the lowest failure over all threads is the sequential one.
 *
 * The guard (see the symlink policy in docs/binding-spec.md): a file is opened without following
 * a symlink swapped in after the walk (O_NOFOLLOW; the path is already the resolved real path) and
 * without blocking on a FIFO swapped in (O_NONBLOCK), then read at explicit offsets, which a FIFO,
 * socket or directory refuses. A first read that is neither empty nor full, followed by a read
 * that finds the end, is taken for a whole regular file; otherwise fstat must say so (a device
 * reads empty or endless, and can return a short read when a signal is pending). Only a block
 * device smaller than the buffer also reads that way: see the residuals in docs/binding-spec.md.
 */
export function hashClaimed(
  files: readonly string[],
  s: HashState,
  onDone?: (done: number) => void
): HashFailure | undefined {
  const fs = process.getBuiltinModule('node:fs')
  const crypto = process.getBuiltinModule('node:crypto')
  const flags = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK
  // Synchronous reads into one buffer per thread: memory stays flat for any file size.
  const buf = Buffer.allocUnsafe(1024 * 1024)
  // A Buffer arrives in another thread as a plain Uint8Array; this view writes text into it.
  const hex = Buffer.from(s.hex.buffer, s.hex.byteOffset, s.hex.byteLength)
  // The view of the last short read, kept while files keep that size (a tree of equal files).
  let view = buf.subarray(0, 0)
  const n = files.length
  const batch = 64
  for (;;) {
    const from = Atomics.add(s.ctl, 0, batch)
    for (let i = from; i < Math.min(from + batch, n); i++) {
      // Past a failure found by any thread, nothing more is needed.
      if (Atomics.load(s.ctl, 1) <= i) return undefined
      if (s.status[i] === 1) continue
      let failure: HashFailure | undefined
      let fd = -1
      try {
        fd = fs.openSync(files[i], flags)
        let got = fs.readSync(fd, buf, 0, buf.length, 0)
        if (got > 0 && got < buf.length && fs.readSync(fd, buf, got, 1, got) === 0) {
          if (view.length !== got) view = buf.subarray(0, got)
          hex.write(crypto.hash('sha256', view, 'hex'), i * 64, 'latin1')
          s.size[i] = got
        } else {
          const st = fs.fstatSync(fd)
          if (!st.isFile()) failure = { index: i, kind: 'not-regular' }
          else {
            const h = crypto.createHash('sha256')
            let read = 0
            while (got > 0) {
              h.update(buf.subarray(0, got))
              read += got
              got = fs.readSync(fd, buf, 0, buf.length, read)
            }
            if (read !== st.size) failure = { index: i, kind: 'changed' }
            hex.write(h.digest('hex'), i * 64, 'latin1')
            s.size[i] = read
          }
        }
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        // ELOOP: a symlink was swapped in. A FIFO or socket refuses a positional read; a
        // directory refuses any read.
        if (code === 'ELOOP') failure = { index: i, kind: 'changed' }
        else if (code === 'ESPIPE' || code === 'EISDIR') failure = { index: i, kind: 'not-regular' }
        else failure = { index: i, kind: 'unreadable', cause: e }
      } finally {
        if (fd >= 0) fs.closeSync(fd)
      }
      if (failure) {
        let low = Atomics.load(s.ctl, 1)
        while (i < low) {
          const seen = Atomics.compareExchange(s.ctl, 1, low, i)
          if (seen === low) break
          low = seen
        }
        return failure
      }
      s.status[i] = 1
      onDone?.(Atomics.add(s.ctl, 2, 1) + 1)
    }
    if (from + batch >= n) return undefined
  }
}
