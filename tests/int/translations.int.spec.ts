import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, User } from '@/payload-types'
import { originalChanges } from '@/translations/diff'
import { markVersionUpdated } from '@/translations/hooks'
import { textOf } from '@/translations/shared'

import { body, createNewsroomBasics, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, fire, latest, requestFor } from '../helpers/workflow'

let ctx: TestPayload
let editor: User, translator: User
let basics: Awaited<ReturnType<typeof createNewsroomBasics>>
let otherSection: number

const asUser = (user: User) => ({ user, overrideAccess: false as const })

const addVersion = (original: Article, language: 'az' | 'ru' | 'en', user = translator) =>
  ctx.payload.create({
    collection: 'articles',
    draft: true,
    data: {
      title: `Version ${language} of ${original.title}`,
      dek: 'Tərcümə olunmuş xülasə.',
      language,
      translationOf: original.id,
      category: otherSection,
      tags: [],
    },
    ...asUser(user),
  })

const readPublicly = async (ids: number[]) =>
  (
    await ctx.payload.find({
      collection: 'articles',
      where: { id: { in: ids } },
      overrideAccess: false,
      depth: 0,
    })
  ).docs.map((doc) => doc.id)

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  translator = await createUser(ctx.payload, 'translator', { languages: ['az'] })
  basics = await createNewsroomBasics(ctx.payload)
  otherSection = (await ctx.payload.create({ collection: 'categories', data: { name: 'Other' } }))
    .id
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('language versions', () => {
  it('lets an az translator add an az version that takes the story fields from the original', async () => {
    const original = await articleIn(ctx.payload, 'published', {
      ...basics.fields,
      title: 'Grain terminal opens at Alat',
    })
    const version = await addVersion(original, 'az')
    expect(version).toMatchObject({
      language: 'az',
      stage: 'draft',
      _status: 'draft',
      needsUpdate: false,
    })
    const stored = await latest(ctx.payload, version.id)
    // What the translator sent for the section was not theirs to set.
    expect(stored.category).toBe(basics.category.id)
    expect(stored.authors).toEqual([basics.author.id])
    expect(stored.heroImage).toBe(basics.hero.id)
    expect(stored.createdBy).toBe(translator.id)
    expect(stored.translatedFrom).toMatchObject({ title: 'Grain terminal opens at Alat' })
  })

  it('refuses the translator other languages, the original, and publishing', async () => {
    const original = await articleIn(ctx.payload, 'draft', { ...basics.fields, title: 'Tram line' })
    await expect(addVersion(original, 'ru')).rejects.toMatchObject({
      status: 403,
      message: 'Only editors, and translators working in Russian, can add a version in Russian.',
    })
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: original.id,
        draft: true,
        data: { title: 'Retitled by the translator' },
        ...asUser(translator),
      }),
    ).rejects.toMatchObject({ status: 403 })

    const az = await addVersion(original, 'az')
    const edited = await ctx.payload.update({
      collection: 'articles',
      id: az.id,
      draft: true,
      data: { title: 'Tramvay xətti', category: otherSection },
      ...asUser(translator),
    })
    expect(edited.title).toBe('Tramvay xətti')
    expect((await latest(ctx.payload, az.id)).category).toBe(basics.category.id)
    await expect(fire(ctx.payload, translator, az.id, 'publish')).rejects.toMatchObject({
      status: 403,
    })
    expect((await fire(ctx.payload, translator, az.id, 'submit'))?.stage).toBe('in_review')
  })

  it('publishes each language version on its own', async () => {
    const original = await articleIn(ctx.payload, 'approved', { ...basics.fields, title: 'Ferry' })
    const az = await addVersion(original, 'az')
    await fire(ctx.payload, editor, az.id, 'publish')
    expect(await readPublicly([original.id, az.id])).toEqual([az.id])

    await fire(ctx.payload, editor, az.id, 'unpublish')
    await fire(ctx.payload, editor, original.id, 'publish')
    expect(await readPublicly([original.id, az.id])).toEqual([original.id])
  })

  it('refuses a second version in a language, one in the original’s language, and a version of a version', async () => {
    const original = await articleIn(ctx.payload, 'draft', { ...basics.fields, title: 'Bridge' })
    const az = await addVersion(original, 'az')
    await expect(addVersion(original, 'az', editor)).rejects.toMatchObject({
      status: 409,
      message: `This story already has a version in Azerbaijani (article ${az.id}, "${az.title}"); work on that one.`,
    })
    await expect(addVersion(original, 'en', editor)).rejects.toMatchObject({
      status: 409,
      message: 'The original is in English; a language version must be in another language.',
    })
    await expect(addVersion(az, 'ru', editor)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('is itself a language version'),
    })
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { translationOf: { equals: original.id } },
    })
    expect(totalDocs).toBe(1)
  })
})

