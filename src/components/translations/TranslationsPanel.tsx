'use client'

import {
  Button,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useFormModified,
  useRouteTransition,
  useTranslation,
} from '@payloadcms/ui'
import { formatDate } from '@payloadcms/ui/shared'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import type { UIFieldClientComponent } from 'payload'
import { useCallback, useEffect, useState } from 'react'

import { isEditorUser } from '@/access/roles'
import { lexicalToPlainText, type LexicalState } from '@/lib/lexical'
import type { User } from '@/payload-types'
import { actsOn } from '@/workflow/rules'
import type { Stage } from '@/workflow/table'

import {
  callApi,
  fetchTranslators,
  type LanguageRow,
  type OriginalChangesState,
  type Person,
  type TranslationsState,
  type WordChange,
} from './api'
import { workflowLabels } from '../workflow/labels'

import { translationsDictionary } from './strings'
import './translations.css'

type OriginalText = { title: string; dek: string; paragraphs: string[]; language: string }

type Loaded = {
  translations: TranslationsState
  /** on a language version: what changed in the original, and its current text */
  changes: OriginalChangesState | null
  originalText: OriginalText | null
}

/** A stage, named as the workflow panel names it (one set of stage labels for the admin). */
const StageBadge = ({ stage, language }: { stage: Stage; language: string }) => (
  <span className={`tr-badge tr-badge--${stage}`} data-stage={stage}>
    {workflowLabels(language).stage(stage)}
  </span>
)

/** Words of a diff: added ones highlighted, removed ones struck through. */
const Words = ({ words }: { words: WordChange[] }) => (
  <>
    {words.map((word, index) =>
      word.added ? (
        <ins key={index}>{word.value}</ins>
      ) : word.removed ? (
        <del key={index}>{word.value}</del>
      ) : (
        <span key={index}>{word.value}</span>
      ),
    )}
  </>
)

/**
 * The Translations panel in an article's sidebar. On an original: every other language with its
 * version's stage and "needs update" mark, or "missing" with an "Add translation" button for
 * those who may (editors also choose the translator). On a language version: its language, the
 * original it was made from, what changed in the original since (with "Mark updated"), and the
 * original's current text to translate side by side. Stores nothing; reads the translation
 * endpoints.
 */
