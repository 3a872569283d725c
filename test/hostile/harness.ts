import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

/** Every request that reached the proxied sandbox services, as "METHOD path". */
export interface CountingProxy {
  origin: string
  seen: string[]
  close(): Promise<void>
}

/**
 * A real HTTP proxy in front of the Sigstore sandbox: it forwards everything and remembers what it
 * saw, so a test can say "the sandbox received no request" rather than infer it from log indices.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const t = new URL(target)
  const seen: string[] = []
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const up = request(
      { host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers },
      upRes => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers)
        upRes.pipe(res)
      }
    )
    up.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(up)
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

/** A path's type, size and content hash for every entry below it (FIFOs are never opened). */
export function snapshot(path: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (p: string, rel: string): void => {
    if (!existsSync(p) && !isLink(p)) return
    const st = lstatSync(p)
    if (st.isDirectory()) {
      out[rel || '.'] = 'dir'
      for (const name of readdirSync(p).sort()) walk(join(p, name), `${rel}/${name}`)
    } else if (st.isFile())
      // Huge sparse fixtures are compared by size and mtime; everything else by content.
      out[rel || '.'] =
        st.size > 64 * 1024 * 1024
          ? `file ${st.size} ${st.mtimeMs}`
          : `file ${st.size} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`
    else out[rel || '.'] = st.isSymbolicLink() ? 'link' : st.isFIFO() ? 'fifo' : 'special'
  }
  walk(path, '')
  return out
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

export function mkfifo(path: string): string {
  execFileSync('mkfifo', [path])
  return path
}

/** A writer that opens the FIFO (blocking until a reader comes) and copies `source` into it. */
export function fifoWriter(fifo: string, source: string): ChildProcess {
  return spawn('sh', ['-c', 'exec cat "$1" > "$2"', 'sh', source, fifo], { stdio: 'ignore' })
}

/** Stops a writer started by a case; a writer blocked on open is unblocked by opening the FIFO. */
export function stopWriter(w: ChildProcess): void {
  if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL')
}

/** The single `qprov: error [CODE]: …` lines of an output. */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter(l => l.startsWith('qprov: error ['))
}

/** A Node or V8 stack frame, or an uncaught-exception banner. */
export const STACK_TRACE =
  /^\s+at .+\(?.+:\d+:\d+\)?$|^(?:Type|Range|Reference|Syntax)?Error: |node:internal/m
