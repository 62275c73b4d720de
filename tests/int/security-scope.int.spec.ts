import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, User } from '@/payload-types'

import { createArticle, createNewsroomBasics, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { latest, timelineOf } from '../helpers/workflow'

let ctx: TestPayload
let editor: User, author: User, otherAuthor: User, translator: User
let basics: Awaited<ReturnType<typeof createNewsroomBasics>>

/** A Local API call made on behalf of `user`, with their access. */
const as = (user: User) => ({ user, overrideAccess: false as const })

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  author = await createUser(ctx.payload, 'author')
  otherAuthor = await createUser(ctx.payload, 'author')
  translator = await createUser(ctx.payload, 'translator', { languages: ['az'] })
  basics = await createNewsroomBasics(ctx.payload)
})
afterAll(() => ctx?.teardown())

/** An English original and its az version, made by the translator. */
const storyWithVersion = async () => {
  const original = await createArticle(ctx.payload, { ...basics.fields, status: 'published' })
  const version = await ctx.payload.create({
    collection: 'articles',
    draft: true,
    data: { title: 'Azərbaycan versiyası', language: 'az', translationOf: original.id },
    ...as(translator),
  })
  return { original, version }
}

describe('a write ends inside the writer’s scope', () => {
  it('lets a translator edit their own az version, resending its original as a form would', async () => {
    const { version, original } = await storyWithVersion()
    const saved = await ctx.payload.update({
      collection: 'articles',
      id: version.id,
      draft: true,
      data: { title: 'Yeni başlıq', language: 'az' },
      ...as(translator),
    })
    expect(saved).toMatchObject({ title: 'Yeni başlıq', language: 'az' })
    for (const translationOf of [original.id, String(original.id), { id: original.id }]) {
      const again = await ctx.payload.update({
        collection: 'articles',
        id: version.id,
        draft: true,
        data: { title: 'Yenə', translationOf } as Partial<Article>,
        ...as(translator),
      })
      expect(again.translationOf).toMatchObject({ id: original.id })
    }
  })

  it('refuses a translator moving their version into a language they do not hold', async () => {
    const { version } = await storyWithVersion()
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: version.id,
        draft: true,
        data: { language: 'ru', title: 'Moved away' },
        ...as(translator),
      }),
    ).rejects.toMatchObject({
      status: 403,
      message: 'You work in Azerbaijani: a language version cannot be put in Russian by you.',
    })
    expect(await latest(ctx.payload, version.id)).toMatchObject({
      language: 'az',
      title: 'Azərbaycan versiyası',
    })
  })

  it('refuses a translator attaching their version to another story or making it an original', async () => {
    const { version, original } = await storyWithVersion()
    const other = await createArticle(ctx.payload, { ...basics.fields, status: 'published' })
    for (const [translationOf, message] of [
      [other.id, 'Only editors can attach a language version to another story.'],
      [null, 'Only editors can make a language version an original.'],
    ] as const) {
      await expect(
        ctx.payload.update({
          collection: 'articles',
          id: version.id,
          draft: true,
          data: { translationOf },
          ...as(translator),
        }),
      ).rejects.toMatchObject({ status: 403, message })
    }
    expect((await latest(ctx.payload, version.id)).translationOf).toBe(original.id)
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { translationOf: { equals: other.id } },
    })
    expect(totalDocs).toBe(0)
  })

  it('lets an editor move a version to another language and story', async () => {
    const { version } = await storyWithVersion()
    const other = await createArticle(ctx.payload, { ...basics.fields, status: 'published' })
    const moved = await ctx.payload.update({
      collection: 'articles',
      id: version.id,
      draft: true,
      data: { language: 'ru', translationOf: other.id },
      ...as(editor),
    })
    expect(moved).toMatchObject({ language: 'ru' })
    expect(moved.translationOf).toMatchObject({ id: other.id })
  })

  it('refuses a translator creating an original, and lets them create a version in their language', async () => {
    await expect(
      ctx.payload.create({
        collection: 'articles',
        draft: true,
        data: { title: 'A translator’s own story', language: 'az' },
        ...as(translator),
      }),
    ).rejects.toMatchObject({
      status: 403,
      message:
        'Translators work on language versions: add this as a version of its original, in one of your languages.',
    })
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { title: { equals: 'A translator’s own story' } },
    })
    expect(totalDocs).toBe(0)
    const { version } = await storyWithVersion()
    expect(version).toMatchObject({ language: 'az' })
  })

  it('keeps an author’s article theirs: on create and on update, whatever owner they send', async () => {
    const created = await ctx.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Mine', language: 'en', createdBy: otherAuthor.id },
      ...as(author),
    })
    expect(created.createdBy).toMatchObject({ id: author.id })
    const updated = await ctx.payload.update({
      collection: 'articles',
      id: created.id,
      draft: true,
      data: { title: 'Still mine', createdBy: otherAuthor.id, language: 'ru' },
      ...as(author),
    })
    expect(updated).toMatchObject({ title: 'Still mine', language: 'ru' })
    expect(updated.createdBy).toMatchObject({ id: author.id })
    // The other author still cannot touch it.
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: created.id,
        draft: true,
        data: { title: 'Taken over' },
        ...as(otherAuthor),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('checks a version whose original is named by a string id like any other', async () => {
    const { original, version } = await storyWithVersion()
    const create = (user: User, data: Partial<Article>) =>
      ctx.payload.create({ collection: 'articles', draft: true, data, ...as(user) })
    await expect(
      create(author, {
        title: 'An author’s version',
        language: 'ru',
        translationOf: String(original.id),
      } as unknown as Partial<Article>),
    ).rejects.toMatchObject({
      status: 403,
      message: 'Only editors, and translators working in Russian, can add a version in Russian.',
    })
    await expect(
      create(translator, {
        title: 'A version of a version',
        language: 'az',
        translationOf: String(version.id),
      } as unknown as Partial<Article>),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      create(translator, {
        title: 'Not an id',
        language: 'az',
        translationOf: 'first',
      } as unknown as Partial<Article>),
    ).rejects.toMatchObject({ status: 400, message: 'translationOf must be the id of an article.' })
    const fresh = await createArticle(ctx.payload, { ...basics.fields, status: 'published' })
    const made = await create(translator, {
      title: 'Versiya',
      language: 'az',
      translationOf: String(fresh.id),
    } as unknown as Partial<Article>)
    const stored = await latest(ctx.payload, made.id)
    expect(stored).toMatchObject({ translationOf: fresh.id, category: basics.category.id })
  })

  it('refuses an author attaching their article to a story as a version', async () => {
    const own = await createArticle(ctx.payload, { createdBy: author.id, language: 'ru' })
    const story = await createArticle(ctx.payload, { ...basics.fields, status: 'published' })
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: own.id,
        draft: true,
        data: { translationOf: story.id },
        ...as(author),
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await latest(ctx.payload, own.id)).translationOf ?? null).toBeNull()
  })

  it('lets an author edit an original whose story fields then reach a translator’s version', async () => {
    const original = await createArticle(ctx.payload, { createdBy: author.id })
    const version = await ctx.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Versiya', language: 'az', translationOf: original.id },
      ...as(translator),
    })
    await ctx.payload.update({
      collection: 'articles',
      id: original.id,
      draft: true,
      data: { category: basics.category.id },
      ...as(author),
    })
    const after = await latest(ctx.payload, version.id)
    expect(after.category).toBe(basics.category.id)
  })
})

