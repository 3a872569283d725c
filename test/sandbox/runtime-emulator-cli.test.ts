import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, cliNodeArgs, runCli } from '../helpers/cli.js'
import { requestIamToken } from '../helpers/raw-ibm.js'

describe('qprov emulator', () => {
  it('writes emulator.json, prints ready, serves the API and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-emu-'))
    const child = spawn(process.execPath, cliNodeArgs('emulator', '--dir', dir), {
      cwd: REPO_ROOT,
      env: { ...process.env, QPROV_QUIET: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const exited = new Promise<number | null>(r => child.on('close', code => r(code)))
    let stdout = ''
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', d => {
        stdout += d
        if (stdout.includes('ready\n')) resolve()
      })
      child.on('close', () => reject(new Error(`emulator exited early: ${stdout}`)))
    })
    const path = join(dir, 'emulator.json')
    expect(statSync(path).mode & 0o077).toBe(0)
    const cfg = JSON.parse(readFileSync(path, 'utf8'))
    expect(Object.keys(cfg).sort()).toEqual(['apiKey', 'iamURL', 'instanceCRN', 'runtimeURL'])
    expect(cfg.runtimeURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
    const res = await requestIamToken(cfg.iamURL, cfg.apiKey)
    expect(res.status).toBe(200)
    expect(stdout).toBe('ready\n')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it.each([
    [['--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['--port', '-1'], /--port must be an integer/],
    [['--jobs-per-minute', '0'], /--jobs-per-minute must be an integer from 1/],
    [['--plan', 'free'], /--plan must be one of open, pay-as-you-go/]
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await runCli([
      'emulator',
      '--dir',
      mkdtempSync(join(tmpdir(), 'qprov-emu-')),
      ...args
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('exits 2 instead of hanging when --dir lies under a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qprov-emu-')), 'afile')
    writeFileSync(file, 'x')
    const r = await runCli(['emulator', '--dir', join(file, 'sub')], { timeoutMs: 20_000 })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/OUTPUT_UNUSABLE.*above it is a file/)
  })
})
