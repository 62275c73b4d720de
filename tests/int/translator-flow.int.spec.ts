import type { PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugify } from '@/lib/slug'
import type { Article, User } from '@/payload-types'
import { translationEndpoints } from '@/translations/endpoints'
import { updatedSinceFlagged } from '@/translations/updates'

import { body, createNewsroomBasics, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, fire, latest, requestFor, timelineOf } from '../helpers/workflow'

let ctx: TestPayload
let editor: User, translator: User, ruTranslator: User
let basics: Awaited<ReturnType<typeof createNewsroomBasics>>

const asUser = (user: User) => ({ user, overrideAccess: false as const })

/** The stored row: what readers are served (not the pending draft). */
const live = (id: number) =>
  ctx.payload.findByID({ collection: 'articles', id, draft: false, depth: 0 })

const readPublicly = async (id: number) =>
  (
    await ctx.payload.find({
      collection: 'articles',
      where: { id: { equals: id } },
      overrideAccess: false,
      depth: 0,
    })
  ).docs[0]

/** Calls a translation endpoint's handler as `user`, the way the REST route does. */
const callEndpoint = async (path: string, user: User, id: number, acceptLanguage?: string) => {
  const endpoint = translationEndpoints.find((e) => e.path === path && e.method === 'post')
  if (!endpoint) throw new Error(`no endpoint ${path}`)
  const req = (await requestFor(ctx.payload, user)) as PayloadRequest
  req.routeParams = { id: String(id) }
  if (acceptLanguage) req.i18n = { ...req.i18n, language: acceptLanguage } as typeof req.i18n
  const response = await endpoint.handler(req)
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

/** A published story with a published az version, whose original then changes: az needs update. */
const outdatedVersion = async (title: string) => {
  const original = await articleIn(ctx.payload, 'published', {
    ...basics.fields,
    title,
    body: body('The first paragraph.', 'The second paragraph.'),
  })
  const az = await ctx.payload.create({
    collection: 'articles',
    draft: true,
    data: { title: `${title} (az)`, language: 'az', translationOf: original.id, dek: 'Lid.' },
    ...asUser(translator),
  })
  await fire(ctx.payload, editor, az.id, 'publish')
  await ctx.payload.update({
    collection: 'articles',
    id: original.id,
    data: { body: body('The first paragraph.', 'The second paragraph, rewritten.') },
    ...asUser(editor),
  })
  const flagged = await latest(ctx.payload, az.id)
  expect(flagged.needsUpdate).toBe(true)
  return { original, az: flagged }
}

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  translator = await createUser(ctx.payload, 'translator', { languages: ['az'] })
  ruTranslator = await createUser(ctx.payload, 'translator', { languages: ['ru'] })
  basics = await createNewsroomBasics(ctx.payload)
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('the translator’s update of a published version', () => {
  it('starts as a pending draft over the live text, goes through review, and goes live only when published', async () => {
    const { az } = await outdatedVersion('Metro extension')
    const edit = (user: User, title: string) =>
      ctx.payload.update({
        collection: 'articles',
        id: az.id,
        draft: true,
        data: { title },
        ...asUser(user),
      })

    // Published: read-only for the translator until they start the update.
    await expect(edit(translator, 'Too early')).rejects.toMatchObject({ status: 403 })
    await expect(fire(ctx.payload, ruTranslator, az.id, 'start_update')).rejects.toMatchObject({
      status: 403,
    })
    // Editors change a published text directly; the update is the writers' way in.
    await expect(fire(ctx.payload, editor, az.id, 'start_update')).rejects.toMatchObject({
      status: 403,
    })

    const started = await fire(ctx.payload, translator, az.id, 'start_update')
    expect(started).toMatchObject({ stage: 'draft', _status: 'draft' })
    expect(await live(az.id)).toMatchObject({
      stage: 'published',
      _status: 'published',
      title: 'Metro extension (az)',
    })

    const edited = await edit(translator, 'Metro xətti uzadılır')
    expect(edited.title).toBe('Metro xətti uzadılır')
    await expect(edit(ruTranslator, 'Not theirs')).rejects.toMatchObject({ status: 403 })
    // Readers still get the published text.
    expect((await readPublicly(az.id))?.title).toBe('Metro extension (az)')

    expect((await fire(ctx.payload, translator, az.id, 'submit'))?.stage).toBe('in_review')
    expect((await live(az.id))._status).toBe('published')
    await expect(edit(translator, 'In review now')).rejects.toMatchObject({ status: 403 })

    expect((await fire(ctx.payload, editor, az.id, 'publish'))?.stage).toBe('published')
    expect(await live(az.id)).toMatchObject({
      stage: 'published',
      _status: 'published',
      title: 'Metro xətti uzadılır',
    })
    expect((await readPublicly(az.id))?.title).toBe('Metro xətti uzadılır')
    const names = (await timelineOf(ctx.payload, az.id)).map((event) => event.transition)
    expect(names).toEqual(expect.arrayContaining(['start_update', 'submit', 'publish']))
  })

  it('refuses Mark updated until the version’s text has changed since it was flagged', async () => {
    const { az } = await outdatedVersion('Airport road')
    const req = await requestFor(ctx.payload, translator)
    expect(await updatedSinceFlagged(req, az)).toBe(false)

    const refused = await callEndpoint('/:id/mark-updated', translator, az.id)
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.json)).toMatch(/has not changed since the original changed/)
    const inRussian = await callEndpoint('/:id/mark-updated', translator, az.id, 'ru')
    expect(JSON.stringify(inRussian.json)).toMatch(/не менялся/)
    expect((await latest(ctx.payload, az.id)).needsUpdate).toBe(true)

    await fire(ctx.payload, translator, az.id, 'start_update')
    await ctx.payload.update({
      collection: 'articles',
      id: az.id,
      draft: true,
      data: { body: body('Birinci abzas.', 'İkinci abzas, yenidən yazılıb.') },
      ...asUser(translator),
    })
    expect(await updatedSinceFlagged(req, await latest(ctx.payload, az.id))).toBe(true)
    // Someone without the language is still refused, whatever the text.
    expect((await callEndpoint('/:id/mark-updated', ruTranslator, az.id)).status).toBe(403)

    const accepted = await callEndpoint('/:id/mark-updated', translator, az.id)
    expect(accepted.status).toBe(200)
    const after = await latest(ctx.payload, az.id)
    expect(after.needsUpdate).toBe(false)
    // The pending update stays a draft over the live text.
    expect(after.stage).toBe('draft')
    expect(await live(az.id)).toMatchObject({ _status: 'published', needsUpdate: false })
  })
})

