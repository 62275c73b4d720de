import type { Metadata } from 'next'

import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@/lib/languages'

import { absoluteUrl } from './urls'

export const SITE_NAME = 'Caspian Digest'

const OG_LOCALES: Record<string, string> = { en: 'en_US', az: 'az_AZ', ru: 'ru_RU' }

/**
 * Canonical URL, hreflang alternates (only the languages the page exists in, plus x-default),
 * Open Graph and Twitter card for one public page. `alternates` maps language → path.
 */
export const pageMetadata = ({
  lang,
  path,
  title,
  description,
  alternates,
  image,
  type = 'website',
  article,
  xDefault,
}: {
  lang: string
  path: string
  title: string
  description?: string | null
  alternates: Partial<Record<string, string>>
  image?: { url: string; width: number; height: number; alt: string } | null
  type?: 'website' | 'article'
  /** the path for readers of no listed language; defaults to the English version */
  xDefault?: string
  article?: { publishedTime?: string; modifiedTime?: string; authors?: string[]; section?: string }
}): Metadata => {
  const languages: Record<string, string> = {}
  for (const [code, href] of Object.entries(alternates))
    if (href) languages[code] = absoluteUrl(href)
  const fallback = xDefault ?? alternates[DEFAULT_LANGUAGE] ?? alternates[lang] ?? path
  if (Object.keys(languages).length > 0) languages['x-default'] = absoluteUrl(fallback)
  const images = image
    ? [{ url: absoluteUrl(image.url), width: image.width, height: image.height, alt: image.alt }]
    : undefined
  return {
    title,
    description: description ?? undefined,
    alternates: { canonical: absoluteUrl(path), languages },
    openGraph: {
      type,
      url: absoluteUrl(path),
      siteName: SITE_NAME,
      title,
      description: description ?? undefined,
      locale: OG_LOCALES[lang],
      images,
      ...(type === 'article' && article
        ? {
            publishedTime: article.publishedTime,
            modifiedTime: article.modifiedTime,
            authors: article.authors,
            section: article.section,
          }
        : {}),
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title,
      description: description ?? undefined,
      images: images?.map((i) => i.url),
    },
  }
}

/** The same path in every site language (sections, tags, authors, pages share slugs). */
export const sameInAllLanguages = (build: (lang: string) => string) =>
  Object.fromEntries(LANGUAGES.map((language) => [language, build(language)])) as Record<
    Language,
    string
  >
