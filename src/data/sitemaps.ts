import 'server-only'

import { Readable } from 'node:stream'

import type { Payload, Where } from 'payload'
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap'

import { cacheTags } from '@/cache/tags'
import { LANGUAGES, type Language } from '@/lib/languages'
import { absoluteUrl, serverOrigin, urls } from '@/lib/urls'

import { newsWithBreakingFirst } from './breaking'
import { cached } from './cached'
import { readSectionTree, sectionPath } from './feeds'
import { getPayloadClient } from './payload'

/** Article URLs per child sitemap (the protocol allows 50,000; smaller files are cheaper). */
export const ARTICLES_PER_SITEMAP = 5000
/** Google News lists articles published in the last two days, at most 1,000. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000
const NEWS_LIMIT = 1000

/** The child sitemaps under /sitemaps/, by file name. */
export type SitemapName =
  | { kind: 'articles'; language: Language; page: number }
  | { kind: 'sections' | 'authors' | 'tags' | 'pages' | 'news' }

export const sitemapPath = (name: SitemapName): string =>
  name.kind === 'articles'
    ? `/sitemaps/articles-${name.language}${name.page > 1 ? `-${name.page}` : ''}.xml`
    : `/sitemaps/${name.kind}.xml`

/** Reads a child sitemap's file name (`articles-en.xml`, `articles-en-2.xml`, `news.xml`…). */
export const parseSitemapName = (file: string): SitemapName | null => {
  const articles = /^articles-([a-z]{2})(?:-([1-9][0-9]{0,5}))?\.xml$/.exec(file)
  if (articles) {
    const language = articles[1]
    if (!(LANGUAGES as readonly string[]).includes(language)) return null
    return { kind: 'articles', language: language as Language, page: Number(articles[2] ?? 1) }
  }
  const other = /^(sections|authors|tags|pages|news)\.xml$/.exec(file)
  return other ? { kind: other[1] as 'sections' | 'authors' | 'tags' | 'pages' | 'news' } : null
}

export type SitemapEntry = {
  path: string
  lastmod?: string
  /** The same page in each site language (hreflang alternates). */
  alternates?: { language: Language | 'x-default'; path: string }[]
  news?: { title: string; language: Language; publishedAt: string }
}

export type SitemapRef = { path: string; lastmod?: string }

const publishedArticles = (language: Language | null, extra?: Where): Where => ({
  and: [
    { _status: { equals: 'published' } },
    ...(language ? [{ language: { equals: language } }] : []),
    ...(extra ? [extra] : []),
  ],
})

const alternatesFor = (pathIn: (language: Language) => string) => [
  ...LANGUAGES.map((language) => ({ language, path: pathIn(language) })),
  { language: 'x-default' as const, path: pathIn('en') },
]

/** One entry per site language for a page that exists in all of them. */
const inEveryLanguage = (
  pathIn: (language: Language) => string,
  lastmod?: string,
): SitemapEntry[] => {
  const alternates = alternatesFor(pathIn)
  return LANGUAGES.map((language) => ({ path: pathIn(language), lastmod, alternates }))
}

/** How many article sitemaps a language has (at least one, possibly empty). */
const articleSitemapCount = async (
  payload: Payload,
  language: Language,
  perSitemap = ARTICLES_PER_SITEMAP,
) => {
  const { totalDocs } = await payload.count({
    collection: 'articles',
    overrideAccess: false,
    where: publishedArticles(language),
  })
  return Math.max(1, Math.ceil(totalDocs / perSitemap))
}

const lastUpdated = async (payload: Payload, where: Where): Promise<string | undefined> => {
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    draft: false,
    where,
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    select: { updatedAt: true },
  })
  return docs[0]?.updatedAt
}

const ALL_ARTICLE_TAGS = [
  cacheTags.sitemaps,
  cacheTags.articles,
  ...LANGUAGES.map((language) => cacheTags.articlesIn(language)),
]

/** Child sitemaps other than the News one stay cached until a tag expires them. */
const untilExpired = { revalidate: false } as const

/**
 * The child sitemaps the index lists: articles per language (paged, `perSitemap` URLs each), the
 * rest, news. Cached until an article is published or unpublished.
 */
