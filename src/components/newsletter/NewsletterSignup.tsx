import { getTranslations } from 'next-intl/server'

import { getSections } from '@/data/sections'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@/lib/languages'

import { SubscribeForm } from './SubscribeForm'

/**
 * The newsletter form in the page's language (the footer, the foot of an article): the sections
 * and words read on the server, the form itself the same for every reader.
 */
export async function NewsletterSignup({
  lang,
  place,
  returnTo,
}: {
  lang: Language
  place: 'footer' | 'article'
  returnTo?: string
}) {
  const [t, sections] = await Promise.all([
    getTranslations({ locale: lang, namespace: 'newsletter.form' }),
    getSections({ language: lang }),
  ])
  return (
    <SubscribeForm
      place={place}
      lang={lang}
      returnTo={returnTo}
      languages={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
      sections={sections.map((section) => ({ id: section.id, name: section.name }))}
      words={{
        title: t('title'),
        intro: t('intro'),
        email: t('email'),
        language: t('language'),
        sections: t('sections'),
        everything: t('everything'),
        honeypot: t('honeypot'),
        submit: t('submit'),
        sending: t('sending'),
        done: t('done'),
        failed: t('failed'),
      }}
    />
  )
}
