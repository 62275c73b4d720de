/**
 * Cache tags shared by the read layer (which tags what it caches) and the hooks (which
 * revalidate what they change). One list, so the two sides cannot drift apart.
 *
 * src/cache/ is the write side of caching (tags, expiring them, refreshing the proxy), kept apart
 * from the read layer (src/data/, `server-only`): the collections' hooks import it, and the
 * Payload config they belong to is also loaded outside Next (migrations, seed, import, type
 * generation), where a `server-only` module refuses to load.
 */
export const cacheTags = {
  /** every article list and page */
  articles: 'articles',
  /** lists and pages of one language */
  articlesIn: (language: string) => `articles:${language}`,
  article: (id: number | string) => `article:${id}`,
  /** an article page by its URL, also when the lookup found nothing (a draft, a new slug) */
  articleSlug: (language: string, slug: string) => `article-slug:${language}:${slug}`,
  /** the published language versions of one story, keyed by the original's id */
  articleGroup: (originalId: number | string) => `article-group:${originalId}`,
  categories: 'categories',
  authors: 'authors',
  tags: 'tags',
  pages: 'pages',
  global: (slug: string) => `global:${slug}`,
  /** Search results, RSS feeds and sitemaps: each also carries the tags of what it lists. */
  search: 'search',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
  /** one article's approved comments (its page's comments section) */
  comments: (articleId: number | string) => `comments:${articleId}`,
  /** every list's comment counts (article cards): expired by any change of an approved comment */
  commentCounts: 'comment-counts',
  /** one article's live coverage and its updates (its page and its live JSON) */
  live: (articleId: number | string) => `live:${articleId}`,
  /** every language's breaking-news marks (the banner's JSON, the feeds' and the News sitemap's order) */
  breaking: 'breaking',
  /** one language's breaking-news marks */
  breakingIn: (language: string) => `breaking:${language}`,
  /**
   * the redirects: a page's not-found path reads them (src/data/redirects.ts); expiring it also
   * has the proxy fetch their sources
   */
  redirects: 'redirects',
} as const
