import type { Metadata } from 'next'

import { SITE_NAME } from '@/lib/seo'

type OpenGraph = {
  type?: string
  url?: string
  siteName?: string
  title?: string
  description?: string
  locale?: string
  images?: { url: string; width?: number; height?: number; alt?: string }[]
  publishedTime?: string
  modifiedTime?: string
  authors?: string[]
  section?: string
}

/**
 * The `<head>` tags Next writes from a page's `Metadata`, for what `pageMetadata`
 * (src/lib/seo.ts) sets: title (with the layout's template), description, canonical, hreflang
 * alternates, Open Graph (article fields included) and the Twitter card.
 */
export function HeadTags({ metadata }: { metadata: Metadata }) {
  const title = typeof metadata.title === 'string' ? `${metadata.title} · ${SITE_NAME}` : SITE_NAME
  const canonical = metadata.alternates?.canonical
  const languages = (metadata.alternates?.languages ?? {}) as Record<string, string>
  const og = (metadata.openGraph ?? {}) as OpenGraph
  const twitter = (metadata.twitter ?? {}) as { card?: string; images?: string[] }
  const property = (name: string, content: string | undefined) =>
    content ? <meta key={`${name}:${content}`} property={name} content={content} /> : null
  return (
    <>
      <title>{title}</title>
      {metadata.description && <meta name="description" content={metadata.description} />}
      {typeof canonical === 'string' && <link rel="canonical" href={canonical} />}
      {Object.entries(languages).map(([code, href]) => (
        <link key={code} rel="alternate" hrefLang={code} href={href} />
      ))}
      {property('og:title', og.title)}
      {property('og:description', og.description)}
      {property('og:url', og.url)}
      {property('og:site_name', og.siteName)}
      {property('og:locale', og.locale)}
      {(og.images ?? []).flatMap((image) => [
        property('og:image', image.url),
        property('og:image:width', image.width ? String(image.width) : undefined),
        property('og:image:height', image.height ? String(image.height) : undefined),
        property('og:image:alt', image.alt),
      ])}
      {property('og:type', og.type)}
      {property('article:published_time', og.publishedTime)}
      {property('article:modified_time', og.modifiedTime)}
      {(og.authors ?? []).map((author) => property('article:author', author))}
      {property('article:section', og.section)}
      {twitter.card && <meta name="twitter:card" content={twitter.card} />}
      <meta name="twitter:title" content={og.title} />
      {og.description && <meta name="twitter:description" content={og.description} />}
      {(twitter.images ?? []).map((url) => (
        <meta key={url} name="twitter:image" content={url} />
      ))}
    </>
  )
}
