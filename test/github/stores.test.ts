import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { QprovError } from '../../src/errors.js'
import { actionsArtifactStore } from '../../src/github/artifact-store.js'
import { fetchBundleFromURL } from '../../src/github/attestation-bundle-url.js'
import { octokitAttestationStore } from '../../src/github/attestation-store.js'
import { octokitCheckRuns } from '../../src/github/check-runs.js'
import { runContext, type RunContext } from '../../src/github/context.js'
import { octokitFor } from '../../src/github/octokit.js'
import { octokitReleaseStore } from '../../src/github/release-store.js'
import { tmp } from '../action/action-process.js'
import { startFakeGitHub, unzipEntries, type FakeGitHub } from '../fakes/github-server.js'

let gh: FakeGitHub
let ctx: RunContext
const saved = { ...process.env }

beforeAll(async () => {
  gh = await startFakeGitHub()
  ctx = runContext({
    GITHUB_REPOSITORY: gh.repository,
    GITHUB_API_URL: gh.apiURL,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242'
  })
})
afterAll(() => gh.close())
afterEach(() => {
  process.env = { ...saved }
})

function proofDir(): { dir: string; files: Record<string, string> } {
  const dir = tmp('qprov-proof-')
  const files: Record<string, string> = {}
  for (const name of Object.values(PROOF_FILES)) {
    files[name] = JSON.stringify({ file: name, nonce: Math.random() })
    writeFileSync(join(dir, name), files[name])
  }
  return { dir, files }
}

function runnerEnv(token = gh.runtimeToken) {
  process.env.ACTIONS_RUNTIME_TOKEN = token
  process.env.ACTIONS_RESULTS_URL = gh.resultsURL
  process.env.GITHUB_SERVER_URL = 'https://github.com'
}

describe('ArtifactStore over @actions/artifact', () => {
  it('uploads the proof bundle as a zip that unpacks to the same files, with id, digest and URL', async () => {
    runnerEnv()
    const { dir, files } = proofDir()
    const up = await actionsArtifactStore(ctx).upload({
      name: 'qprov-proof-job1',
      files: Object.keys(files).map(f => join(dir, f)),
      rootDirectory: dir,
      retentionDays: 7
    })
    const stored = gh.artifacts.find(a => a.name === 'qprov-proof-job1')!
    expect(stored.finalized).toBe(true)
    expect(up.id).toBe(stored.id)
    expect(up.digest).toBe(`sha256:${createHash('sha256').update(stored.blob!).digest('hex')}`)
    expect(up.url).toBe(`https://github.com/${gh.repository}/actions/runs/4242/artifacts/${up.id}`)
    const days = (Date.parse(stored.expiresAt!) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThan(7.1)
    const entries = await unzipEntries(stored.blob!)
    expect([...entries.keys()].sort()).toEqual(Object.keys(files).sort())
    for (const [name, text] of Object.entries(files))
      expect(entries.get(name)?.toString('utf8')).toBe(text)
  })

  it('fails with PUBLISH_FAILED when the runtime token is not the run’s', async () => {
    const forged = `${gh.runtimeToken.split('.').slice(0, 2).join('.')}.forged`
    runnerEnv(forged)
    const { dir, files } = proofDir()
    const err = await actionsArtifactStore(ctx)
      .upload({ name: 'x', files: Object.keys(files).map(f => join(dir, f)), rootDirectory: dir })
      .catch(e => e)
    expect(err).toBeInstanceOf(QprovError)
    expect(err.code).toBe('PUBLISH_FAILED')
    expect(err.message).toMatch(/401/)
    expect(gh.artifacts.some(a => a.name === 'x')).toBe(false)
  })

  it('refuses names GitHub would refuse before any request', async () => {
    runnerEnv()
    const before = gh.requests.length
    await expect(
      actionsArtifactStore(ctx).upload({ name: 'a/b', files: [], rootDirectory: tmp() })
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' })
    expect(gh.requests.length).toBe(before)
  })
})

describe('ReleaseStore over octokit', () => {
  const file = () => {
    const p = join(tmp('qprov-rel-'), 'job.qprov.json')
    writeFileSync(p, JSON.stringify({ n: Math.random() }))
    return p
  }

  it('finds a draft release (not found by tag) and replaces an asset of the same name', async () => {
    const rel = gh.addRelease('v1.0.0', { draft: true })
    const store = octokitReleaseStore(octokitFor(ctx, gh.addToken({ contents: 'write' })), ctx)
    const first = await store.attach({ tag: 'v1.0.0', file: file(), name: 'job.qprov.json' })
    expect(first.replaced).toBe(false)
    const f2 = file()
    const second = await store.attach({ tag: 'v1.0.0', file: f2, name: 'job.qprov.json' })
    expect(second.replaced).toBe(true)
    expect(rel.assets).toHaveLength(1)
    expect(rel.assets[0]!.id).toBe(second.id)
    expect(rel.assets[0]!.data.toString()).toBe((await import('node:fs')).readFileSync(f2, 'utf8'))
    expect(rel.assets[0]!.content_type).toBe('application/json')
    expect(second.url).toBe(
      `https://github.com/${gh.repository}/releases/download/v1.0.0/job.qprov.json`
    )
  })

  it('says to attach while the release is a draft when an immutable release refuses the upload', async () => {
    gh.addRelease('v2.0.0', { immutable: true })
    const store = octokitReleaseStore(octokitFor(ctx, gh.addToken({ contents: 'write' })), ctx)
    const err = await store
      .attach({ tag: 'v2.0.0', file: file(), name: 'a.qprov.json' })
      .catch(e => e)
    expect(err.code).toBe('RELEASE_IMMUTABLE')
    expect(err.message).toMatch(/still a draft/)
  })

  it('names contents: write when the token may only read', async () => {
    gh.addRelease('v3.0.0', { draft: false })
    const store = octokitReleaseStore(octokitFor(ctx, gh.addToken({ contents: 'read' })), ctx)
    const err = await store
      .attach({ tag: 'v3.0.0', file: file(), name: 'b.qprov.json' })
      .catch(e => e)
    expect(err.code).toBe('GITHUB_API')
    expect(err.message).toMatch(/HTTP 403 .*contents: write/)
  })

  it('reports a release that does not exist as an input error', async () => {
    const store = octokitReleaseStore(octokitFor(ctx, gh.addToken({ contents: 'write' })), ctx)
    await expect(store.attach({ tag: 'nope', file: file(), name: 'c.json' })).rejects.toMatchObject(
      {
        code: 'INPUT_INVALID'
      }
    )
  })
})

function dsse(predicateType: string, digest: string, marker: string) {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'pkg', digest: { sha256: digest } }],
    predicateType,
    predicate: { marker }
  }
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { tlogEntries: [] },
    dsseEnvelope: {
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
      signatures: [{ sig: 'AA==' }]
    }
  }
}

