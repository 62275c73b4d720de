import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { scheduledTransitionTask } from '@/workflow/jobs'

import { createNewsroomBasics, createUser, readOutbox } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, fire, latest, requestFor, runQueue, timelineOf } from '../helpers/workflow'

let ctx: TestPayload
let editor: User, otherEditor: User, author: User, assignee: User, admin: User
let ready: Awaited<ReturnType<typeof createNewsroomBasics>>['fields']

const sleepUntil = (iso: string) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(iso) - Date.now() + 150)))
const soon = (ms = 1200) => new Date(Date.now() + ms).toISOString()

const readPublicly = (id: number) =>
  ctx.payload
    .find({ collection: 'articles', where: { id: { equals: id } }, overrideAccess: false })
    .then((result) => result.docs)

const mailAbout = async (title: string) =>
  (await readOutbox(ctx.outboxDir)).filter((mail) => mail.subject.includes(title))

beforeAll(async () => {
  ctx = await createTestPayload()
  // The first account of an install becomes an admin; admins are not mailed about reviews.
  admin = await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  otherEditor = await createUser(ctx.payload, 'editor')
  author = await createUser(ctx.payload, 'author')
  assignee = await createUser(ctx.payload, 'author')
  ready = (await createNewsroomBasics(ctx.payload)).fields
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('scheduled publication', () => {
  it('publishes at its time, once, however many runners and duplicate jobs there are', async () => {
    const title = 'Ferry timetable changes at dawn'
    const article = await articleIn(ctx.payload, 'approved', {
      ...ready,
      title,
      createdBy: author.id,
    })
    const at = soon()
    const scheduled = await fire(ctx.payload, editor, article.id, 'schedule', { date: at })
    expect(scheduled).toMatchObject({ stage: 'scheduled', _status: 'draft', scheduledAt: at })

    await runQueue(ctx.payload)
    expect((await latest(ctx.payload, article.id)).stage).toBe('scheduled')
    expect(await readPublicly(article.id)).toEqual([])

    // A second instance could have queued the same job; both run at the same moment.
    await ctx.payload.jobs.queue({
      task: 'workflowScheduledTransition',
      queue: 'workflow',
      input: { article: article.id, transition: 'publish_scheduled', at },
    })
    await sleepUntil(at)
    await runQueue(ctx.payload)
    await runQueue(ctx.payload)

    expect(await latest(ctx.payload, article.id)).toMatchObject({
      stage: 'published',
      _status: 'published',
      scheduledAt: null,
    })
    expect((await readPublicly(article.id)).map((doc) => doc.title)).toEqual([title])
    const publishes = (await timelineOf(ctx.payload, article.id)).filter(
      (event) => event.to === 'published',
    )
    expect(publishes).toHaveLength(1)
    expect(publishes[0]).toMatchObject({ transition: 'publish_scheduled', user: null })

    await runQueue(ctx.payload)
    const mails = await mailAbout(title)
    expect(mails.filter((mail) => mail.subject.startsWith('[Published]'))).toHaveLength(1)
    expect(mails.find((mail) => mail.subject.startsWith('[Published]'))?.to).toEqual([author.email])
  })

  it('publishes once when two runners fire the same scheduled job at the same moment', async () => {
    const article = await articleIn(ctx.payload, 'approved', { ...ready })
    const at = soon(600)
    await fire(ctx.payload, editor, article.id, 'schedule', { date: at })
    await sleepUntil(at)
    const handler = scheduledTransitionTask.handler as (args: unknown) => Promise<{
      output: { outcome: string }
    }>
    const run = async () =>
      handler({
        input: { article: article.id, transition: 'publish_scheduled', at },
        req: await requestFor(ctx.payload, null),
      })
    const outcomes = await Promise.all([run(), run(), run()])
    expect(outcomes.map((o) => o.output.outcome).sort()).toEqual([
      'moved to published',
      'nothing to do',
      'nothing to do',
    ])
    const publishes = (await timelineOf(ctx.payload, article.id)).filter(
      (event) => event.to === 'published',
    )
    expect(publishes).toHaveLength(1)
  })

  it('does nothing at the old time once the schedule is cancelled', async () => {
    const article = await articleIn(ctx.payload, 'approved', { ...ready })
    const at = soon()
    await fire(ctx.payload, editor, article.id, 'schedule', { date: at })
    const cancelled = await fire(ctx.payload, editor, article.id, 'unschedule')
    expect(cancelled).toMatchObject({ stage: 'approved', scheduledAt: null })
    await sleepUntil(at)
    await runQueue(ctx.payload)
    expect((await latest(ctx.payload, article.id)).stage).toBe('approved')
    expect(await readPublicly(article.id)).toEqual([])
    expect((await timelineOf(ctx.payload, article.id)).map((event) => event.transition)).toEqual([
      'schedule',
      'unschedule',
    ])
  })

  it('publishes at the new time only, when an article is rescheduled', async () => {
    const article = await articleIn(ctx.payload, 'approved', { ...ready })
    const first = soon(800)
    await fire(ctx.payload, editor, article.id, 'schedule', { date: first })
    await fire(ctx.payload, editor, article.id, 'unschedule')
    const later = new Date(Date.now() + 3_600_000).toISOString()
    await fire(ctx.payload, editor, article.id, 'schedule', { date: later })
    await sleepUntil(first)
    await runQueue(ctx.payload)
    expect(await latest(ctx.payload, article.id)).toMatchObject({
      stage: 'scheduled',
      scheduledAt: later,
    })
  })

  it('unpublishes at the expiry date an editor set', async () => {
    const article = await articleIn(ctx.payload, 'published', { ...ready })
    const at = soon()
    const updated = await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { expiresAt: at },
      user: editor,
      overrideAccess: false,
    })
    expect(updated).toMatchObject({ stage: 'published', expiresAt: at })
    await sleepUntil(at)
    await runQueue(ctx.payload)
    expect(await latest(ctx.payload, article.id)).toMatchObject({
      stage: 'draft',
      _status: 'draft',
    })
    expect(await readPublicly(article.id)).toEqual([])
    expect((await timelineOf(ctx.payload, article.id)).at(-1)).toMatchObject({
      transition: 'expire',
      from: 'published',
      to: 'draft',
      user: null,
    })
  })

  it('does not let authors set an expiry date', async () => {
    const own = await articleIn(ctx.payload, 'draft', { ...ready, createdBy: author.id })
    await ctx.payload.update({
      collection: 'articles',
      id: own.id,
      draft: true,
      data: { expiresAt: soon() },
      user: author,
      overrideAccess: false,
    })
    expect((await latest(ctx.payload, own.id)).expiresAt ?? null).toBeNull()
  })
})

