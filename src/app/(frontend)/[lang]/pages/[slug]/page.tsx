import type { Metadata } from 'next'

import { RichText } from '@/components/RichText'
import { SiteShell } from '@/components/SiteShell'
import { notFoundOrMoved } from '@/data/redirects'
import { getPageBySlug } from '@/data/site'
import { pageLanguage } from '@/lib/params'
import { pageMetadata, sameInAllLanguages } from '@/lib/seo'
import { urls } from '@/lib/urls'

type Props = { params: Promise<{ lang: string; slug: string }> }

/**
 * Cached by Next (ISR): nothing is rendered at build time (no database needed), each URL is
 * rendered on its first request and kept until a cache tag it read is expired by a change
 * (`src/cache/revalidate.ts`), or after an hour at most. Draft mode bypasses the cache.
 */
export const revalidate = 3600
export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await pageLanguage(params)
  const page = await getPageBySlug({
    language: lang,
    slug: decodeURIComponent((await params).slug),
  })
  if (!page) return {}
  return pageMetadata({
    lang,
    path: urls.page(lang, page.slug),
    title: page.title,
    alternates: sameInAllLanguages((l) => urls.page(l, page.slug)),
  })
}

/** A static page (Who we are, Privacy Policy, ...), in the reader's language. */
export default async function StaticPage({ params }: Props) {
  const lang = await pageLanguage(params)
  const page = await getPageBySlug({
    language: lang,
    slug: decodeURIComponent((await params).slug),
  })
  if (!page) return notFoundOrMoved(`/${lang}/pages/${(await params).slug}`)
  return (
    <SiteShell lang={lang} alternates={sameInAllLanguages((l) => urls.page(l, page.slug))}>
      <div className="container narrow">
        <article className="static-page">
          <h1>{page.title}</h1>
          {page.body && <RichText data={page.body} lang={lang} className="article-body" />}
        </article>
      </div>
    </SiteShell>
  )
}
