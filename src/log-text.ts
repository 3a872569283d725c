import { REPLACEMENT, UNSAFE_EXCEPT_LF, cleanLines, cleanText } from './untrusted-text.js'

/**
 * The escaper for a terminal and for a GitHub Actions runner log: the CLI's stdout and stderr
 * (often a CI step's log) and every line the action prints. On top of the cleaner it defuses
 * workflow commands: the runner reads a line as a command when it starts with `::` after
 * whitespace, or when it holds `##[` anywhere (the older form, still parsed), so the first
 * character of either is replaced. qprov's own lines never start with `::`; the commands
 * @actions/core issues for qprov do not pass through here.
 */
function defuse(line: string): string {
  return line.replace(/^(\s*):(?=:)/, `$1${REPLACEMENT}`).replace(/#(?=#\[)/g, REPLACEMENT)
}

/** One log line: no line break survives, and it cannot be read as a workflow command. */
export function logLine(text: string): string {
  return defuse(cleanText(text))
}

/** Text of several lines that qprov joined itself (a table, help): each line as logLine. */
export function logLines(text: string): string {
  return cleanLines(text).split('\n').map(defuse).join('\n')
}

/**
 * JSON text for a terminal or log, with the same value: characters the cleaner would replace,
 * and the `[` of `##[`, are written as \u escapes. Outside strings JSON holds only ASCII
 * punctuation and whitespace, so every such character is inside a string and the escape is exact.
 */
export function logJson(json: string): string {
  const u = (s: string) =>
    Array.from(
      { length: s.length },
      (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}`
    ).join('')
  return json.replace(UNSAFE_EXCEPT_LF, u).replace(/##\[/g, '##\\u005b')
}