export const TranslationsPanel: UIFieldClientComponent = () => {
  const { id, lastUpdateTime, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth<User>()
  const { i18n } = useTranslation()
  const {
    config: {
      admin: { dateFormat },
      routes: { admin: adminRoute, api: apiRoute },
    },
  } = useConfig()
  const modified = useFormModified()
  const router = useRouter()
  const { startRouteTransition } = useRouteTransition()
  const dict = translationsDictionary(i18n.language)
  const words = dict.words

  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loads, setLoads] = useState(0)
  const [busy, setBusy] = useState<string | null>(null)
  const [translators, setTranslators] = useState<Person[]>([])
  const [chosen, setChosen] = useState<Record<string, string>>({})

  const reload = useCallback(() => setLoads((count) => count + 1), [])
  const articleURL = useCallback(
    (articleId: number | string) => `${adminRoute}/collections/articles/${articleId}`,
    [adminRoute],
  )
  const editor = isEditorUser(user)

  useEffect(() => {
    if (id === undefined || id === null) return
    let cancelled = false
    const load = async (): Promise<Loaded> => {
      const translations = await callApi<TranslationsState>(
        `${apiRoute}/articles/${id}/translations`,
      )
      if (String(translations.original.id) === String(id)) {
        return { translations, changes: null, originalText: null }
      }
      const select = 'select[title]=true&select[dek]=true&select[body]=true&select[language]=true'
      const [changes, original] = await Promise.all([
        callApi<OriginalChangesState>(`${apiRoute}/articles/${id}/original-changes`),
        callApi<{ title?: string; dek?: string | null; body?: LexicalState; language: string }>(
          `${apiRoute}/articles/${translations.original.id}?depth=0&draft=true&${select}`,
        ),
      ])
      return {
        translations,
        changes,
        originalText: {
          title: original.title ?? '',
          dek: original.dek ?? '',
          language: original.language,
          paragraphs: lexicalToPlainText(original.body)
            .split(/\n{2,}/)
            .map((paragraph) => paragraph.trim())
            .filter(Boolean),
        },
      }
    }
    load()
      .then((result) => {
        if (cancelled) return
        setLoaded(result)
        setError(null)
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason))
      })
    return () => {
      cancelled = true
    }
  }, [id, apiRoute, lastUpdateTime, loads])

  // Editors choose who translates; everyone else adds versions for themselves.
  useEffect(() => {
    if (!editor || id === undefined || id === null) return
    let cancelled = false
    fetchTranslators(apiRoute)
      .then((people) => !cancelled && setTranslators(people))
      .catch(() => !cancelled && setTranslators([]))
    return () => {
      cancelled = true
    }
  }, [editor, id, apiRoute])

  if (id === undefined || id === null) {
    return (
      <section className="tr-panel" data-testid="translations-panel">
        <h3 className="tr-panel__title">{words.translations}</h3>
        <p className="tr-muted">{words.saveFirst}</p>
      </section>
    )
  }

  const addTranslation = async (row: LanguageRow) => {
    setBusy(`add:${row.language}`)
    try {
      const translator = chosen[row.language]
      const { doc } = await callApi<{ doc: { id: number } }>(
        `${apiRoute}/articles/${id}/translations`,
        {
          method: 'POST',
          body: {
            language: row.language,
            ...(translator ? { translator: Number(translator) } : {}),
          },
        },
      )
      startRouteTransition(() => router.push(articleURL(doc.id)))
    } catch (reason) {
      toast.error(reason instanceof Error ? reason.message : words.failed)
      setBusy(null)
      reload()
    }
  }

  const markUpdated = async () => {
    setBusy('mark')
    try {
      await callApi(`${apiRoute}/articles/${id}/mark-updated`, { method: 'POST' })
      toast.success(words.markedUpdated)
      // The document changed on the server (needs update, the snapshot): reload the form too.
      startRouteTransition(() => router.refresh())
      reload()
    } catch (reason) {
      toast.error(reason instanceof Error ? reason.message : words.failed)
    } finally {
      setBusy(null)
    }
  }

  if (!loaded) {
    return (
      <section className="tr-panel" data-testid="translations-panel">
        <h3 className="tr-panel__title">{words.translations}</h3>
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
      </section>
    )
  }

  const { translations, changes, originalText } = loaded
  const { original } = translations
  const isVersion = String(original.id) !== String(id)
  const languageName = (code: string) => dict.languages[code] ?? code
  const thisLanguage = isVersion
    ? (translations.languages.find((row) => String(row.version?.id) === String(id))?.language ??
      String(savedDocumentData?.language ?? ''))
    : original.language
  const mayMarkUpdated =
    user &&
    actsOn(user, {
      stage: (savedDocumentData?.stage as Stage) ?? 'draft',
      language: thisLanguage,
      translationOf: original.id,
      createdBy: savedDocumentData?.createdBy as number | null | undefined,
    })

  return (
    <section
      className="tr-panel"
      data-testid="translations-panel"
      data-kind={isVersion ? 'version' : 'original'}
    >
      <h3 className="tr-panel__title">{words.translations}</h3>

      {isVersion ? (
        <div className="tr-version-of">
          <p className="tr-version-of__language">
            <span className="tr-code">{thisLanguage.toUpperCase()}</span>{' '}
            {words.versionIn(languageName(thisLanguage))}
          </p>
          <p className="tr-version-of__original">
            <span className="tr-muted">{words.versionOf}:</span>{' '}
            <Link href={articleURL(original.id)} data-testid="translations-original-link">
              {original.title}
            </Link>{' '}
            <span className="tr-code tr-code--small">{original.language.toUpperCase()}</span>
          </p>
        </div>
      ) : null}

      <ul className="tr-languages">
        {isVersion ? (
          <li className="tr-language" data-language={original.language}>
            <span className="tr-code">{original.language.toUpperCase()}</span>
            <span className="tr-language__name">
              {languageName(original.language)}
              <span className="tr-muted"> · {words.original}</span>
            </span>
            <span className="tr-language__state">
              <StageBadge stage={original.stage} language={i18n.language} />
            </span>
          </li>
        ) : null}
        {translations.languages.map((row) => {
          const current = isVersion && String(row.version?.id) === String(id)
          const translatorsHere = translators.filter((person) =>
            person.languages.includes(row.language),
          )
          return (
            <li
              key={row.language}
              className={`tr-language${current ? ' tr-language--current' : ''}`}
              data-language={row.language}
            >
              <span className="tr-code">{row.language.toUpperCase()}</span>
              <span className="tr-language__name">
                {languageName(row.language)}
                {current ? <span className="tr-muted"> · {words.thisVersion}</span> : null}
              </span>
              <span className="tr-language__state">
                {row.version ? (
                  <>
                    <StageBadge stage={row.version.stage} language={i18n.language} />
                    {row.version.needsUpdate ? (
                      <span className="tr-flag" data-testid="needs-update-flag">
                        {words.needsUpdate}
                      </span>
                    ) : null}
                    {current ? null : (
                      <Link className="tr-open" href={articleURL(row.version.id)}>
                        {words.open}
                      </Link>
                    )}
                  </>
                ) : (
                  <span className="tr-missing">{words.missing}</span>
                )}
              </span>
              {!row.version && row.canAdd && !isVersion ? (
                <div className="tr-add">
                  {editor ? (
                    <label className="tr-add__translator">
                      <span>{words.translator}</span>
                      <select
                        value={chosen[row.language] ?? ''}
                        onChange={(event) =>
                          setChosen((all) => ({ ...all, [row.language]: event.target.value }))
                        }
                        data-testid={`translator-${row.language}`}
                      >
                        <option value="">{words.assignToMe}</option>
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
                      ? words.adding
                      : words.addTranslation(row.language)}
                  </Button>
                  {modified ? <p className="tr-muted tr-small">{words.saveChangesFirst}</p> : null}
                </div>
              ) : null}
            </li>
          )
        })}
      </ul>

      {isVersion && changes?.needsUpdate ? (
        <div className="tr-changes" role="alert" data-testid="original-changes">
          <p className="tr-changes__title">{words.changedTitle}</p>
          {changes.changed ? (
            <>
              <p className="tr-small">
                {words.changedSince(
                  changes.since
                    ? formatDate({ date: changes.since, i18n, pattern: dateFormat })
                    : '',
                )}
              </p>
              <ol className="tr-diff">
                {changes.fields.map((change) => (
                  <li key={change.field} className="tr-diff__item">
                    <p className="tr-diff__label">
                      {change.field === 'title' ? words.title : words.dek}
                    </p>
                    <p className="tr-diff__text">
                      <Words words={change.words} />
                    </p>
                  </li>
                ))}
                {changes.paragraphs.map((change, index) => (
                  <li key={`p${index}`} className="tr-diff__item">
                    <p className="tr-diff__label">
                      {words.paragraph(change.paragraph, change.kind)}
                    </p>
                    <p className="tr-diff__text">
                      <Words words={change.words} />
                    </p>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="tr-small">{words.noTextChanges}</p>
          )}
          {mayMarkUpdated ? (
            <div className="tr-changes__actions">
              <p className="tr-small">{modified ? words.markUpdatedHint : words.changedIntro}</p>
              <Button
                buttonStyle="primary"
                size="small"
                margin={false}
                disabled={Boolean(busy) || modified}
                onClick={markUpdated}
                id="mark-translation-updated"
              >
                {busy === 'mark' ? words.marking : words.markUpdated}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}

      {isVersion && originalText ? (
        <details className="tr-original" open data-testid="original-text">
          <summary>{words.originalText(languageName(originalText.language))}</summary>
          <p className="tr-muted tr-small">{words.originalTextHint}</p>
          <div className="tr-original__text" lang={originalText.language}>
            <p className="tr-original__title">{originalText.title}</p>
            {originalText.dek ? <p className="tr-original__dek">{originalText.dek}</p> : null}
            {originalText.paragraphs.length ? (
              originalText.paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>)
            ) : (
              <p className="tr-muted">{words.emptyBody}</p>
            )}
          </div>
        </details>
      ) : null}
    </section>
  )
}