describe('unpublishing an original with live language versions', () => {
  it('unpublishes the live versions through the workflow for an editor, and refuses each for a translator', async () => {
    const { original, az } = await outdatedVersion('Bus lanes')
    const ru: Article = await ctx.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Автобусные полосы', language: 'ru', translationOf: original.id },
    })

    const byTranslator = await callEndpoint('/:id/unpublish-versions', translator, original.id)
    expect(byTranslator.status).toBe(200)
    expect(byTranslator.json).toMatchObject({
      unpublished: [],
      refused: [{ id: az.id, language: 'az' }],
    })
    expect((await live(az.id))._status).toBe('published')

    await fire(ctx.payload, editor, original.id, 'unpublish')
    const byEditor = await callEndpoint('/:id/unpublish-versions', editor, original.id)
    expect(byEditor.json).toMatchObject({
      unpublished: [{ id: az.id, language: 'az' }],
      refused: [],
    })
    expect(await live(az.id)).toMatchObject({ _status: 'draft', stage: 'draft' })
    // The draft version was never live and is left alone.
    expect((await latest(ctx.payload, ru.id)).stage).toBe('draft')
    const last = (await timelineOf(ctx.payload, az.id)).at(-1)
    expect(last).toMatchObject({ transition: 'unpublish', user: editor.id })
  })
})

describe('a new language version’s slug', () => {
  it('follows its translated title until the translator sets one, and never once published', async () => {
    const original = await articleIn(ctx.payload, 'published', {
      ...basics.fields,
      title: 'Port of Baku expands',
    })
    const added = await ctx.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: original.title, dek: 'Лид.', language: 'ru', translationOf: original.id },
    })
    expect(added.slug).toBe('port-of-baku-expands')
    const retitle = (data: Partial<Article>) =>
      ctx.payload.update({
        collection: 'articles',
        id: added.id,
        draft: true,
        data,
        ...asUser(editor),
      })

    // The admin sends the slug it showed along with the new title.
    const translated = await retitle({ title: 'Бакинский порт расширяется', slug: added.slug })
    expect(translated.slug).toBe(slugify('Бакинский порт расширяется'))
    expect(translated.slug).toMatch(/^bakinski/)
    const again = await retitle({ title: 'Порт Баку растёт' })
    expect(again.slug).toBe(slugify('Порт Баку растёт'))

    const chosen = await retitle({ slug: 'port-baku' })
    expect(chosen.slug).toBe('port-baku')
    expect((await retitle({ title: 'Порт Баку снова растёт', slug: 'port-baku' })).slug).toBe(
      'port-baku',
    )

    await fire(ctx.payload, editor, added.id, 'publish')
    await retitle({ slug: 'port-baku-rastet' })
    const published = await ctx.payload.update({
      collection: 'articles',
      id: added.id,
      data: { title: 'Порт Баку: итоги года', _status: 'published' },
      ...asUser(editor),
    })
    expect(published.slug).toBe('port-baku-rastet')
  })
})
