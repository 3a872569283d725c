import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { INPUT_NAMES, readInputs } from '../../src/action/inputs.js'
import { REPO_ROOT } from './action-process.js'

const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }
interface ValidationState {
  errors: { code: string; path?: string; title: string; detail?: string }[]
}
const validator = require('@action-validator/core') as {
  validateAction(src: string): ValidationState
  validateWorkflow(src: string): ValidationState
}

const actionText = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')
const action = yaml.load(actionText) as {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}

const saved = process.env
afterEach(() => {
  process.env = saved
})

/** The INPUT_* variables readInputs() touches, observed through a Proxy over process.env. */
function inputsRead(): Set<string> {
  const read = new Set<string>()
  const base: Record<string, string | undefined> = { ...saved }
  for (const k of Object.keys(base)) if (k.startsWith('INPUT_')) delete base[k]
  process.env = new Proxy(base, {
    get(t, k) {
      if (typeof k === 'string' && k.startsWith('INPUT_'))
        read.add(k.slice(6).toLowerCase().replace(/_/g, ' '))
      return t[k as string]
    }
  }) as NodeJS.ProcessEnv
  readInputs()
  return read
}

describe('action.yml', () => {
  it('declares every input the code reads, and the code reads every declared input', () => {
    const declared = Object.keys(action.inputs).sort()
    expect([...inputsRead()].sort()).toEqual(declared)
    expect([...INPUT_NAMES].sort()).toEqual(declared)
  })

  it('no code outside src/action/inputs.ts reads an input', () => {
    const files = readdirSync(join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter(f => f.endsWith('.ts') && f !== join('action', 'inputs.ts'))
      .map(f => readFileSync(join(REPO_ROOT, 'src', f), 'utf8'))
    for (const text of files) expect(text).not.toMatch(/get(Boolean|Multiline)?Input\(/)
  })

  it('gives boolean inputs a boolean or empty default and lists the five modes', () => {
    expect(action.inputs['attestation-store']!.default).toBe('false')
    expect(action.inputs['check-run']!.default).toBe('false')
    expect(action.inputs['upload-artifact']!.default).toBe('')
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}')
    const modeDoc = (action.inputs.mode as { description: string }).description
    for (const m of ['receipt', 'attest', 'submit', 'tag', 'verify'])
      expect(modeDoc).toContain(`\`${m}\``)
    expect(actionText).not.toMatch(/not implemented|planned/)
  })

  it('declares the outputs the modes set', () => {
    const src = readdirSync(join(REPO_ROOT, 'src', 'action'), { recursive: true, encoding: 'utf8' })
      .filter(f => f.endsWith('.ts'))
      .map(f => readFileSync(join(REPO_ROOT, 'src', 'action', f), 'utf8'))
      .join('\n')
    const set = new Set([...src.matchAll(/output\('([a-z-]+)'/g)].map(m => m[1] as string))
    expect([...set].sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it('is a valid action per action-validator (whose schema predates node24 only)', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    const errors = validator.validateAction(actionText).errors
    // The validator's enum of runs.using stops at node20; everything else must be clean, which the
    // same file with that one value changed proves.
    expect(JSON.stringify(errors)).toMatch(/"path":"\/runs\/using","title":"Enum conditions/)
    expect(
      validator.validateAction(actionText.replace('using: node24', 'using: node20')).errors
    ).toEqual([])
    expect(
      validator.validateAction(actionText.replace('main: dist', 'mian: dist')).errors.length
    ).toBeGreaterThan(0)
  })

  it('every workflow file in the repository is a valid workflow', () => {
    const dirs = ['.github/workflows', 'examples/workflows', 'docs/examples']
    const files = dirs.flatMap(d =>
      existsSync(join(REPO_ROOT, d))
        ? readdirSync(join(REPO_ROOT, d))
            .filter(f => /\.ya?ml$/.test(f))
            .map(f => join(d, f))
        : []
    )
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      const text = readFileSync(join(REPO_ROOT, f), 'utf8')
      // The validator's schema predates the `attestations` permission; the same file with that one
      // key renamed to a permission it knows must be clean.
      const errors = validator.validateWorkflow(
        text.replace(/^(\s+)attestations:/gm, '$1statuses:')
      ).errors
      expect(errors, f).toEqual([])
    }
    expect(
      validator.validateWorkflow('on: push\njobs: {x: {runs-on: 1}}').errors.length
    ).toBeGreaterThan(0)
  })
})
