import { QprovError } from '../errors.js'
import { fetchBundleFromURL } from './attestation-bundle-url.js'
import type { RunContext } from './context.js'
import { githubError, httpFailure, type Octokit } from './octokit.js'

/**
 * The REST API version qprov asks for, sent explicitly: 2026-03-10 lists attestations with a
 * `bundle_url` and no inline bundle. A server that does not offer it (an older GitHub Enterprise
 * Server) is asked again with 2022-11-28, which inlines the bundle.
 */
const ATTESTATIONS_API_VERSION = '2026-03-10'
const FALLBACK_API_VERSION = '2022-11-28'

/** A Sigstore bundle as JSON (v0.3, DSSE). Its content is untrusted until verified. */
export type SigstoreBundleJSON = Record<string, unknown>

/** The repository's artifact attestations (what `gh attestation verify --repo` searches). */
export interface AttestationStore {
  /** Stores one bundle; returns GitHub's attestation ID. */
  store(bundle: SigstoreBundleJSON): Promise<number>
  /**
   * Every stored bundle for the subject digest whose DSSE statement has this predicate type.
   * All matches are returned: which one is genuine is for verification to decide, never order.
   */
  find(subjectDigest: string, predicateType: string): Promise<SigstoreBundleJSON[]>
}

/** The predicate type inside a DSSE bundle's in-toto payload, or undefined if unreadable. */
export function predicateTypeOf(bundle: unknown): string | undefined {
  try {
    const env = (bundle as { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } })
      .dsseEnvelope
    if (env?.payloadType !== 'application/vnd.in-toto+json' || typeof env.payload !== 'string')
      return undefined
    const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as {
      predicateType?: unknown
    }
    return typeof st.predicateType === 'string' ? st.predicateType : undefined
  } catch {
    return undefined
  }
}

/** A 400 about the X-GitHub-Api-Version header: the server does not offer that version. */
function versionRefused(e: unknown): boolean {
  const f = httpFailure(e)
  return f.status === 400 && /version/i.test(f.message)
}

interface Listed {
  bundle?: unknown
  bundle_url?: string
}

export function octokitAttestationStore(octokit: Octokit, ctx: RunContext): AttestationStore {
  const repo = { owner: ctx.owner, repo: ctx.repo }
  let version = ATTESTATIONS_API_VERSION
  /** One call with the version header, asked once more with the fallback if it is refused. */
  async function versioned<T>(call: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    try {
      return await call({ 'x-github-api-version': version })
    } catch (e) {
      if (version === FALLBACK_API_VERSION || !versionRefused(e)) throw e
      version = FALLBACK_API_VERSION
      return call({ 'x-github-api-version': version })
    }
  }
  return {
    async store(bundle) {
      try {
        const res = await versioned(headers =>
          octokit.rest.repos.createAttestation({ ...repo, bundle, headers })
        )
        const id = (res.data as { id?: unknown }).id
        if (typeof id !== 'number')
          throw new QprovError('PUBLISH_FAILED', 'the attestations API returned no ID')
        return id
      } catch (e) {
        throw githubError('storing the attestation', e, {
          code: 'PUBLISH_FAILED',
          permission: 'attestations: write'
        })
      }
    },
    async find(subjectDigest, predicateType) {
      if (!/^sha256:[0-9a-f]{64}$/.test(subjectDigest))
        throw new QprovError('INPUT_INVALID', `"${subjectDigest}" is not sha256:<64 hex>`)
      const found: SigstoreBundleJSON[] = []
      try {
        // Up to 10 pages of 100: enough for any real subject; more would be an abuse of the API.
        let before: string | undefined
        for (let page = 0; page < 10; page++) {
          const res = await versioned(headers =>
            octokit.rest.repos.listAttestations({
              ...repo,
              subject_digest: subjectDigest,
              predicate_type: predicateType,
              per_page: 100,
              ...(before ? { before } : {}),
              headers
            })
          )
          for (const a of (res.data.attestations ?? []) as Listed[]) {
            const bundle =
              a.bundle ??
              (a.bundle_url ? await fetchBundleFromURL(a.bundle_url, ctx.apiURL) : undefined)
            if (bundle && predicateTypeOf(bundle) === predicateType)
              found.push(bundle as SigstoreBundleJSON)
          }
          before = nextCursor(res.headers.link)
          if (!before) break
        }
      } catch (e) {
        throw githubError(`fetching attestations for ${subjectDigest}`, e, {
          permission: 'attestations: read'
        })
      }
      return found
    }
  }
}

/** The `before` cursor of a Link: <…?before=X>; rel="next" header. */
function nextCursor(link: string | undefined): string | undefined {
  const next = link?.split(',').find(p => /rel="next"/.test(p))
  const url = next && /<([^>]+)>/.exec(next)?.[1]
  return url ? (new URL(url).searchParams.get('before') ?? undefined) : undefined
}
