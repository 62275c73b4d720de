import type { Metadata } from 'next'
import { connection } from 'next/server'

import { ArticleCard } from '@/components/ArticleCard'
import { Breadcrumb } from '@/components/Breadcrumb'
import { Pagination, pageParam, paginationLabels } from '@/components/Pagination'
import { SiteShell } from '@/components/SiteShell'
import { getSectionArticles } from '@/data/articles'
import { notFoundOrMoved } from '@/data/redirects'
import { getSectionByPath } from '@/data/sections'
import { pageLanguage } from '@/lib/params'
import { pageMetadata, sameInAllLanguages } from '@/lib/seo'
import { urls } from '@/lib/urls'

import { LISTING_PER_PAGE, readListingPage, type ListingSearchParams } from '../../listingPage'

type Props = {
  params: Promise<{ lang: string; path: string[] }>
  searchParams: ListingSearchParams
}

const slugs = (path: string[]) => path.map((part) => decodeURIComponent(part))

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const found = await getSectionByPath({ language: lang, path: slugs((await params).path) })
  if (!found) return {}
  const page = pageParam((await searchParams).page)
  const path = urls.section(lang, found.section.path)
  return pageMetadata({
    lang,
    path: page > 1 ? `${path}?page=${page}` : path,
    title: found.section.name,
    description: found.section.description,
    alternates: sameInAllLanguages((l) => urls.section(l, found.section.path)),
  })
}

/** A section (`/{lang}/section/news/economy`): its articles and those of its sub-sections. */
export default async function SectionPage({ params, searchParams }: Props) {
  const lang = await pageLanguage(params)
  await connection()
  const found = await getSectionByPath({ language: lang, path: slugs((await params).path) })
  if (!found) return notFoundOrMoved(`/${lang}/section/${(await params).path.join('/')}`)
  const { section, ancestors, children, ids } = found
  const { page, t, list, minRead } = await readListingPage(lang, searchParams, (page) =>
    getSectionArticles({ language: lang, sectionIds: ids, page, limit: LISTING_PER_PAGE }),
  )
  const [first, ...rest] = list.docs

  return (
    <SiteShell lang={lang} alternates={sameInAllLanguages((l) => urls.section(l, section.path))}>
      <div className="container">
        <Breadcrumb
          label={t('site.breadcrumb')}
          items={[
            { label: t('site.home'), href: urls.home(lang) },
            ...ancestors.map((a) => ({ label: a.name, href: urls.section(lang, a.path) })),
            { label: section.name },
          ]}
        />
        <header className="page-header">
          <h1>{section.name}</h1>
          {section.description && <p className="page-intro">{section.description}</p>}
          {children.length > 0 && (
            <nav className="subsections" aria-label={t('section.subsections')}>
              <ul>
                {children.map((child) => (
                  <li key={child.id}>
                    <a href={urls.section(lang, child.path)}>{child.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        {!first ? (
          <p className="empty">{t('section.empty')}</p>
        ) : (
          <>
            {page === 1 && (
              <div className="section-lead">
                <ArticleCard
                  article={first}
                  variant="lead"
                  headingLevel={2}
                  minRead={minRead}
                  priority
                />
              </div>
            )}
            <div className="grid grid-3 listing" data-testid="listing">
              {(page === 1 ? rest : list.docs).map((article) => (
                <ArticleCard
                  key={article.id}
                  article={article}
                  headingLevel={2}
                  minRead={minRead}
                />
              ))}
            </div>
          </>
        )}
        <Pagination
          basePath={urls.section(lang, section.path)}
          page={page}
          totalPages={list.totalPages}
          labels={paginationLabels(t, page, list.totalPages)}
        />
      </div>
    </SiteShell>
  )
}
