import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hashFiles, type FileDigest, type HashTarget } from '../../src/workload/hash.js'
import { selectFiles } from '../../src/workload/select.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A package root `pkg` holding a.txt and d/b.txt, beside an `outside` folder with a secret. */
function layout(): { pkg: string; outside: string } {
  const base = mkdtempSync(path.join(tmpdir(), 'qprov-toctou-'))
  dirs.push(base)
  const pkg = path.join(base, 'pkg')
  const outside = path.join(base, 'outside')
  mkdirSync(path.join(pkg, 'd'), { recursive: true })
  mkdirSync(outside)
  writeFileSync(path.join(pkg, 'a.txt'), 'inside a\n')
  writeFileSync(path.join(pkg, 'd', 'b.txt'), 'inside b\n')
  writeFileSync(path.join(outside, 's.txt'), 'secret outside the root\n')
  writeFileSync(path.join(outside, 'b.txt'), 'secret outside the root\n')
  return { pkg, outside }
}

const hashers: [string, (files: HashTarget[]) => Promise<FileDigest[]>][] = [
  ['the hasher', async files => hashFiles(files)]
]

const swaps: [string, (pkg: string, outside: string) => void, string][] = [
  [
    'a file swapped for a symlink to a file outside the root',
    (pkg, outside) => {
      rmSync(path.join(pkg, 'a.txt'))
      symlinkSync(path.relative(pkg, path.join(outside, 's.txt')), path.join(pkg, 'a.txt'))
    },
    "'a.txt' changed while it was being hashed"
  ],
  [
    'a file swapped for a symlink to a file inside the root',
    pkg => {
      rmSync(path.join(pkg, 'a.txt'))
      symlinkSync(path.join('d', 'b.txt'), path.join(pkg, 'a.txt'))
    },
    "'a.txt' changed while it was being hashed"
  ],
  [
    'a file swapped for a FIFO',
    pkg => {
      rmSync(path.join(pkg, 'a.txt'))
      execFileSync('mkfifo', [path.join(pkg, 'a.txt')])
    },
    "'a.txt' is not a regular file"
  ],
  [
    'a file swapped for a directory',
    pkg => {
      rmSync(path.join(pkg, 'a.txt'))
      mkdirSync(path.join(pkg, 'a.txt'))
    },
    "'a.txt' is not a regular file"
  ]
]

// A directory swapped for a symlink after the walk is not caught (O_NOFOLLOW guards only the last
// path component); docs/binding-spec.md states that residual.
describe('files swapped for a symlink or a special file after the walk are refused, never read', () => {
  for (const [hasher, hash] of hashers)
    it.each(swaps)(`${hasher}: %s`, async (_name, swap, message) => {
      const { pkg, outside } = layout()
      const files = await selectFiles(['.'], pkg)
      expect(files.map(f => f.path).sort()).toEqual(['a.txt', 'd/b.txt'])
      swap(pkg, outside)
      await expect(hash(files)).rejects.toMatchObject({ code: 'WORKLOAD_INVALID', message })
    })

  it.each(hashers)('%s hashes an unchanged selection', async (_name, hash) => {
    const { pkg } = layout()
    const files = await selectFiles(['.'], pkg)
    const digests = await hash(files)
    // printf 'inside a\n' | sha256sum; printf 'inside b\n' | sha256sum
    expect(Object.fromEntries(files.map((f, i) => [f.path, digests[i]]))).toEqual({
      'a.txt': {
        size: 9,
        sha256: '00b7ca1290dd8e8343f0fce442932402b40d544c0cecb395fc4d2fb8893dd6b9'
      },
      'd/b.txt': {
        size: 9,
        sha256: '7ca6eff6f2f2c9d8cdd7461dfe60270ff0b72e65d4e03bc004d5ffa6e9e16591'
      }
    })
  })
})

describe('what is hashed is a regular file, whatever its size', () => {
  // Character devices read empty (/dev/null) or without end (/dev/zero); neither is a file.
  it.each(['/dev/null', '/dev/zero'])('refuses %s', device => {
    expect(() => hashFiles([{ absolute: device, path: 'dev' }])).toThrow(
      expect.objectContaining({ code: 'WORKLOAD_INVALID', message: "'dev' is not a regular file" })
    )
  })

  it('hashes an empty file, a short one, and ones at and past the 1 MiB read', () => {
    const { pkg } = layout()
    const sizes = [0, 1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024]
    const files = sizes.map(n => {
      const absolute = path.join(pkg, `f${n}`)
      writeFileSync(absolute, Buffer.alloc(n, n % 251))
      return { absolute, path: `f${n}` }
    })
    expect(hashFiles(files)).toEqual(
      sizes.map(n => ({
        size: n,
        sha256: createHash('sha256')
          .update(Buffer.alloc(n, n % 251))
          .digest('hex')
      }))
    )
  })
})
