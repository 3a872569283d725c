const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Text for HTML element content and double-quoted attributes (also inside inline SVG). Control
 * characters other than tab and newline become U+FFFD, so bundle content cannot smuggle in a
 * NUL or a bidi override that makes one string look like another.
 */
export function escapeHtml(text: string): string {
  return (
    String(text)
      .replace(/[&<>"']/g, ch => ENTITIES[ch] as string)
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
  )
}
