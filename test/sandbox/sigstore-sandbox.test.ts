import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.js'
import { signingSettings } from '../../src/settings/signing.js'
import { sandboxRuntime, sandboxSigning } from '../../src/settings/sandbox.js'
import { startSandbox } from '../../src/sandbox/sandbox.js'

describe('startSandbox', () => {
  it('writes a private sandbox.json that the CLI sandbox reader accepts, and stops every service on close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'qprov-sb-')), 'nested')
    const sb = await startSandbox({ dir })
    let closed = false
    try {
      const cfg = { ...sandboxSigning(dir), ...sandboxRuntime(dir) }
      expect({ ...cfg, file: undefined }).toEqual({ ...sb.config, file: undefined })
      expect(cfg.trustedRoot).toBe(join(dir, 'trusted_root.json'))
      expect(statSync(join(dir, 'sandbox.json')).mode & 0o077).toBe(0)
      expect(cfg.runtimeURL && cfg.iamURL && cfg.apiKey && cfg.instanceCRN).toBeTruthy()
      const token = await fetch(`${cfg.actionsIdTokenRequestURL}&audience=sigstore`, {
        headers: { authorization: `Bearer ${cfg.actionsIdTokenRequestToken}` }
      })
      expect(token.status).toBe(200)
      await sb.close()
      closed = true
      await expect(fetch(cfg.actionsIdTokenRequestURL)).rejects.toThrow()
      await expect(fetch(String(cfg.runtimeURL))).rejects.toThrow()
    } finally {
      if (!closed) await sb.close()
    }
  })
})

describe('sandbox.json and Rekor versions', () => {
  it('names both logs and the default version; a file without the shard signs to v1 and refuses v2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-sbv-'))
    const sb = await startSandbox({ dir, rekorVersion: 2 })
    try {
      expect(sb.config.rekorVersion).toBe(2)
      expect(signingSettings({ sandbox: dir }).rekorURL).toBe(sb.config.rekorV2URL)
      expect(signingSettings({ sandbox: dir, rekorVersion: '1' }).rekorURL).toBe(sb.config.rekorURL)
      // As qprov 0.1 wrote it: no shard, no version.
      const file = join(dir, 'sandbox.json')
      const old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
      delete old.rekorV2URL
      delete old.rekorVersion
      writeFileSync(file, JSON.stringify(old))
      const v1 = signingSettings({ sandbox: dir })
      expect([v1.rekorURL, v1.rekorVersion]).toEqual([sb.config.rekorURL, undefined])
      expect(() => signingSettings({ sandbox: dir, rekorVersion: '2' })).toThrow(
        /names no Rekor v2 shard \(rekorV2URL\)/
      )
    } finally {
      await sb.close()
    }
  })

  it('qprov sandbox refuses --rekor-version 2 for the github instance, which has no Rekor', async () => {
    const err: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(s => err.push(String(s)) > 0)
    try {
      const dir = join(mkdtempSync(join(tmpdir(), 'qprov-sbg-')), 'sb')
      expect(
        await main(['sandbox', '--dir', dir, '--instance', 'github', '--rekor-version', '2'])
      ).toBe(2)
    } finally {
      spy.mockRestore()
    }
    expect(err.join('')).toMatch(
      /\[USAGE\]: --rekor-version 2 needs a Rekor; the github instance has none/
    )
  })
})
