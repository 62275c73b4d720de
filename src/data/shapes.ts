import 'server-only'

import type { MediaRow } from '@/db/articleReads'
import type { Language } from '@/lib/languages'
import type { Article, Author, Category, Media, Tag } from '@/payload-types'

/** What the site shows of an image: one rendition, with its real size (no layout shift). */
export type ImageData = {
  url: string
  width: number
  height: number
  alt: string
  caption: string | null
  credit: string | null
}

export type ImageSize = 'thumbnail' | 'card' | 'hero' | 'og'

export type SectionRef = { id: number; name: string; slug: string; path: string[] }
export type PersonRef = { id: number; name: string; slug: string }
export type TagRef = { id: number; name: string; slug: string }

export type ArticleSummary = {
  id: number
  title: string
  slug: string
  dek: string | null
  language: Language
  publishedAt: string | null
  readingTime: number | null
  section: { name: string; slug: string; path: string[] } | null
  authors: { name: string; slug: string }[]
  image: ImageData | null
  /** approved comments (0 when none, or when the article's comments are hidden) */
  commentCount?: number
}

export type Paginated<T> = { docs: T[]; page: number; totalPages: number; totalDocs: number }

/** Fields a list of articles reads, and the fields populated from its relations. */
export const summarySelect = {
  title: true,
  slug: true,
  dek: true,
  language: true,
  publishedAt: true,
  readingTime: true,
  category: true,
  authors: true,
  heroImage: true,
  heroAlt: true,
} as const

export const mediaPopulate = {
  alt: true,
  caption: true,
  credit: true,
  filename: true,
  url: true,
  width: true,
  height: true,
  sizes: true,
} as const

export const summaryPopulate = {
  categories: { name: true, slug: true, breadcrumbs: true },
  authors: { name: true, slug: true },
  media: mediaPopulate,
} as const

const isObject = <T>(value: number | null | undefined | T): value is T =>
  Boolean(value) && typeof value === 'object'

/**
 * Payload writes media URLs with the configured origin; the site serves them from its own
 * `/api/media/file/...` route, so pages use the path (next/image's local pattern).
 */
export const mediaPath = (url: string) => {
  const parsed = new URL(url, 'http://localhost')
  return parsed.pathname.startsWith('/api/media/') ? `${parsed.pathname}${parsed.search}` : url
}

/** What `toImage` reads of a media document (Payload's, or one built from a row: `mediaOfRow`). */
export type ImageSource = Pick<Media, 'url' | 'width' | 'height' | 'alt' | 'caption' | 'credit'> & {
  sizes?: Partial<
    Record<
      ImageSize,
      { url?: string | null; width?: number | null; height?: number | null } | undefined
    >
  > | null
}

/** One rendition of an uploaded image (falls back to the original file). */
export const toImage = (media: number | ImageSource | null | undefined, size: ImageSize) => {
  if (!isObject<ImageSource>(media)) return null
  const rendition = media.sizes?.[size]
  const url = rendition?.url || media.url
  const width = (rendition?.url && rendition.width) || media.width
  const height = (rendition?.url && rendition.height) || media.height
  if (!url || !width || !height) return null
  return {
    url: mediaPath(url),
    width,
    height,
    alt: media.alt ?? '',
    caption: media.caption ?? null,
    credit: media.credit ?? null,
  } satisfies ImageData
}

/** How Payload makes a media document's URLs (its `url` afterRead hooks), for rows read in SQL. */
export type MediaUrls = {
  /** Payload's `serverURL` */
  serverURL: string
  /** Payload's `routes.api` (`/api`) */
  apiRoute: string
  /** whether the S3 storage plugin is on (src/plugins.ts): it adds `?prefix=` to a prefixed file */
  s3: boolean
}

/**
 * A file's URL as Payload computes it on read (`generateFilePathOrURL`, then the storage
 * plugin's hook): a stored external URL as it is, else the API's file route for the filename
 * (none without a filename).
 */