export const getSitemapIndex = cached(
  'sitemap-index',
  async ({ perSitemap = ARTICLES_PER_SITEMAP }: { perSitemap?: number }): Promise<SitemapRef[]> => {
    const payload = await getPayloadClient()
    const refs: SitemapRef[] = []
    for (const language of LANGUAGES) {
      const pages = await articleSitemapCount(payload, language, perSitemap)
      const lastmod = await lastUpdated(payload, publishedArticles(language))
      for (let page = 1; page <= pages; page++) {
        refs.push({ path: sitemapPath({ kind: 'articles', language, page }), lastmod })
      }
    }
    for (const kind of ['sections', 'authors', 'tags', 'pages', 'news'] as const) {
      refs.push({ path: sitemapPath({ kind }) })
    }
    return refs
  },
  () => ALL_ARTICLE_TAGS,
)

/**
 * One page of a language's published articles, oldest first so pages stay stable; null past the
 * last page.
 */
export const getArticleSitemap = cached(
  'sitemap-articles',
  async ({
    language,
    page,
    perSitemap = ARTICLES_PER_SITEMAP,
  }: {
    language: Language
    page: number
    perSitemap?: number
  }): Promise<SitemapEntry[] | null> => {
    const payload = await getPayloadClient()
    if (page > (await articleSitemapCount(payload, language, perSitemap))) return null
    const { docs } = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      draft: false,
      where: publishedArticles(language),
      sort: ['publishedAt', 'id'],
      limit: perSitemap,
      page,
      depth: 0,
      select: { slug: true, updatedAt: true },
    })
    return docs.map((doc) => ({
      path: urls.article(language, doc.slug ?? ''),
      lastmod: doc.updatedAt,
    }))
  },
  ({ language }) => [cacheTags.sitemaps, cacheTags.articles, cacheTags.articlesIn(language)],
  untilExpired,
)

/** Every section page, in each language. */
export const getSectionSitemap = cached(
  'sitemap-sections',
  async (): Promise<SitemapEntry[]> => {
    const sections = await readSectionTree(await getPayloadClient(), 'en')
    return sections.flatMap((section) =>
      inEveryLanguage((language) => urls.section(language, sectionPath(sections, section))),
    )
  },
  () => [cacheTags.sitemaps, cacheTags.categories],
  untilExpired,
)

/**
 * One entry per language for every readable document of a collection with a public page
 * (authors, tags, published static pages), dated by its last change.
 */
const everyDocInEveryLanguage = async (
  collection: 'authors' | 'tags' | 'pages',
  pathFor: (language: Language, slug: string) => string,
): Promise<SitemapEntry[]> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection,
    overrideAccess: false,
    draft: false,
    pagination: false,
    depth: 0,
    sort: 'slug',
    select: { slug: true, updatedAt: true },
  })
  return docs.flatMap((doc) =>
    inEveryLanguage((language) => pathFor(language, doc.slug ?? ''), doc.updatedAt),
  )
}

/** Every author page, in each language. */
export const getAuthorSitemap = cached(
  'sitemap-authors',
  async () => everyDocInEveryLanguage('authors', urls.author),
  () => [cacheTags.sitemaps, cacheTags.authors],
  untilExpired,
)

/** Every tag page, in each language. */
export const getTagSitemap = cached(
  'sitemap-tags',
  async () => everyDocInEveryLanguage('tags', urls.tag),
  () => [cacheTags.sitemaps, cacheTags.tags],
  untilExpired,
)

/** Every published static page, in each language (readers' access admits published ones only). */
export const getPageSitemap = cached(
  'sitemap-pages',
  async () => everyDocInEveryLanguage('pages', urls.page),
  () => [cacheTags.sitemaps, cacheTags.pages],
  untilExpired,
)

/** Whether a News sitemap entry is still inside the 48-hour window at `now`. */
export const isRecentNews = (entry: SitemapEntry, now: Date) =>
  Boolean(entry.news) &&
  new Date(entry.news!.publishedAt).getTime() >= now.getTime() - NEWS_WINDOW_MS

