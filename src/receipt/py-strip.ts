/** Python `str.isspace()` characters: `strip()` removes these, not the set JS `trim()` uses. */
const PY_WS =
  '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000'

export function pyStrip(s: string): string {
  let a = 0
  let b = s.length
  while (a < b && PY_WS.includes(s[a])) a++
  while (b > a && PY_WS.includes(s[b - 1])) b--
  return s.slice(a, b)
}

/** Git output as the reference reads it: UTF-8 with replacement characters, CRLF/CR → LF. */
export function decodeGitText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/\r\n?/g, '\n')
}
