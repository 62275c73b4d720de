import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadPlanning } from '@/components/planning/loadPlanning'
import {
  addDays,
  dayKeyOf,
  moveToDay,
  planningRange,
  rangeBounds,
  zonedParts,
} from '@/lib/planning'
import type { Article, User } from '@/payload-types'

import { createNewsroomBasics, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, fire, latest, runQueue, timelineOf } from '../helpers/workflow'

let ctx: TestPayload
let editor: User, author: User, otherAuthor: User, translator: User
let ready: Awaited<ReturnType<typeof createNewsroomBasics>>['fields']
let section: number, subsection: number, otherSection: number

const ZONE = 'Asia/Baku'
const DAY_MS = 86_400_000
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString()
const soon = (ms: number) => new Date(Date.now() + ms).toISOString()
const sleepUntil = (iso: string) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(iso) - Date.now() + 150)))
const asUser = (user: User) => ({ user, overrideAccess: false as const })

const setPlanned = (user: User | null, id: number, plannedAt: string | null) =>
  ctx.payload.update({
    collection: 'articles',
    id,
    draft: true,
    data: { plannedAt },
    ...(user ? asUser(user) : { overrideAccess: false as const }),
  })

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  author = await createUser(ctx.payload, 'author')
  otherAuthor = await createUser(ctx.payload, 'author')
  translator = await createUser(ctx.payload, 'translator', { languages: ['az'] })
  const basics = await createNewsroomBasics(ctx.payload)
  ready = basics.fields
  section = basics.category.id
  subsection = (
    await ctx.payload.create({
      collection: 'categories',
      data: { name: 'Caspian ports', parent: section },
    })
  ).id
  otherSection = (await ctx.payload.create({ collection: 'categories', data: { name: 'Sport' } }))
    .id
  await ctx.payload.updateGlobal({ slug: 'site-settings', data: { digestTimeZone: ZONE } })
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('the newsroom’s days', () => {
  it('keeps the wall-clock time when a move crosses a daylight-saving change', () => {
    // London goes from GMT to BST on 29 March 2026.
    const before = '2026-03-27T09:30:00.000Z'
    const moved = moveToDay(before, '2026-03-30', 'Europe/London')
    expect(moved.toISOString()).toBe('2026-03-30T08:30:00.000Z')
    expect(zonedParts(moved, 'Europe/London')).toMatchObject({ hour: 9, minute: 30 })
    // Baku at UTC+4: 01:00 local is still the day before in UTC.
    expect(dayKeyOf('2026-11-25T21:00:00.000Z', ZONE)).toBe('2026-11-26')
  })

  it('makes a week Monday to Sunday and a month of whole weeks, bounded in the time zone', () => {
    const week = planningRange('week', '2026-11-26')
    expect(week.days).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])
    expect([week.previous, week.next]).toEqual(['2026-11-19', '2026-12-03'])
    const month = planningRange('month', '2026-02-14')
    expect(month.days[0]).toBe('2026-01-26')
    expect(month.days.at(-1)).toBe('2026-03-01')
    expect(month.days).toHaveLength(35)
    expect([month.previous, month.next]).toEqual(['2026-01-01', '2026-03-01'])
    const { from, to } = rangeBounds(week, ZONE)
    expect([from.toISOString(), to.toISOString()]).toEqual([
      '2026-11-22T20:00:00.000Z',
      '2026-11-29T20:00:00.000Z',
    ])
  })
})

