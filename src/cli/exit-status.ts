import type { Command } from 'commander'

/** The exit status a command's action returned, kept per program run. */
const statuses = new WeakMap<Command, number>()

function rootOf(cmd: Command): Command {
  let c = cmd
  while (c.parent) c = c.parent
  return c
}

/**
 * Sets an action that returns its exit status (0 when it returns nothing): a command that ran
 * but found something not verified returns 1, and main() turns that into the process's status.
 */
export function actionReturningStatus<A extends unknown[]>(
  cmd: Command,
  run: (...args: A) => Promise<number | void> | number | void
): Command {
  return cmd.action(async (...args: unknown[]) => {
    const code = await run(...(args as A))
    statuses.set(rootOf(cmd), code ?? 0)
  })
}

export function exitStatusOf(program: Command): number {
  return statuses.get(program) ?? 0
}