describe('story fields follow the original', () => {
  it('copies a new section from the original to every version, live or not', async () => {
    const original = await articleIn(ctx.payload, 'published', { ...basics.fields, title: 'Dam' })
    const az = await addVersion(original, 'az', editor)
    await fire(ctx.payload, editor, az.id, 'publish')
    // A pending draft over the live az text stays a pending draft.
    await ctx.payload.update({
      collection: 'articles',
      id: az.id,
      draft: true,
      data: { title: 'Bənd (redaktə)' },
      ...asUser(editor),
    })
    await ctx.payload.update({
      collection: 'articles',
      id: original.id,
      data: { category: otherSection },
      ...asUser(editor),
    })
    const live = await ctx.payload.findByID({
      collection: 'articles',
      id: az.id,
      overrideAccess: false,
      depth: 0,
    })
    expect(live.category).toBe(otherSection)
    expect(live.title).not.toBe('Bənd (redaktə)')
    const pending = await latest(ctx.payload, az.id)
    expect(pending).toMatchObject({
      category: otherSection,
      title: 'Bənd (redaktə)',
      _status: 'draft',
    })
  })
})

describe('needs update', () => {
  it('marks versions when the original is published again with other text, shows the change, and clears on request', async () => {
    const paragraphs = [
      'The port authority opened the new grain terminal on Monday.',
      'It can store 60,000 tonnes of wheat.',
      'Trucks will be routed around the town centre.',
    ]
    const original = await articleIn(ctx.payload, 'published', {
      ...basics.fields,
      title: 'Grain',
      body: body(...paragraphs),
    })
    const az = await addVersion(original, 'az')

    // Published again with the same text: nothing to update.
    await ctx.payload.update({
      collection: 'articles',
      id: original.id,
      data: { dek: basics.fields.dek },
      ...asUser(editor),
    })
    expect((await latest(ctx.payload, az.id)).needsUpdate).toBe(false)

    // A draft of new text is not yet a change for translators...
    const changed = [
      paragraphs[0],
      'It can store 85,000 tonnes of wheat and barley.',
      paragraphs[2],
    ]
    await ctx.payload.update({
      collection: 'articles',
      id: original.id,
      draft: true,
      data: { body: body(...changed) },
      ...asUser(editor),
    })
    expect((await latest(ctx.payload, az.id)).needsUpdate).toBe(false)
    // ...its publication is.
    await ctx.payload.update({
      collection: 'articles',
      id: original.id,
      data: { _status: 'published' },
      ...asUser(editor),
    })
    const outdated = await latest(ctx.payload, az.id)
    expect(outdated.needsUpdate).toBe(true)

    const current = await latest(ctx.payload, original.id)
    const diff = originalChanges(
      {
        title: outdated.translatedFrom?.title ?? '',
        dek: outdated.translatedFrom?.dek ?? '',
        bodyText: outdated.translatedFrom?.bodyText ?? '',
      },
      textOf(current),
    )
    expect(diff.fields).toEqual([])
    expect(diff.paragraphs).toHaveLength(1)
    expect(diff.paragraphs[0]).toMatchObject({
      paragraph: 2,
      kind: 'changed',
      before: paragraphs[1],
      after: changed[1],
    })
    expect(diff.paragraphs[0].words.filter((w) => w.added).map((w) => w.value.trim())).toEqual([
      '85',
      'and barley',
    ])

    await markVersionUpdated(await requestFor(ctx.payload, translator), outdated)
    const updated = await latest(ctx.payload, az.id)
    expect(updated.needsUpdate).toBe(false)
    expect(updated.translatedFrom?.bodyText).toContain('85,000')
  })
})

describe('what readers see of a story’s versions', () => {
  it('returns only published versions of a group', async () => {
    const original = await articleIn(ctx.payload, 'published', { ...basics.fields, title: 'Group' })
    const az = await addVersion(original, 'az', editor)
    const ru = await ctx.payload.create({
      collection: 'articles',
      data: { title: 'Группа', language: 'ru', translationOf: original.id, dek: 'Черновик.' },
      draft: true,
    })
    await fire(ctx.payload, editor, az.id, 'publish')
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      overrideAccess: false,
      depth: 0,
      where: { or: [{ id: { equals: original.id } }, { translationOf: { equals: original.id } }] },
    })
    expect(docs.map((doc) => doc.language).sort()).toEqual(['az', 'en'])
    expect(docs.map((doc) => doc.id)).not.toContain(ru.id)
  })
})
