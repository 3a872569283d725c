import { globSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const json = (rel: string) =>
  JSON.parse(readFileSync(`${ROOT}${rel}`, 'utf8')) as Record<string, unknown>

describe('knip (unused files, exports and dependencies fail npm run lint)', () => {
  it('runs in npm run lint', () => {
    const scripts = json('package.json').scripts as Record<string, string>
    expect(scripts.lint).toMatch(/&& npm run knip$/)
    expect(scripts.knip).toBe('knip')
  })

  it('starts from entry points that exist: a renamed entry would hide its whole import graph', () => {
    const entries = json('knip.json').entry as string[]
    expect(entries).toEqual(
      expect.arrayContaining([
        'src/action/index.ts',
        'src/verify/worker.ts',
        'src/sandbox/index.ts'
      ])
    )
    for (const pattern of entries)
      expect(globSync(pattern, { cwd: ROOT }).length, pattern).toBeGreaterThan(0)
  })
})
