import { createLocalReq, getLocalI18n, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { refuse } from '@/lib/errors'
import type { Language } from '@/lib/languages'
import {
  languageOfHeaders,
  message,
  messageCode,
  messagesAz,
  messagesEn,
  messagesRu,
} from '@/lib/messages'
import type { User } from '@/payload-types'
import { checkTransition, checklistItems, checklistProblems, type Actor } from '@/workflow'
import { performTransition } from '@/workflow/perform'

import { createArticle, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/** Every leaf of a text tree, by its `a:b:c` key. */
const leaves = (tree: unknown, prefix = ''): [string, unknown][] =>
  Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? leaves(value, `${prefix}${key}:`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  )

/** The placeholders a text uses, each once: a translation may say one twice, or once. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort()

/**
 * Messages that may read the same in a language as in English: a format name, a unit. Anything
 * else identical to English is an untranslated string.
 */
const SAME_AS_ENGLISH: Record<'az' | 'ru', string[]> = {
  az: ['query:fieldTypes:json', 'uploads:megabytes'],
  ru: ['query:fieldTypes:json'],
}

describe('the messages dictionary at run time', () => {
  const english = leaves(messagesEn)

  for (const [language, dictionary] of [
    ['az', messagesAz],
    ['ru', messagesRu],
  ] as const) {
    it(`has every English message in ${language}, translated, with the same placeholders`, () => {
      const own = new Map(leaves(dictionary))
      const problems: string[] = []
      for (const [key, text] of english) {
        const translated = own.get(key)
        if (typeof translated !== 'string' || !translated.trim()) {
          problems.push(`${key}: missing`)
          continue
        }
        if (translated === text && !SAME_AS_ENGLISH[language].includes(key)) {
          problems.push(`${key}: still English`)
        }
        if (placeholders(translated).join() !== placeholders(String(text)).join()) {
          problems.push(
            `${key}: placeholders ${placeholders(translated)} ≠ ${placeholders(String(text))}`,
          )
        }
      }
      for (const key of own.keys()) {
        if (!english.some(([englishKey]) => englishKey === key))
          problems.push(`${key}: not in English`)
      }
      expect(problems).toEqual([])
    })
  }

  it('words a message in the audience’s language, falling back to English', () => {
    expect(message('az', 'locks:editing')).toBe(messagesAz.locks.editing)
    expect(message({ i18n: { language: 'ru' } }, 'locks:editing')).toBe(messagesRu.locks.editing)
    expect(message({ i18n: { language: 'fr' } }, 'locks:editing')).toBe(messagesEn.locks.editing)
    expect(message(undefined, 'access:noArticle', { id: 7 })).toBe('No article with id 7.')
    expect(messageCode('workflow:needsNote')).toBe('workflow.needsNote')
  })

  it('reads the language as Payload does: the admin’s cookie first, then Accept-Language', () => {
    const headers = (init: Record<string, string>) => new Headers(init)
    expect(languageOfHeaders(headers({}))).toBe('en')
    expect(languageOfHeaders(headers({ 'accept-language': 'az' }))).toBe('az')
    expect(languageOfHeaders(headers({ 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' }))).toBe('ru')
    expect(
      languageOfHeaders(headers({ 'accept-language': 'az', cookie: 'a=b; payload-lng=ru' })),
    ).toBe('ru')
    // Payload takes the first language it knows (French) and falls back to English.
    expect(languageOfHeaders(headers({ 'accept-language': 'fr,ru;q=0.5' }))).toBe('en')
  })
})

describe('workflow messages in each language', () => {
  const editor: Actor = { id: 2, roles: ['editor'] }
  const author: Actor = { id: 3, roles: ['author'] }
  const bare = { stage: 'approved' as const, language: 'en', heroImage: null, authors: [] }
  const englishItems = Object.values(messagesEn.checklist)

  it('words the checklist in Azerbaijani through and through, joined the Azerbaijani way', () => {
    const check = checkTransition(editor, bare, 'publish', {}, 'az')
    expect(check).toMatchObject({ ok: false, status: 400, key: 'workflow:checklist' })
    if (check.ok) return
    expect(check.message).toBe(
      '«Dərc et» hələ mümkün deyil. Çatışmır: əsas şəkil, bölmə, lid və ən azı bir müəllif.',
    )
    for (const item of englishItems) expect(check.message).not.toContain(item)
    expect(checklistItems('az', checklistProblems(bare))).toEqual([
      'əsas şəkil',
      'bölmə',
      'lid',
      'ən azı bir müəllif',
    ])
  })

  it('words the checklist and refusals in Russian, transitions and stages by their admin names', () => {
    const check = checkTransition(editor, bare, 'publish', {}, 'ru')
    expect(check).toMatchObject({
      message:
        '«Опубликовать» пока нельзя. Не хватает: главное фото, рубрика, лид и хотя бы один автор.',
    })
    expect(
      checkTransition(
        author,
        { stage: 'draft', language: 'en', createdBy: 3 },
        'publish',
        {},
        'ru',
      ),
    ).toMatchObject({
      ok: false,
      status: 403,
      key: 'workflow:notAllowed',
      message:
        'Действие «Опубликовать» недоступно для статьи в статусе «Черновик». Отсюда доступно: «Отправить на проверку».',
    })
  })

  it('keeps the same key and status in every language', () => {
    const checks = (['en', 'az', 'ru'] as Language[]).map((language) =>
      checkTransition(editor, { ...bare, stage: 'in_review' }, 'request_changes', {}, language),
    )
    expect(checks.map((check) => !check.ok && [check.key, check.status])).toEqual(
      Array(3).fill(['workflow:needsNote', 400]),
    )
    expect(new Set(checks.map((check) => !check.ok && check.message)).size).toBe(3)
  })
})

describe('refusals through the Local API in the requester’s language (real PostgreSQL)', () => {
  let ctx: TestPayload
  let payload: Payload
  let author: User

  /** A request for `user` whose admin language is `language`, as Payload builds one. */
  const requestIn = async (language: Language, user?: User): Promise<PayloadRequest> =>
    createLocalReq(
      {
        user: user ? { ...user, collection: 'users' } : undefined,
        req: { i18n: await getLocalI18n({ config: payload.config, language }) },
      },
      payload,
    )

  beforeAll(async () => {
    ctx = await createTestPayload()
    payload = ctx.payload
    // The first account of a fresh install is made an admin: the author comes second.
    await createUser(payload, 'admin')
    author = await createUser(payload, 'author')
  })
  afterAll(() => ctx?.teardown())

  it('refuses an upload that is not an image in each language, with one code', async () => {
    const text = Buffer.from('just some text, not a picture at all')
    const file = { data: text, mimetype: 'image/jpeg', name: 'holiday.jpg', size: text.length }
    for (const language of ['en', 'az', 'ru'] as const) {
      const attempt = payload.create({
        collection: 'media',
        data: { alt: 'x', credit: 'x' },
        file,
        req: await requestIn(language),
      })
      await expect(attempt, language).rejects.toMatchObject({
        status: 400,
        message: message(language, 'uploads:notImage', { name: 'holiday.jpg' }),
        data: { code: 'uploads.notImage' },
      })
    }
    expect(message('az', 'uploads:notImage', { name: 'a.jpg' })).toContain('saytın qəbul etdiyi')
  })

  it('refuses an author’s publish in their language, with the workflow’s code', async () => {
    const article = await createArticle(payload, { createdBy: author.id })
    for (const language of ['en', 'az', 'ru'] as const) {
      const attempt = performTransition(await requestIn(language, author), {
        id: article.id,
        transition: 'publish',
      })
      await expect(attempt, language).rejects.toMatchObject({
        status: 403,
        data: { code: 'workflow.notAllowed' },
      })
      const error = (await attempt.catch((e: unknown) => e)) as Error
      const expected = checkTransition(
        { id: author.id, roles: ['author'] },
        { stage: 'draft', language: 'en', createdBy: author.id },
        'publish',
        {},
        language,
      )
      expect(error.message, language).toBe(!expected.ok && expected.message)
    }
  })

  it('refuses an unknown id in the language of the request', async () => {
    const req = await requestIn('ru', author)
    const error = refuse(req, 'ids:notFound', 404, { name: 'статья', id: 'abc' })
    expect(error).toMatchObject({ status: 404, data: { code: 'ids.notFound' } })
    expect(error.message).toBe('Не найдено: статья с идентификатором "abc".')
  })
})
