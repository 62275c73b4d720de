import {
  RichText as LexicalRichText,
  type JSXConvertersFunction,
  LinkJSXConverter,
} from '@payloadcms/richtext-lexical/react'
import Image from 'next/image'

import { toImage } from '@/data/shapes'
import { urls } from '@/lib/urls'
import type { Article, Media } from '@/payload-types'

type Data = NonNullable<Article['body']>

const hrefFor = (lang: string, relationTo: string, value: unknown): string => {
  const doc = value && typeof value === 'object' ? (value as Record<string, unknown>) : null
  const slug = typeof doc?.slug === 'string' ? doc.slug : ''
  if (!slug) return '#'
  if (relationTo === 'articles') {
    return urls.article(typeof doc?.language === 'string' ? doc.language : lang, slug)
  }
  if (relationTo === 'pages') return urls.page(lang, slug)
  return '#'
}

/**
 * A Lexical body as semantic HTML: Payload's converters for paragraphs, headings, quotes, lists
 * and links (internal links to articles and pages by their public URL), and uploads as responsive
 * figures with caption and credit.
 */
export function RichText({
  data,
  lang,
  className,
}: {
  data: Data
  lang: string
  className?: string
}) {
  const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    ...LinkJSXConverter({
      internalDocToHref: ({ linkNode }) =>
        hrefFor(lang, linkNode.fields.doc?.relationTo ?? '', linkNode.fields.doc?.value),
    }),
    upload: ({ node }) => {
      if (node.relationTo !== 'media') return null
      const media = node.value as Media | number
      const image = toImage(media, 'hero')
      if (!image) return null
      return (
        <figure className="body-figure">
          <Image
            src={image.url}
            width={image.width}
            height={image.height}
            alt={image.alt}
            sizes="(min-width: 1024px) 720px, 100vw"
          />
          {(image.caption || image.credit) && (
            <figcaption>
              {image.caption}
              {image.credit && <span className="credit"> {image.credit}</span>}
            </figcaption>
          )}
        </figure>
      )
    },
  })
  return <LexicalRichText data={data} converters={converters} className={className} />
}
