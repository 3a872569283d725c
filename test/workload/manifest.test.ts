import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  MANIFEST_VERSION,
  buildManifest,
  canonicalManifestBytes,
  manifestFromEntries,
  parseManifest,
  type ManifestEntry
} from '../../src/workload/manifest.js'
import { hashFiles } from '../../src/workload/hash.js'
import { runs } from '../helpers/property.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'qprov-wl-'))
  dirs.push(root)
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), content)
  }
  return root
}

/** A file to hash as the walk would describe it. */
function target(p: string, absolute: string): { path: string; absolute: string } {
  return { path: p, absolute }
}

const hex = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex')
const SAMPLE = {
  'circuits/bell.qasm': 'OPENQASM 3.0;\n',
  'circuits/ghz.qasm': 'OPENQASM 3.0; // ghz\n',
  'job.json': '{"backend":"ibm_test"}\n',
  'src/run.py': 'print(1)\n'
}

describe('workload manifest', () => {
  it('lists every file with POSIX path, size and sha256, sorted by path bytes', async () => {
    const root = tree(SAMPLE)
    const m = await buildManifest(['.'], { cwd: root })
    expect(m.files).toEqual(
      Object.entries(SAMPLE)
        .map(([p, c]) => ({ path: p, size: Buffer.byteLength(c), sha256: hex(c) }))
        .sort((a, b) => (a.path < b.path ? -1 : 1))
    )
    expect(m.digest).toBe(`sha256:${hex(m.canonicalBytes)}`)
    expect(JSON.parse(m.canonicalBytes.toString()).version).toBe(MANIFEST_VERSION)
  })

  it('gives the same digest for the same files in two different directories', async () => {
    const a = await buildManifest(['circuits', 'job.json'], { cwd: tree(SAMPLE) })
    const b = await buildManifest(['circuits', 'job.json'], { cwd: tree(SAMPLE) })
    expect(a.digest).toBe(b.digest)
    expect(a.canonicalBytes.equals(b.canonicalBytes)).toBe(true)
  })

  it('does not depend on the order of patterns or of file creation', async () => {
    const reversed = Object.fromEntries(Object.entries(SAMPLE).reverse())
    const a = await buildManifest(['job.json', 'src', 'circuits'], { cwd: tree(SAMPLE) })
    const b = await buildManifest(['circuits', 'src', 'job.json', 'circuits/bell.qasm'], {
      cwd: tree(reversed)
    })
    expect(a.digest).toBe(b.digest)
  })

  it('changes when any byte, name or file set changes', async () => {
    const base = (await buildManifest(['.'], { cwd: tree(SAMPLE) })).digest
    const changed = [
      { ...SAMPLE, 'job.json': '{"backend":"ibm_tesT"}\n' },
      { ...SAMPLE, 'job2.json': '' },
      Object.fromEntries(Object.entries(SAMPLE).map(([k, v]) => [k.replace('run', 'Run'), v]))
    ]
    for (const files of changed)
      expect((await buildManifest(['.'], { cwd: tree(files) })).digest).not.toBe(base)
  })

  it('selects files by glob', async () => {
    const root = tree(SAMPLE)
    const m = await buildManifest(['**/*.qasm', 'src/*.py'], { cwd: root })
    expect(m.files.map(f => f.path)).toEqual([
      'circuits/bell.qasm',
      'circuits/ghz.qasm',
      'src/run.py'
    ])
  })

  it('accepts absolute paths inside the root and records them relative to it', async () => {
    const root = tree(SAMPLE)
    const m = await buildManifest([path.join(root, 'job.json')], { cwd: root })
    expect(m.files.map(f => f.path)).toEqual(['job.json'])
  })

  it('reports a special file met while hashing as WORKLOAD_INVALID, naming it', () => {
    const root = tree(SAMPLE)
    const ok = Object.keys(SAMPLE).map(p => target(p, path.join(root, p)))
    const cases = [
      { file: target('dev', '/dev/null'), message: /^'dev' is not a regular file$/ },
      {
        file: target('gone', path.join(root, 'gone')),
        message: /^cannot read 'gone': .*ENOENT/
      }
    ]
    for (const c of cases)
      expect(() => hashFiles([...ok, c.file])).toThrow(
        expect.objectContaining({
          code: 'WORKLOAD_INVALID',
          message: expect.stringMatching(c.message)
        })
      )
  })

  it('gives each file its own digest, large and empty files too, whatever was read before', () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 5, 7)
    const root = tree({ ...SAMPLE, big, empty: '', 'sub/x.bin': Buffer.from([0, 1, 2]) })
    const files = ['big', ...Object.keys(SAMPLE), 'empty', 'sub/x.bin'].map(p =>
      target(p, path.join(root, p))
    )
    expect(hashFiles(files)).toEqual(
      files.map(f => {
        const bytes = readFileSync(f.absolute)
        return { size: bytes.length, sha256: hex(bytes) }
      })
    )
  })

  it('hashes large files across chunk boundaries and empty files', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024 + 7)
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251
    const m = await buildManifest(['.'], { cwd: tree({ big: big, empty: '' }) })
    expect(m.files).toEqual([
      { path: 'big', size: big.length, sha256: hex(big) },
      { path: 'empty', size: 0, sha256: hex('') }
    ])
  })

  it('refuses paths outside the root, missing paths and patterns that match nothing', async () => {
    const root = tree(SAMPLE)
    await expect(buildManifest(['../x'], { cwd: root })).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID'
    })
    await expect(buildManifest(['nope.txt'], { cwd: root })).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND'
    })
    await expect(buildManifest(['*.nothing'], { cwd: root })).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID'
    })
    await expect(buildManifest([], { cwd: root })).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID'
    })
  })
})