/**
 * Articles in every language published in the 48 hours before the read, newest first, and the
 * publication's name. Also re-read every ten minutes; whoever serves it keeps only the entries
 * still inside the window at that moment (`isRecentNews`).
 */
export const getNewsSitemap = cached(
  'sitemap-news',
  async (): Promise<{ entries: SitemapEntry[]; publicationName: string }> => {
    const payload = await getPayloadClient()
    const since = new Date(Date.now() - NEWS_WINDOW_MS).toISOString()
    const { docs } = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      draft: false,
      where: publishedArticles(null, { publishedAt: { greater_than_equal: since } }),
      sort: '-publishedAt',
      limit: NEWS_LIMIT,
      depth: 0,
      select: { title: true, slug: true, language: true, publishedAt: true, updatedAt: true },
    })
    const settings = await payload.findGlobal({
      slug: 'site-settings',
      overrideAccess: false,
      draft: false,
      depth: 0,
    })
    return {
      entries: docs.map((doc) => ({
        path: urls.article(doc.language, doc.slug ?? ''),
        lastmod: doc.updatedAt,
        news: {
          title: doc.title,
          language: doc.language,
          publishedAt: doc.publishedAt ?? doc.updatedAt,
        },
      })),
      publicationName: settings.siteName || 'Caspian Digest',
    }
  },
  () => [...ALL_ARTICLE_TAGS, cacheTags.global('site-settings')],
  { revalidate: 600 },
)

/** A `<urlset>` of absolute URLs, built by the `sitemap` library. */
export const renderUrlset = async (
  entries: SitemapEntry[],
  options: { publicationName?: string } = {},
): Promise<string> => {
  const news = entries.some((entry) => entry.news)
  const xhtml = entries.some((entry) => entry.alternates?.length)
  const xmlns = { news, xhtml, image: false, video: false }
  if (entries.length === 0) {
    // The library refuses to write an empty set; an empty <urlset> is what crawlers expect.
    return (
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    )
  }
  const items: SitemapItemLoose[] = entries.map((entry) => ({
    url: absoluteUrl(entry.path),
    lastmod: entry.lastmod,
    links: entry.alternates?.map((alternate) => ({
      lang: alternate.language,
      hreflang: alternate.language,
      url: absoluteUrl(alternate.path),
    })),
    news: entry.news && {
      publication: {
        name: options.publicationName ?? 'Caspian Digest',
        language: entry.news.language,
      },
      publication_date: entry.news.publishedAt,
      title: entry.news.title,
    },
  }))
  const stream = new SitemapStream({ hostname: serverOrigin(), xmlns })
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8')
}

/** A `<sitemapindex>` of absolute URLs. */
export const renderSitemapIndex = async (refs: SitemapRef[]): Promise<string> => {
  const stream = new SitemapIndexStream()
  const items = refs.map((ref) => ({ url: absoluteUrl(ref.path), lastmod: ref.lastmod }))
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8')
}

/**
 * The entries of one child sitemap by its name (null when there is no such sitemap), each read
 * cached under the tags of what it lists. The News sitemap keeps only what is still inside the
 * 48-hour window at the time of asking.
 */
export const getSitemap = async (
  name: SitemapName,
): Promise<{ entries: SitemapEntry[]; publicationName?: string } | null> => {
  switch (name.kind) {
    case 'articles': {
      const entries = await getArticleSitemap({ language: name.language, page: name.page })
      return entries ? { entries } : null
    }
    case 'sections':
      return { entries: await getSectionSitemap() }
    case 'authors':
      return { entries: await getAuthorSitemap() }
    case 'tags':
      return { entries: await getTagSitemap() }
    case 'pages':
      return { entries: await getPageSitemap() }
    case 'news': {
      const { entries, publicationName } = await getNewsSitemap()
      const now = new Date()
      const recent = entries.filter((entry) => isRecentNews(entry, now))
      return { entries: await newsWithBreakingFirst(recent), publicationName }
    }
  }
}

/** An XML response for a sitemap or a sitemap index. */
export const xmlResponse = (xml: string | null): Response =>
  xml === null
    ? new Response('Not found', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      })
    : new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
