'use client'

import { Button, useConfig, useFormModified, useTranslation } from '@payloadcms/ui'
import { formatDate } from '@payloadcms/ui/shared'
import Link from 'next/link'
import type { UIFieldClientComponent } from 'payload'
import type { ReactNode } from 'react'

import { LanguageList } from './LanguageList'
import { OriginalChanges } from './OriginalChanges'
import { OriginalText } from './OriginalText'
import { useTranslations } from './useTranslations'
import { useWords } from '../admin/useWords'
import type { Words } from '../admin/words'
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
  l,
}: {
  language: string
  original: { title: string; language: string }
  href: string
  l: Words
}) => (
  <div className="tr-version-of">
    <p className="tr-version-of__language">
      <span className="tr-code">{language.toUpperCase()}</span>{' '}
      {l.t('translations:versionIn', { language: l.languageName(language) })}
    </p>
    <p className="tr-version-of__original">
      <span className="tr-muted">{l.t('translations:versionOf')}:</span>{' '}
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
 * those who may (editors also choose the translator). On a language version: first what its
 * translator does next when the original changed (start an update of a published version; mark
 * it updated once its text changed) with what changed, then its language and original, the
 * other languages, and the original's current text to translate side by side. Stores nothing;
 * reads the translation endpoints (`useTranslations`).
 */
export const TranslationsPanel: UIFieldClientComponent = () => {
  const { i18n } = useTranslation()
  const {
    config: {
      admin: { dateFormat },
    },
  } = useConfig()
  const modified = useFormModified()
  const l = useWords()
  const panel = useTranslations(l)
  const { id, loaded, error, reload, busy, isVersion, thisLanguage, articleURL } = panel
  const title = l.t('translations:title')

  if (id === undefined || id === null) {
    return (
      <Panel title={title}>
        <p className="tr-muted">{l.t('translations:saveFirst')}</p>
      </Panel>
    )
  }
  if (!loaded) {
    return (
      <Panel title={title}>
        {error ? (
          <div className="tr-error">
            <p>
              {l.t('translations:loadFailed')} {error}
            </p>
            <Button buttonStyle="secondary" size="small" margin={false} onClick={reload}>
              {l.t('translations:retry')}
            </Button>
          </div>
        ) : (
          <p className="tr-muted">{l.t('translations:loading')}</p>
        )}
      </Panel>
    )
  }

  const { translations, changes, originalText } = loaded
  const { original } = translations

  return (
    <Panel title={title} kind={isVersion ? 'version' : 'original'}>
      {isVersion && changes?.needsUpdate ? (
        <OriginalChanges
          changes={changes}
          since={
            changes.since ? formatDate({ date: changes.since, i18n, pattern: dateFormat }) : ''
          }
          l={l}
          mayStartUpdate={panel.mayStartUpdate}
          mayMarkUpdated={panel.mayMarkUpdated}
          busy={busy}
          modified={modified}
          onMarkUpdated={panel.markUpdated}
          onStartUpdate={panel.startUpdate}
        />
      ) : null}

      {isVersion ? (
        <VersionOf
          language={thisLanguage}
          original={original}
          href={articleURL(original.id)}
          l={l}
        />
      ) : null}

      <LanguageList panel={{ ...panel, loaded }} l={l} modified={modified} />

      {isVersion && originalText ? <OriginalText text={originalText} l={l} /> : null}
    </Panel>
  )
}
