import 'server-only'

import { Feed } from 'feed'
import type { Payload, Where } from 'payload'

import { cacheTags } from '@/cache/tags'
import type { Language } from '@/lib/languages'
import { idOf } from '@/lib/relations'
import { absoluteUrl, urls } from '@/lib/urls'

import { oneBySlug } from './bySlug'
import { cached } from './cached'
import { getPayloadClient } from './payload'

/** Items per feed: the newest published articles. */
export const FEED_SIZE = 50

export type FeedItem = {
  id: number
  title: string
  slug: string
  dek: string | null
  publishedAt: string
  section: string | null
  /** more RSS categories (a breaking article's, src/data/breaking.ts) */
  categories?: { name: string; domain?: string }[]
}

export type FeedData = {
  language: Language
  title: string
  description: string
  /** The HTML page the feed follows (a path). */
  link: string
  /** The feed's own path. */
  self: string
  items: FeedItem[]
}

/** The stable, never-reused identity of an article in feeds (RSS `guid`, isPermaLink=false). */
export const articleGuid = (id: number) => `urn:caspiandigest:article:${id}`

export type SectionNode = { id: number; name: string; slug: string; parent: number | null }

/**
 * Every section with its localized name, as an anonymous reader reads them, for the feeds and
 * sitemaps built here (uncached: their callers are). Sections are few (a site menu's worth), so
 * the tree is walked in memory.
 */
export const readSectionTree = async (
  payload: Payload,
  language: Language,
): Promise<SectionNode[]> => {
  const { docs } = await payload.find({
    collection: 'categories',
    overrideAccess: false,
    draft: false,
    pagination: false,
    depth: 0,
    locale: language,
    fallbackLocale: 'en',
    select: { name: true, slug: true, parent: true },
  })
  return docs.map((doc) => ({
    id: doc.id,
    name: doc.name,
    slug: doc.slug ?? '',
    parent: idOf(doc.parent),
  }))
}

/** The slugs from the top section down to `section`, as urls.section takes them. */
export const sectionPath = (sections: SectionNode[], section: SectionNode): string[] => {
  const byId = new Map(sections.map((node) => [node.id, node]))
  const path: string[] = []
  const seen = new Set<number>()
  for (let node: SectionNode | undefined = section; node && !seen.has(node.id);) {
    seen.add(node.id)
    path.unshift(node.slug)
    node = node.parent === null ? undefined : byId.get(node.parent)
  }
  return path
}

/** `section` and every section below it, at any depth. */
export const sectionWithDescendants = (sections: SectionNode[], section: SectionNode): number[] => {
  const ids = new Set([section.id])
  for (let grew = true; grew;) {
    grew = false
    for (const node of sections) {
      if (node.parent !== null && ids.has(node.parent) && !ids.has(node.id)) {
        ids.add(node.id)
        grew = true
      }
    }
  }
  return [...ids]
}

const siteIdentity = async (payload: Payload, language: Language) => {
  const settings = await payload.findGlobal({
    slug: 'site-settings',
    overrideAccess: false,
    draft: false,
    depth: 0,
    locale: language,
    fallbackLocale: 'en',
  })
  return { name: settings.siteName || 'Caspian Digest', tagline: settings.tagline ?? '' }
}

/** What a feed item reads of an article (and of its section): the feeds' and the marks' reads. */
export const FEED_ITEM_FIELDS = {
  select: {
    title: true,
    slug: true,
    dek: true,
    publishedAt: true,
    updatedAt: true,
    category: true,
  },
  populate: { categories: { name: true } },
} as const

/** The newest published articles in `language` that match `where`, as feed items. */
const publishedItems = async (
  payload: Payload,
  language: Language,
  where?: Where,
): Promise<FeedItem[]> => {
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    draft: false,
    where: {
      and: [
        { language: { equals: language } },
        { _status: { equals: 'published' } },
        ...(where ? [where] : []),
      ],
    },
    sort: '-publishedAt',
    limit: FEED_SIZE,
    depth: 1,
    locale: language,
    fallbackLocale: 'en',
    ...FEED_ITEM_FIELDS,
  })
  return docs.map((doc) => ({
    id: doc.id,
    title: doc.title,
    slug: doc.slug ?? '',
    dek: doc.dek ?? null,
    publishedAt: doc.publishedAt ?? doc.updatedAt,
    section: doc.category && typeof doc.category === 'object' ? doc.category.name : null,
  }))
}

