import {
  RichText as LexicalRichText,
  type JSXConvertersFunction,
  LinkJSXConverter,
} from '@payloadcms/richtext-lexical/react'
import type React from 'react'

import { Img } from '@/components/Img'
import { toImage } from '@/data/shapes'
import { safeHref } from '@/lib/safeUrl'
import { urls } from '@/lib/urls'
import type { Article, Media } from '@/payload-types'

type Data = NonNullable<Article['body']>

type LinkArgs = {
  node: { fields: { linkType?: string; url?: string }; children: unknown[] }
  nodesToJSX: (args: { nodes: unknown[] }) => React.ReactNode
}

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
  const links = LinkJSXConverter({
    internalDocToHref: ({ linkNode }) =>
      hrefFor(lang, linkNode.fields.doc?.relationTo ?? '', linkNode.fields.doc?.value),
  })
  /**
   * A link to another site keeps only a safe target: a `javascript:` or `data:` link, however
   * it is spelled, renders as its text alone (the editor validates links, the API does not).
   */
  const guarded = (convert: unknown) =>
    function SafeLink(args: LinkArgs): React.ReactNode {
      const call = convert as (a: LinkArgs) => React.ReactNode
      const { node } = args
      if (node.fields.linkType === 'internal') return call(args)
      const href = safeHref(node.fields.url)
      if (href === undefined) return <span>{args.nodesToJSX({ nodes: node.children })}</span>
      return call({ ...args, node: { ...node, fields: { ...node.fields, url: href } } })
    }
  const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    link: guarded(links.link) as never,
    autolink: guarded(links.autolink) as never,
    upload: ({ node }) => {
      if (node.relationTo !== 'media') return null
      const media = node.value as Media | number
      const image = toImage(media, 'hero')
      if (!image) return null
      return (
        <figure className="body-figure">
          <Img
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
