import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { writeFileAtomic } from '../../atomic-file.js'
import { QprovError } from '../../errors.js'
import { checkOutputDir } from '../../output-dir.js'
import { printOut, progress, untilSignal } from '../io.js'

interface EmulatorFlags {
  port: string
  dir: string
  jobsPerMinute: string
  plan: string
}

const PLANS = ['open', 'pay-as-you-go', 'flex', 'premium', 'dedicated'] as const

function intInRange(value: string, flag: string, min: number, max: number): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max)
    throw new QprovError('USAGE', `${flag} must be an integer from ${min} to ${max}`)
  return n
}

async function emulatorAction(flags: EmulatorFlags): Promise<void> {
  const port = intInRange(flags.port, '--port', 0, 65535)
  const jobsPerMinute = intInRange(flags.jobsPerMinute, '--jobs-per-minute', 1, 1_000_000)
  const plan = PLANS.find(p => p === flags.plan)
  if (!plan) throw new QprovError('USAGE', `--plan must be one of ${PLANS.join(', ')}`)
  const dir = resolve(flags.dir)
  // The directory first: if it cannot exist, no server is left running to keep the process alive.
  checkOutputDir(dir, { what: '--dir', files: ['emulator.json'] })
  await mkdir(dir, { recursive: true })
  const { startRuntimeEmulator } = await import('../../sandbox/index.js')
  const emu = await startRuntimeEmulator({ port, jobsPerMinute, plan })
  const path = join(dir, 'emulator.json')
  const { runtimeURL, iamURL, apiKey, instanceCRN } = emu
  try {
    // It holds the emulator's own key: readable by the user only, like sandbox.json.
    const text = `${JSON.stringify({ runtimeURL, iamURL, apiKey, instanceCRN }, null, 2)}\n`
    await writeFileAtomic(path, text, { mode: 0o600 })
  } catch (e) {
    await emu.close()
    throw new QprovError('OUTPUT_WRITE_FAILED', `cannot write ${path}: ${(e as Error).message}`)
  }
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
        'with --sandbox DIR. Serves ibm_torino, ibm_fez (Heron) and ibm_brisbane (Eagle)\n' +
        'with their real coupling maps, and fails non-ISA jobs as the service does.'
    )
    .option('--port <n>', 'TCP port (0 = any free port)', '0')
    .option('--dir <dir>', 'directory for emulator.json', '.qprov-emulator')
    .option('--jobs-per-minute <n>', 'job creations allowed per rolling minute', '5')
    .option(
      '--plan <plan>',
      `the instance plan (${PLANS.join(', ')}); open refuses sessions`,
      'pay-as-you-go'
    )
    .action(emulatorAction)
}
