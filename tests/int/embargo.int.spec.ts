import { createLocalReq, getLocalI18n, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importArticles } from '@/import/importer'
import { formatEmbargo } from '@/lib/embargo'
import type { Language } from '@/lib/languages'
import { messagesAz } from '@/lib/messages'
import type { Article, User } from '@/payload-types'
import { allowedTransitions, checkTransition } from '@/workflow'
import { workflowFacts } from '@/workflow/facts'
import { performTransition } from '@/workflow/perform'

import { createNewsroomBasics, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, fire, latest, requestFor, runQueue, timelineOf } from '../helpers/workflow'

let ctx: TestPayload
let payload: Payload
let admin: User, editor: User, author: User, translator: User
let ready: Awaited<ReturnType<typeof createNewsroomBasics>>['fields']

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
const sleepUntil = (iso: string) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(iso) - Date.now() + 150)))

/** A refusal's status, stable code and message, or null when the call succeeded. */
const refusalOf = async (call: Promise<unknown>) => {
  try {
    await call
    return null
  } catch (error) {
    const e = error as { status?: number; message: string; data?: { code?: string } }
    return { status: e.status, code: e.data?.code, message: e.message }
  }
}

/** A request for `user` whose admin language is `language`, as Payload builds one. */
const requestIn = async (language: Language, user: User): Promise<PayloadRequest> =>
  createLocalReq(
    {
      user: { ...user, collection: 'users' },
      req: { i18n: await getLocalI18n({ config: payload.config, language }) },
    },
    payload,
  )

/** A ready-to-publish article in `stage` under embargo until `until`, written by the author. */
const embargoed = (until: string | null, stage: 'draft' | 'approved' = 'approved') =>
  articleIn(payload, stage, { ...ready, createdBy: author.id, embargoUntil: until })

const stored = (id: number) =>
  payload.findByID({ collection: 'articles', id, depth: 0, draft: false, overrideAccess: true })

