/** Placeholder signature, implemented by the Runtime emulator work. */
export interface RuntimeEmulatorOptions {
  host?: string
  port?: number
  /** Job creations allowed per rolling minute (IBM documents 5). */
  jobsPerMinute?: number
}

export interface RuntimeEmulatorHandle {
  runtimeURL: string
  iamURL: string
  apiKey: string
  instanceCRN: string
  close(): Promise<void>
}

export async function startRuntimeEmulator(
  _opts: RuntimeEmulatorOptions = {}
): Promise<RuntimeEmulatorHandle> {
  throw new Error('runtime emulator not implemented yet')
}
