/**
 * Cache tags shared by the read layer (which tags what it caches) and the hooks (which
 * revalidate what they change). One list, so the two sides cannot drift apart.
 */
export const cacheTags = {
  articles: 'articles',
  articlesIn: (language: string) => `articles:${language}`,
  article: (id: number | string) => `article:${id}`,
  categories: 'categories',
  authors: 'authors',
  tags: 'tags',
  pages: 'pages',
  global: (slug: string) => `global:${slug}`,
  /** Search results, RSS feeds and sitemaps: each also carries the tags of what it lists. */
  search: 'search',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
} as const