describe('no sorting or filtering by what the caller cannot read', () => {
  let first: Article, second: Article
  let early: User, late: User

  beforeAll(async () => {
    // Owners whose emails (and names) sort the opposite way to the articles' ids.
    late = await ctx.payload.create({
      collection: 'users',
      data: {
        email: 'zz-owner@test.example',
        password: 'test-password-1',
        name: 'Zz Owner',
        roles: ['author'],
      },
    })
    early = await ctx.payload.create({
      collection: 'users',
      data: {
        email: 'aa-owner@test.example',
        password: 'test-password-1',
        name: 'Aa Owner',
        roles: ['admin'],
      },
    })
    first = await createArticle(ctx.payload, {
      title: 'Ordered story',
      slug: 'ordered-one',
      status: 'published',
      createdBy: late.id,
      assignee: late.id,
      reviewer: late.id,
    })
    second = await createArticle(ctx.payload, {
      title: 'Ordered story',
      slug: 'ordered-two',
      status: 'published',
      createdBy: early.id,
      assignee: early.id,
      reviewer: early.id,
    })
  })

  const ours = { title: { equals: 'Ordered story' } }
  const read = (sort: string | string[], user?: User) =>
    ctx.payload.find({
      collection: 'articles',
      overrideAccess: false,
      ...(user ? { user } : {}),
      where: ours,
      sort,
      depth: 0,
    })

  it('refuses a reader sorting by the owner, the assignee or their accounts, however the sort is written', async () => {
    for (const sort of [
      'createdBy.email',
      '-createdBy.email',
      'title,createdBy.email',
      'createdBy.email,title',
      'createdBy.hash',
      'createdBy.salt',
      'assignee.email',
      'assignee',
      'reviewer.email',
      'translatedFrom.title',
      'translationOf.title',
      'timeline.note',
    ]) {
      await expect(read(sort), sort).rejects.toMatchObject({ status: 400 })
    }
    await expect(read(['title', 'createdBy.email'])).rejects.toMatchObject({
      status: 400,
      message:
        'You cannot sort by "createdBy.email": there is no such field, or not one you may read.',
    })
  })

  it('answers an unknown field exactly as a forbidden one', async () => {
    const forbidden = await read('createdBy.hash').catch((error: Error) => error.message)
    const unknown = await read('nothing.here').catch((error: Error) => error.message)
    expect(forbidden).toBe(
      'You cannot sort by "createdBy.hash": there is no such field, or not one you may read.',
    )
    expect(unknown).toBe(
      'You cannot sort by "nothing.here": there is no such field, or not one you may read.',
    )
  })

  it('refuses staff sorting by password hashes and other hidden fields, through a relationship or not', async () => {
    for (const user of [author, translator, editor]) {
      for (const sort of [
        'createdBy.hash',
        'title,createdBy.salt',
        'createdBy.resetPasswordToken',
      ]) {
        await expect(read(sort, user), sort).rejects.toMatchObject({ status: 400 })
      }
      for (const sort of ['email,hash', 'salt', 'loginAttempts', 'lockUntil']) {
        await expect(
          ctx.payload.find({ collection: 'users', overrideAccess: false, user, sort }),
          sort,
        ).rejects.toMatchObject({ status: 400 })
      }
      await expect(
        ctx.payload.find({
          collection: 'editorial-events',
          overrideAccess: false,
          user,
          sort: 'summary,user.hash',
        }),
      ).rejects.toMatchObject({ status: 400 })
    }
  })

  it('lets staff sort and filter by what they may read', async () => {
    const byEmail = await read('createdBy.email', author)
    expect(byEmail.docs.map((doc) => doc.id)).toEqual([second.id, first.id])
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      overrideAccess: false,
      user: translator,
      where: { and: [ours, { 'assignee.roles': { contains: 'admin' } }] },
      depth: 0,
    })
    expect(docs.map((doc) => doc.id)).toEqual([second.id])
  })

  it('keeps the default order for readers, whatever the hidden fields say', async () => {
    const plain = await read('-id')
    expect(plain.docs.map((doc) => doc.id)).toEqual([second.id, first.id])
    expect(plain.docs[0]).not.toHaveProperty('assignee')
    expect(plain.docs[0]).not.toHaveProperty('createdBy')
  })

  it('refuses a reader filtering by the owner, the assignee or what lies behind them', async () => {
    for (const where of [
      { 'createdBy.email': { like: 'a' } },
      { createdBy: { equals: early.id } },
      { assignee: { equals: early.id } },
      { reviewer: { exists: true } },
      { 'assignee.roles': { contains: 'admin' } },
      { 'translatedFrom.title': { exists: false } },
      { or: [{ title: { exists: true } }, { 'createdBy.hash': { exists: true } }] },
      { relatedArticles: { contains: { createdBy: { equals: early.id } } } },
    ] as Where[]) {
      await expect(
        ctx.payload.find({ collection: 'articles', overrideAccess: false, where }),
        JSON.stringify(where),
      ).rejects.toMatchObject({ status: 400 })
      await expect(
        ctx.payload.count({ collection: 'articles', overrideAccess: false, where }),
        JSON.stringify(where),
      ).rejects.toMatchObject({ status: 400 })
    }
  })

  it('lets readers filter by what they may read, through relationships too', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { and: [ours, { 'category.name': { exists: false } }] },
      sort: ['title', '-id'],
      depth: 0,
    })
    expect(docs.map((doc) => doc.id)).toEqual([second.id, first.id])
  })

  it('checks the versions list the same way, and lets the admin’s own version queries through', async () => {
    const { docs } = await ctx.payload.findVersions({
      collection: 'articles',
      overrideAccess: false,
      user: author,
      where: { and: [{ parent: { equals: first.id } }, { latest: { equals: true } }] },
      sort: '-updatedAt',
      depth: 0,
    })
    expect(docs.map((doc) => doc.parent)).toEqual([first.id])
    await expect(
      ctx.payload.findVersions({
        collection: 'articles',
        overrideAccess: false,
        user: author,
        sort: 'version.title,version.createdBy.hash',
      }),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('refuses distinct values of a hidden field', async () => {
    await expect(
      ctx.payload.findDistinct({
        collection: 'articles',
        field: 'createdBy',
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('duplicate', () => {
  it('makes a new draft of a published article: fresh slug, no workflow state, the duplicator’s', async () => {
    const source = await createArticle(ctx.payload, {
      ...basics.fields,
      title: 'Copied story',
      slug: 'copied-story',
      status: 'published',
      createdBy: author.id,
      assignee: editor.id,
      reviewer: editor.id,
      corrections: [{ date: new Date().toISOString(), text: 'A figure was wrong.' }],
    })
    expect(source.publishedAt).toBeTruthy()
    // As the admin's Duplicate asks for it: not a draft save, `_status: 'draft'` in the data.
    const copy = await ctx.payload.duplicate({
      collection: 'articles',
      id: source.id,
      data: { _status: 'draft' },
      depth: 0,
      ...as(editor),
    })
    expect(copy).toMatchObject({
      title: 'Copied story',
      slug: 'copied-story-copy',
      language: 'en',
      stage: 'draft',
      _status: 'draft',
      publishedAt: null,
      needsUpdate: false,
      createdBy: editor.id,
      category: basics.category.id,
    })
    expect(copy.scheduledAt ?? null).toBeNull()
    expect(copy.assignee ?? null).toBeNull()
    expect(copy.reviewer ?? null).toBeNull()
    expect(copy.corrections ?? []).toEqual([])
    expect(await timelineOf(ctx.payload, copy.id)).toEqual([])
    // The source is untouched and still live.
    expect(await latest(ctx.payload, source.id)).toMatchObject({
      slug: 'copied-story',
      stage: 'published',
    })
    const again = await ctx.payload.duplicate({
      collection: 'articles',
      id: source.id,
      draft: true,
      depth: 0,
      ...as(editor),
    })
    expect(again.slug).toBe('copied-story-copy-2')
    const ofCopy = await ctx.payload.duplicate({
      collection: 'articles',
      id: copy.id,
      draft: true,
      depth: 0,
      ...as(editor),
    })
    expect(ofCopy.slug).toBe('copied-story-copy-3')
  })

  it('lets an author duplicate an article and own the copy', async () => {
    const others = await createArticle(ctx.payload, { createdBy: otherAuthor.id, slug: 'others' })
    const copy = await ctx.payload.duplicate({
      collection: 'articles',
      id: others.id,
      draft: true,
      depth: 0,
      ...as(author),
    })
    expect(copy).toMatchObject({ slug: 'others-copy', createdBy: author.id, stage: 'draft' })
  })

  it('makes a copy of a language version a new original in its language; a translator may not', async () => {
    const { version } = await storyWithVersion()
    const copy = await ctx.payload.duplicate({
      collection: 'articles',
      id: version.id,
      draft: true,
      depth: 0,
      ...as(editor),
    })
    expect(copy).toMatchObject({ language: 'az', translationOf: null, needsUpdate: false })
    await expect(
      ctx.payload.duplicate({
        collection: 'articles',
        id: version.id,
        draft: true,
        depth: 0,
        ...as(translator),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
