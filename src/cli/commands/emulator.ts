import { chmod, mkdir, rename, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { QprovError } from '../../errors.js'
import { printOut, progress, untilSignal } from '../io.js'

interface EmulatorFlags {
  port: string
  dir: string
  jobsPerMinute: string
}

function nonNegativeInt(value: string, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0)
    throw new QprovError('USAGE', `${flag} must be an integer >= 0`)
  return n
}

async function emulatorAction(flags: EmulatorFlags): Promise<void> {
  const port = nonNegativeInt(flags.port, '--port')
  const jobsPerMinute = nonNegativeInt(flags.jobsPerMinute, '--jobs-per-minute')
  const { startRuntimeEmulator } = await import('../../sandbox/runtime/emulator.js')
  const emu = await startRuntimeEmulator({ port, jobsPerMinute })
  const dir = resolve(flags.dir)
  await mkdir(dir, { recursive: true })
  const path = join(dir, 'emulator.json')
  const { runtimeURL, iamURL, apiKey, instanceCRN } = emu
  // It holds the emulator's own key: readable by the user only, like sandbox.json.
  const text = `${JSON.stringify({ runtimeURL, iamURL, apiKey, instanceCRN }, null, 2)}\n`
  await writeFile(`${path}.tmp`, text, { mode: 0o600 })
  await chmod(`${path}.tmp`, 0o600)
  await rename(`${path}.tmp`, path)
  progress(`Runtime emulator at ${runtimeURL}, IAM at ${iamURL}; config ${path}`)
  printOut('ready')
  await untilSignal()
  await emu.close()
}

/** `qprov emulator`: the local IAM + Qiskit Runtime emulator on its own, until SIGTERM/SIGINT. */
export function registerEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description(
      'Start a local emulator of IBM IAM and the Qiskit Runtime REST API on 127.0.0.1,\n' +
        'write DIR/emulator.json (runtimeURL, iamURL, apiKey, instanceCRN), print "ready",\n' +
        'and run until SIGTERM or SIGINT. For tests and demos only. Other commands use it\n' +
        'with --sandbox DIR.'
    )
    .option('--port <n>', 'TCP port (0 = any free port)', '0')
    .option('--dir <dir>', 'directory for emulator.json', '.qprov-emulator')
    .option('--jobs-per-minute <n>', 'job creations allowed per rolling minute', '5')
    .action(emulatorAction)
}
