import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'

import { HomeTop } from '@/components/home/HomeTop'
import { SectionBlock } from '@/components/home/SectionBlock'
import { SiteShell } from '@/components/SiteShell'
import { getLatestArticles, getSectionBlocks } from '@/data/articles'
import { getSections, type Section } from '@/data/sections'
import { getSiteSettings } from '@/data/site'
import { pageLanguage } from '@/lib/params'
import { pageMetadata, sameInAllLanguages } from '@/lib/seo'
import { urls } from '@/lib/urls'

type Props = { params: Promise<{ lang: string }> }

/**
 * Cached by Next (ISR): nothing is rendered at build time (no database needed), each URL is
 * rendered on its first request and kept until a cache tag it read is expired by a change
 * (`src/cache/revalidate.ts`), or after an hour at most. Draft mode bypasses the cache.
 */
export const revalidate = 3600
export const generateStaticParams = async () => []

/** Sections with a strip of their own instead of a block. */
const STRIPS = ['opinion', 'interview']

/**
 * The top-level sections the home page lists: as blocks (in menu order) and as strips (in
 * `STRIPS` order, those that exist), each with the ids its articles may be filed under (the
 * section and its sub-sections).
 */
const homeSections = (sections: Section[]) => {
  const top = sections.filter((s) => s.parentId === null)
  const blocks = top.filter((s) => !STRIPS.includes(s.slug))
  const strips = STRIPS.flatMap((slug) => top.filter((s) => s.slug === slug).slice(0, 1))
  const idsOf = (section: Section) => [
    section.id,
    ...sections.filter((s) => s.parentId === section.id).map((s) => s.id),
  ]
  return { blocks, strips, idsOf }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const settings = await getSiteSettings({ language: lang })
  return {
    ...pageMetadata({
      lang,
      path: urls.home(lang),
      title: settings.siteName,
      description: settings.tagline,
      alternates: sameInAllLanguages(urls.home),
    }),
    title: { absolute: settings.siteName },
  }
}

export default async function HomePage({ params }: Props) {
  const lang = await pageLanguage(params)
  const [t, latest, sections] = await Promise.all([
    getTranslations({ locale: lang }),
    getLatestArticles({ language: lang, limit: 30 }),
    getSections({ language: lang }),
  ])
  const { blocks, strips, idsOf } = homeSections(sections)
  const listed = [...blocks, ...strips]
  // Every block's and strip's articles in one read.
  const lists = await getSectionBlocks({
    language: lang,
    blocks: listed.map(idsOf),
    perSection: 4,
  })
  const articlesOf = (section: Section) => lists[listed.indexOf(section)] ?? []
  const [lead, ...rest] = latest

  return (
    <SiteShell lang={lang} alternates={sameInAllLanguages(urls.home)} isHome>
      <div className="container">
        {!lead ? (
          <p className="empty">{t('home.empty')}</p>
        ) : (
          <>
            <HomeTop
              lang={lang}
              lead={lead}
              topStories={rest.slice(0, 4)}
              newArticles={latest.slice(0, 10)}
            />
            {[...strips, ...blocks].map((section) => (
              <SectionBlock
                key={section.id}
                lang={lang}
                section={section}
                articles={articlesOf(section)}
                strip={strips.includes(section)}
              />
            ))}
          </>
        )}
      </div>
    </SiteShell>
  )
}
