import { dropOutputToClosedPipes } from './io.js'
import { main } from './main.js'

// The CLI's entry: the one place that touches argv and the process's exit status.
dropOutputToClosedPipes()
process.exitCode = await main(process.argv.slice(2))
