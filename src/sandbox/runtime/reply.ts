/** What a route answers; the server turns it into an HTTP response. A leaf, so no route imports another. */
export interface Reply {
  status: number
  json?: unknown
  text?: string
  headers?: Record<string, string>
}
