import { XMLParser, XMLValidator } from 'fast-xml-parser'

const REPEATED = new Set(['item', 'url', 'sitemap', 'xhtml:link', 'category'])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => REPEATED.has(name),
})

/** Parses XML after checking it is well-formed; throws on malformed XML. */
export const parseXml = (xml: string): Record<string, unknown> => {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`Malformed XML: ${JSON.stringify(valid.err)}`)
  return parser.parse(xml) as Record<string, unknown>
}

type Text = string | { '#text': string }
const text = (value: Text | undefined) =>
  value === undefined ? undefined : typeof value === 'string' ? value : value['#text']

export type RssItem = {
  title: string
  link: string
  guid: string
  isPermaLink: string | undefined
  pubDate: string
  description: string | undefined
  categories: string[]
}

/** An RSS 2.0 document: the channel's fields and its items. */
export const parseRss = (xml: string) => {
  const doc = parseXml(xml) as {
    rss?: {
      '@version': string
      channel: Record<string, unknown> & { item?: Record<string, Text | Text[]>[] }
    }
  }
  if (!doc.rss || doc.rss['@version'] !== '2.0') throw new Error('Not an RSS 2.0 document')
  const { channel } = doc.rss
  const items: RssItem[] = (channel.item ?? []).map((item) => {
    const guid = item.guid as { '#text': string; '@isPermaLink'?: string }
    return {
      title: text(item.title as Text) ?? '',
      link: text(item.link as Text) ?? '',
      guid: guid['#text'],
      isPermaLink: guid['@isPermaLink'],
      pubDate: text(item.pubDate as Text) ?? '',
      description: text(item.description as Text),
      categories: ((item.category as Text[] | undefined) ?? []).map((c) => text(c) ?? ''),
    }
  })
  return { channel, items }
}

export type UrlsetEntry = {
  loc: string
  lastmod?: string
  alternates: { hreflang: string; href: string }[]
  news?: { name: string; language: string; publicationDate: string; title: string }
}

/** A sitemap `<urlset>`: its namespaces and entries. */
export const parseUrlset = (xml: string) => {
  const doc = parseXml(xml) as { urlset?: Record<string, unknown> & { url?: unknown[] } }
  if (!doc.urlset) throw new Error('Not a <urlset>')
  const entries: UrlsetEntry[] = (doc.urlset.url ?? []).map((raw) => {
    const url = raw as Record<string, unknown>
    const news = url['news:news'] as
      | {
          'news:publication': { 'news:name': Text; 'news:language': Text }
          'news:publication_date': Text
          'news:title': Text
        }
      | undefined
    return {
      loc: text(url.loc as Text) ?? '',
      lastmod: text(url.lastmod as Text | undefined),
      alternates: ((url['xhtml:link'] as Record<string, string>[] | undefined) ?? []).map(
        (link) => ({ hreflang: link['@hreflang'], href: link['@href'] }),
      ),
      news: news && {
        name: text(news['news:publication']['news:name']) ?? '',
        language: text(news['news:publication']['news:language']) ?? '',
        publicationDate: text(news['news:publication_date']) ?? '',
        title: text(news['news:title']) ?? '',
      },
    }
  })
  return { attributes: doc.urlset, entries }
}

/** A `<sitemapindex>`: the child sitemaps' locations. */
export const parseSitemapIndex = (xml: string) => {
  const doc = parseXml(xml) as {
    sitemapindex?: { sitemap?: { loc: Text; lastmod?: Text }[] }
  }
  if (!doc.sitemapindex) throw new Error('Not a <sitemapindex>')
  return (doc.sitemapindex.sitemap ?? []).map((entry) => ({
    loc: text(entry.loc) ?? '',
    lastmod: text(entry.lastmod),
  }))
}