describe('AttestationStore over octokit', () => {
  it('stores bundles, returns their IDs and finds them by predicate type, not by order', async () => {
    const digest = 'ab'.repeat(32)
    const store = octokitAttestationStore(
      octokitFor(ctx, gh.addToken({ attestations: 'write' })),
      ctx
    )
    const decoy = await store.store(dsse('https://example.com/other/v1', digest, 'decoy'))
    const mine = await store.store(dsse('https://qprov.dev/x/v1', digest, 'mine'))
    expect(mine).not.toBe(decoy)
    gh.filterPredicateType = false
    try {
      const found = await store.find(`sha256:${digest}`, 'https://qprov.dev/x/v1')
      expect(found).toHaveLength(1)
      const st = JSON.parse(
        Buffer.from((found[0]!.dsseEnvelope as { payload: string }).payload, 'base64').toString()
      )
      expect(st.predicate.marker).toBe('mine')
    } finally {
      gh.filterPredicateType = true
    }
  })

  it('asks for API version 2026-03-10 and reads each bundle from its bundle_url, without the token', async () => {
    const digest = 'ef'.repeat(32)
    const store = octokitAttestationStore(
      octokitFor(ctx, gh.addToken({ attestations: 'write' })),
      ctx
    )
    const stored = dsse('https://qprov.dev/y/v1', digest, 'by-url')
    await store.store(stored)
    const before = gh.requests.length
    const found = await store.find(`sha256:${digest}`, 'https://qprov.dev/y/v1')
    expect(found).toEqual([stored])
    const calls = gh.requests.slice(before)
    expect(
      calls.map(c => [c.method, c.path.split('/')[4] ?? c.path.split('/')[1], c.status])
    ).toEqual([
      ['GET', 'attestations', 200],
      ['GET', 'downloads', 200]
    ])
    expect(calls[0]?.apiVersion).toBe('2026-03-10')
    // The signed blob URL carries its own authorisation: the GitHub token never goes there.
    expect(calls[1]?.authorized).toBe(false)
  })

  it('falls back to 2022-11-28 and its inline bundle where the server does not offer 2026-03-10', async () => {
    const digest = '12'.repeat(32)
    gh.apiVersions = ['2022-11-28']
    try {
      const store = octokitAttestationStore(
        octokitFor(ctx, gh.addToken({ attestations: 'write' })),
        ctx
      )
      const stored = dsse('https://qprov.dev/z/v1', digest, 'inline')
      const before = gh.requests.length
      await store.store(stored)
      expect(await store.find(`sha256:${digest}`, 'https://qprov.dev/z/v1')).toEqual([stored])
      expect(gh.requests.slice(before).map(c => [c.method, c.status, c.apiVersion])).toEqual([
        ['POST', 400, '2026-03-10'],
        ['POST', 201, '2022-11-28'],
        ['GET', 200, '2022-11-28']
      ])
    } finally {
      gh.apiVersions = ['2022-11-28', '2026-03-10']
    }
  })

  it('refuses a bundle_url that is not https beside an https API, or whose body is not snappy', async () => {
    await expect(
      fetchBundleFromURL('http://blob.example/b', 'https://api.github.com')
    ).rejects.toThrow(/not a plain https URL/)
    await expect(
      fetchBundleFromURL('https://user:pw@blob.example/b', 'https://api.github.com')
    ).rejects.toThrow(/not a plain https URL/)
    const digest = '34'.repeat(32)
    const store = octokitAttestationStore(
      octokitFor(ctx, gh.addToken({ attestations: 'write' })),
      ctx
    )
    await store.store(dsse('https://qprov.dev/w/v1', digest, 'x'))
    const res = await fetch(`${gh.apiURL}/repos/${gh.repository}/attestations/sha256:${digest}`, {
      headers: {
        authorization: `token ${gh.addToken({ attestations: 'read' })}`,
        'x-github-api-version': '2026-03-10'
      }
    })
    const listed = (await res.json()) as {
      attestations: { bundle?: unknown; bundle_url: string }[]
    }
    expect(listed.attestations[0]?.bundle).toBeUndefined()
    const raw = await fetchBundleFromURL(listed.attestations[0]!.bundle_url, gh.apiURL)
    expect(raw.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    // A body that is plain JSON, not snappy, is refused rather than guessed at.
    const plain = createServer((_req, r) => r.end(JSON.stringify(raw)))
    await new Promise<void>(r => plain.listen(0, '127.0.0.1', r))
    try {
      const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/b`
      await expect(fetchBundleFromURL(url, gh.apiURL)).rejects.toThrow(
        /is not a snappy-compressed bundle/
      )
    } finally {
      await new Promise(r => plain.close(r))
    }
  })

  it('names attestations: write when the token lacks it, and 422 for a bundle without an envelope', async () => {
    const ro = octokitAttestationStore(octokitFor(ctx, gh.addToken({ contents: 'read' })), ctx)
    await expect(ro.store(dsse('p', 'cd'.repeat(32), 'x'))).rejects.toThrow(/attestations: write/)
    const rw = octokitAttestationStore(octokitFor(ctx, gh.addToken({ attestations: 'write' })), ctx)
    await expect(rw.store({ mediaType: 'x' })).rejects.toThrow(/HTTP 422/)
  })
})

describe('CheckRuns over octokit', () => {
  it('creates a completed run and sends 120 annotations in batches of at most 50', async () => {
    const runs = octokitCheckRuns(octokitFor(ctx, gh.addToken({ checks: 'write' })), ctx)
    const annotations = Array.from({ length: 120 }, (_, i) => ({
      path: 'proof/job.qprov.json',
      startLine: 1,
      endLine: 1,
      level: 'failure' as const,
      title: `check ${i}`,
      message: 'failed'
    }))
    const before = gh.requests.length
    const r = await runs.create({
      name: 'qprov / verify',
      headSha: 'a'.repeat(40),
      conclusion: 'failure',
      title: '0 of 1 verified',
      summary: 'x'.repeat(70_000),
      annotations
    })
    const run = gh.checkRuns.find(c => c.id === r.id)!
    expect(run.annotations).toHaveLength(120)
    expect(run.body.conclusion).toBe('failure')
    expect(String((run.body.output as { summary: string }).summary).length).toBe(65535)
    const calls = gh.requests.slice(before).filter(q => q.path.includes('check-runs'))
    expect(calls.map(c => c.method)).toEqual(['POST', 'PATCH', 'PATCH'])
    expect(r.url).toBe(`https://github.com/${gh.repository}/runs/${r.id}`)
  })

  it('the fake refuses 51 annotations in one request, as GitHub does', async () => {
    const token = gh.addToken({ checks: 'write' })
    const res = await fetch(`${gh.apiURL}/repos/${gh.repository}/check-runs`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'n',
        head_sha: 'a'.repeat(40),
        output: {
          title: 't',
          summary: 's',
          annotations: Array.from({ length: 51 }, () => ({
            path: 'p',
            start_line: 1,
            end_line: 1,
            annotation_level: 'notice',
            message: 'm'
          }))
        }
      })
    })
    expect(res.status).toBe(422)
  })
})