const embargoEvents = async (id: number) =>
  (await timelineOf(payload, id)).filter((event) => event.kind === 'embargo')

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  admin = await createUser(payload, 'admin')
  editor = await createUser(payload, 'editor')
  author = await createUser(payload, 'author')
  translator = await createUser(payload, 'translator', { languages: ['az'] })
  ready = (await createNewsroomBasics(payload)).fields
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('nobody publishes before the embargo', () => {
  for (const who of ['editor', 'admin'] as const) {
    it(`refuses an ${who}'s publish transition with 409 and the time, in the requester's language`, async () => {
      const user = who === 'editor' ? editor : admin
      const until = inMinutes(60)
      const article = await embargoed(until)
      const refusal = await refusalOf(fire(payload, user, article.id, 'publish'))
      expect(refusal).toMatchObject({ status: 409, code: 'embargo.notBefore' })
      expect(refusal?.message).toContain(formatEmbargo('en', until))

      const inAz = await refusalOf(
        performTransition(await requestIn('az', user), { id: article.id, transition: 'publish' }),
      )
      expect(inAz).toMatchObject({ status: 409, code: 'embargo.notBefore' })
      expect(inAz?.message).toBe(
        messagesAz.embargo.notBefore.replace('{{until}}', formatEmbargo('az', until)),
      )
      expect(inAz?.message).toMatch(/dekabr|yanvar|noyabr/)

      // Nothing was written: still approved, never live.
      expect((await latest(payload, article.id)).stage).toBe('approved')
      expect((await stored(article.id))._status).toBe('draft')
    })
  }

  it('refuses a direct `_status: published` write for editors and admins (Publish button, REST)', async () => {
    const article = await embargoed(inMinutes(60))
    for (const user of [editor, admin]) {
      const refusal = await refusalOf(
        payload.update({
          collection: 'articles',
          id: article.id,
          data: { _status: 'published' },
          user,
          overrideAccess: false,
        }),
      )
      expect(refusal).toMatchObject({ status: 409, code: 'embargo.notBefore' })
    }
    expect((await stored(article.id))._status).toBe('draft')
  })

  it('refuses a bulk update that would publish (PATCH /api/articles?where=…)', async () => {
    const a = await embargoed(inMinutes(60))
    const b = await embargoed(inMinutes(60))
    const result = await payload.update({
      collection: 'articles',
      where: { id: { in: [a.id, b.id] } },
      data: { _status: 'published' },
      user: editor,
      overrideAccess: false,
    })
    expect(result.docs).toHaveLength(0)
    expect(result.errors).toHaveLength(2)
    for (const id of [a.id, b.id]) expect((await stored(id))._status).toBe('draft')
  })

  it('refuses the Local API with overrideAccess and no user (seed, scripts)', async () => {
    const article = await embargoed(inMinutes(60))
    const byStage = await refusalOf(
      payload.update({ collection: 'articles', id: article.id, data: { stage: 'published' } }),
    )
    expect(byStage).toMatchObject({ status: 409, code: 'embargo.notBefore' })
    const created = await refusalOf(
      payload.create({
        collection: 'articles',
        data: {
          ...ready,
          title: 'Embargoed on arrival',
          language: 'en',
          _status: 'published',
          embargoUntil: inMinutes(30),
        },
      }),
    )
    expect(created).toMatchObject({ status: 409, code: 'embargo.notBefore' })
    const { totalDocs } = await payload.count({
      collection: 'articles',
      where: { title: { equals: 'Embargoed on arrival' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('does not offer publish while the embargo holds, and gives the reason', async () => {
    const until = inMinutes(60)
    const article = await embargoed(until)
    const facts = await workflowFacts(await requestFor(payload, editor), article)
    expect(facts.embargoUntil).toBe(until)
    const offered = allowedTransitions(editor, facts)
    expect(offered).not.toContain('publish')
    expect(offered).toContain('schedule')
    const later = new Date(Date.parse(until) + 1000)
    expect(allowedTransitions(editor, facts, later)).toContain('publish')
    const check = checkTransition(editor, facts, 'publish', { now: later })
    expect(check).toEqual({ ok: true, to: 'published' })
  })

  it('lets editors and admins publish once the time has come', async () => {
    for (const user of [editor, admin]) {
      const until = new Date(Date.now() + 1200).toISOString()
      const article = await embargoed(until)
      expect(await refusalOf(fire(payload, user, article.id, 'publish'))).toMatchObject({
        status: 409,
      })
      await sleepUntil(until)
      const published = await fire(payload, user, article.id, 'publish')
      expect(published).toMatchObject({ stage: 'published', _status: 'published' })
    }
  })

  it('lets a lifted embargo publish at once (an editor lifts it)', async () => {
    const article = await embargoed(inMinutes(60))
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { embargoUntil: null },
      user: editor,
      overrideAccess: false,
    })
    expect(await fire(payload, editor, article.id, 'publish')).toMatchObject({
      stage: 'published',
    })
  })
})

describe('scheduling around the embargo', () => {
  it('refuses a schedule before the embargo and accepts one after it', async () => {
    const until = inMinutes(60)
    const article = await embargoed(until)
    const before = new Date(Date.parse(until) - 60_000).toISOString()
    const refusal = await refusalOf(fire(payload, editor, article.id, 'schedule', { date: before }))
    expect(refusal).toMatchObject({ status: 409, code: 'embargo.scheduleBefore' })
    expect(refusal?.message).toContain(formatEmbargo('en', until))
    expect((await latest(payload, article.id)).stage).toBe('approved')

    const after = new Date(Date.parse(until) + 60_000).toISOString()
    const scheduled = await fire(payload, editor, article.id, 'schedule', { date: after })
    expect(scheduled).toMatchObject({ stage: 'scheduled', scheduledAt: after })
  })

  it('publishes through the scheduler at a time after the embargo', async () => {
    const until = new Date(Date.now() + 1000).toISOString()
    const article = await embargoed(until)
    const at = new Date(Date.parse(until) + 800).toISOString()
    await fire(payload, editor, article.id, 'schedule', { date: at })
    await runQueue(payload)
    expect((await latest(payload, article.id)).stage).toBe('scheduled')
    await sleepUntil(at)
    await runQueue(payload)
    expect(await stored(article.id)).toMatchObject({ stage: 'published', _status: 'published' })
  })

  it('refuses moving the embargo past a publication already scheduled', async () => {
    const article = await embargoed(inMinutes(10))
    const at = inMinutes(20)
    await fire(payload, editor, article.id, 'schedule', { date: at })
    const refusal = await refusalOf(
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { embargoUntil: inMinutes(30) },
        user: editor,
        overrideAccess: false,
      }),
    )
    expect(refusal).toMatchObject({ status: 409, code: 'embargo.scheduledBefore' })
    expect((await latest(payload, article.id)).embargoUntil).not.toBe(undefined)
    expect(Date.parse((await latest(payload, article.id)).embargoUntil ?? '')).toBeLessThan(
      Date.parse(at),
    )
  })

  it('refuses a direct write that schedules before the embargo (no user)', async () => {
    const article = await embargoed(inMinutes(60))
    const refusal = await refusalOf(
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { stage: 'scheduled', scheduledAt: inMinutes(5) },
      }),
    )
    expect(refusal).toMatchObject({ status: 409, code: 'embargo.scheduleBefore' })
  })
})

