import { getTranslations } from 'next-intl/server'

import type { ArticleDetail } from '@/data/articles'
import type { Language, SourceLanguage } from '@/lib/languages'
import { safeHref } from '@/lib/safeUrl'

/**
 * Where the story comes from: the outlet it reports (with a link to the original story when its
 * URL is a safe link), and the language it was translated from: the original language version
 * (linked when it is published; said to be withdrawn when it no longer is), or the reprinted
 * story's language.
 */
export async function SourceCredit({
  article,
  lang,
  originalPath,
}: {
  article: ArticleDetail
  lang: Language
  originalPath?: string
}) {
  const { source, translationOf, originalWithdrawn } = article
  if (!(source?.outlet || translationOf || originalWithdrawn || source?.originalLanguage)) {
    return null
  }
  const [t, tLang] = await Promise.all([
    getTranslations({ locale: lang }),
    getTranslations({ locale: lang, namespace: 'languages' }),
  ])
  const languageName = (code: string) =>
    tLang.has(code as SourceLanguage) ? tLang(code as SourceLanguage) : code
  const sourceHref = safeHref(source?.url)
  return (
    <div className="source-credit" data-testid="source-credit">
      {source?.outlet && (
        <p>
          <strong>{t('article.reports', { outlet: source.outlet })}</strong>
          {sourceHref && (
            <>
              {' · '}
              <a href={sourceHref} rel="noopener">
                {t('article.originalStory')}
              </a>
            </>
          )}
        </p>
      )}
      {translationOf ? (
        <p>
          {originalPath ? (
            <a href={originalPath} hrefLang={translationOf.language}>
              {t('article.translatedFromOriginal', {
                language: languageName(translationOf.language),
                title: translationOf.title,
              })}
            </a>
          ) : (
            t('article.translatedFrom', { language: languageName(translationOf.language) })
          )}
        </p>
      ) : originalWithdrawn ? (
        <p>{t('article.originalWithdrawn')}</p>
      ) : source?.originalLanguage && source.originalLanguage !== lang ? (
        <p>
          {source.originalTitle
            ? t('article.translatedFromOriginal', {
                language: languageName(source.originalLanguage),
                title: source.originalTitle,
              })
            : t('article.translatedFrom', { language: languageName(source.originalLanguage) })}
        </p>
      ) : null}
    </div>
  )
}
