import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { CTL } from '../../src/workload/hash-claim.js'
import { startHelper, type Helper } from '../../src/workload/hash-helper.js'
import {
  HELPER_THRESHOLD,
  hashFiles,
  hashFilesInParallel,
  type HashTarget
} from '../../src/workload/hash.js'
import { buildManifest, manifestFromEntries } from '../../src/workload/manifest.js'
import { selectFiles } from '../../src/workload/select.js'

// Every helper thread started, counted through the real Worker; `refuse` makes the next start fail.
const workers = vi.hoisted(() => ({ started: 0, refuse: false }))
vi.mock('node:worker_threads', async original => {
  const real = await original<typeof import('node:worker_threads')>()
  class CountedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      if (workers.refuse) throw new Error('no threads here')
      super(...args)
      workers.started++
    }
  }
  return { ...real, Worker: CountedWorker }
})

const dirs: string[] = []
afterEach(() => {
  workers.refuse = false
})
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** `count` files of differing sizes (empty, small, one past the 1 MiB read) in 10 folders. */
async function bigTree(count: number): Promise<HashTarget[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'qprov-par-'))
  dirs.push(root)
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `d${i % 10}`)
    if (i < 10) mkdirSync(dir)
    const size = i === 5 ? 1024 * 1024 + 3 : i % 7 === 0 ? 0 : 40 + (i % 300)
    writeFileSync(path.join(dir, `f${i}`), Buffer.alloc(size, i % 251))
  }
  return selectFiles(['.'], root)
}

/**
 * The real helper thread, with a head start: the main thread waits until the helper has hashed
 * `k` files (or found a failure) before it claims any, so both threads surely take part.
 */
function headStart(k: number): Helper & { real: Helper } {
  const real = startHelper()
  if (!real) throw new Error('the helper did not start')
  return {
    real,
    hashed: 0,
    stop: () => real.stop(),
    run(files, s) {
      const outcome = real.run(files, s)
      // Bounded (50 s, for a loaded machine), so that a helper that never runs fails the test
      // instead of blocking it forever.
      for (let waits = 0; waits < 10_000; waits++) {
        const done = Atomics.load(s.ctl, CTL.done)
        if (done >= k || Atomics.load(s.ctl, CTL.stop) < files.length) return outcome
        Atomics.wait(s.ctl, CTL.done, done, 5)
      }
      throw new Error(`the helper hashed fewer than ${k} files`)
    }
  }
}

// Made once: the tests that do not change it share it (creating files is slow on this disk).
let clean: Promise<HashTarget[]> | undefined
const sharedTree = (): Promise<HashTarget[]> => (clean ??= bigTree(HELPER_THRESHOLD + 500))

const manifestOf = (files: HashTarget[], digests: { size: number; sha256: string }[]) =>
  manifestFromEntries(
    files.map((f, i) => ({ path: f.path, ...digests[i] }))
  ).canonicalBytes.toString()