describe('symlinks and special files', () => {
  it('follows a symlink to a file inside the root, recording the link path and target bytes', async () => {
    const root = tree(SAMPLE)
    symlinkSync('circuits/bell.qasm', path.join(root, 'alias.qasm'))
    const m = await buildManifest(['alias.qasm'], { cwd: root })
    expect(m.files).toEqual([
      { path: 'alias.qasm', size: 14, sha256: hex(SAMPLE['circuits/bell.qasm']) }
    ])
  })

  it('follows a symlinked directory inside the root', async () => {
    const root = tree(SAMPLE)
    symlinkSync('circuits', path.join(root, 'linked'))
    const m = await buildManifest(['linked'], { cwd: root })
    expect(m.files.map(f => f.path)).toEqual(['linked/bell.qasm', 'linked/ghz.qasm'])
  })

  it('refuses a symlink that leaves the root', async () => {
    const outside = tree({ 'secret.txt': 'x' })
    const root = tree(SAMPLE)
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'escape'))
    await expect(buildManifest(['.'], { cwd: root })).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID',
      message: expect.stringMatching(/outside the package root/)
    })
    const root2 = tree(SAMPLE)
    symlinkSync(outside, path.join(root2, 'dir-escape'))
    await expect(buildManifest(['dir-escape/secret.txt'], { cwd: root2 })).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID'
    })
  })

  it('refuses dangling symlinks and symlink cycles', async () => {
    const root = tree(SAMPLE)
    symlinkSync('missing', path.join(root, 'dangling'))
    await expect(buildManifest(['dangling'], { cwd: root })).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID'
    })
    const root2 = tree(SAMPLE)
    symlinkSync('..', path.join(root2, 'circuits', 'loop'))
    await expect(buildManifest(['circuits'], { cwd: root2 })).rejects.toMatchObject({
      message: expect.stringMatching(/cycle/)
    })
  })

  it('refuses a FIFO without blocking on it', async () => {
    const root = tree(SAMPLE)
    execFileSync('mkfifo', [path.join(root, 'pipe')])
    await expect(buildManifest(['.'], { cwd: root })).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID',
      message: expect.stringMatching(/FIFO/)
    })
  })

  it('refuses a unix socket', async () => {
    const root = tree(SAMPLE)
    const server: Server = createServer()
    await new Promise<void>(resolve => server.listen(path.join(root, 'sock'), resolve))
    try {
      await expect(buildManifest(['.'], { cwd: root })).rejects.toMatchObject({
        code: 'WORKLOAD_INVALID',
        message: expect.stringMatching(/socket/)
      })
    } finally {
      await new Promise(resolve => server.close(resolve))
    }
  })

  it('refuses a character device', async () => {
    await expect(buildManifest(['/dev/null'], { cwd: '/' })).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID',
      message: expect.stringMatching(/character device/)
    })
  })
})

const entry = fc.record({
  path: fc.string({ minLength: 1, maxLength: 20 }),
  size: fc.nat(),
  sha256: fc.stringMatching(/^[0-9a-f]{64}$/)
})

