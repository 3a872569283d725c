import { main } from './main.js'

// The CLI's entry: the one place that touches argv and the process's exit status.
process.exitCode = await main(process.argv.slice(2))
