import { ValidationError, type FieldHook, type TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

import { message, messagesEn, type Audience } from './messages'

/**
 * The one rule for links: what a person may type into a URL field, what the site puts in an
 * `href`, and where the site may redirect to. Everything is read the way a browser reads it
 * (WHATWG URL parsing), not by looking at the text, so spellings such as `java\tscript:`,
 * ` JavaScript:`, `/.//evil.example` or `/%2e/%2fevil.example` are judged by what they become.
 */

/** Schemes a person may type into a URL field. */
export const LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const

/** Schemes the site renders as links: the typed ones, and phone numbers in article bodies. */
const RENDERED_SCHEMES: readonly string[] = [...LINK_SCHEMES, 'tel:']

/**
 * What an editor reads when a URL is refused, in English; `checkUrl` words it in the requester's
 * language (`links:` in src/lib/messages).
 */
export const URL_MESSAGES = messagesEn.links

type UrlProblem = keyof typeof URL_MESSAGES

/** The fixed origin that relative targets are resolved against. */
const BASE = 'http://site.invalid'

/** C0 controls, DEL and C1 controls: what a browser strips or chokes on in a URL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
/** The same, and the space. */
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/
/** Any whitespace at all, including the Unicode spaces a paste brings along. */
const WHITESPACE = /\s/

/** `decodeURIComponent` that answers null instead of throwing on a malformed escape. */
const decoded = (value: string): string | null => {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

/**
 * A path on this site, as `pathname + search + hash` after a browser's normalisation, or null.
 * The target must start with one `/`; it is resolved against a fixed origin and must stay on it;
 * its resolved path may not start with `//` (which a browser would read as another host), and
 * neither the target nor its percent-decoded path may hold a backslash, an escaped slash or a
 * control character (`/\evil.example`, `/%5cevil.example`, `/%2e/%2fevil.example`,
 * `/\t/evil.example`). This is what a redirect may use.
 */
export const safeSitePath = (value: unknown): string | null => {
  if (typeof value !== 'string' || !value.startsWith('/')) return null
  if (value.includes('\\') || CONTROL_OR_SPACE.test(value)) return null
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return null
  }
  if (url.origin !== BASE) return null
  const path = url.pathname
  const plain = decoded(path)
  // An escaped slash or backslash has no use in this site's paths, and a server or proxy that
  // decodes it would see `/./` + `/evil.example` or `/\evil.example`.
  if (plain === null || path.startsWith('//') || /%2f|%5c/i.test(path)) return null
  if (plain.startsWith('//') || plain.includes('\\') || CONTROL.test(plain)) return null
  return `${path}${url.search}${url.hash}`
}

/** The target without what browsers drop: surrounding controls and spaces, tabs and newlines. */
const asBrowserReads = (value: string) =>
  value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')

/**
 * The target of a link if it is safe to put in an `href`, else undefined: an absolute http(s),
 * mailto or tel URL, a path on this site (see `safeSitePath`) or a `#fragment`. Anything else
 * (`javascript:`, `data:`, `vbscript:`, however spelled; another site without a scheme such as
 * `//evil.example`) is undefined, so `<a href={safeHref(x)}>` renders no link target. Use it for
 * every URL that comes from content, including values stored before the rule existed.
 */
export const safeHref = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined
  const href = asBrowserReads(value)
  if (!href || href.includes('\\') || CONTROL.test(href)) return undefined
  if (href.startsWith('#')) return href
  if (href.startsWith('/')) return safeSitePath(href) ?? undefined
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return undefined
  }
  if (!RENDERED_SCHEMES.includes(url.protocol)) return undefined
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !/^https?:\/\/[^/]/i.test(href)) {
    return undefined
  }
  return href
}

/** Whether `value` is a link the site would render (`safeHref` gives it back). */
export const isSafeHref = (value: unknown): boolean => safeHref(value) !== undefined

/**
 * Why a typed URL is refused, or true. Allowed: http(s) URLs with a host and mailto: addresses;
 * with `sitePaths`, also a path on this site (`/en/...`), for menus.
 */
export const checkUrl = (
  value: unknown,
  { sitePaths = false, audience }: { sitePaths?: boolean; audience?: Audience } = {},
): true | string => {
  const problem = checkUrlProblem(value, sitePaths)
  return problem === true ? true : message(audience, `links:${problem}`)
}

const checkUrlProblem = (value: unknown, sitePaths: boolean): true | UrlProblem => {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string') return 'notText'
  if (WHITESPACE.test(value) || CONTROL_OR_SPACE.test(value) || value.includes('\\')) {
    return 'spaces'
  }
  const refused: UrlProblem = sitePaths ? 'absoluteOrPath' : 'absolute'
  if (value.startsWith('/')) {
    if (!sitePaths) return refused
    return safeSitePath(value) ? true : 'sitePath'
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return refused
  }
  if (!(LINK_SCHEMES as readonly string[]).includes(url.protocol)) return refused
  if (url.protocol === 'mailto:') return url.pathname ? true : refused
  return /^https?:\/\/[^/]/i.test(value) && url.hostname ? true : refused
}

/** `validate` for a text field that holds an absolute link (http, https, mailto). */
export const validateUrl: TextFieldSingleValidation = (value, options) => {
  const base = text(value, options)
  return base === true ? checkUrl(value, { audience: options.req }) : base
}

/** `validate` for a menu entry's URL: an absolute link or a path on this site. */
export const validateMenuUrl: TextFieldSingleValidation = (value, options) => {
  const base = text(value, options)
  return base === true ? checkUrl(value, { sitePaths: true, audience: options.req }) : base
}

/**
 * The same rule for saves that skip `validate`: Payload does not validate draft saves, so an
 * article's draft could otherwise store any text as its source URL. A new or changed value that
 * `checkUrl` refuses fails the save with the same field error; a value already stored is left
 * alone (a scheduled publish of an old article must not fail on it; it never renders as a link).
 */
export const refuseUnsafeUrl: FieldHook = ({
  value,
  previousValue,
  path,
  collection,
  global,
  req,
}) => {
  if (value === previousValue) return value
  const result = checkUrl(value, { audience: req })
  if (result === true) return value
  throw new ValidationError({
    collection: collection?.slug,
    global: global?.slug,
    errors: [{ path: path.join('.'), message: result }],
  })
}
