/**
 * A scripted fault plan for the Runtime emulator: each rule fires on the Nth (and following
 * `times − 1`) calls that match its method and path, so a test states exactly which call fails.
 */
export type Fault =
  /** Answer with this status and an errors[] body instead of handling the call. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** 429 with a Retry-After header (seconds); omit retryAfter to send none. */
  | { kind: 'rate-limit'; retryAfter?: number }
  /** Wait before handling the call normally (for client timeouts). */
  | { kind: 'delay'; ms: number }
  /** Destroy the socket before the call is handled: nothing happened server-side. */
  | { kind: 'reset' }
  /** Handle the call, then destroy the socket: the work is done but the answer is lost. */
  | { kind: 'reset-after' }
  /** Handle the call, then send a truncated JSON body with the real status. */
  | { kind: 'malformed-json' }
  /** Treat the presented bearer token as expired (401), as after an hour of work. */
  | { kind: 'expire-token' }

export interface FaultRule {
  /** Any method when omitted. */
  method?: string
  /** Exact pathname, `*` matching one path segment, or a RegExp over the pathname. */
  path: string | RegExp
  /** 1-based index among matching calls; default 1. */
  nth?: number
  /** How many consecutive matching calls fail; default 1. */
  times?: number
  fault: Fault
}

function pathMatcher(path: string | RegExp): RegExp {
  if (path instanceof RegExp) return path
  const escaped = path
    .split('*')
    .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+')
  return new RegExp(`^${escaped}$`)
}

interface ArmedRule {
  rule: FaultRule
  matcher: RegExp
  seen: number
}

export class FaultPlan {
  private rules: ArmedRule[] = []

  constructor(rules: FaultRule[] = []) {
    for (const r of rules) this.add(r)
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, matcher: pathMatcher(rule.path), seen: 0 })
  }

  clear(): void {
    this.rules = []
  }

  /** Counts this call against every matching rule; returns the fault of the first that fires. */
  take(method: string, pathname: string): Fault | undefined {
    let hit: Fault | undefined
    for (const a of this.rules) {
      if (a.rule.method !== undefined && a.rule.method.toUpperCase() !== method) continue
      if (!a.matcher.test(pathname)) continue
      a.seen++
      const nth = a.rule.nth ?? 1
      const times = a.rule.times ?? 1
      if (hit === undefined && a.seen >= nth && a.seen < nth + times) hit = a.rule.fault
    }
    return hit
  }
}