describe('reschedule', () => {
  it('lets an editor move a scheduled publication to another time, on the timeline', async () => {
    const article = await articleIn(ctx.payload, 'approved', { ...ready, createdBy: author.id })
    const first = inDays(2)
    await fire(ctx.payload, editor, article.id, 'schedule', { date: first })
    const second = moveToDay(first, addDays(dayKeyOf(first, ZONE), 3), ZONE).toISOString()

    const moved = await fire(ctx.payload, editor, article.id, 'reschedule', { date: second })

    expect(moved).toMatchObject({ stage: 'scheduled', _status: 'draft', scheduledAt: second })
    expect(zonedParts(second, ZONE)).toMatchObject({
      hour: zonedParts(first, ZONE).hour,
      minute: zonedParts(first, ZONE).minute,
    })
    const events = await timelineOf(ctx.payload, article.id)
    expect(events.map((event) => event.transition)).toEqual(['schedule', 'reschedule'])
    expect(events[1]).toMatchObject({ from: 'scheduled', to: 'scheduled', user: editor.id })
  })

  it('refuses authors and translators, even on their own articles, and changes nothing', async () => {
    const own = await articleIn(ctx.payload, 'scheduled', { ...ready, createdBy: author.id })
    const original = await articleIn(ctx.payload, 'published', { ...ready })
    const version = await articleIn(ctx.payload, 'scheduled', {
      ...ready,
      language: 'az',
      translationOf: original.id,
    })
    for (const [user, article] of [
      [author, own],
      [translator, version],
    ] as const) {
      await expect(
        fire(ctx.payload, user, article.id, 'reschedule', { date: inDays(5) }),
      ).rejects.toMatchObject({
        status: 403,
        data: { code: 'workflow.notAllowed' },
        message: expect.stringContaining('You cannot reschedule an article that is scheduled'),
      })
      expect((await latest(ctx.payload, article.id)).scheduledAt).toBe(article.scheduledAt)
      expect(await timelineOf(ctx.payload, article.id)).toEqual([])
    }
  })

  it('refuses a time in the past or no time, and a stage that is not scheduled', async () => {
    const article = await articleIn(ctx.payload, 'scheduled', { ...ready })
    for (const date of [inDays(-1), undefined, 'not a date']) {
      await expect(
        fire(ctx.payload, editor, article.id, 'reschedule', { date }),
      ).rejects.toMatchObject({ status: 400, data: { code: 'workflow.needsFutureDate' } })
    }
    expect((await latest(ctx.payload, article.id)).scheduledAt).toBe(article.scheduledAt)
    const approved = await articleIn(ctx.payload, 'approved', { ...ready })
    await expect(
      fire(ctx.payload, editor, approved.id, 'reschedule', { date: inDays(1) }),
    ).rejects.toMatchObject({ status: 409 })
    expect(await timelineOf(ctx.payload, article.id)).toEqual([])
  })

  it('holds a rescheduled article to the pre-publish checklist', async () => {
    const article = await articleIn(ctx.payload, 'scheduled', { ...ready })
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { dek: '' },
      ...asUser(editor),
    })
    await expect(
      fire(ctx.payload, editor, article.id, 'reschedule', { date: inDays(3) }),
    ).rejects.toMatchObject({ status: 400, data: { code: 'workflow.checklist' } })
  })

  it('publishes at the new time only: the job for the old time does nothing', async () => {
    const article = await articleIn(ctx.payload, 'approved', { ...ready })
    const old = soon(1200)
    await fire(ctx.payload, editor, article.id, 'schedule', { date: old })
    const later = soon(3500)
    await fire(ctx.payload, editor, article.id, 'reschedule', { date: later })

    await sleepUntil(old)
    await runQueue(ctx.payload)
    expect(await latest(ctx.payload, article.id)).toMatchObject({
      stage: 'scheduled',
      scheduledAt: later,
    })
    const anonymous = () =>
      ctx.payload.find({
        collection: 'articles',
        where: { id: { equals: article.id } },
        overrideAccess: false,
      })
    expect((await anonymous()).docs).toEqual([])

    await sleepUntil(later)
    await runQueue(ctx.payload)
    expect(await latest(ctx.payload, article.id)).toMatchObject({
      stage: 'published',
      _status: 'published',
    })
    expect((await anonymous()).docs.map((doc) => doc.id)).toEqual([article.id])
    const transitions = (await timelineOf(ctx.payload, article.id)).map((e) => e.transition)
    expect(transitions).toEqual(['schedule', 'reschedule', 'publish_scheduled'])
  })
})