describe('who may set, move and lift an embargo', () => {
  const asAuthor = (id: number, embargoUntil: string | null) =>
    payload.update({
      collection: 'articles',
      id,
      draft: true,
      data: { embargoUntil },
      user: author,
      overrideAccess: false,
    })

  it('lets a writer set and extend it on their draft, not bring it forward or lift it', async () => {
    const article = await articleIn(payload, 'draft', { ...ready, createdBy: author.id })
    const first = inMinutes(60)
    expect((await asAuthor(article.id, first)).embargoUntil).toBe(first)
    const later = inMinutes(120)
    expect((await asAuthor(article.id, later)).embargoUntil).toBe(later)

    expect(await refusalOf(asAuthor(article.id, inMinutes(90)))).toMatchObject({
      status: 403,
      code: 'embargo.writersCannotShorten',
    })
    expect(await refusalOf(asAuthor(article.id, null))).toMatchObject({
      status: 403,
      code: 'embargo.writersCannotLift',
    })
    expect((await latest(payload, article.id)).embargoUntil).toBe(later)

    // An editor may do both.
    const sooner = inMinutes(30)
    const shortened = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { embargoUntil: sooner },
      user: editor,
      overrideAccess: false,
    })
    expect(shortened.embargoUntil).toBe(sooner)
    const lifted = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { embargoUntil: null },
      user: editor,
      overrideAccess: false,
    })
    expect(lifted.embargoUntil ?? null).toBeNull()

    // Each change is on the timeline, with who made it.
    const events = await embargoEvents(article.id)
    expect(events.map((event) => [event.user, event.note])).toEqual([
      [author.id, `Embargo set: not before ${formatEmbargo('en', first)}.`],
      [author.id, `Embargo moved: not before ${formatEmbargo('en', later)}.`],
      [editor.id, `Embargo moved: not before ${formatEmbargo('en', sooner)}.`],
      [editor.id, `Embargo lifted (it was until ${formatEmbargo('en', sooner)}).`],
    ])
  })

  it('refuses an embargo on an article already published', async () => {
    const article = await articleIn(payload, 'published', { ...ready })
    const refusal = await refusalOf(
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { embargoUntil: inMinutes(60) },
        user: editor,
        overrideAccess: false,
      }),
    )
    expect(refusal).toMatchObject({ status: 409, code: 'embargo.alreadyPublished' })
  })

  it('never shows the embargo to readers', async () => {
    const article = await articleIn(payload, 'published', {
      ...ready,
      embargoUntil: new Date(Date.now() - 60_000).toISOString(),
    })
    const asReader = await payload.findByID({
      collection: 'articles',
      id: article.id,
      overrideAccess: false,
    })
    expect(asReader).not.toHaveProperty('embargoUntil')
    const asStaff = await payload.findByID({
      collection: 'articles',
      id: article.id,
      overrideAccess: false,
      user: author,
    })
    expect(asStaff.embargoUntil).toBeTruthy()
  })
})

