/**
 * Server messages in the requester's language over HTTP, against the production build: the same
 * refusal answered in English (no header), Azerbaijani (`Accept-Language: az`) and Russian (the
 * admin's `payload-lng=ru` cookie), each with the same status and the same `data.code`.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { adminText } from '@/i18n/admin'
import type { Language } from '@/lib/languages'
import { message } from '@/lib/messages'
import { checkTransition } from '@/workflow'

import { call, login, type Headers, type Json } from '../helpers/http'

const baseURL = inject('baseURL')

/** How each language is asked for: nothing (English), the header, the admin's cookie. */
const ASKED: Record<Language, Headers> = {
  en: {},
  az: { 'accept-language': 'az' },
  ru: { cookie: 'payload-lng=ru' },
}
const LANGUAGES = Object.keys(ASKED) as Language[]

type Refusal = { status: number; message?: string; code?: string; name?: string }

/** The first error of a REST answer. */
const refusalOf = (status: number, json: Json): Refusal => {
  const error = (
    json.errors as { message?: string; name?: string; data?: { code?: string } }[]
  )?.[0]
  return { status, message: error?.message, code: error?.data?.code }
}

/** The same request in each language; the answers by language. */
const inEachLanguage = async (
  ask: (language: Headers) => Promise<Refusal>,
): Promise<Record<Language, Refusal>> =>
  Object.fromEntries(
    await Promise.all(LANGUAGES.map(async (language) => [language, await ask(ASKED[language])])),
  ) as Record<Language, Refusal>

/** Every language answers `status` and `code`, with the message `expected` gives for it. */
const expectRefusal = (
  answers: Record<Language, Refusal>,
  status: number,
  code: string,
  expected: (language: Language) => string,
) => {
  for (const language of LANGUAGES) {
    expect(answers[language], language).toEqual({ status, code, message: expected(language) })
  }
  // Three languages, three different texts: nothing fell back to English.
  expect(new Set(LANGUAGES.map((language) => answers[language].message)).size).toBe(3)
}

let editor: Headers, author: Headers, admin: Headers
let authorId: number

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  author = await login('author@caspiandigest.example', 'demo-author')
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  authorId = ((await call('/api/users/me', { headers: author })).json.user as { id: number }).id
})

/** A draft over REST by `who`: title and dek only, so the pre-publish checklist lacks the rest. */
const draftBy = async (who: Headers, title: string) => {
  const { status, json } = await call('/api/articles?draft=true', {
    method: 'POST',
    headers: who,
    body: { title: `${title} ${Date.now()}`, language: 'en', dek: 'Written over the API.' },
  })
  expect(status, JSON.stringify(json)).toBe(201)
  return (json.doc as { id: number }).id
}

