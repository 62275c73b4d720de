'use client'

import { toast, useAuth, useConfig, useDocumentInfo, useRouteTransition } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { isEditorUser } from '@/access/roles'
import { lexicalToPlainText } from '@/lib/lexical'
import type { Article, User } from '@/payload-types'
import type { LanguageRow, OriginalChangesResponse, TranslationsResponse } from '@/translations/api'
import { actsOn } from '@/workflow/rules'
import type { Stage } from '@/workflow/table'

import { adminFetch, failureMessage } from '../admin/adminFetch'
import { translationsApi } from '../admin/articleApi'
import type { Dictionary } from './strings'

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

/**
 * The Translations panel's state and calls: the story's language versions (loaded on open,
 * after every save and after every action), on a version what changed in the original and its
 * text, the translators an editor may choose, which action is running; and the two actions,
 * adding a version and marking this version updated.
 */
export const useTranslations = (words: Dictionary['words']) => {
  const { id, lastUpdateTime, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth<User>()
  const {
    config: {
      routes: { admin: adminRoute, api: apiRoute },
    },
  } = useConfig()
  const router = useRouter()
  const { startRouteTransition } = useRouteTransition()

  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loads, setLoads] = useState(0)
  const [busy, setBusy] = useState<string | null>(null)
  const [translators, setTranslators] = useState<Translator[]>([])
  const [chosen, setChosen] = useState<Record<string, string>>({})

  const reload = useCallback(() => setLoads((count) => count + 1), [])
  const articleURL = useCallback(
    (articleId: number | string) => `${adminRoute}/collections/articles/${articleId}`,
    [adminRoute],
  )
  const editor = isEditorUser(user)
  const failed = words.failed

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
      toast.error(failureMessage(reason, words.failed))
      setBusy(null)
      reload()
    }
  }

  const markUpdated = async () => {
    if (id === undefined || id === null) return
    setBusy('mark')
    try {
      await translationsApi.markUpdated(apiRoute, id)
      toast.success(words.markedUpdated)
      // The document changed on the server (needs update, the snapshot): reload the form too.
      startRouteTransition(() => router.refresh())
      reload()
    } catch (reason) {
      toast.error(failureMessage(reason, words.failed))
    } finally {
      setBusy(null)
    }
  }

  // What this document is: an original, or a language version (and in which language).
  const original = loaded?.translations.original
  const isVersion = Boolean(original) && String(original?.id) !== String(id)
  const thisLanguage = !original
    ? ''
    : isVersion
      ? (loaded?.translations.languages.find((row) => String(row.version?.id) === String(id))
          ?.language ?? String(savedDocumentData?.language ?? ''))
      : original.language
  const mayMarkUpdated = Boolean(
    user &&
    original &&
    actsOn(user, {
      stage: (savedDocumentData?.stage as Stage) ?? 'draft',
      language: thisLanguage,
      translationOf: original.id,
      createdBy: savedDocumentData?.createdBy as number | null | undefined,
    }),
  )

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
    isVersion,
    thisLanguage,
    mayMarkUpdated,
    addTranslation,
    markUpdated,
  }
}

export type TranslationsPanelState = ReturnType<typeof useTranslations>