describe('language versions share the story’s embargo', () => {
  it('holds a version by its original’s embargo, copies it, and refuses its publication', async () => {
    const until = inMinutes(60)
    const original = await embargoed(until, 'draft')
    const version = (await payload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: 'Embarqo altında xəbər',
        language: 'az',
        translationOf: original.id,
        dek: 'Lid.',
      },
      user: translator,
      overrideAccess: false,
    })) as Article
    expect(version.embargoUntil).toBe(until)
    // The translator cannot shorten it on the version: the story field follows the original.
    await payload.update({
      collection: 'articles',
      id: version.id,
      draft: true,
      data: { embargoUntil: null },
      user: translator,
      overrideAccess: false,
    })
    expect((await latest(payload, version.id)).embargoUntil).toBe(until)

    await fire(payload, translator, version.id, 'submit')
    await fire(payload, editor, version.id, 'approve')
    expect(await refusalOf(fire(payload, editor, version.id, 'publish'))).toMatchObject({
      status: 409,
      code: 'embargo.notBefore',
    })

    // An editor moving the original's embargo moves every version's.
    const later = inMinutes(90)
    await payload.update({
      collection: 'articles',
      id: original.id,
      draft: true,
      data: { embargoUntil: later },
      user: editor,
      overrideAccess: false,
    })
    expect((await latest(payload, version.id)).embargoUntil).toBe(later)
  })
})

describe('the bulk importer', () => {
  it('refuses a published record with a future embargo, per line; keeps a draft’s', async () => {
    await payload.create({
      collection: 'categories',
      data: { name: 'Embargoed desk', slug: 'embargoed-desk' },
    })
    await payload.create({
      collection: 'authors',
      data: { name: 'Wire desk', slug: 'wire-desk' } as never,
    })
    const until = inMinutes(60)
    const record = (slug: string, more: Record<string, unknown>) =>
      JSON.stringify({
        title: `Press release ${slug}`,
        slug,
        language: 'en',
        dek: 'Under embargo.',
        body: ['The figures come out at noon.'],
        section: 'embargoed-desk',
        authors: ['wire-desk'],
        publishedAt: '2026-09-02T06:40:00.000Z',
        ...more,
      })
    const summary = await importArticles(payload, [
      record('embargo-published', { status: 'published', embargoUntil: until }),
      record('embargo-draft', { status: 'draft', embargoUntil: until }),
      record('embargo-past', {
        status: 'published',
        embargoUntil: '2026-01-01T00:00:00.000Z',
      }),
      JSON.stringify({
        title: 'Press-reliz',
        slug: 'embargo-version',
        language: 'az',
        body: ['Rəqəmlər günorta açıqlanır.'],
        status: 'published',
        publishedAt: '2026-09-02T06:40:00.000Z',
        translationOf: { language: 'en', slug: 'embargo-draft' },
      }),
    ])
    expect(summary.imported).toBe(2)
    expect(summary.failures).toEqual([
      { line: 1, reason: expect.stringContaining(formatEmbargo('en', until)) },
      { line: 4, reason: expect.stringMatching(/original is under embargo/) },
    ])
    const { docs } = await payload.find({
      collection: 'articles',
      draft: true,
      where: { slug: { in: ['embargo-published', 'embargo-draft', 'embargo-past'] } },
      depth: 0,
    })
    expect(Object.fromEntries(docs.map((doc) => [doc.slug, doc.embargoUntil ?? null]))).toEqual({
      'embargo-draft': until,
      'embargo-past': '2026-01-01T00:00:00.000Z',
    })
    // The imported draft is held like any other.
    const draft = docs.find((doc) => doc.slug === 'embargo-draft')!
    expect(
      await refusalOf(
        payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } }),
      ),
    ).toMatchObject({ status: 409, code: 'embargo.notBefore' })
  })
})
