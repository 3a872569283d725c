import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/cli.js'
import { configuredSeed, DEFAULT_SEED, PROPERTY_RUNS, runs } from '../helpers/property.js'

const testFiles = (): string[] =>
  readdirSync(join(REPO_ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.ts'))
    .map(f => join('test', f))

describe('property runs: one variable scales every fast-check property', () => {
  it('every fc.assert takes its options from test/helpers/property.ts', () => {
    const unscaled: string[] = []
    for (const file of testFiles()) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8')
      const asserts = text.split('fc.assert(').length - 1
      if (asserts === 0) continue
      const scaled = text.split(/\bruns\(/).length - 1
      if (scaled < asserts) unscaled.push(`${file}: ${asserts} fc.assert, ${scaled} runs()`)
    }
    expect(unscaled).toEqual([])
  })

  it('scales a costly property by its share, never to zero', () => {
    expect(runs().numRuns).toBe(PROPERTY_RUNS)
    expect(runs(0.4).numRuns).toBe(Math.max(1, Math.round(PROPERTY_RUNS * 0.4)))
    expect(runs(1e-9).numRuns).toBe(1)
  })

  it('npm test tries the same cases every run; a seed or random can be asked for', () => {
    expect(configuredSeed(undefined)).toBe(DEFAULT_SEED)
    expect(configuredSeed('')).toBe(DEFAULT_SEED)
    expect(configuredSeed('-1644076059')).toBe(-1644076059)
    expect(configuredSeed('random')).toBeUndefined()
    for (const bad of ['1.5', 'abc', String(2 ** 31)])
      expect(() => configuredSeed(bad)).toThrow(/QPROV_PROPERTY_SEED must be/)
  })

  it('npm run test:full runs 1000 of each from a new seed, and a scheduled workflow runs it', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts['test:full']).toBe(
      'QPROV_PROPERTY_RUNS=1000 QPROV_PROPERTY_SEED=random npm test'
    )
    const wf = readFileSync(join(REPO_ROOT, '.github/workflows/full-tests.yml'), 'utf8')
    expect(wf).toMatch(/^on:\n {2}schedule:\n {4}- cron: /m)
    expect(wf).toMatch(/^ {2}workflow_dispatch:/m)
    expect(wf).toMatch(/- run: npm run test:full$/m)
  })
})
