// The entry of dist/sandbox.js: what `qprov sandbox` and `qprov emulator` start. Nothing else
// loads it, so the stand-ins and their test libraries never ship in the verify or signing paths.
export { startSandbox } from './sandbox.js'
export { startRuntimeEmulator } from './runtime/emulator.js'
