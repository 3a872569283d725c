/**
 * The one cleaner for untrusted text: bundle paths, job IDs, file names, values read from bundles,
 * tags, server answers, Git data, action inputs. It runs once, where such text enters a verdict
 * or a message (QprovError, oneLine, the verifier's exit, fetch's report); each sink then applies
 * its own escaper (terminal and runner log, HTML, Markdown, check runs).
 *
 * Replaced, each by U+FFFD so that the reader sees something was there:
 * - control characters: C0 (tab, LF and CR included), DEL, C1 (NEL included);
 * - line and paragraph separators (U+2028, U+2029);
 * - format characters: bidi embeddings, overrides, isolates and marks (U+202A–U+202E,
 *   U+2066–U+2069, U+200E, U+200F, U+061C), zero-width characters, soft hyphen, BOM,
 *   invisible operators, tag characters, interlinear annotations;
 * - every other default-ignorable code point (variation selectors, Hangul fillers), which renders
 *   as nothing and can hide or smuggle text;
 * - lone surrogates, which are not text at all.
 */
const UNSAFE_CHARS = String.raw`\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}`
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, 'gu')
const ANY_UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, 'u')
/** The same set less LF: for text whose lines qprov itself joined (a table, a help text). */
export const UNSAFE_EXCEPT_LF = new RegExp(`(?!\\n)[${UNSAFE_CHARS}]`, 'gu')

export const REPLACEMENT = '\ufffd'

/** True when text holds a character the cleaner would replace. */
export function hasUnsafeText(text: string): boolean {
  return ANY_UNSAFE.test(text)
}

/** One line of text that can neither break a line nor reorder, hide or colour what follows. */
export function cleanText(text: string): string {
  return String(text).replace(UNSAFE, REPLACEMENT)
}

/** cleanText for each line of text that qprov assembled from lines; LF stays, CR does not. */
export function cleanLines(text: string): string {
  return String(text).replace(UNSAFE_EXCEPT_LF, REPLACEMENT)
}

/** Every string inside plain data (arrays, plain objects) cleaned; the shape is kept. */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T
  if (Array.isArray(value)) return value.map(v => cleanDeep(v as unknown)) as T
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[cleanText(k)] = cleanDeep(v)
    return out as T
  }
  return value
}

/**
 * At most `max` UTF-16 units, ending in '…' when cut; a surrogate pair is never split, so the
 * result stays well-formed text.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  if (max < 1) return ''
  let end = max - 1
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}
