/**
 * The public site's URL scheme, in one place: pages, feeds, sitemaps, the admin's preview links
 * and the tests build every public path here. Every language is prefixed (`/en`, `/az`, `/ru`);
 * `/` sends the reader to their language.
 *
 *   /{lang}                               home
 *   /{lang}/section/{parent}/{child}      section (nested path of slugs)
 *   /{lang}/articles/{slug}               article (slugs are unique per language)
 *   /{lang}/authors/{slug}                author
 *   /{lang}/tags/{slug}                   tag
 *   /{lang}/search?q=…                    search
 *   /{lang}/pages/{slug}                  static page
 *   /{lang}/corrections                   all corrections
 *   /{lang}/feed.xml                      RSS, latest
 *   /{lang}/feed/section/{slug}           RSS, one section (leaf slug; section slugs are unique)
 *   /{lang}/feed/author/{slug}            RSS, one author
 *   /sitemap.xml, /sitemaps/…, /robots.txt
 */
const enc = encodeURIComponent

export const urls = {
  home: (lang: string) => `/${lang}`,
  /** `path`: the section's slugs from the top, e.g. ['news', 'economy'] */
  section: (lang: string, path: string[]) => `/${lang}/section/${path.map(enc).join('/')}`,
  article: (lang: string, slug: string) => `/${lang}/articles/${enc(slug)}`,
  author: (lang: string, slug: string) => `/${lang}/authors/${enc(slug)}`,
  tag: (lang: string, slug: string) => `/${lang}/tags/${enc(slug)}`,
  search: (lang: string, q?: string) => `/${lang}/search${q ? `?q=${enc(q)}` : ''}`,
  page: (lang: string, slug: string) => `/${lang}/pages/${enc(slug)}`,
  corrections: (lang: string) => `/${lang}/corrections`,
  feed: (lang: string) => `/${lang}/feed.xml`,
  sectionFeed: (lang: string, slug: string) => `/${lang}/feed/section/${enc(slug)}`,
  authorFeed: (lang: string, slug: string) => `/${lang}/feed/author/${enc(slug)}`,
  sitemapIndex: () => '/sitemap.xml',
} as const

/** The public origin (SERVER_URL), without a trailing slash. */
export const serverOrigin = () =>
  (process.env.SERVER_URL || 'http://localhost:3000').replace(/\/$/, '')

/** An absolute URL on this site. */
export const absoluteUrl = (path: string) => `${serverOrigin()}${path}`
