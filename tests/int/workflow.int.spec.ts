import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, User } from '@/payload-types'
import { STAGES, type Stage } from '@/workflow'

import { createArticle, createNewsroomBasics, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, fire, latest, timelineOf } from '../helpers/workflow'
import { EXPECTED, PERSON_TRANSITIONS, TARGET } from '../helpers/workflowExpectations'

let ctx: TestPayload
let admin: User, editor: User, author: User, otherAuthor: User, translator: User
let ready: Awaited<ReturnType<typeof createNewsroomBasics>>['fields']

/** Each story has one version per language, so every version needs an original of its own. */
const newOriginal = async () => (await articleIn(ctx.payload, 'published', { ...ready })).id

const future = () => new Date(Date.now() + 3_600_000).toISOString()
const inputFor = () => ({ note: 'Tighten the second paragraph.', date: future() })

beforeAll(async () => {
  ctx = await createTestPayload()
  admin = await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  author = await createUser(ctx.payload, 'author')
  otherAuthor = await createUser(ctx.payload, 'author')
  translator = await createUser(ctx.payload, 'translator', { languages: ['az'] })
  ready = (await createNewsroomBasics(ctx.payload)).fields
})

afterAll(async () => {
  await ctx?.teardown()
})

type Case = {
  who: string
  user: () => User
  /** the article this person acts on, in a stage */
  article: (stage: Stage) => Promise<Article>
  allowed: Record<Stage, string[]>
}

const NONE = Object.fromEntries(STAGES.map((stage) => [stage, []])) as unknown as Record<
  Stage,
  string[]
>

const cases: Case[] = [
  {
    who: 'an admin',
    user: () => admin,
    article: (stage) => articleIn(ctx.payload, stage, { ...ready, createdBy: author.id }),
    allowed: EXPECTED.editor,
  },
  {
    who: 'an editor',
    user: () => editor,
    article: (stage) => articleIn(ctx.payload, stage, { ...ready, createdBy: author.id }),
    allowed: EXPECTED.editor,
  },
  {
    who: 'an author on their own article',
    user: () => author,
    article: (stage) => articleIn(ctx.payload, stage, { ...ready, createdBy: author.id }),
    allowed: EXPECTED.ownAuthor,
  },
  {
    who: 'an author on a colleague’s article',
    user: () => otherAuthor,
    article: (stage) => articleIn(ctx.payload, stage, { ...ready, createdBy: author.id }),
    allowed: NONE,
  },
  {
    who: 'a translator on a version in their language',
    user: () => translator,
    article: async (stage) =>
      articleIn(ctx.payload, stage, {
        ...ready,
        language: 'az',
        translationOf: await newOriginal(),
      }),
    allowed: EXPECTED.ownAuthor,
  },
  {
    who: 'a translator on a version in another language',
    user: () => translator,
    article: async (stage) =>
      articleIn(ctx.payload, stage, {
        ...ready,
        language: 'ru',
        translationOf: await newOriginal(),
      }),
    allowed: NONE,
  },
  {
    who: 'a translator on an original',
    user: () => translator,
    article: (stage) => articleIn(ctx.payload, stage, { ...ready, language: 'az' }),
    allowed: NONE,
  },
]

describe('workflow matrix: every role × every transition × every stage', () => {
  for (const { who, user, article, allowed } of cases) {
    it(`${who}: fires exactly the allowed transitions and is refused the rest with a 4xx`, async () => {
      for (const stage of STAGES) {
        // Refused ones leave the article as it was, so one article serves them all.
        const target = await article(stage)
        for (const name of PERSON_TRANSITIONS.filter((n) => !allowed[stage].includes(n))) {
          const attempt = fire(ctx.payload, user(), target.id, name, inputFor())
          await expect(attempt, `${name} from ${stage}`).rejects.toMatchObject({
            status: expect.any(Number),
            message: expect.stringMatching(/Allowed from here|cannot|not allowed/i),
          })
          const error = (await attempt.catch((e: unknown) => e)) as { status: number }
          expect([403, 409], `${name} from ${stage}`).toContain(error.status)
        }
        const after = await latest(ctx.payload, target.id)
        expect(after.stage, `refusals changed the ${stage} article`).toBe(stage)
        expect(after._status).toBe(stage === 'published' ? 'published' : 'draft')

        for (const name of allowed[stage]) {
          const fresh = await article(stage)
          const moved = await fire(ctx.payload, user(), fresh.id, name, inputFor())
          expect(moved?.stage, `${name} from ${stage}`).toBe(TARGET[name])
          expect(moved?._status, `${name} from ${stage}`).toBe(
            TARGET[name] === 'published' ? 'published' : 'draft',
          )
        }
      }
    })
  }
})

