import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8')

/** Every workflow file the repository ships: its own, and the examples users copy. */
function workflowFiles(): string[] {
  const dirs = ['.github/workflows', 'examples/workflows', 'docs/examples']
  return dirs.flatMap(d =>
    existsSync(join(ROOT, d))
      ? readdirSync(join(ROOT, d))
          .filter(f => /\.ya?ml$/.test(f))
          .map(f => `${d}/${f}`)
      : []
  )
}

interface Use {
  file: string
  action: string
  ref: string
  comment: string
}

/** `uses: owner/repo[/path]@ref # comment` lines, leaving out local actions and qprov itself. */
function usesOf(file: string): Use[] {
  const out: Use[] = []
  for (const m of read(file).matchAll(/^\s*(?:-\s+)?uses:\s*([^\s@#]+)@(\S+)(?:\s+#\s*(.*))?$/gm)) {
    const [, action = '', ref = '', comment = ''] = m
    if (action.startsWith('./') || action === 'qprov/qprov') continue
    out.push({ file, action, ref, comment: comment.trim() })
  }
  return out
}

describe('repository hygiene', () => {
  it('pins every third-party action by a full commit SHA with its version beside it', () => {
    const uses = workflowFiles().flatMap(usesOf)
    expect(uses.length).toBeGreaterThan(5)
    for (const u of uses) {
      expect(u.ref, `${u.file}: ${u.action}`).toMatch(/^[0-9a-f]{40}$/)
      expect(u.comment, `${u.file}: ${u.action}`).toMatch(/^v\d+(\.\d+)*$/)
    }
  })

  it('uses one pin per action across all workflows', () => {
    const pins = new Map<string, Set<string>>()
    for (const u of workflowFiles().flatMap(usesOf)) {
      const set = pins.get(u.action) ?? new Set<string>()
      set.add(`${u.ref} # ${u.comment}`)
      pins.set(u.action, set)
    }
    const split = [...pins].filter(([, refs]) => refs.size > 1).map(([a, r]) => `${a}: ${[...r]}`)
    expect(split).toEqual([])
  })

  it('is licensed Apache-2.0, in LICENSE and in package.json', () => {
    const license = read('LICENSE')
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/)
    expect(license).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION')
    expect((JSON.parse(read('package.json')) as { license?: string }).license).toBe('Apache-2.0')
  })

  it('has Dependabot update npm packages and the pinned GitHub Actions', () => {
    const config = read('.github/dependabot.yml')
    const ecosystems = [...config.matchAll(/package-ecosystem:\s*(\S+)/g)].map(m => m[1])
    expect(ecosystems.sort()).toEqual(['github-actions', 'npm'])
  })
})
