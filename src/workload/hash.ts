import { QprovError } from '../errors.js'
import { CTL, hashClaimed, type HashFailure, type HashState } from './hash-claim.js'
import { startHelper, type Helper } from './hash-helper.js'

/*
 * A tree of many small files is bound by per-file system calls, not by hashing: a small file
 * costs four (open, two positional reads, the second of which finds the end, close), done
 * synchronously into one reused buffer per thread (async reads measured 3-4x the CPU).
 *
 * From HELPER_THRESHOLD files on, one helper thread claims batches beside the main thread. It is
 * started as soon as the walk has found that many files, because it takes 80-130 ms to boot; fewer
 * files never pay for it. On 20,000 files of 4 KiB on an idle 2-core machine (whole process,
 * medians of 11-15 interleaved rounds) this took the digest from 0.60-0.62 s to 0.49-0.56 s,
 * beside 0.52-0.53 s for `find | xargs sha256sum`, for about 0.2 s more CPU. Under load it can be
 * slower than one thread, as the earlier pool measured. Numbers: docs/testing.md and
 * `npm run bench -- digest`. The guard itself is hashClaimed (hash-claim.ts), one copy for both
 * threads.
 */

export interface FileDigest {
  size: number
  sha256: string
}

/** Where to read a file and how to name it. */
export interface HashTarget {
  absolute: string
  path: string
}

/** From this many files on, a helper thread hashes too. */
export const HELPER_THRESHOLD = 1000

function newState(n: number): HashState {
  const ctl = new Int32Array(new SharedArrayBuffer(4 * 4))
  ctl[CTL.stop] = n
  return {
    ctl,
    size: new Float64Array(new SharedArrayBuffer(8 * n)),
    hex: new Uint8Array(new SharedArrayBuffer(64 * n)),
    status: new Uint8Array(new SharedArrayBuffer(n))
  }
}

/** The error the sequential loop would throw for this failure. */
function refusal(files: readonly HashTarget[], f: HashFailure): QprovError {
  const name = files[f.index].path
  if (f.kind === 'not-regular')
    return new QprovError('WORKLOAD_INVALID', `'${name}' is not a regular file`)
  if (f.kind === 'changed')
    return new QprovError('WORKLOAD_INVALID', `'${name}' changed while it was being hashed`)
  const why = (f.cause as Error | undefined)?.message
  return new QprovError('WORKLOAD_INVALID', `cannot read '${name}': ${why}`, { cause: f.cause })
}

/** Throws the lowest failure, or reads the digests out of the shared state. */
function collect(
  files: readonly HashTarget[],
  s: HashState,
  failures: (HashFailure | undefined)[]
): FileDigest[] {
  const lowest = failures.reduce((a, b) => (!b || (a && a.index < b.index) ? a : b), undefined)
  if (lowest) throw refusal(files, lowest)
  // Fail closed: a digest of zeros must never stand for a file that no thread hashed.
  const missing = s.status.indexOf(0)
  if (missing >= 0) throw new QprovError('INTERNAL', `'${files[missing].path}' was not hashed`)
  // Hex is ASCII: as UTF-8 it decodes to the same text, and measured twice as fast from shared memory.
  const hex = Buffer.from(s.hex.buffer).toString('utf8')
  return files.map((_, i) => ({ size: s.size[i], sha256: hex.slice(64 * i, 64 * i + 64) }))
}

/** Hashes the files on this thread, with one buffer for all; `onDone` after each. */
export function hashFiles(
  files: readonly HashTarget[],
  onDone?: (done: number) => void
): FileDigest[] {
  const s = newState(files.length)
  return collect(files, s, [hashClaimed(absolutes(files), s, onDone)])
}

const absolutes = (files: readonly HashTarget[]): string[] => files.map(f => f.absolute)

/**
 * As hashFiles (the same digests, the same error for the same lowest failing file), with a
 * helper thread from HELPER_THRESHOLD files on. `onDone` gets the count over both threads.
 */
export async function hashFilesInParallel(
  files: readonly HashTarget[],
  onDone?: (done: number) => void,
  helper: Helper | undefined = files.length >= HELPER_THRESHOLD ? startHelper() : undefined
): Promise<FileDigest[]> {
  const s = newState(files.length)
  const paths = absolutes(files)
  try {
    const theirs = helper?.run(paths, s)
    const mine = hashClaimed(paths, s, onDone)
    // Closing the gate before the helper entered it means it claimed nothing: no need to wait.
    if (!theirs || Atomics.compareExchange(s.ctl, CTL.gate, 0, 2) === 0)
      return collect(files, s, [mine])
    const outcome = await theirs
    if (outcome !== 'lost') return collect(files, s, [mine, outcome.failure])
    // The helper died holding a batch: claim everything again; what is hashed is skipped.
    Atomics.store(s.ctl, CTL.next, 0)
    Atomics.store(s.ctl, CTL.stop, mine?.index ?? files.length)
    return collect(files, s, [mine, hashClaimed(paths, s, onDone)])
  } finally {
    helper?.stop()
  }
}
