import type { Metadata } from 'next'
import { connection } from 'next/server'

import { ArticleCard } from '@/components/ArticleCard'
import { Img } from '@/components/Img'
import { Pagination, paginationLabels } from '@/components/Pagination'
import { SiteShell } from '@/components/SiteShell'
import { getAuthorArticles } from '@/data/articles'
import { getAuthorBySlug } from '@/data/people'
import { notFoundOrMoved } from '@/data/redirects'
import { pageLanguage } from '@/lib/params'
import { safeHref } from '@/lib/safeUrl'
import { pageMetadata, sameInAllLanguages } from '@/lib/seo'
import { urls } from '@/lib/urls'

import { LISTING_PER_PAGE, readListingPage, type ListingSearchParams } from '../../listingPage'

type Props = { params: Promise<{ lang: string; slug: string }>; searchParams: ListingSearchParams }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const author = await getAuthorBySlug({
    language: lang,
    slug: decodeURIComponent((await params).slug),
  })
  if (!author) return {}
  return pageMetadata({
    lang,
    path: urls.author(lang, author.slug),
    title: author.name,
    description: author.bio,
    alternates: sameInAllLanguages((l) => urls.author(l, author.slug)),
    image: author.photo,
  })
}

/** An author: photo, job title, bio, links, and their articles in this language. */
export default async function AuthorPage({ params, searchParams }: Props) {
  const lang = await pageLanguage(params)
  await connection()
  const author = await getAuthorBySlug({
    language: lang,
    slug: decodeURIComponent((await params).slug),
  })
  if (!author) return notFoundOrMoved(`/${lang}/authors/${(await params).slug}`)
  const { page, t, list, minRead } = await readListingPage(lang, searchParams, (page) =>
    getAuthorArticles({ language: lang, authorId: author.id, page, limit: LISTING_PER_PAGE }),
  )

  return (
    <SiteShell lang={lang} alternates={sameInAllLanguages((l) => urls.author(l, author.slug))}>
      <div className="container">
        <header className="author-header">
          {author.photo && (
            <Img
              className="author-photo"
              src={author.photo.url}
              width={author.photo.width}
              height={author.photo.height}
              alt={author.photo.alt}
              sizes="160px"
            />
          )}
          <div>
            <h1>{author.name}</h1>
            {author.jobTitle && <p className="job-title">{author.jobTitle}</p>}
            {author.bio && <p className="page-intro">{author.bio}</p>}
            {author.links.length > 0 && (
              <ul className="author-links">
                {author.links.map((link, i) => (
                  <li key={i}>
                    {/* A stored target that is not a safe link shows as its label alone. */}
                    <a href={safeHref(link.url)} rel="noopener me">
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </header>
        <section aria-labelledby="author-articles">
          <h2 id="author-articles" className="block-title">
            {t('author.articles', { name: author.name })}
          </h2>
          {list.docs.length === 0 ? (
            <p className="empty">{t('author.empty')}</p>
          ) : (
            <div className="grid grid-3 listing" data-testid="listing">
              {list.docs.map((article) => (
                <ArticleCard key={article.id} article={article} minRead={minRead} />
              ))}
            </div>
          )}
        </section>
        <Pagination
          basePath={urls.author(lang, author.slug)}
          page={page}
          totalPages={list.totalPages}
          labels={paginationLabels(t, page, list.totalPages)}
        />
      </div>
    </SiteShell>
  )
}
