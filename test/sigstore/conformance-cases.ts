import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { sharedPath } from '../helpers/shared.js'

export const CONFORMANCE_DIR = sharedPath('vectors/sigstore-conformance/bundle-verify/')
export const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main'
export const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com'

export interface ConformanceCase {
  name: string
  dir: string
  expectPass: boolean
  bundlePath: string
  artifactPath: string
  artifactDigest: string
  trustedRootPath?: string
  keyPath?: string
  identity: string
  issuer: string
}

/** The suite's runner conventions (INDEX.md): optional files per case, defaults otherwise. */
export function conformanceCases(): ConformanceCase[] {
  if (!existsSync(CONFORMANCE_DIR)) return []
  return readdirSync(CONFORMANCE_DIR)
    .filter(n => existsSync(`${CONFORMANCE_DIR}${n}/bundle.sigstore.json`))
    .sort()
    .map(name => {
      const dir = `${CONFORMANCE_DIR}${name}/`
      const opt = (f: string): string | undefined => (existsSync(dir + f) ? dir + f : undefined)
      const artifactPath = opt('artifact') ?? `${CONFORMANCE_DIR}a.txt`
      const text = (f: string): string | undefined => {
        const p = opt(f)
        return p === undefined ? undefined : readFileSync(p, 'utf8').trim()
      }
      return {
        name,
        dir,
        expectPass: !name.endsWith('_fail'),
        bundlePath: `${dir}bundle.sigstore.json`,
        artifactPath,
        artifactDigest: `sha256:${createHash('sha256').update(readFileSync(artifactPath)).digest('hex')}`,
        trustedRootPath: opt('trusted_root.json'),
        keyPath: opt('key.pub'),
        identity: text('identity') ?? DEFAULT_IDENTITY,
        issuer: text('issuer') ?? DEFAULT_ISSUER
      }
    })
}

/** The verify-bundle argv the conformance runner would pass. */
export function conformanceArgs(c: ConformanceCase, form: 'path' | 'digest'): string[] {
  const args = ['verify-bundle', '--bundle', c.bundlePath]
  if (c.trustedRootPath) args.push('--trusted-root', c.trustedRootPath)
  if (c.keyPath) args.push('--key', c.keyPath)
  else args.push('--certificate-identity', c.identity, '--certificate-oidc-issuer', c.issuer)
  args.push(form === 'path' ? c.artifactPath : c.artifactDigest)
  return args
}
