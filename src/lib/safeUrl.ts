/** Schemes a link in an article may use; anything else (javascript:, data:, vbscript:, …) is dropped. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/**
 * The link target if it is safe to put in an `href`, else null. Browsers ignore ASCII control
 * characters and whitespace inside a scheme (`java\tscript:`) and compare it case-insensitively,
 * so the scheme is read the way a browser reads it. Relative links (`/en/...`, `#notes`) pass.
 */
export const safeHref = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  const href = value.trim()
  if (!href) return null
  const squeezed = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]
  if (!scheme) return href
  return SAFE_SCHEMES.has(scheme.toLowerCase()) ? href : null
}
