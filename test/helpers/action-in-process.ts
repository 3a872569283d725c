import { readFileSync } from 'node:fs'
import type { GitHubEdges } from '../../src/action/github-edges.js'
import { readInputs, type ActionInputs } from '../../src/action/inputs.js'
import type { Reporter } from '../../src/action/reporter.js'
import type { ArtifactUpload } from '../../src/github/artifact-store.js'
import type { SummaryDoc } from '../../src/github/summary.js'

/** Every action input at its default, as readInputs() gives it for an empty step. */
export function actionInputs(workspace: string, o: Partial<ActionInputs> = {}): ActionInputs {
  return {
    mode: 'attest',
    workload: [],
    declareAi: [],
    sigstore: 'public-good',
    outDir: 'qprov-out',
    bundle: [],
    attestationStore: false,
    checkRun: false,
    waitForResults: false,
    requireResults: false,
    workspace,
    ...o
  }
}

/**
 * The inputs exactly as the action reads them from a step's `with:` (INPUT_* variables), so
 * defaults are the action's own; the process environment is restored afterwards.
 */
export function readActionInputs(given: Record<string, string>, workspace: string): ActionInputs {
  const saved = Object.entries(process.env).filter(([k]) => k.startsWith('INPUT_'))
  for (const [k] of saved) delete process.env[k]
  for (const [k, v] of Object.entries(given)) process.env[`INPUT_${k.toUpperCase()}`] = v
  try {
    return readInputs({ GITHUB_WORKSPACE: workspace })
  } finally {
    for (const k of Object.keys(given)) delete process.env[`INPUT_${k.toUpperCase()}`]
    for (const [k, v] of saved) process.env[k] = v
  }
}

export interface RecordingReporter extends Reporter {
  lines: string[]
  outputs: Record<string, string>
  summaries: SummaryDoc[]
}

export function recordingReporter(): RecordingReporter {
  const r: RecordingReporter = {
    lines: [],
    outputs: {},
    summaries: [],
    output: (name, value) => void (r.outputs[name] = value),
    info: m => void r.lines.push(m),
    warning: m => void r.lines.push(`warning: ${m}`),
    summary: async doc => void r.summaries.push(doc)
  }
  return r
}

/** What the fake GitHub edges were asked to publish: each file's name and the bytes uploaded. */
export interface Published {
  artifacts: { name: string; files: Record<string, Buffer> }[]
  releaseAssets: { name: string; bytes: Buffer }[]
  attestations: unknown[]
}

/** GitHub edges that read what they are given, as the real clients would, and keep it. */
export function recordingEdges(): GitHubEdges & { published: Published } {
  const published: Published = { artifacts: [], releaseAssets: [], attestations: [] }
  return {
    published,
    context: () => ({
      serverURL: 'https://github.com',
      apiURL: 'https://api.github.com',
      repository: 'o/r',
      owner: 'o',
      repo: 'r',
      runId: '1'
    }),
    artifacts: () => ({
      upload: async (u: ArtifactUpload) => {
        const files: Record<string, Buffer> = {}
        for (const f of u.files) files[f.slice(u.rootDirectory.length + 1)] = readFileSync(f)
        published.artifacts.push({ name: u.name, files })
        return { name: u.name, id: 1, digest: `sha256:${'0'.repeat(64)}`, size: 1 }
      }
    }),
    releases: () => ({
      attach: async a => {
        published.releaseAssets.push({ name: a.name, bytes: readFileSync(a.file) })
        return { name: a.name, url: 'https://example.invalid/asset', replaced: false, id: 1 }
      }
    }),
    attestations: () => ({
      store: async bundle => {
        published.attestations.push(bundle)
        return published.attestations.length
      },
      find: async () => []
    }),
    checkRuns: () => {
      throw new Error('no check runs in these tests')
    }
  } as GitHubEdges & { published: Published }
}
