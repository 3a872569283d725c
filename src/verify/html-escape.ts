import { cleanText } from '../untrusted-text.js'

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * The HTML report's escaper: text for element content and double-quoted attributes (also inside
 * inline SVG). The cleaner runs first (src/untrusted-text.ts), so bundle content can smuggle in
 * neither a NUL nor a bidi override or zero-width character that makes one string look like
 * another; then HTML's five specials become entities.
 */
export function escapeHtml(text: string): string {
  return cleanText(String(text)).replace(/[&<>"']/g, ch => ENTITIES[ch] as string)
}
