/**
 * A path whose percent-encoding does not decode (`%c0%af`, a lone `%`, `%ff`). Next fails to
 * decode such a path into route parameters and answers a bare 500; the proxy answers a 400.
 */
export const malformedPathMessage = 'The address is not validly percent-encoded.'

export const isMalformedPath = (pathname: string) => {
  if (!pathname.includes('%')) return false
  try {
    decodeURIComponent(pathname)
    return false
  } catch {
    return true
  }
}