describe('refusals in the requester’s language, with a stable code', () => {
  it('a workflow refusal (an author publishing, through the transition endpoint)', async () => {
    const id = await draftBy(author, 'An author tries to publish')
    const answers = await inEachLanguage(async (language) => {
      const { status, json } = await call(`/api/articles/${id}/transition`, {
        method: 'POST',
        headers: { ...author, ...language },
        body: { transition: 'publish' },
      })
      return refusalOf(status, json)
    })
    expectRefusal(answers, 403, 'workflow.notAllowed', (language) => {
      const check = checkTransition(
        { id: authorId, roles: ['author'] },
        { stage: 'draft', language: 'en', createdBy: authorId },
        'publish',
        {},
        language,
      )
      return check.ok ? '' : check.message
    })
    expect(answers.az.message).toContain('«Dərc et»')
    expect(answers.ru.message).toContain('«Опубликовать»')
  })

  it('a checklist refusal (an editor publishing a bare draft over REST)', async () => {
    const id = await draftBy(editor, 'Published too early')
    const answers = await inEachLanguage(async (language) => {
      const { status, json } = await call(`/api/articles/${id}`, {
        method: 'PATCH',
        headers: { ...editor, ...language },
        body: { _status: 'published' },
      })
      return refusalOf(status, json)
    })
    expectRefusal(answers, 400, 'workflow.checklist', (language) => {
      const check = checkTransition(
        { id: 1, roles: ['editor'] },
        { stage: 'draft', language: 'en', dek: 'x', heroImage: null, authors: [] },
        'publish',
        {},
        language,
      )
      return check.ok ? '' : check.message
    })
    expect(answers.en.message).toBe(
      'Cannot publish yet: add a hero image, a section, and at least one author.',
    )
    expect(answers.az.message).toBe(
      '«Dərc et» hələ mümkün deyil. Çatışmır: əsas şəkil, bölmə və ən azı bir müəllif.',
    )
    // The Workflow panel's checklist speaks the same language.
    const state = await call(`/api/articles/${id}/workflow`, {
      headers: { ...editor, ...ASKED.ru },
    })
    expect(state.json.checklist).toEqual({
      ok: false,
      missing: ['главное фото', 'рубрика', 'хотя бы один автор'],
      problems: ['heroImage', 'section', 'author'],
    })
  })

  it('a malformed query and a malformed "where"', async () => {
    const operator = await inEachLanguage(async (language) => {
      const { status, json } = await call('/api/articles?where[title][bogus]=x', {
        headers: language,
      })
      return refusalOf(status, json)
    })
    expect(operator.en.message).toMatch(/^"bogus" is not an operator \(on "title"\)/)
    expectRefusal(operator, 400, 'query.unknownOperator', (language) =>
      message(language, 'query:unknownOperator', {
        operator: 'bogus',
        path: 'title',
        operators: operator.en.message!.split('Use one of: ')[1].replace(/\.$/, ''),
      }),
    )
    const json = await inEachLanguage(async (language) => {
      const { status, json } = await call('/api/articles?where=x', { headers: language })
      return refusalOf(status, json)
    })
    expectRefusal(json, 400, 'server.malformedJson', (language) =>
      message(language, 'server:malformedJson'),
    )
  })

  it('an upload error (a text file called .jpg)', async () => {
    const answers = await inEachLanguage(async (language) => {
      const form = new FormData()
      form.append(
        'file',
        new Blob(['just some text, not a picture'], { type: 'image/jpeg' }),
        'holiday.jpg',
      )
      form.append('_payload', JSON.stringify({ alt: 'A holiday', credit: 'Test' }))
      const response = await fetch(`${baseURL}/api/media`, {
        method: 'POST',
        headers: { ...editor, ...language },
        body: form,
      })
      return refusalOf(response.status, (await response.json()) as Json)
    })
    expectRefusal(answers, 400, 'uploads.notImage', (language) =>
      message(language, 'uploads:notImage', { name: 'holiday.jpg' }),
    )
  })

  it('a locked document, over REST and GraphQL', async () => {
    const id = await draftBy(editor, 'Open in the admin')
    const me = (await call('/api/users/me', { headers: admin })).json.user as { id: number }
    const lock = await call('/api/payload-locked-documents', {
      method: 'POST',
      headers: admin,
      body: {
        document: { relationTo: 'articles', value: id },
        user: { relationTo: 'users', value: me.id },
        globalSlug: null,
      },
    })
    expect(lock.status, JSON.stringify(lock.json)).toBe(201)
    const rest = await inEachLanguage(async (language) => {
      const { status, json } = await call(`/api/articles/${id}?draft=true`, {
        method: 'PATCH',
        headers: { ...editor, ...language },
        body: { title: 'Saved over someone' },
      })
      return refusalOf(status, json)
    })
    expectRefusal(rest, 423, 'locks.editing', (language) => message(language, 'locks:editing'))

    const graphql = await inEachLanguage(async (language) => {
      const { json } = await call('/api/graphql', {
        method: 'POST',
        headers: { ...editor, ...language },
        body: {
          query: `mutation { updateArticle(id: ${id}, draft: true, data: { title: "Over someone" }) { id } }`,
        },
      })
      const error = (
        json.errors as {
          message: string
          extensions?: { statusCode?: number; data?: { code?: string } }
        }[]
      )[0]
      return {
        status: error.extensions?.statusCode ?? 0,
        message: error.message,
        code: error.extensions?.data?.code,
      }
    })
    expectRefusal(graphql, 423, 'locks.editing', (language) => message(language, 'locks:editing'))
  })

  it('an unknown id, over REST and in a GraphQL filter', async () => {
    const answers = await inEachLanguage(async (language) => {
      const { status, json } = await call('/api/articles/abc', { headers: language })
      return refusalOf(status, json)
    })
    expectRefusal(answers, 404, 'ids.notFound', (language) =>
      message(language, 'ids:notFound', {
        name: adminText(language, 'articles:singular').toLocaleLowerCase(language),
        id: 'abc',
      }),
    )
    expect(answers.en.message).toBe('There is no article with the id "abc".')

    const graphql = await inEachLanguage(async (language) => {
      const { json } = await call('/api/graphql', {
        method: 'POST',
        headers: language,
        body: { query: '{ Articles(where: { category: { equals: "abc" } }) { docs { title } } }' },
      })
      const error = (
        json.errors as { message: string; extensions?: { data?: { code?: string } } }[]
      )[0]
      return { status: 400, message: error.message, code: error.extensions?.data?.code }
    })
    expectRefusal(graphql, 400, 'query.notAnId', (language) =>
      message(language, 'query:notAnId', { value: 'abc', path: 'category', max: 2_147_483_647 }),
    )
  })

  it('a GraphQL body that is not JSON, before any request exists', async () => {
    const answers = await inEachLanguage(async (language) => {
      const { status, json } = await call('/api/graphql', {
        method: 'POST',
        headers: language,
        body: '{ not json',
      })
      return refusalOf(status, json)
    })
    expectRefusal(answers, 400, 'server.malformedJson', (language) =>
      message(language, 'server:malformedJson'),
    )
  })
})