describe('the planned date', () => {
  it('lets a writer plan their own draft and an editor any unscheduled article', async () => {
    const own = await articleIn(ctx.payload, 'draft', { ...ready, createdBy: author.id })
    const when = inDays(4)
    await setPlanned(author, own.id, when)
    expect((await latest(ctx.payload, own.id)).plannedAt).toBe(when)

    const inReview = await articleIn(ctx.payload, 'in_review', { ...ready, createdBy: author.id })
    const byEditor = inDays(6)
    await setPlanned(editor, inReview.id, byEditor)
    expect((await latest(ctx.payload, inReview.id)).plannedAt).toBe(byEditor)
    // Planning publishes nothing.
    expect(await latest(ctx.payload, inReview.id)).toMatchObject({
      stage: 'in_review',
      _status: 'draft',
    })
  })

  it('refuses writers outside their scope or stage, and the anonymous', async () => {
    const others = await articleIn(ctx.payload, 'draft', { ...ready, createdBy: otherAuthor.id })
    const inReview = await articleIn(ctx.payload, 'in_review', { ...ready, createdBy: author.id })
    const original = await articleIn(ctx.payload, 'draft', { ...ready })
    for (const [user, article] of [
      [author, others],
      [author, inReview],
      [translator, original],
      [null, original],
    ] as const) {
      await expect(setPlanned(user, article.id, inDays(3))).rejects.toMatchObject({
        status: 403,
      })
      expect((await latest(ctx.payload, article.id)).plannedAt ?? null).toBeNull()
    }
  })

  it('lets a translator plan their language version, not the original', async () => {
    const original = await articleIn(ctx.payload, 'published', { ...ready })
    const version = await articleIn(ctx.payload, 'draft', {
      ...ready,
      language: 'az',
      translationOf: original.id,
    })
    const when = inDays(3)
    await setPlanned(translator, version.id, when)
    expect((await latest(ctx.payload, version.id)).plannedAt).toBe(when)
  })

  it('refuses a day already over, in the newsroom’s time zone, and keeps today', async () => {
    const own = await articleIn(ctx.payload, 'draft', { ...ready, createdBy: author.id })
    await expect(setPlanned(author, own.id, inDays(-2))).rejects.toMatchObject({
      status: 400,
      data: { code: 'planning.pastDate' },
    })
    expect((await latest(ctx.payload, own.id)).plannedAt ?? null).toBeNull()
    // Earlier today is still today: a plan, not a deadline.
    const earlyToday = moveToDay('2000-01-01T00:00:30.000Z', dayKeyOf(new Date(), ZONE), ZONE)
    await setPlanned(author, own.id, earlyToday.toISOString())
    expect((await latest(ctx.payload, own.id)).plannedAt).toBe(earlyToday.toISOString())
  })

  it('refuses a planned date on an article already scheduled or published', async () => {
    const scheduled = await articleIn(ctx.payload, 'scheduled', { ...ready })
    await expect(setPlanned(editor, scheduled.id, inDays(3))).rejects.toMatchObject({
      status: 409,
      data: { code: 'planning.notPlannable' },
    })
  })

  it('is never readable anonymously, and a plan over a live text leaves the text alone', async () => {
    const live = await articleIn(ctx.payload, 'published', { ...ready, createdBy: author.id })
    await fire(ctx.payload, author, live.id, 'start_update')
    const when = inDays(2)
    await ctx.payload.update({
      collection: 'articles',
      id: live.id,
      draft: true,
      data: { plannedAt: when, title: 'The update being planned' },
      ...asUser(author),
    })
    expect((await latest(ctx.payload, live.id)).plannedAt).toBe(when)
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { id: { equals: live.id } },
      overrideAccess: false,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].title).toBe(live.title)
    expect(docs[0]).not.toHaveProperty('plannedAt')
    const stored = await ctx.payload.findByID({ collection: 'articles', id: live.id })
    expect(stored.plannedAt ?? null).toBeNull()
  })

  it('cannot be queried anonymously, even on a published article that kept one', async () => {
    const kept = await articleIn(ctx.payload, 'published', { ...ready, plannedAt: inDays(1) })
    const found = await ctx.payload
      .find({
        collection: 'articles',
        where: { plannedAt: { exists: true } },
        overrideAccess: false,
        limit: 500,
      })
      .then((result) => result.docs.map((doc) => doc.id))
      .catch(() => [])
    expect(found).not.toContain(kept.id)
    const byId = await ctx.payload.findByID({
      collection: 'articles',
      id: kept.id,
      overrideAccess: false,
    })
    expect(byId).not.toHaveProperty('plannedAt')
  })
})

