import { cleanText } from '../untrusted-text.js'

/**
 * The job summary's escaper, for both HTML and Markdown. The cleaner runs first: a line break
 * would end the HTML block and let what follows render as Markdown outside the table. Then
 * entities for HTML's specials and for the characters Markdown would turn into links, emphasis,
 * tables, mentions or issue references.
 */
export function escapeText(s: string): string {
  return cleanText(s).replace(/[&<>"'`[\]*_|\\!@#~$(){}]/g, c => `&#${c.charCodeAt(0)};`)
}