describe('the rules behind a transition', () => {
  it('refuses to publish until the checklist passes, naming what is missing', async () => {
    const bare = await createArticle(ctx.payload, { title: 'Bare', stage: 'approved' })
    await expect(fire(ctx.payload, editor, bare.id, 'publish')).rejects.toMatchObject({
      status: 400,
      message: 'Cannot publish yet: add a hero image, a section, a dek, and at least one author.',
    })
    await expect(
      fire(ctx.payload, editor, bare.id, 'schedule', { date: future() }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('a hero image') })
    expect((await latest(ctx.payload, bare.id)).stage).toBe('approved')
  })

  it('needs a note to request changes and a future date to schedule', async () => {
    const inReview = await articleIn(ctx.payload, 'in_review', { ...ready })
    await expect(
      fire(ctx.payload, editor, inReview.id, 'request_changes', { note: '  ' }),
    ).rejects.toMatchObject({ status: 400, message: 'Request changes needs a note saying why.' })
    await expect(
      fire(ctx.payload, editor, inReview.id, 'schedule', {
        date: new Date(Date.now() - 60_000).toISOString(),
      }),
    ).rejects.toMatchObject({ status: 400, message: 'Schedule needs a date in the future.' })
    await expect(
      fire(ctx.payload, editor, inReview.id, 'schedule', { date: 'next tuesday' }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await latest(ctx.payload, inReview.id)).stage).toBe('in_review')
  })

  it('answers an unknown transition with the list of allowed ones', async () => {
    const draft = await articleIn(ctx.payload, 'draft', { ...ready, createdBy: author.id })
    await expect(fire(ctx.payload, author, draft.id, 'teleport')).rejects.toMatchObject({
      status: 400,
      message: 'Unknown transition "teleport". Allowed from Draft: submit for review.',
    })
  })

  it('lets only one of two editors publish the same article at the same moment', async () => {
    const approved = await articleIn(ctx.payload, 'approved', { ...ready })
    const results = await Promise.allSettled([
      fire(ctx.payload, editor, approved.id, 'publish'),
      fire(ctx.payload, admin, approved.id, 'publish'),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toMatchObject({ status: 409 })
    const events = await timelineOf(ctx.payload, approved.id)
    expect(events.filter((e) => e.transition === 'publish')).toHaveLength(1)
  })
})

describe('writes that go around the transitions', () => {
  const asUser = (user: User) => ({ user, overrideAccess: false as const })

  it('refuses an author who sends _status: published, with or without draft, and writes nothing', async () => {
    const own = await articleIn(ctx.payload, 'draft', { ...ready, createdBy: author.id })
    for (const draft of [false, true]) {
      await expect(
        ctx.payload.update({
          collection: 'articles',
          id: own.id,
          draft,
          data: { _status: 'published', title: 'Sneaked out' },
          ...asUser(author),
        }),
      ).rejects.toMatchObject({
        status: 403,
        message:
          'You cannot publish an article that is draft. Allowed from here: submit for review.',
      })
    }
    const after = await latest(ctx.payload, own.id)
    expect(after).toMatchObject({ stage: 'draft', _status: 'draft' })
    expect(after.title).not.toBe('Sneaked out')
  })

  it('ignores a stage, schedule, publication date or owner sent by an author', async () => {
    const own = await articleIn(ctx.payload, 'draft', { ...ready, createdBy: author.id })
    const updated = await ctx.payload.update({
      collection: 'articles',
      id: own.id,
      draft: true,
      data: {
        title: 'Still a draft',
        stage: 'approved',
        scheduledAt: future(),
        publishedAt: '2020-01-01T00:00:00.000Z',
        createdBy: otherAuthor.id,
        assignee: author.id,
      },
      ...asUser(author),
    })
    expect(updated.title).toBe('Still a draft')
    const after = await latest(ctx.payload, own.id)
    expect(after).toMatchObject({ stage: 'draft', scheduledAt: null, publishedAt: null })
    expect(after.createdBy).toBe(author.id)
    expect(after.assignee ?? null).toBeNull()
  })

  it('stops an author editing their article once it is in review, and lets an editor', async () => {
    const inReview = await articleIn(ctx.payload, 'in_review', { ...ready, createdBy: author.id })
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: inReview.id,
        draft: true,
        data: { dek: 'Rewritten during review' },
        ...asUser(author),
      }),
    ).rejects.toMatchObject({ status: 403 })
    const byEditor = await ctx.payload.update({
      collection: 'articles',
      id: inReview.id,
      draft: true,
      data: { dek: 'Trimmed by the desk' },
      ...asUser(editor),
    })
    expect(byEditor).toMatchObject({ dek: 'Trimmed by the desk', stage: 'in_review' })
  })

  it("treats an editor's _status: published as the publish transition, checklist included", async () => {
    const approved = await articleIn(ctx.payload, 'approved', { ...ready })
    const published = await ctx.payload.update({
      collection: 'articles',
      id: approved.id,
      data: { _status: 'published' },
      ...asUser(editor),
    })
    expect(published).toMatchObject({ stage: 'published', _status: 'published' })
    expect(published.publishedAt).toBeTruthy()
    const events = await timelineOf(ctx.payload, approved.id)
    expect(events.at(-1)).toMatchObject({
      transition: 'publish',
      from: 'approved',
      to: 'published',
      user: editor.id,
    })

    const bare = await createArticle(ctx.payload, { title: 'Bare', stage: 'approved' })
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: bare.id,
        data: { _status: 'published' },
        ...asUser(editor),
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Cannot publish yet') })
  })

  it('refuses publishing a scheduled article directly: it must be unscheduled first', async () => {
    const scheduled = await articleIn(ctx.payload, 'scheduled', { ...ready })
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: scheduled.id,
        data: { _status: 'published' },
        ...asUser(editor),
      }),
    ).rejects.toMatchObject({
      status: 409,
      message:
        'You cannot publish an article that is scheduled. Allowed from here: reschedule or cancel schedule.',
    })
  })

  it('keeps a published article live while an editor saves a draft over it, and unpublishes only on request', async () => {
    const live = await articleIn(ctx.payload, 'published', { ...ready, title: 'Live text' })
    await ctx.payload.update({
      collection: 'articles',
      id: live.id,
      draft: true,
      data: { title: 'Next edition' },
      ...asUser(editor),
    })
    const publicView = await ctx.payload.findByID({
      collection: 'articles',
      id: live.id,
      overrideAccess: false,
    })
    expect(publicView).toMatchObject({ title: 'Live text', stage: 'published' })

    const unpublished = await ctx.payload.update({
      collection: 'articles',
      id: live.id,
      data: { _status: 'draft' },
      ...asUser(editor),
    })
    expect(unpublished).toMatchObject({ stage: 'draft', _status: 'draft' })
    await expect(
      ctx.payload.findByID({ collection: 'articles', id: live.id, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 404 })
    expect((await timelineOf(ctx.payload, live.id)).at(-1)).toMatchObject({
      transition: 'unpublish',
      from: 'published',
      to: 'draft',
    })
  })

  it('creates an article as a draft whatever stage a writer sends', async () => {
    const created = await ctx.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Fresh', language: 'en', stage: 'published' },
      ...asUser(author),
    })
    expect(created).toMatchObject({ stage: 'draft', _status: 'draft' })
    await expect(
      ctx.payload.create({
        collection: 'articles',
        data: { title: 'Fresh and live', language: 'en', _status: 'published', ...ready },
        ...asUser(author),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
