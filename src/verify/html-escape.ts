import { createHash } from 'node:crypto'
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

/**
 * The reports' Content-Security-Policy: nothing may load or run, and the one inline stylesheet is
 * allowed by its hash, so markup that escaping ever let through could neither act nor fetch.
 */
export function reportCsp(style: string): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    "img-src 'none'",
    "font-src 'none'",
    "script-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
}
