import { commentCountLabel } from '@/components/comments/commentCount'
import { Img } from '@/components/Img'
import type { ArticleSummary } from '@/data/shapes'
import { formatDate } from '@/lib/format'
import { urls } from '@/lib/urls'

type Variant = 'lead' | 'card' | 'row' | 'headline'

const SIZES: Record<Variant, string> = {
  lead: '(min-width: 1024px) 760px, 100vw',
  card: '(min-width: 1024px) 300px, (min-width: 640px) 45vw, 100vw',
  row: '160px',
  headline: '0px',
}

/** One article in a list: image, section label, title, dek, byline, date and reading time. */
export function ArticleCard({
  article,
  variant = 'card',
  headingLevel = 3,
  minRead,
  showSection = true,
  priority = false,
}: {
  article: ArticleSummary
  variant?: Variant
  headingLevel?: 2 | 3 | 4
  minRead: (minutes: number) => string
  showSection?: boolean
  priority?: boolean
}) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4'
  const href = urls.article(article.language, article.slug)
  const withImage = variant !== 'headline' && article.image
  return (
    <article className={`card card-${variant}`}>
      {withImage && article.image && (
        <a href={href} className="card-image" tabIndex={-1} aria-hidden="true">
          <Img
            src={article.image.url}
            width={article.image.width}
            height={article.image.height}
            alt=""
            sizes={SIZES[variant]}
            priority={priority}
          />
        </a>
      )}
      <div className="card-body">
        {showSection && article.section && (
          <a className="section-label" href={urls.section(article.language, article.section.path)}>
            {article.section.name}
          </a>
        )}
        <Heading className="card-title">
          <a href={href}>{article.title}</a>
        </Heading>
        {variant !== 'headline' && variant !== 'row' && article.dek && (
          <p className="dek">{article.dek}</p>
        )}
        <p className="meta">
          {variant !== 'headline' && article.authors.length > 0 && (
            <span className="byline">{article.authors.map((a) => a.name).join(', ')}</span>
          )}
          {article.publishedAt && (
            <time dateTime={article.publishedAt}>
              {formatDate(article.language, article.publishedAt)}
            </time>
          )}
          {variant !== 'headline' && article.readingTime ? (
            <span>{minRead(article.readingTime)}</span>
          ) : null}
          {variant !== 'headline' && article.commentCount ? (
            <a className="card-comments" href={`${href}#comments`}>
              {commentCountLabel(article.language, article.commentCount)}
            </a>
          ) : null}
        </p>
      </div>
    </article>
  )
}
