import { runMain } from './main.js'

// The bundled entry (dist/index.js); tests run runMain() in-process.
void runMain()