describe('canonical manifest form', () => {
  it('has a fixed byte form (a spec vector)', () => {
    const bytes = canonicalManifestBytes([
      { path: 'b.txt', size: 1, sha256: 'b'.repeat(64) },
      { path: 'a/é.txt', size: 0, sha256: 'a'.repeat(64) }
    ])
    expect(bytes.toString('utf8')).toBe(
      `{"files":[{"path":"a/é.txt","sha256":"${'a'.repeat(64)}","size":0},` +
        `{"path":"b.txt","sha256":"${'b'.repeat(64)}","size":1}],"version":"${MANIFEST_VERSION}"}`
    )
  })

  it('reproduces the package digest example of docs/binding-spec.md', async () => {
    const root = tree({ 'circuits/bell.qasm': 'OPENQASM 3.0;\n', 'job.json': '{}\n' })
    const m = await buildManifest(['.'], { cwd: root })
    expect(m.digest).toBe('sha256:14c1868108f911724e370393198aca55230ba13f7051588d5049a4a985726421')
  })

  it('sorts by UTF-8 bytes, not UTF-16 code units', () => {
    const bytes = canonicalManifestBytes([
      { path: '\u{1F600}', size: 0, sha256: '0'.repeat(64) },
      { path: '\uFF21', size: 0, sha256: '0'.repeat(64) }
    ])
    const paths = JSON.parse(bytes.toString()).files.map((f: ManifestEntry) => f.path)
    expect(paths).toEqual(['\uFF21', '\u{1F600}'])
  })

  it('is independent of input order and parses back to itself', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: e => e.path, maxLength: 12 }), files => {
        const a = manifestFromEntries(files)
        const b = manifestFromEntries([...files].reverse())
        return (
          a.canonicalBytes.equals(b.canonicalBytes) &&
          parseManifest(a.canonicalBytes).digest === a.digest
        )
      }),
      runs()
    )
  })

  it('equals JSON.stringify of the sorted shape (RFC 8785 for these value types)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: e => e.path, maxLength: 12 }), files => {
        const m = manifestFromEntries(files)
        const viaStringify = JSON.stringify({
          files: m.files.map(f => ({ path: f.path, sha256: f.sha256, size: f.size })),
          version: MANIFEST_VERSION
        })
        return m.canonicalBytes.toString('utf8') === viaStringify
      }),
      runs()
    )
  })

  it('escapes and orders awkward paths exactly as JSON.stringify over a UTF-8 byte sort', () => {
    const awkward = fc.string({
      unit: fc.constantFrom(
        'a',
        '/',
        '"',
        '\\',
        '\u0000',
        '\u001f',
        '\u007f',
        'é',
        '\uFF21',
        '\u{1F600}',
        '\uD800',
        '\uDFFF'
      ),
      minLength: 1,
      maxLength: 6
    })
    const item = fc.record({ path: awkward, size: fc.nat(), sha256: fc.constant('0'.repeat(64)) })
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: e => e.path, maxLength: 12 }), files => {
        const byBytes = [...files].sort((a, b) =>
          Buffer.compare(Buffer.from(a.path), Buffer.from(b.path))
        )
        const shape = byBytes.map(f => ({ path: f.path, sha256: f.sha256, size: f.size }))
        const want = Buffer.from(JSON.stringify({ files: shape, version: MANIFEST_VERSION }))
        expect(canonicalManifestBytes(files).equals(want)).toBe(true)
      }),
      runs()
    )
  })

  it('records awkward file names exactly, and the manifest parses back to the same digest', async () => {
    const names = [
      'quote"d.txt',
      'back\\slash.txt',
      'new\nline.txt',
      'ctl\u0001.txt',
      'del\u007f.txt',
      'sep\u2028.txt',
      'é/日本.txt',
      '\u{1F600}.txt',
      'plain.txt'
    ]
    const root = tree(Object.fromEntries(names.map((n, i) => [n, `content ${i}`])))
    const m = await buildManifest(['.'], { cwd: root })
    const byBytes = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    expect(m.files.map(f => f.path)).toEqual(byBytes)
    expect(m.files.map(f => f.sha256)).toEqual(byBytes.map(n => hex(`content ${names.indexOf(n)}`)))
    expect(parseManifest(m.canonicalBytes).digest).toBe(m.digest)
  })

  it('rejects duplicate paths and non-canonical manifest bytes', () => {
    const e = { path: 'a', size: 1, sha256: 'a'.repeat(64) }
    expect(() => canonicalManifestBytes([e, e])).toThrow(/duplicate/)
    const pretty = Buffer.from(
      JSON.stringify(JSON.parse(canonicalManifestBytes([e]).toString()), null, 2)
    )
    expect(() => parseManifest(pretty)).toThrow(/canonical/)
    expect(() => parseManifest(Buffer.from('{"version":"x","files":[]}'))).toThrow(/not qprov/)
  })
})

describe('memory', () => {
  it('hashes a 1 GiB file with flat memory', async () => {
    const root = tree({})
    const big = path.join(root, 'sparse.bin')
    // Sparse: 1 GiB of zeros that take no disk space. 1 GiB proves the bound as well as 4 would:
    // the limit below is a quarter of it, and memory would grow with the file if it were held.
    const fd = openSync(big, 'w')
    ftruncateSync(fd, 1024 ** 3)
    closeSync(fd)
    const script = path.join(root, 'probe.mts')
    const manifest = new URL('../../src/workload/manifest.ts', import.meta.url).href
    writeFileSync(
      script,
      `import { buildManifest } from ${JSON.stringify(manifest)}\n` +
        `const m = await buildManifest(['sparse.bin'], { cwd: ${JSON.stringify(root)} })\n` +
        'console.log(JSON.stringify({ m: m.files[0], maxRssKiB: process.resourceUsage().maxRSS }))\n'
    )
    const out = execFileSync(process.execPath, ['--import', import.meta.resolve('tsx'), script], {
      encoding: 'utf8'
    })
    const { m, maxRssKiB } = JSON.parse(out) as { m: ManifestEntry; maxRssKiB: number }
    expect(m).toEqual({
      path: 'sparse.bin',
      size: 1024 ** 3,
      // sha256 of 1 GiB of zero bytes (head -c 1073741824 /dev/zero | sha256sum)
      sha256: '49bc20df15e412a64472421e13fe86ff1c5165e18b2afccf160d4dc19fe68a14'
    })
    expect(maxRssKiB).toBeLessThan(256 * 1024)
  })
})
