import type { PublicLiveCoverage } from '@/data/live'
import type { Language } from '@/lib/languages'
import { absoluteUrl } from '@/lib/urls'

const plain = (text: string | null) => text?.replace(/\s+/g, ' ').trim() || undefined

const headlineOf = (headline: string | null, text: string | null, fallback: string) => {
  const words = plain(headline) ?? plain(text) ?? fallback
  return words.length > 110 ? `${words.slice(0, 109)}…` : words
}

/**
 * The article's schema.org `LiveBlogPosting`, beside its `NewsArticle`: when the coverage
 * started and (once closed) ended, and its updates as `BlogPosting` items, newest first.
 */
export const liveBlogJsonLd = (
  coverage: PublicLiveCoverage,
  { url, lang, title }: { url: string; lang: Language; title: string },
): Record<string, unknown> => ({
  '@context': 'https://schema.org',
  '@type': 'LiveBlogPosting',
  '@id': `${url}#live`,
  url,
  mainEntityOfPage: url,
  headline: title,
  inLanguage: lang,
  coverageStartTime: coverage.startedAt,
  ...(coverage.endedAt ? { coverageEndTime: coverage.endedAt } : {}),
  dateModified: coverage.updates[0]?.updatedAt ?? coverage.startedAt,
  liveBlogUpdate: coverage.updates.map((update) => ({
    '@type': 'BlogPosting',
    '@id': `${url}#live-update-${update.id}`,
    url: `${url}#live-update-${update.id}`,
    headline: headlineOf(update.headline, update.text ?? update.linkTitle, title),
    articleBody:
      [plain(update.text), update.attribution ? `— ${update.attribution}` : undefined, update.url]
        .filter(Boolean)
        .join(' ') || headlineOf(update.headline, null, title),
    datePublished: update.postedAt,
    dateModified: update.updatedAt,
    ...(update.image ? { image: absoluteUrl(update.image.url) } : {}),
  })),
})