describe('email on transitions', () => {
  it('tells the editors when a story is submitted, and not the author who submitted it', async () => {
    const title = 'Rail freight through the middle corridor doubles'
    const own = await articleIn(ctx.payload, 'draft', { ...ready, title, createdBy: author.id })
    await fire(ctx.payload, author, own.id, 'submit')
    await runQueue(ctx.payload)
    const mails = await mailAbout(title)
    expect(mails.map((mail) => mail.subject)).toEqual([
      `[In review] ${title}`,
      `[In review] ${title}`,
    ])
    expect(mails.flatMap((mail) => mail.to).sort()).toEqual(
      [editor.email, otherEditor.email].sort(),
    )
    expect(mails.flatMap((mail) => mail.to)).not.toContain(admin.email)
    expect(mails[0].text).toContain(`/admin/collections/articles/${own.id}`)
  })

  it('tells the writers and the assignee about changes requested, approval and publication', async () => {
    const title = 'Caspian seal census finds more pups'
    const own = await articleIn(ctx.payload, 'in_review', {
      ...ready,
      title,
      createdBy: author.id,
      assignee: assignee.id,
    })
    await fire(ctx.payload, editor, own.id, 'request_changes', { note: 'Name the survey team.' })
    await fire(ctx.payload, author, own.id, 'submit')
    await fire(ctx.payload, editor, own.id, 'approve')
    await fire(ctx.payload, editor, own.id, 'publish')
    await runQueue(ctx.payload)

    const mails = await mailAbout(title)
    const bySubject = (prefix: string) => mails.filter((mail) => mail.subject.startsWith(prefix))
    const recipients = (prefix: string) =>
      bySubject(prefix)
        .flatMap((mail) => mail.to)
        .sort()
    const writers = [author.email, assignee.email].sort()
    expect(recipients('[Changes requested]')).toEqual(writers)
    expect(bySubject('[Changes requested]')[0].text).toContain('Note: Name the survey team.')
    expect(recipients('[Approved]')).toEqual(writers)
    expect(recipients('[Published]')).toEqual(writers)
    // The resubmission went to the editors; the one who acted on it was an editor too.
    expect(recipients('[In review]')).toEqual([editor.email, otherEditor.email].sort())
  })

  it('sends the mails of one event once, even when its job runs twice', async () => {
    const title = 'Night trains return to the northern line'
    const own = await articleIn(ctx.payload, 'draft', { ...ready, title, createdBy: author.id })
    await fire(ctx.payload, author, own.id, 'submit')
    const [event] = (await timelineOf(ctx.payload, own.id)).slice(-1)
    await ctx.payload.jobs.queue({
      task: 'workflowNotify',
      queue: 'workflow',
      input: { event: event.id },
    })
    await runQueue(ctx.payload)
    await runQueue(ctx.payload)
    const to = (await mailAbout(title)).flatMap((mail) => mail.to)
    expect(to.sort()).toEqual([editor.email, otherEditor.email].sort())
  })

  it('sends nothing for a transition that rolled back', async () => {
    const title = 'A story that never went to review'
    const bare = await articleIn(ctx.payload, 'approved', { title })
    await expect(fire(ctx.payload, editor, bare.id, 'publish')).rejects.toMatchObject({
      status: 400,
    })
    await runQueue(ctx.payload)
    expect(await mailAbout(title)).toEqual([])
    expect(await timelineOf(ctx.payload, bare.id)).toEqual([])
  })
})
