import 'server-only'

import { cacheTags } from '@/cache/tags'
import type { Language } from '@/lib/languages'
import { safeHref } from '@/lib/safeUrl'
import { urls } from '@/lib/urls'
import type { Category, Navigation, Page } from '@/payload-types'

import { oneBySlug } from './bySlug'
import { cached } from './cached'
import { getPayloadClient } from './payload'
import { sectionPath } from './shapes'

export type MenuLink = { label: string; href: string; children: MenuLink[] }

type LinkData = NonNullable<Navigation['footer']>[number]

const toLink = (language: Language, link: LinkData): Omit<MenuLink, 'children'> | null => {
  if (link.type === 'category' && link.category && typeof link.category === 'object') {
    const category = link.category as Category
    return {
      label: link.label || category.name,
      href: urls.section(language, sectionPath(category)),
    }
  }
  if (link.type === 'page' && link.page && typeof link.page === 'object') {
    const page = link.page as Page
    return { label: link.label || page.title, href: urls.page(language, page.slug ?? '') }
  }
  if (link.type === 'url') {
    // A menu entry whose stored URL is not a safe link is left out of the menu.
    const href = safeHref(link.url)
    return href ? { label: link.label || href, href } : null
  }
  return null
}

/** The header menu (with submenus) and footer links, with labels in the reader's language. */
export const getNavigation = cached(
  'navigation',
  async ({ language }: { language: Language }) => {
    const payload = await getPayloadClient()
    const nav = await payload.findGlobal({
      slug: 'navigation',
      overrideAccess: false,
      locale: language,
      fallbackLocale: 'en',
      depth: 1,
      populate: {
        categories: { name: true, slug: true, breadcrumbs: true },
        pages: { title: true, slug: true },
      },
    })
    const header: MenuLink[] = (nav.header ?? []).flatMap((item) => {
      const link = toLink(language, item)
      if (!link) return []
      const children = (item.children ?? []).flatMap((child) => {
        const childLink = toLink(language, child)
        return childLink ? [{ ...childLink, children: [] }] : []
      })
      return [{ ...link, children }]
    })
    const footer: MenuLink[] = (nav.footer ?? []).flatMap((item) => {
      const link = toLink(language, item)
      return link ? [{ ...link, children: [] }] : []
    })
    return { header, footer }
  },
  () => [cacheTags.global('navigation'), cacheTags.categories, cacheTags.pages],
)

export type SiteSettings = {
  siteName: string
  tagline: string | null
  about: string | null
  contactEmail: string | null
  social: { platform: string; url: string }[]
}

export const getSiteSettings = cached(
  'site-settings',
  async ({ language }: { language: Language }): Promise<SiteSettings> => {
    const payload = await getPayloadClient()
    const doc = await payload.findGlobal({
      slug: 'site-settings',
      overrideAccess: false,
      locale: language,
      fallbackLocale: 'en',
      depth: 0,
    })
    return {
      siteName: doc.siteName || 'Caspian Digest',
      tagline: doc.tagline ?? null,
      about: doc.about ?? null,
      contactEmail: doc.contactEmail ?? null,
      social: (doc.social ?? []).map(({ platform, url }) => ({ platform, url })),
    }
  },
  () => [cacheTags.global('site-settings')],
)

export type StaticPage = { id: number; title: string; slug: string; body: Page['body'] }

/** A published static page by slug; null for drafts and unknown slugs. */
export const getPageBySlug = cached(
  'page-by-slug',
  async ({ language, slug }: { language: Language; slug: string }): Promise<StaticPage | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'pages',
      ...oneBySlug({ language, slug }),
      draft: false,
      pagination: false,
      depth: 1,
      select: { title: true, slug: true, body: true },
    })
    const doc = docs[0]
    return doc
      ? { id: doc.id, title: doc.title, slug: doc.slug ?? '', body: doc.body ?? null }
      : null
  },
  () => [cacheTags.pages],
)