describe('hashing on a helper thread beside the main thread', () => {
  it('gives the manifest bytes of the sequential loop, each thread hashing a share', async () => {
    const files = await sharedTree()
    const helper = headStart(300)
    const counts: number[] = []
    const parallel = await hashFilesInParallel(files, done => counts.push(done), helper)
    expect(manifestOf(files, parallel)).toEqual(manifestOf(files, hashFiles(files)))
    expect(helper.real.hashed).toBeGreaterThanOrEqual(300)
    // onDone runs on the main thread, once per file it hashed, with the count over both threads.
    expect(counts.length + helper.real.hashed).toBe(files.length)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(Math.max(...counts)).toBeLessThanOrEqual(files.length)
  })

  it('reports the lowest failing file with the sequential error, whichever thread met it', async () => {
    const files = await bigTree(HELPER_THRESHOLD + 500)
    // A file deleted after the walk (found by the helper during its head start), and a FIFO later.
    rmSync(files[700].absolute)
    rmSync(files[1100].absolute)
    execFileSync('mkfifo', [files[1100].absolute])
    let sequential: unknown
    try {
      hashFiles(files)
    } catch (e) {
      sequential = e
    }
    expect(sequential).toMatchObject({
      code: 'WORKLOAD_INVALID',
      message: expect.stringMatching(`^cannot read '${files[700].path}': ENOENT`)
    })
    for (const k of [500, 900]) {
      const parallel = hashFilesInParallel(files, undefined, headStart(k))
      await expect(parallel).rejects.toThrow((sequential as Error).message)
      await expect(parallel).rejects.toMatchObject({ code: 'WORKLOAD_INVALID' })
    }
  })

  it('re-hashes the batch of a helper that died holding it', async () => {
    const files = await sharedTree()
    const dying: Helper = {
      hashed: 0,
      stop: () => undefined,
      run(_files, s) {
        Atomics.store(s.ctl, CTL.gate, 1)
        Atomics.add(s.ctl, CTL.next, 64)
        return Promise.resolve('lost')
      }
    }
    const parallel = await hashFilesInParallel(files, undefined, dying)
    expect(manifestOf(files, parallel)).toEqual(manifestOf(files, hashFiles(files)))
  })

  it('stops claiming after a failure, and keeps the lowest when the helper reports last', async () => {
    const files = await bigTree(HELPER_THRESHOLD)
    for (const i of [30, 100]) {
      rmSync(files[i].absolute)
      execFileSync('mkfifo', [files[i].absolute])
    }
    const expected = `'${files[30].path}' is not a regular file`
    expect(() => hashFiles(files)).toThrow(expected)
    // The helper holds the first batch, with the FIFO at 30 in it, while this thread meets 100.
    const slow = (stopAt?: number): Helper => ({
      hashed: 0,
      stop: () => undefined,
      run(_files, s) {
        Atomics.store(s.ctl, CTL.gate, 1)
        Atomics.add(s.ctl, CTL.next, 64)
        if (stopAt !== undefined) Atomics.store(s.ctl, CTL.stop, stopAt)
        return new Promise(resolve =>
          setTimeout(() => resolve({ failure: { index: 30, kind: 'not-regular' } }), 1)
        )
      }
    })
    const mine: number[] = []
    await expect(hashFilesInParallel(files, d => mine.push(d), slow())).rejects.toThrow(expected)
    expect(mine).toHaveLength(100 - 64)
    // Once the helper has found 30, this thread claims nothing more.
    mine.length = 0
    await expect(hashFilesInParallel(files, d => mine.push(d), slow(30))).rejects.toThrow(expected)
    expect(mine).toEqual([])
  })

  it('starts a helper from the threshold on, none for a few files, and hashes alone if it cannot', async () => {
    const files = (await sharedTree()).slice(0, HELPER_THRESHOLD)
    const before = workers.started
    const few = await buildManifest([path.dirname(files[0].absolute)], {
      cwd: path.dirname(path.dirname(files[0].absolute))
    })
    expect(few.files.length).toBeGreaterThan(0)
    expect(few.files.length).toBeLessThan(HELPER_THRESHOLD)
    await hashFilesInParallel(files.slice(0, HELPER_THRESHOLD - 1))
    expect(workers.started).toBe(before)

    const parallel = await hashFilesInParallel(files)
    expect(workers.started).toBe(before + 1)

    workers.refuse = true
    const alone = await hashFilesInParallel(files)
    expect(workers.started).toBe(before + 1)
    expect(alone).toEqual(parallel)
    expect(manifestOf(files, alone)).toEqual(manifestOf(files, hashFiles(files)))
  })

  it('reports progress at each multiple once, whichever thread hashed the files', async () => {
    const files = await sharedTree()
    const messages: string[] = []
    await buildManifest(['.'], {
      cwd: path.dirname(path.dirname(files[0].absolute)),
      onProgress: m => messages.push(m)
    })
    expect(messages).toEqual([`hashed 1000/${files.length} files`])
  })

  // The process boundary is the point: a helper left waiting would keep it alive. The first call
  // starts one during the walk, then fails on the second path before handing it any files.
  it('lets a process that started helpers end by itself, after a failure too', async () => {
    const files = await sharedTree()
    const root = path.dirname(path.dirname(files[0].absolute))
    const [parent, base] = [path.dirname(root), path.basename(root)]
    const manifest = new URL('../../src/workload/manifest.ts', import.meta.url).href
    const script = path.join(parent, `${base}-probe.mts`)
    writeFileSync(
      script,
      `import { buildManifest } from ${JSON.stringify(manifest)}\n` +
        `const fail = buildManifest([${JSON.stringify(base)}, 'no-such-file'], { cwd: ${JSON.stringify(parent)} })\n` +
        'console.log(await fail.catch(e => e.code))\n' +
        `console.log((await buildManifest(['.'], { cwd: ${JSON.stringify(root)} })).digest)\n`
    )
    try {
      const out = execFileSync(process.execPath, ['--import', import.meta.resolve('tsx'), script], {
        encoding: 'utf8',
        timeout: 30_000
      })
      const digest = (await buildManifest(['.'], { cwd: root })).digest
      expect(out.trim().split('\n')).toEqual(['INPUT_NOT_FOUND', digest])
    } finally {
      rmSync(script)
    }
  })
})
