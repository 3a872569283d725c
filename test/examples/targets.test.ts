/**
 * The examples and docs/job-spec.md against the real configuration snapshots the emulator serves
 * (qiskit-ibm-runtime fake_provider/backends/NAME/conf_NAME.json): every example workload passes the
 * target check for the backend it names, and the docs claim no instruction a configuration lacks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBackendConfiguration } from '../../src/runtime/backend-target.js'
import { loadJobSpec } from '../../src/runtime/job-spec.js'
import { checkJobAgainstTarget } from '../../src/runtime/target-check.js'
import { configurationView, target } from '../../src/sandbox/runtime/targets.js'
import { REPO_ROOT } from '../helpers/cli.js'

/** Every qprov.job.json under examples/, however deep. */
function specs(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return specs(path)
    return name === 'qprov.job.json' ? [path] : []
  })
}

describe('example workloads', () => {
  const found = specs(join(REPO_ROOT, 'examples'))

  it('are all found', () => {
    expect(found.map(p => p.slice(REPO_ROOT.length))).toEqual(
      expect.arrayContaining([
        'examples/bell/qprov.job.json',
        'examples/bell-estimator/qprov.job.json',
        'examples/ghz/qprov.job.json'
      ])
    )
  })

  it.each(found.map(p => [p.slice(REPO_ROOT.length), p]))(
    '%s passes the target check against the backend it names, without warnings',
    (_, path) => {
      const loaded = loadJobSpec(path)
      const backend = loaded.spec.backend
      const t = target(backend)
      expect(t, `${backend} is no built-in configuration snapshot`).toBeDefined()
      const config = parseBackendConfiguration(backend, configurationView(t!))
      expect(checkJobAgainstTarget(loaded, config)).toEqual([])
    }
  )
})

describe('docs/job-spec.md', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/job-spec.md'), 'utf8')
  const rows = [...doc.matchAll(/^\| `(ibm_\w+)` \([^)]*\) \| ([^|]+) \| ([^|]+) \|$/gm)]
  const names = (cell: string) => [...cell.matchAll(/`(\w+)`/g)].map(m => m[1]).sort()

  it('lists every built-in backend', () => {
    expect(rows.map(r => r[1]).sort()).toEqual([
      'ibm_boston',
      'ibm_brisbane',
      'ibm_fez',
      'ibm_torino'
    ])
  })

  it.each(rows.map(r => [r[1], r[2], r[3]]))(
    'claims for %s exactly the gates and instructions its configuration lists',
    (backend, gates, also) => {
      const c = configurationView(target(backend)!)
      expect(names(gates)).toEqual([...(c.basis_gates as string[])].sort())
      const counted = [
        'measure',
        'reset',
        'delay',
        'if_else',
        'for_loop',
        'while_loop',
        'switch_case',
        'box'
      ]
      const signatures = ((c.instruction_signatures ?? []) as { name: string }[]).map(s => s.name)
      const listed = (c.supported_instructions as string[]).filter(i => counted.includes(i))
      expect(names(also)).toEqual([...listed, ...signatures].sort())
    }
  )
})
