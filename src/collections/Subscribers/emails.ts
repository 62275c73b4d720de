/**
 * The newsletter's emails to readers, in the reader's language (the site's messages,
 * `newsletter.email`, formatted with next-intl's translator so plurals follow each language):
 * the confirmation, the "already subscribed" note and the digest. Text and HTML say the same;
 * every value in the HTML is escaped. Each carries the signed manage link, and its headers the
 * one-click unsubscribe (RFC 8058).
 */
import { createTranslator } from 'next-intl'

import az from '@/i18n/messages/az.json'
import en from '@/i18n/messages/en.json'
import ru from '@/i18n/messages/ru.json'
import { emailHtml, escapeHtml } from '@/lib/html'
import type { Language } from '@/lib/languages'
import { signLink } from '@/lib/signedLinks'
import { serverOrigin } from '@/lib/urls'

import { CONFIRM_TOKEN_HOURS, MANAGE_LINK_PURPOSE } from './constants'

const MESSAGES = { en, az, ru } as const

export type ReaderEmail = {
  subject: string
  text: string
  html: string
  headers: Record<string, string>
}

const translatorFor = (language: Language) =>
  createTranslator({ locale: language, messages: MESSAGES[language], namespace: 'newsletter' })

/** One of the reader's texts (`newsletter.…` in the site's messages) in their language. */
export const readerText = (
  language: Language,
  key:
    | 'form.done'
    | 'confirm.done'
    | 'manage.unsubscribed'
    | 'manage.saved'
    | 'refusal.retry'
    | 'refusal.back',
): string => translatorFor(language)(key)

/** The links every newsletter email carries for one subscriber. */
export type SubscriberLinks = { manage: string; unsubscribe: string }

/** The signed manage page and one-click unsubscribe URLs of a subscriber (no expiry). */
export const subscriberLinks = (language: Language, subscriberId: number): SubscriberLinks => {
  const token = encodeURIComponent(signLink(MANAGE_LINK_PURPOSE, { id: subscriberId }))
  const origin = serverOrigin()
  return {
    manage: `${origin}/${language}/newsletter/manage?token=${token}`,
    unsubscribe: `${origin}/api/subscribers/unsubscribe?token=${token}`,
  }
}

/** RFC 2369 / RFC 8058: the mail client's own "Unsubscribe" button, one POST, no page. */
export const unsubscribeHeaders = (links: SubscriberLinks): Record<string, string> => {
  const mailto = process.env.NEWSLETTER_UNSUBSCRIBE_MAILTO
  return {
    'List-Unsubscribe': [`<${links.unsubscribe}>`, ...(mailto ? [`<mailto:${mailto}>`] : [])].join(
      ', ',
    ),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  }
}

const page = (language: Language, body: string[]) => emailHtml(language, body, 'reader')

const button = (href: string, text: string) =>
  `<p><a href="${escapeHtml(href)}" style="display: inline-block; padding: 10px 16px; background: #0b5394; color: #fff; text-decoration: none; border-radius: 4px;">${escapeHtml(text)}</a></p>`

const footer = (
  t: ReturnType<typeof translatorFor>,
  site: string,
  links: SubscriberLinks,
): { text: string[]; html: string[] } => ({
  text: ['', '—', t('email.footer', { site }), `${t('email.manage')}: ${links.manage}`],
  html: [
    `<hr><p style="color: #666; font-size: 13px;">${escapeHtml(t('email.footer', { site }))}<br>`,
    `<a href="${escapeHtml(links.manage)}">${escapeHtml(t('email.manage'))}</a> · `,
    `<a href="${escapeHtml(links.manage)}#unsubscribe">${escapeHtml(t('email.unsubscribe'))}</a></p>`,
  ],
})

/** The double opt-in email: the confirmation link (valid CONFIRM_TOKEN_HOURS), once. */
export const confirmationEmail = (
  language: Language,
  { site, token, links }: { site: string; token: string; links: SubscriberLinks },
): ReaderEmail => {
  const t = translatorFor(language)
  const confirmUrl = `${serverOrigin()}/${language}/newsletter/confirm?token=${encodeURIComponent(token)}`
  const end = footer(t, site, links)
  const hours = CONFIRM_TOKEN_HOURS
  return {
    subject: t('email.confirmSubject', { site }),
    text: [
      t('email.confirmIntro', { site }),
      '',
      t('email.confirmAction', { hours }),
      confirmUrl,
      '',
      t('email.confirmIgnore'),
      ...end.text,
    ].join('\n'),
    html: page(language, [
      `<p>${escapeHtml(t('email.confirmIntro', { site }))}</p>`,
      `<p>${escapeHtml(t('email.confirmAction', { hours }))}</p>`,
      button(confirmUrl, t('email.confirmButton')),
      `<p style="font-size: 13px;">${escapeHtml(confirmUrl)}</p>`,
      `<p>${escapeHtml(t('email.confirmIgnore'))}</p>`,
      ...end.html,
    ]),
    headers: unsubscribeHeaders(links),
  }
}

/** Sent instead of a confirmation to an address already subscribed (the page says the same). */
export const alreadySubscribedEmail = (
  language: Language,
  { site, links }: { site: string; links: SubscriberLinks },
): ReaderEmail => {
  const t = translatorFor(language)
  const end = footer(t, site, links)
  return {
    subject: t('email.alreadySubject', { site }),
    text: [
      t('email.alreadyIntro', { site }),
      '',
      t('email.alreadyAction'),
      links.manage,
      ...end.text,
    ].join('\n'),
    html: page(language, [
      `<p>${escapeHtml(t('email.alreadyIntro', { site }))}</p>`,
      `<p>${escapeHtml(t('email.alreadyAction'))}</p>`,
      button(links.manage, t('email.manageButton')),
      ...end.html,
    ]),
    headers: unsubscribeHeaders(links),
  }
}

export type DigestArticle = {
  id: number
  title: string
  dek: string | null
  /** absolute URL on the site */
  url: string
  /** the article's sections (main first) */
  sections: number[]
}

/** One subscriber's digest: the day's articles in their sections, newest first. */
export const digestEmail = (
  language: Language,
  {
    site,
    date,
    articles,
    links,
  }: { site: string; date: string; articles: DigestArticle[]; links: SubscriberLinks },
): ReaderEmail => {
  const t = translatorFor(language)
  const end = footer(t, site, links)
  const day = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`))
  const intro = t('email.digestIntro', { count: articles.length })
  return {
    subject: t('email.digestSubject', { site, date: day }),
    text: [
      intro,
      '',
      ...articles.flatMap((article) => [
        article.title,
        ...(article.dek ? [article.dek] : []),
        article.url,
        '',
      ]),
      ...end.text,
    ].join('\n'),
    html: page(language, [
      `<h1 style="font-size: 22px;">${escapeHtml(site)}</h1>`,
      `<p>${escapeHtml(intro)}</p>`,
      ...articles.map(
        (article) =>
          `<div style="margin: 0 0 20px;"><h2 style="font-size: 18px; margin: 0 0 4px;"><a href="${escapeHtml(article.url)}" style="color: #0b5394;">${escapeHtml(article.title)}</a></h2>` +
          (article.dek ? `<p style="margin: 0 0 4px;">${escapeHtml(article.dek)}</p>` : '') +
          `<a href="${escapeHtml(article.url)}">${escapeHtml(t('email.readMore'))}</a></div>`,
      ),
      ...end.html,
    ]),
    headers: unsubscribeHeaders(links),
  }
}
