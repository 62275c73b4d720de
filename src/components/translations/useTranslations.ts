'use client'

import { toast, useAuth, useConfig, useDocumentInfo, useRouteTransition } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { isEditorUser } from '@/access/roles'
import { lexicalToPlainText } from '@/lib/lexical'
import type { Article, User } from '@/payload-types'
import type { LanguageRow, OriginalChangesResponse, TranslationsResponse } from '@/translations/api'
import { actsOn, allowedTransitions } from '@/workflow/rules'
import type { Stage } from '@/workflow/table'

import { adminFetch, failureMessage } from '../admin/adminFetch'
import { translationsApi, workflowApi } from '../admin/articleApi'
import type { Words } from '../admin/words'

export type OriginalText = { title: string; dek: string; paragraphs: string[]; language: string }

export type Loaded = {
  translations: TranslationsResponse
  /** on a language version: what changed in the original, and its current text */
  changes: OriginalChangesResponse | null
  originalText: OriginalText | null
}

/** A translator an editor may assign a new version to. */
export type Translator = { id: number; name: string; languages: string[] }

type OriginalFields = Pick<Article, 'title' | 'dek' | 'body' | 'language'>

/** The newsroom's translators with their languages (Payload's REST API on `users`). */
const fetchTranslators = async (apiRoute: string): Promise<Translator[]> => {
  const query = new URLSearchParams({
    'where[roles][in]': 'translator',
    depth: '0',
    limit: '100',
    sort: 'name',
    'select[name]': 'true',
    'select[languages]': 'true',
  })
  const { docs } = await adminFetch<{ docs: Pick<User, 'id' | 'name' | 'languages'>[] }>(
    `${apiRoute}/users?${query}`,
  )
  return docs.map((person) => ({ ...person, languages: person.languages ?? [] }))
}

/** The translation endpoints' answers for this article, and on a version the original's text. */
const load = async (apiRoute: string, id: number | string): Promise<Loaded> => {
  const translations = await translationsApi.list(apiRoute, id)
  if (String(translations.original.id) === String(id)) {
    return { translations, changes: null, originalText: null }
  }
  const select = 'select[title]=true&select[dek]=true&select[body]=true&select[language]=true'
  const [changes, original] = await Promise.all([
    translationsApi.originalChanges(apiRoute, id),
    adminFetch<OriginalFields>(
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

/** The translation endpoints' answers: loaded on open, after every save and every action. */
const useLoaded = (
  apiRoute: string,
  id: number | string | undefined,
  lastUpdateTime: number | undefined,
  failed: string,
) => {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loads, setLoads] = useState(0)
  const reload = useCallback(() => setLoads((count) => count + 1), [])
  useEffect(() => {
    if (id === undefined || id === null) return
    let cancelled = false
    load(apiRoute, id)
      .then((result) => {
        if (cancelled) return
        setLoaded(result)
        setError(null)
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(failureMessage(reason, failed))
      })
    return () => {
      cancelled = true
    }
  }, [id, apiRoute, lastUpdateTime, loads, failed])
  return { loaded, error, reload }
}

/** Editors choose who translates; everyone else adds versions for themselves. */
const useTranslators = (editor: boolean, id: number | string | undefined, apiRoute: string) => {
  const [translators, setTranslators] = useState<Translator[]>([])
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
  return translators
}

/**
 * What this document is: an original or a language version (and in which language), and
 * whether this person may mark it updated (the workflow's `actsOn`).
 */
const documentKind = (
  loaded: Loaded | null,
  id: number | string | undefined,
  saved: Record<string, unknown> | undefined,
  user: User | null | undefined,
) => {
  const original = loaded?.translations.original
  if (!original) {
    return { isVersion: false, thisLanguage: '', mayMarkUpdated: false, mayStartUpdate: false }
  }
  const isVersion = String(original.id) !== String(id)
  const thisLanguage = isVersion
    ? (loaded.translations.languages.find((row) => String(row.version?.id) === String(id))
        ?.language ?? String(saved?.language ?? ''))
    : original.language
  const stage = (saved?.stage as Stage) ?? 'draft'
  const mayMarkUpdated = Boolean(
    user &&
    actsOn(user, {
      stage,
      language: thisLanguage,
      translationOf: original.id,
      createdBy: saved?.createdBy as number | null | undefined,
    }),
  )
  // A writer meets a published version read-only: the way in is an update (the workflow's).
  const mayStartUpdate = Boolean(
    user &&
    mayMarkUpdated &&
    allowedTransitions(user, {
      stage,
      language: thisLanguage,
      translationOf: original.id,
    }).includes('start_update'),
  )
  return { isVersion, thisLanguage, mayMarkUpdated, mayStartUpdate }
}

/**
 * The Translations panel's state and calls: the story's language versions, on a version what
 * changed in the original and its text, the translators an editor may choose, which action is
 * running; and the two actions, adding a version and marking this version updated.
 */
export const useTranslations = (l: Words) => {
  const { id, lastUpdateTime, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth<User>()
  const {
    config: {
      routes: { admin: adminRoute, api: apiRoute },
    },
  } = useConfig()
  const router = useRouter()
  const { startRouteTransition } = useRouteTransition()
  const { loaded, error, reload } = useLoaded(
    apiRoute,
    id,
    lastUpdateTime,
    l.t('translations:failed'),
  )
  const editor = isEditorUser(user)
  const translators = useTranslators(editor, id, apiRoute)
  const [busy, setBusy] = useState<string | null>(null)
  const [chosen, setChosen] = useState<Record<string, string>>({})

  const articleURL = useCallback(
    (articleId: number | string) => `${adminRoute}/collections/articles/${articleId}`,
    [adminRoute],
  )
  const choose = (language: string, translator: string) =>
    setChosen((all) => ({ ...all, [language]: translator }))

  const addTranslation = async (row: LanguageRow) => {
    if (id === undefined || id === null) return
    setBusy(`add:${row.language}`)
    try {
      const translator = chosen[row.language]
      const { doc } = await translationsApi.add(apiRoute, id, {
        language: row.language,
        ...(translator ? { translator: Number(translator) } : {}),
      })
      startRouteTransition(() => router.push(articleURL(doc.id)))
    } catch (reason) {
      toast.error(failureMessage(reason, l.t('translations:failed')))
      setBusy(null)
      reload()
    }
  }

  const markUpdated = async () => {
    if (id === undefined || id === null) return
    setBusy('mark')
    try {
      await translationsApi.markUpdated(apiRoute, id)
      toast.success(l.t('translations:markedUpdated'))
      // The document changed on the server (needs update, the snapshot): reload the form too.
      startRouteTransition(() => router.refresh())
      reload()
    } catch (reason) {
      toast.error(failureMessage(reason, l.t('translations:failed')))
    } finally {
      setBusy(null)
    }
  }

  /** The workflow's `start_update`: a draft over the published text; the page reloads editable. */
  const startUpdate = async () => {
    if (id === undefined || id === null) return
    setBusy('start')
    try {
      const { doc } = await workflowApi.transition(apiRoute, id, { transition: 'start_update' })
      toast.success(l.t('workflow:done', { stage: l.stage(doc?.stage) }))
      window.location.reload()
    } catch (reason) {
      toast.error(failureMessage(reason, l.t('translations:failed')))
      setBusy(null)
    }
  }

  return {
    id,
    loaded,
    error,
    reload,
    busy,
    editor,
    translators,
    chosen,
    choose,
    articleURL,
    addTranslation,
    markUpdated,
    startUpdate,
    ...documentKind(loaded, id, savedDocumentData, user),
  }
}

export type TranslationsPanelState = ReturnType<typeof useTranslations>
