/**
 * What the Translations panel reads and sends: the translation endpoints of `articles`
 * (src/translations/endpoints.ts), called with the admin's session cookie.
 */
import type { Stage } from '@/workflow/table'

export type LanguageRow = {
  language: string
  languageName: string
  version: {
    id: number
    title: string
    stage: Stage
    needsUpdate: boolean
    assignee: number | null
  } | null
  canAdd: boolean
}

export type TranslationsState = {
  original: { id: number; title: string; language: string; stage: Stage }
  languages: LanguageRow[]
}

export type WordChange = { value: string; added?: boolean; removed?: boolean }

export type OriginalChangesState = {
  needsUpdate: boolean
  since: string | null
  original: { id: number; title: string; language: string }
  changed: boolean
  fields: { field: 'title' | 'dek'; before: string; after: string; words: WordChange[] }[]
  paragraphs: {
    paragraph: number
    kind: 'changed' | 'added' | 'removed'
    before: string
    after: string
    words: WordChange[]
  }[]
}

export type Person = { id: number; name: string; languages: string[] }

/** Fetches JSON from the API; a refusal throws an Error with the server's own message. */
export const callApi = async <T>(
  url: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<T> => {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    credentials: 'include',
    headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const json = (await response.json().catch(() => ({}))) as {
    errors?: { message?: string }[]
  }
  if (!response.ok) {
    throw new Error(json.errors?.[0]?.message || `${response.status} ${response.statusText}`)
  }
  return json as T
}

/** The newsroom's translators with their languages, for an editor assigning a new version. */
export const fetchTranslators = async (apiRoute: string): Promise<Person[]> => {
  const query = new URLSearchParams({
    'where[roles][in]': 'translator',
    depth: '0',
    limit: '100',
    sort: 'name',
    'select[name]': 'true',
    'select[languages]': 'true',
  })
  const { docs } = await callApi<{ docs: Person[] }>(`${apiRoute}/users?${query}`)
  return docs.map((person) => ({ ...person, languages: person.languages ?? [] }))
}
