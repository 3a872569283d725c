import type { Command, Option } from 'commander'
import { describe, expect, it } from 'vitest'
import { buildProgram } from '../../src/cli/main.js'

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap(c => [c, ...allCommands(c)])
}

const program = buildProgram()
const commands = allCommands(program)
const options: Option[] = commands.flatMap(c => c.options as Option[])

describe('--help is consistent', () => {
  it('lists the commands in workflow order', () => {
    expect(program.commands.map(c => c.name())).toEqual([
      'sandbox',
      'emulator',
      'receipt',
      'digest',
      'attest',
      'submit',
      'tag',
      'job',
      'results',
      'fetch',
      'bundle',
      'verify',
      'verify-bundle',
      'audit'
    ])
  })

  it('gives each option one metavariable everywhere', () => {
    const seen = new Map<string, Set<string>>()
    for (const o of options) {
      if (!o.long || !o.flags.includes('<')) continue
      const meta = o.flags.replace(/^.*<([^>.]+)(\.\.\.)?>.*$/, '$1')
      seen.set(o.long, (seen.get(o.long) ?? new Set()).add(meta))
    }
    // The same name for different things: the emulator's --instance is a name, the clients' a
    // CRN; receipt's --repo is a git directory, fetch's a GitHub repository; bundle pack's
    // --out is the one file it writes, every other --out a directory; verify-bundle's and
    // receipt's --bundle is a Sigstore bundle file, results' the proof bundle directory.
    const differ = ['--instance', '--repo', '--out', '--bundle']
    const mixed = [...seen].filter(([flag, m]) => m.size > 1 && !differ.includes(flag))
    expect(mixed).toEqual([])
  })

  it('shows numbers as numbers', () => {
    for (const c of commands) expect(c.helpInformation()).not.toMatch(/\(default: "\d+"\)/)
  })

  it('passes --predicate-type to verify-bundle in its examples, as the README says to', () => {
    let help = ''
    program.configureOutput({ writeOut: s => (help += s) })
    program.outputHelp()
    const example = help.slice(help.indexOf('qprov verify-bundle'))
    expect(example.slice(0, example.indexOf('sha256:'))).toContain('--predicate-type')
  })
})
