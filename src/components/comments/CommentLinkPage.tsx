import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'

import { SiteShell } from '@/components/SiteShell'
import { COMMENT_ENDPOINTS } from '@/lib/commentForm'
import type { Language } from '@/lib/languages'
import { message, type MessageKey } from '@/lib/messages'
import { pageLanguage } from '@/lib/params'
import { urls } from '@/lib/urls'

/** The refusals a link page may be sent back with (`?result=<code>`), by their stable codes. */
const REFUSALS: Record<string, MessageKey> = {
  'comments.linkInvalid': 'comments:linkInvalid',
  'comments.linkExpired': 'comments:linkExpired',
  'comments.linkUsed': 'comments:linkUsed',
  'comments.rateLimited': 'comments:rateLimited',
  'comments.badForm': 'comments:badForm',
  'comments.tooLarge': 'comments:tooLarge',
}

/** A path back to an article, as the endpoint gives it; anything else is dropped. */
const articlePath = (value: string | undefined) =>
  value && /^\/(en|az|ru)\/articles\/[^/?#\\]+$/.test(value) ? value : null

export type LinkPageQuery = { token?: string; result?: string; back?: string; count?: string }

/**
 * A page a link in a commenter's email opens (`/{lang}/comments/confirm?token=…`,
 * `/{lang}/comments/erase?token=…`): a GET changes nothing (mail scanners open links), it shows
 * one button that POSTs the token to the endpoint, which sends the reader back here with the
 * result (`?result=…`). Dynamic, never indexed, never cached.
 */
export async function CommentLinkPage({
  lang,
  kind,
  query,
}: {
  lang: Language
  kind: 'confirm' | 'erase'
  query: LinkPageQuery
}) {
  const t = await getTranslations({ locale: lang, namespace: 'comments' })
  const title = kind === 'confirm' ? t('confirmTitle') : t('eraseTitle')
  const back = articlePath(query.back)
  const refusal = query.result ? REFUSALS[query.result] : undefined
  const count = Math.max(0, Math.min(100_000, Number.parseInt(query.count ?? '0', 10) || 0))
  let body: React.ReactNode
  if (query.result === 'confirmed' && kind === 'confirm') {
    body = <p className="comment-answer">{t('confirmed')}</p>
  } else if (query.result === 'erased' && kind === 'erase') {
    body = <p className="comment-answer">{t('erased', { count })}</p>
  } else if (refusal) {
    body = (
      <p className="comment-answer comment-answer-error" role="alert">
        {message(lang, refusal, { minutes: 10 })}
      </p>
    )
  } else if (query.token && query.token.length <= 2048) {
    body = (
      <form
        method="post"
        action={kind === 'confirm' ? COMMENT_ENDPOINTS.confirm : COMMENT_ENDPOINTS.erase}
      >
        <p>{kind === 'confirm' ? t('confirmIntro') : t('eraseIntro')}</p>
        <input type="hidden" name="token" value={query.token} />
        <input type="hidden" name="language" value={lang} />
        <button type="submit">{kind === 'confirm' ? t('confirmButton') : t('eraseButton')}</button>
      </form>
    )
  } else {
    body = <p className="comment-answer comment-answer-error">{t('noToken')}</p>
  }
  return (
    <SiteShell lang={lang} alternates={{}}>
      <div className="container narrow comment-page">
        <h1>{title}</h1>
        {body}
        <p>
          <a href={back ?? urls.home(lang)}>{back ? t('backToArticle') : urls.home(lang)}</a>
        </p>
      </div>
    </SiteShell>
  )
}

type RouteProps = {
  params: Promise<{ lang: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * The route of a link page (`app/(frontend)/[lang]/comments/<kind>/page.tsx` re-exports it,
 * with `dynamic = 'force-dynamic'` of its own: personal, rendered per request, never indexed).
 */
export const commentLinkRoute = (kind: 'confirm' | 'erase') => ({
  generateMetadata: async ({ params }: RouteProps): Promise<Metadata> => {
    const lang = await pageLanguage(params)
    const t = await getTranslations({ locale: lang, namespace: 'comments' })
    return {
      title: t(kind === 'confirm' ? 'confirmTitle' : 'eraseTitle'),
      robots: { index: false, follow: false },
      referrer: 'no-referrer',
    }
  },
  Page: async ({ params, searchParams }: RouteProps) => {
    const lang = await pageLanguage(params)
    const query = await searchParams
    const shown: LinkPageQuery = {
      token: first(query.token),
      result: first(query.result),
      back: first(query.back),
      count: first(query.count),
    }
    return <CommentLinkPage lang={lang} kind={kind} query={shown} />
  },
})
