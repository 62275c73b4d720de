'use client'

import { Button, useConfig, useFormModified, useTranslation } from '@payloadcms/ui'
import { formatDate } from '@payloadcms/ui/shared'
import Link from 'next/link'
import type { UIFieldClientComponent } from 'payload'
import type { ReactNode } from 'react'

import { LanguageList } from './LanguageList'
import { OriginalChanges } from './OriginalChanges'
import { OriginalText } from './OriginalText'
import { translationsDictionary, type Dictionary } from './strings'
import { useTranslations } from './useTranslations'
import './translations.css'

const Panel = ({
  title,
  kind,
  children,
}: {
  title: string
  kind?: 'version' | 'original'
  children: ReactNode
}) => (
  <section className="tr-panel" data-testid="translations-panel" data-kind={kind}>
    <h3 className="tr-panel__title">{title}</h3>
    {children}
  </section>
)

/** On a language version: its language, and the original it was made from. */
const VersionOf = ({
  language,
  original,
  href,
  dict,
}: {
  language: string
  original: { title: string; language: string }
  href: string
  dict: Dictionary
}) => (
  <div className="tr-version-of">
    <p className="tr-version-of__language">
      <span className="tr-code">{language.toUpperCase()}</span>{' '}
      {dict.words.versionIn(dict.languages[language] ?? language)}
    </p>
    <p className="tr-version-of__original">
      <span className="tr-muted">{dict.words.versionOf}:</span>{' '}
      <Link href={href} data-testid="translations-original-link">
        {original.title}
      </Link>{' '}
      <span className="tr-code tr-code--small">{original.language.toUpperCase()}</span>
    </p>
  </div>
)

/**
 * The Translations panel in an article's sidebar. On an original: every other language with its
 * version's stage and "needs update" mark, or "missing" with an "Add translation" button for
 * those who may (editors also choose the translator). On a language version: its language, the
 * original it was made from, what changed in the original since (with "Mark updated"), and the
 * original's current text to translate side by side. Stores nothing; reads the translation
 * endpoints (`useTranslations`).
 */
export const TranslationsPanel: UIFieldClientComponent = () => {
  const { i18n } = useTranslation()
  const {
    config: {
      admin: { dateFormat },
    },
  } = useConfig()
  const modified = useFormModified()
  const dict = translationsDictionary(i18n.language)
  const { words } = dict
  const panel = useTranslations(words)
  const { id, loaded, error, reload, busy, isVersion, thisLanguage, articleURL } = panel

  if (id === undefined || id === null) {
    return (
      <Panel title={words.translations}>
        <p className="tr-muted">{words.saveFirst}</p>
      </Panel>
    )
  }
  if (!loaded) {
    return (
      <Panel title={words.translations}>
        {error ? (
          <div className="tr-error">
            <p>
              {words.loadFailed} {error}
            </p>
            <Button buttonStyle="secondary" size="small" margin={false} onClick={reload}>
              {words.retry}
            </Button>
          </div>
        ) : (
          <p className="tr-muted">{words.loading}</p>
        )}
      </Panel>
    )
  }

  const { translations, changes, originalText } = loaded
  const { original } = translations

  return (
    <Panel title={words.translations} kind={isVersion ? 'version' : 'original'}>
      {isVersion ? (
        <VersionOf
          language={thisLanguage}
          original={original}
          href={articleURL(original.id)}
          dict={dict}
        />
      ) : null}

      <LanguageList
        panel={{ ...panel, loaded }}
        dict={dict}
        adminLanguage={i18n.language}
        modified={modified}
      />

      {isVersion && changes?.needsUpdate ? (
        <OriginalChanges
          changes={changes}
          since={
            changes.since ? formatDate({ date: changes.since, i18n, pattern: dateFormat }) : ''
          }
          words={words}
          mayMarkUpdated={panel.mayMarkUpdated}
          busy={busy}
          modified={modified}
          onMarkUpdated={panel.markUpdated}
        />
      ) : null}

      {isVersion && originalText ? <OriginalText text={originalText} dict={dict} /> : null}
    </Panel>
  )
}
