'use client'

import { Button } from '@payloadcms/ui'
import Link from 'next/link'

import type { LanguageRow } from '@/translations/api'

import type { TranslationsPanelState } from './useTranslations'
import { StageBadge } from '../admin/StageBadge'
import type { Words } from '../admin/words'

type Props = {
  panel: TranslationsPanelState & { loaded: NonNullable<TranslationsPanelState['loaded']> }
  l: Words
  /** the form has unsaved changes: adding waits for a save */
  modified: boolean
}

/** "Add translation" for a missing language, with the translator an editor chooses. */
const AddTranslation = ({ row, panel, l, modified }: Props & { row: LanguageRow }) => {
  const { editor, translators, chosen, choose, busy, addTranslation } = panel
  const translatorsHere = translators.filter((person) => person.languages.includes(row.language))
  return (
    <div className="tr-add">
      {editor ? (
        <label className="tr-add__translator">
          <span>{l.t('translations:translator')}</span>
          <select
            value={chosen[row.language] ?? ''}
            onChange={(event) => choose(row.language, event.target.value)}
            data-testid={`translator-${row.language}`}
          >
            <option value="">{l.t('translations:assignToMe')}</option>
            {translatorsHere.map((person) => (
              <option key={person.id} value={String(person.id)}>
                {person.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <Button
        buttonStyle="secondary"
        size="small"
        margin={false}
        disabled={Boolean(busy) || modified}
        onClick={() => addTranslation(row)}
        id={`add-translation-${row.language}`}
      >
        {busy === `add:${row.language}`
          ? l.t('translations:adding')
          : l.t('translations:addTranslation', { language: l.languageName(row.language) })}
      </Button>
      {modified ? (
        <p className="tr-muted tr-small">{l.t('translations:saveChangesFirst')}</p>
      ) : null}
    </div>
  )
}

/**
 * The story's languages: on a version the original first, then every other language with its
 * version's stage and marks, or "missing" (and on an original, "Add translation").
 */
export const LanguageList = ({ panel, l, modified }: Props) => {
  const { loaded, id, isVersion, articleURL } = panel
  const { original, languages } = loaded.translations
  const stageLabel = l.stage
  const languageName = l.languageName
  return (
    <ul className="tr-languages">
      {isVersion ? (
        <li className="tr-language" data-language={original.language}>
          <span className="tr-code">{original.language.toUpperCase()}</span>
          <span className="tr-language__name">
            {languageName(original.language)}
            <span className="tr-muted"> · {l.t('translations:original')}</span>
          </span>
          <span className="tr-language__state">
            <StageBadge stage={original.stage} label={stageLabel(original.stage)} size="small" />
          </span>
        </li>
      ) : null}
      {languages.map((row) => {
        const current = isVersion && String(row.version?.id) === String(id)
        return (
          <li
            key={row.language}
            className={`tr-language${current ? ' tr-language--current' : ''}`}
            data-language={row.language}
          >
            <span className="tr-code">{row.language.toUpperCase()}</span>
            <span className="tr-language__name">
              {languageName(row.language)}
              {current ? (
                <span className="tr-muted"> · {l.t('translations:thisVersion')}</span>
              ) : null}
            </span>
            <span className="tr-language__state">
              {row.version ? (
                <>
                  <StageBadge
                    stage={row.version.stage}
                    label={stageLabel(row.version.stage)}
                    size="small"
                  />
                  {row.version.needsUpdate ? (
                    <span className="tr-flag" data-testid="needs-update-flag">
                      {l.t('translations:needsUpdate')}
                    </span>
                  ) : null}
                  {current ? null : (
                    <Link className="tr-open" href={articleURL(row.version.id)}>
                      {l.t('translations:open')}
                    </Link>
                  )}
                </>
              ) : (
                <span className="tr-missing">{l.t('translations:missing')}</span>
              )}
            </span>
            {!row.version && row.canAdd && !isVersion ? (
              <AddTranslation row={row} panel={panel} l={l} modified={modified} />
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