const fileUrl = (
  urls: MediaUrls,
  filename: string | null,
  stored: string | null,
  prefix: string | null,
): string | null => {
  const external = stored && !stored.startsWith('/') && !stored.startsWith(urls.serverURL)
  let url = external
    ? stored
    : filename
      ? `${urls.serverURL}${urls.apiRoute}/media/file/${encodeURIComponent(filename)}`
      : null
  if (urls.s3 && filename && url && prefix) {
    url = `${url}${url.includes('?') ? '&' : '?'}prefix=${encodeURIComponent(prefix)}`
  }
  return url
}

/** A media row read in SQL (src/db/articleReads.ts) as the Local API returns the document. */
export const mediaOfRow = (row: MediaRow | null, urls: MediaUrls) => {
  if (!row) return null
  const sizes = Object.fromEntries(
    Object.entries(row.sizes).map(([name, r]) => [
      name,
      {
        url: fileUrl(urls, r.filename, r.url, row.prefix),
        width: r.width,
        height: r.height,
        filename: r.filename,
      },
    ]),
  )
  return {
    id: Number(row.id),
    alt: row.alt ?? '',
    caption: row.caption,
    credit: row.credit,
    filename: row.filename,
    url: fileUrl(urls, row.filename, row.url, row.prefix),
    width: row.width,
    height: row.height,
    sizes,
  } satisfies ImageSource & { id: number; filename: string | null }
}

/**
 * An article's hero image with the article's own words about it: its `heroAlt` and
 * `heroCaption` (in the article's language) over the image's (read in the page's locale, falling
 * back to English). The credit is the image's: a name, the same in every language.
 */
export const toHero = (
  doc: Pick<Partial<Article>, 'heroImage' | 'heroAlt' | 'heroCaption'>,
  size: ImageSize,
): ImageData | null => {
  const image = toImage(doc.heroImage, size)
  if (!image) return null
  return {
    ...image,
    alt: doc.heroAlt?.trim() || image.alt,
    caption: doc.heroCaption?.trim() || image.caption,
  }
}

/** A section's slugs from the top (`['news', 'economy']`), from its nested-docs breadcrumbs. */
export const sectionPath = (category: Pick<Category, 'slug' | 'breadcrumbs'>): string[] => {
  const url = category.breadcrumbs?.at(-1)?.url
  const path = url ? url.split('/').filter(Boolean) : []
  return path.length ? path : [category.slug ?? '']
}

export const toSectionRef = (category: number | Category | null | undefined) =>
  isObject<Category>(category)
    ? ({
        id: category.id,
        name: category.name,
        slug: category.slug ?? '',
        path: sectionPath(category),
      } satisfies SectionRef)
    : null

export const toPeople = (authors: Article['authors']): PersonRef[] =>
  (authors ?? [])
    .filter((author): author is Author => isObject<Author>(author))
    .map((author) => ({ id: author.id, name: author.name, slug: author.slug ?? '' }))

export const toTags = (tags: Article['tags']): TagRef[] =>
  (tags ?? [])
    .filter((tag): tag is Tag => isObject<Tag>(tag))
    .map((tag) => ({ id: tag.id, name: tag.name, slug: tag.slug ?? '' }))

export const toSummary = (doc: Partial<Article> & Pick<Article, 'id'>): ArticleSummary => {
  const section = toSectionRef(doc.category)
  return {
    id: doc.id,
    title: doc.title ?? '',
    slug: doc.slug ?? '',
    dek: doc.dek ?? null,
    language: doc.language ?? 'en',
    publishedAt: doc.publishedAt ?? null,
    readingTime: doc.readingTime ?? null,
    section: section ? { name: section.name, slug: section.slug, path: section.path } : null,
    authors: toPeople(doc.authors).map(({ name, slug }) => ({ name, slug })),
    image: toHero(doc, 'card'),
  }
}