describe('the calendar’s read', () => {
  let mine: Article, theirs: Article, sport: Article, azPlanned: Article, scheduled: Article
  const day = () => addDays(dayKeyOf(new Date(), ZONE), 2)
  const at = (hour: number) =>
    moveToDay(`2000-01-01T${String(hour).padStart(2, '0')}:15:00.000Z`, day(), ZONE).toISOString()

  beforeAll(async () => {
    mine = await articleIn(ctx.payload, 'draft', {
      ...ready,
      category: subsection,
      createdBy: author.id,
      plannedAt: at(9),
    })
    theirs = await articleIn(ctx.payload, 'approved', {
      ...ready,
      createdBy: otherAuthor.id,
      plannedAt: at(10),
    })
    sport = await articleIn(ctx.payload, 'draft', {
      ...ready,
      category: otherSection,
      plannedAt: at(11),
    })
    azPlanned = await articleIn(ctx.payload, 'draft', {
      ...ready,
      language: 'az',
      plannedAt: at(12),
    })
    scheduled = await articleIn(ctx.payload, 'approved', { ...ready, createdBy: author.id })
    await fire(ctx.payload, editor, scheduled.id, 'schedule', { date: at(13) })
  })

  const load = (user: User, query: Parameters<typeof loadPlanning>[0]['query']) =>
    loadPlanning({ payload: ctx.payload, user, query })

  it('shows an editor every scheduled and planned item of the week, each on its day', async () => {
    const data = await load(editor, { view: 'week', date: day() })
    expect(data.timeZone).toBe(ZONE)
    expect(data.range.days).toHaveLength(7)
    const ids = data.items.map((item) => item.id)
    for (const article of [mine, theirs, sport, azPlanned, scheduled]) {
      expect(ids).toContain(article.id)
    }
    const item = data.items.find((one) => one.id === scheduled.id)
    expect(item).toMatchObject({ kind: 'scheduled', day: day(), at: at(13), movable: true })
    expect(data.items.find((one) => one.id === mine.id)).toMatchObject({
      kind: 'planned',
      day: day(),
      movable: true,
    })
  })

  it('filters by section with its subsections, and by language', async () => {
    const bySection = await load(editor, {
      view: 'month',
      date: day(),
      section: String(section),
    })
    const ids = bySection.items.map((item) => item.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(sport.id)
    const byLanguage = await load(editor, { view: 'week', date: day(), language: 'az' })
    expect(byLanguage.items.map((item) => item.id)).toEqual(expect.arrayContaining([azPlanned.id]))
    expect(byLanguage.items.every((item) => item.language === 'az')).toBe(true)
  })

  it('shows an author their own items only, and lets them move none they may not', async () => {
    const data = await load(author, { view: 'week', date: day() })
    const ids = data.items.map((item) => item.id)
    expect(ids).toContain(mine.id)
    expect(ids).toContain(scheduled.id)
    expect(ids).not.toContain(theirs.id)
    expect(ids).not.toContain(sport.id)
    expect(data.items.find((one) => one.id === mine.id)?.movable).toBe(true)
    expect(data.items.find((one) => one.id === scheduled.id)?.movable).toBe(false)
  })

  it('says when there are more items than the cap lets through', async () => {
    const capped = await loadPlanning({
      payload: ctx.payload,
      user: editor,
      query: { view: 'week', date: day() },
      cap: 1,
    })
    expect(capped.items).toHaveLength(2)
    expect(capped.more).toMatchObject({ shown: 2 })
    expect(capped.more!.total).toBeGreaterThanOrEqual(5)
    expect((await load(editor, { view: 'week', date: day() })).more).toBeNull()
  })

  it('shows a translator their languages’ versions only, not originals in that language', async () => {
    const data = await load(translator, { view: 'month', date: day() })
    const ids = data.items.map((item) => item.id)
    expect(ids).not.toContain(azPlanned.id)
    expect(ids).not.toContain(mine.id)
    expect(data.items.every((item) => item.language === 'az')).toBe(true)
  })
})
