import { readFile } from 'node:fs/promises'
import { QprovError } from '../errors.js'
import type { RunContext } from './context.js'
import { githubError, httpFailure, type Octokit } from './octokit.js'

export interface AttachedAsset {
  id: number
  name: string
  url: string
  /** True when an asset of the same name was deleted first. */
  replaced: boolean
}

export interface ReleaseAttach {
  tag: string
  file: string
  name: string
  label?: string
  contentType?: string
}

/** Assets of the repository's releases. */
export interface ReleaseStore {
  attach(a: ReleaseAttach): Promise<AttachedAsset>
}

interface Release {
  id: number
  tag_name: string
  upload_url: string
  draft: boolean
}
interface Asset {
  id: number
  name: string
  label: string | null
  browser_download_url: string
}

const IMMUTABLE_HELP =
  'attach the proof bundle while the release is still a draft (create it with draft: true, ' +
  'run qprov with release-tag, then publish it)'

/**
 * Over the REST API: find the release (drafts are not found by tag, so the list is searched
 * too), delete an asset of the same name or label, upload the bytes to the release's upload_url.
 */
export function octokitReleaseStore(octokit: Octokit, ctx: RunContext): ReleaseStore {
  const repo = { owner: ctx.owner, repo: ctx.repo }
  const perm = 'contents: write'

  async function findRelease(tag: string): Promise<Release> {
    try {
      return (await octokit.rest.repos.getReleaseByTag({ ...repo, tag })).data as Release
    } catch (e) {
      if (httpFailure(e).status !== 404)
        throw githubError(`release ${tag}`, e, { permission: perm })
    }
    try {
      for await (const page of octokit.paginate.iterator(octokit.rest.repos.listReleases, {
        ...repo,
        per_page: 100
      }))
        for (const r of page.data as Release[]) if (r.tag_name === tag) return r
    } catch (e) {
      throw githubError(`listing releases to find ${tag}`, e, { permission: perm })
    }
    throw new QprovError(
      'INPUT_INVALID',
      `no release with tag ${tag} in ${ctx.repository}; create it (as a draft) before attaching`
    )
  }

  async function deleteSameName(releaseId: number, name: string, label?: string) {
    let deleted = false
    try {
      const assets = (await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
        ...repo,
        release_id: releaseId,
        per_page: 100
      })) as Asset[]
      // GitHub may rewrite special characters in names, so a label match counts too.
      for (const a of assets)
        if (a.name === name || (label !== undefined && a.label === label)) {
          await octokit.rest.repos.deleteReleaseAsset({ ...repo, asset_id: a.id })
          deleted = true
        }
    } catch (e) {
      throw githubError(`replacing asset ${name}`, e, { permission: perm })
    }
    return deleted
  }

  async function upload(release: Release, a: ReleaseAttach, data: Buffer): Promise<Asset> {
    return (
      await octokit.request(`POST ${release.upload_url}`, {
        name: a.name,
        ...(a.label !== undefined ? { label: a.label } : {}),
        data,
        headers: {
          'content-type': a.contentType ?? 'application/json',
          'content-length': data.length
        }
      })
    ).data as Asset
  }

  return {
    async attach(a) {
      const data = await readFile(a.file)
      const release = await findRelease(a.tag)
      let replaced = await deleteSameName(release.id, a.name, a.label)
      let asset: Asset
      try {
        asset = await upload(release, a, data)
      } catch (e) {
        const f = httpFailure(e)
        if (f.status === 422 && /immutable/i.test(f.message))
          throw new QprovError(
            'RELEASE_IMMUTABLE',
            `release ${a.tag} is immutable (published), GitHub refused the asset: ${IMMUTABLE_HELP}`,
            { cause: e }
          )
        if (f.status !== 422 || !/already_exists|already exists/i.test(f.message))
          throw githubError(`uploading ${a.name} to release ${a.tag}`, e, { permission: perm })
        // Another step raced us to the name: delete theirs and try once more.
        replaced = (await deleteSameName(release.id, a.name, a.label)) || replaced
        try {
          asset = await upload(release, a, data)
        } catch (e2) {
          throw githubError(`uploading ${a.name} to release ${a.tag}`, e2, { permission: perm })
        }
      }
      return { id: asset.id, name: asset.name, url: asset.browser_download_url, replaced }
    }
  }
}
