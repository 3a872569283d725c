import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { QprovError } from '../errors.js'
import { DIGESTED_FILES, parseBinding, sha256Digest } from '../proof/binding-document.js'
import { PROOF_BUNDLE_SUFFIX, PROOF_FILES } from '../proof/layout.js'
import { PROOF_FILE_NAMES, loadProofBundle, type ProofFiles } from '../proof/proof-bundle.js'
import type { ProvenanceRefs } from '../proof/tags.js'

/** What a job's qprov tags point at, plus its ID: everything a source may search by. */
export interface ProofQuery extends ProvenanceRefs {
  jobId: string
}

export interface FoundProof {
  /** The source's name, e.g. `local`. */
  source: string
  /** Where in the source, for the report (a path, an attestation ID, an asset URL). */
  location: string
  files: ProofFiles
  /** Where files missing from this candidate came from (byte-identical to what its binding signs). */
  completedFrom?: string[]
}

/** A candidate a source looked at and passed over, and why (for the report). */
export interface SkippedCandidate {
  location: string
  reason: string
}

/**
 * A place proof bundles can be found. `find` returns every candidate that may belong to the
 * query; the caller verifies each one (fetch-proof.ts), never the source.
 */
export interface ProofSource {
  name: string
  find(query: ProofQuery): Promise<FoundProof[]>
  /** What the last find passed over before any tag check (e.g. attestations of other signers). */
  readonly skipped?: SkippedCandidate[]
}

/**
 * Fills the files `partial` lacks from `donor`, taking only bytes whose sha256 is the one the
 * partial's binding signs (binding.json `files`). Returns the names it filled.
 */
export function completeFrom(partial: FoundProof, donor: FoundProof): string[] {
  const bytes = partial.files[PROOF_FILES.binding]
  if (bytes === undefined) return []
  let digests: Record<string, string>
  try {
    digests = parseBinding(bytes).files
  } catch {
    return []
  }
  const filled: string[] = []
  for (const name of DIGESTED_FILES) {
    const d = donor.files[name]
    if (partial.files[name] !== undefined || d === undefined) continue
    if (sha256Digest(d) !== digests[name]) continue
    partial.files[name] = d
    filled.push(name)
  }
  if (filled.length > 0) (partial.completedFrom ??= []).push(donor.location)
  return filled
}

async function candidatePaths(dir: string): Promise<string[]> {
  const st = await stat(dir).catch(() => undefined)
  if (st === undefined) throw new QprovError('INPUT_NOT_FOUND', `--from ${dir}: not found`)
  if (!st.isDirectory()) throw new QprovError('INPUT_NOT_FOUND', `--from ${dir} is not a directory`)
  const entries = (await readdir(dir, { withFileTypes: true })).sort((x, y) =>
    x.name < y.name ? -1 : x.name > y.name ? 1 : 0
  )
  return entries.some(e => PROOF_FILE_NAMES.includes(e.name))
    ? [dir]
    : entries
        .filter(e => e.isDirectory() || (e.isFile() && e.name.endsWith(PROOF_BUNDLE_SUFFIX)))
        .map(e => join(dir, e.name))
}

/** The bundle at path and the job its binding names, or undefined when it has no readable binding. */
async function loadCandidate(
  path: string
): Promise<{ jobId: string; files: ProofFiles } | undefined> {
  const loaded = await loadProofBundle(path).catch(() => undefined)
  if (loaded === undefined || loaded.error !== undefined) return undefined
  const b = loaded.files[PROOF_FILES.binding]
  if (b === undefined) return undefined
  try {
    return { jobId: parseBinding(b).runtime.job_id, files: loaded.files }
  } catch {
    return undefined
  }
}

/**
 * `--from DIR`: proof bundle directories and `*.qprov.json` files in DIR (DIR itself, or its
 * direct entries), candidates when their binding names the job. With `index`, the directories
 * are read once and each find loads only the bundles whose binding named its job then (an
 * audit asks for every job of an instance); what a find returns is read again, so it is what
 * gets verified.
 */
export class LocalDirectorySource implements ProofSource {
  readonly name = 'local'
  private index?: Promise<Map<string, string[]>>
  constructor(
    private readonly dirs: string[],
    private readonly opts: { index?: boolean } = {}
  ) {}

  private async paths(query: ProofQuery): Promise<string[]> {
    const all = async () => (await Promise.all(this.dirs.map(candidatePaths))).flat()
    if (!this.opts.index) return all()
    this.index ??= (async () => {
      const byJob = new Map<string, string[]>()
      for (const path of await all()) {
        const c = await loadCandidate(path)
        if (c !== undefined) byJob.set(c.jobId, [...(byJob.get(c.jobId) ?? []), path])
      }
      return byJob
    })()
    return (await this.index).get(query.jobId) ?? []
  }

  async find(query: ProofQuery): Promise<FoundProof[]> {
    const found: FoundProof[] = []
    for (const path of await this.paths(query)) {
      const c = await loadCandidate(path)
      if (c === undefined || c.jobId !== query.jobId) continue
      found.push({ source: this.name, location: path, files: c.files })
    }
    return found
  }
}