const feedTags = (language: Language, ...more: string[]) => [
  cacheTags.feeds,
  cacheTags.articles,
  cacheTags.articlesIn(language),
  cacheTags.global('site-settings'),
  ...more,
]

/** The latest published articles in one language, cached until an article in it changes. */
export const getLatestFeed = cached(
  'feed-latest',
  async ({ language }: { language: Language }): Promise<FeedData> => {
    const payload = await getPayloadClient()
    const site = await siteIdentity(payload, language)
    return {
      language,
      title: site.name,
      description: site.tagline || site.name,
      link: urls.home(language),
      self: urls.feed(language),
      items: await publishedItems(payload, language),
    }
  },
  ({ language }) => feedTags(language),
)

/**
 * The latest published articles of a section and of every section below it (as main or extra
 * section), cached; null when there is no section with that slug.
 */
export const getSectionFeed = cached(
  'feed-section',
  async ({ language, slug }: { language: Language; slug: string }): Promise<FeedData | null> => {
    const payload = await getPayloadClient()
    const sections = await readSectionTree(payload, language)
    const section = sections.find((node) => node.slug === slug)
    if (!section) return null
    const ids = sectionWithDescendants(sections, section)
    const site = await siteIdentity(payload, language)
    return {
      language,
      title: `${section.name} · ${site.name}`,
      description: `${section.name} · ${site.tagline || site.name}`,
      link: urls.section(language, sectionPath(sections, section)),
      self: urls.sectionFeed(language, section.slug),
      items: await publishedItems(payload, language, {
        or: [{ category: { in: ids } }, { categories: { in: ids } }],
      }),
    }
  },
  ({ language }) => feedTags(language, cacheTags.categories),
)

/** The latest published articles with an author's byline, cached; null for an unknown author. */
export const getAuthorFeed = cached(
  'feed-author',
  async ({ language, slug }: { language: Language; slug: string }): Promise<FeedData | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'authors',
      ...oneBySlug({ language, slug }),
      draft: false,
      depth: 0,
      select: { name: true, slug: true },
    })
    const author = docs[0]
    if (!author) return null
    const site = await siteIdentity(payload, language)
    return {
      language,
      title: `${author.name} · ${site.name}`,
      description: `${author.name} · ${site.tagline || site.name}`,
      link: urls.author(language, author.slug ?? slug),
      self: urls.authorFeed(language, author.slug ?? slug),
      items: await publishedItems(payload, language, { authors: { in: [author.id] } }),
    }
  },
  ({ language }) => feedTags(language, cacheTags.authors),
)

/** RSS 2.0 for a feed, with absolute links and stable GUIDs, built by the `feed` library. */
export const renderRss = (data: FeedData): string => {
  const newest = data.items[0]?.publishedAt
  const feed = new Feed({
    title: data.title,
    description: data.description,
    id: absoluteUrl(data.link),
    link: absoluteUrl(data.link),
    language: data.language,
    feedLinks: { rss: absoluteUrl(data.self) },
    updated: newest ? new Date(newest) : undefined,
    ttl: 5,
    generator: false,
  })
  for (const item of data.items) {
    feed.addItem({
      title: item.title,
      id: articleGuid(item.id),
      guid: articleGuid(item.id),
      link: absoluteUrl(urls.article(data.language, item.slug)),
      date: new Date(item.publishedAt),
      description: item.dek ?? undefined,
      category: [...(item.categories ?? []), ...(item.section ? [{ name: item.section }] : [])],
    })
  }
  return feed.rss2()
}

/** An RSS response, or 404 when the feed does not exist. */
export const rssResponse = (data: FeedData | null): Response =>
  data
    ? new Response(renderRss(data), {
        headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      })
    : new Response('Not found', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      })
