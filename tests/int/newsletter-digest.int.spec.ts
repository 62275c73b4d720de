import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  planNextTick,
  previewDigest,
  queueDigestNow,
  queueDueDigests,
  sendDigest,
} from '@/collections/Subscribers/digest'
import { claim, LEDGERS } from '@/db/deliveries'
import { deliveriesOf, digestById } from '@/db/newsletter'
import type { Category, Subscriber } from '@/payload-types'

import { createArticle, createNewsroomBasics } from '../helpers/fixtures'
import { mailsTo, oneClickPathOf, readMails } from '../helpers/newsletter'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { requestFor, runQueue } from '../helpers/workflow'

let ctx: TestPayload
let politics: Category, economy: Category, sport: Category
let basics: Awaited<ReturnType<typeof createNewsroomBasics>>['fields']
const subscribers: Record<string, Subscriber> = {}
let dates = 0
/** A digest date of its own per test (a digest is one per language and date). */
const nextDate = () => `2031-01-${String(++dates).padStart(2, '0')}`

const subscriber = (
  key: string,
  data: Partial<Pick<Subscriber, 'language' | 'status' | 'allSections'>> & { sections?: number[] },
) =>
  ctx.payload
    .create({
      collection: 'subscribers',
      data: {
        email: `${key}@digest.example`,
        language: 'en',
        status: 'subscribed',
        allSections: false,
        ...data,
      },
      overrideAccess: true,
    })
    .then((doc) => {
      subscribers[key] = doc
      return doc
    })

const publish = (title: string, language: 'en' | 'az' | 'ru', category: number, extra = {}) =>
  createArticle(ctx.payload, {
    ...basics,
    title,
    language,
    category,
    status: 'published',
    publishedAt: new Date(Date.now() - 3600_000).toISOString(),
    ...extra,
  })

/** The digest emails each subscriber got, by key. */
const digestsReceived = async () => {
  const mails = await readMails(ctx.outboxDir)
  return Object.fromEntries(
    Object.entries(subscribers).map(([key, doc]) => [
      key,
      mails.filter(
        (mail) => mail.to.includes(doc.email) && /digest|bülleten|рассылка/.test(mail.subject),
      ),
    ]),
  )
}

const counts = async () =>
  Object.fromEntries(
    Object.entries(await digestsReceived()).map(([key, mails]) => [key, mails.length]),
  )

/** A story published just now (after the previous digest's window) in politics, in English. */
let fresh = 0
const publishFresh = () =>
  publish(`Fresh politics story ${++fresh}`, 'en', politics.id, {
    publishedAt: new Date(Date.now() - 5).toISOString(),
  })

const run = (payload: Payload, digest: number, claimant: string) =>
  sendDigest(payload, digest, { claimant, leaseSeconds: 300 })

beforeAll(async () => {
  ctx = await createTestPayload()
  basics = (await createNewsroomBasics(ctx.payload)).fields
  politics = await ctx.payload.create({ collection: 'categories', data: { name: 'Politics' } })
  economy = await ctx.payload.create({ collection: 'categories', data: { name: 'Economy' } })
  sport = await ctx.payload.create({ collection: 'categories', data: { name: 'Sport' } })

  await publish('Parliament <b>votes</b> & "budget" passes', 'en', politics.id, {
    dek: 'A dek with <script>alert(1)</script>',
  })
  await publish('Oil price rises', 'en', economy.id)
  await publish('Parlament büdcəni qəbul etdi', 'az', politics.id)
  // Older than the window: never in a digest.
  await publish('Old news', 'en', politics.id, {
    publishedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
  })

  await subscriber('everything', { allSections: true })
  await subscriber('politics', { sections: [politics.id] })
  await subscriber('sport', { sections: [sport.id] })
  await subscriber('azPolitics', { language: 'az', sections: [politics.id] })
  await subscriber('pending', { status: 'pending', allSections: true })
  await subscriber('gone', { status: 'unsubscribed', allSections: true })
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('the daily digest', () => {
  it('sends each subscriber the articles of their language and sections once, however often the job runs', async () => {
    const ids = await queueDigestNow(ctx.payload, { date: nextDate() })
    expect(ids).toHaveLength(3)
    await runQueue(ctx.payload)
    await runQueue(ctx.payload)
    for (const id of ids) await run(ctx.payload, id, 'a late second worker')

    expect(await counts()).toEqual({
      everything: 1,
      politics: 1,
      sport: 0,
      azPolitics: 1,
      pending: 0,
      gone: 0,
    })
    const got = await digestsReceived()
    const everything = got.everything[0]
    expect(everything.text).toContain('Parliament <b>votes</b> & "budget" passes')
    expect(everything.text).toContain('Oil price rises')
    expect(everything.text).not.toContain('Old news')
    expect(everything.text).not.toContain('Parlament büdcəni')
    // HTML: every value escaped.
    expect(everything.html).toContain(
      'Parliament &#60;b&#62;votes&#60;/b&#62; &#38; &#34;budget&#34;',
    )
    expect(everything.html).not.toContain('<script>')
    expect(everything.html).toContain('/en/articles/')
    expect(got.politics[0].text).not.toContain('Oil price rises')
    expect(got.azPolitics[0].text).toContain('Parlament büdcəni qəbul etdi')
    expect(got.azPolitics[0].subject).toMatch(/bülleten/)
    // The one-click unsubscribe on every digest.
    expect(oneClickPathOf(everything)).toMatch(/^\/api\/subscribers\/unsubscribe\?token=/)
    expect(everything.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')

    const en = ids.length ? await digestById(ctx.payload, ids[0]) : null
    expect(en?.completedAt).toBeTruthy()
    // Exactly one digest per language and date: asking again queues nothing.
    expect(
      await queueDigestNow(ctx.payload, { date: `2031-01-${String(dates).padStart(2, '0')}` }),
    ).toEqual([])
  })

  it('sends each once when two workers run the same digest at the same moment', async () => {
    await publishFresh()
    const before = await counts()
    const [digest] = await queueDigestNow(ctx.payload, { date: nextDate(), languages: ['en'] })
    const outcomes = await Promise.all([
      run(ctx.payload, digest, 'worker A'),
      run(ctx.payload, digest, 'worker B'),
      run(ctx.payload, digest, 'worker C'),
    ])
    expect(outcomes.reduce((sum, o) => sum + o.sent, 0)).toBe(2)
    const after = await counts()
    expect(after.everything - before.everything).toBe(1)
    expect(after.politics - before.politics).toBe(1)
    expect(after.sport - before.sport).toBe(0)
  })

  it('resumes a run that died midway without sending anyone twice', async () => {
    const extra = await Promise.all(
      [1, 2, 3, 4].map((n) => subscriber(`crash${n}`, { allSections: true })),
    )
    await publishFresh()
    const before = await counts()
    const [digest] = await queueDigestNow(ctx.payload, { date: nextDate(), languages: ['en'] })

    // The first run dies at its third email (SMTP fails): two went out, the third is given back.
    const original = ctx.payload.sendEmail.bind(ctx.payload)
    let calls = 0
    ctx.payload.sendEmail = (async (message: Parameters<typeof original>[0]) => {
      calls += 1
      if (calls === 3) throw new Error('SMTP connection lost')
      return original(message)
    }) as typeof ctx.payload.sendEmail
    await expect(run(ctx.payload, digest, 'job 1')).rejects.toThrow('SMTP connection lost')
    ctx.payload.sendEmail = original as typeof ctx.payload.sendEmail
    expect((await digestById(ctx.payload, digest))?.completedAt).toBeNull()

    // A runner that died holding a claim: the same job's next run takes it over.
    const unsent = (await deliveriesOf(ctx.payload, digest)).filter((d) => !d.sent)
    expect(unsent.length).toBeGreaterThan(1)
    expect(
      await claim(ctx.payload, LEDGERS.newsletter, digest, unsent[0].subscriberId, {
        claimant: 'job 1',
        leaseSeconds: 300,
      }),
    ).toBe(true)
    // Another job does not take a live claim.
    expect(
      await claim(ctx.payload, LEDGERS.newsletter, digest, unsent[0].subscriberId, {
        claimant: 'job 2',
        leaseSeconds: 300,
      }),
    ).toBe(false)

    const resumed = await run(ctx.payload, digest, 'job 1')
    expect(resumed.completed).toBe(true)
    const after = await counts()
    for (const key of ['everything', 'politics', ...extra.map((_, i) => `crash${i + 1}`)]) {
      expect(after[key] - (before[key] ?? 0), key).toBe(1)
    }
    expect(after.sport - before.sport).toBe(0)
  })

  it('gives a reader of a section the stories of its subsections too', async () => {
    const elections = await ctx.payload.create({
      collection: 'categories',
      data: { name: 'Elections', parent: politics.id },
    })
    await publish(`Runoff announced ${Date.now()}`, 'en', elections.id, {
      publishedAt: new Date(Date.now() - 5).toISOString(),
    })
    const before = await counts()
    const [digest] = await queueDigestNow(ctx.payload, { date: nextDate(), languages: ['en'] })
    await run(ctx.payload, digest, 'job s')
    const after = await counts()
    expect(after.politics - before.politics).toBe(1)
    expect(after.sport - before.sport).toBe(0)
    const last = (await digestsReceived()).politics.at(-1)!
    expect(last.text).toMatch(/Runoff announced/)
  })

  it('skips subscribers who unsubscribed (one click) before the next digest', async () => {
    const mail = (await mailsTo(ctx.outboxDir, subscribers.politics.email)).at(-1)!
    const { handleEndpoints } = await import('payload')
    const { default: config } = await import('@payload-config')
    const response = await handleEndpoints({
      config,
      request: new Request(`http://localhost:3000${oneClickPathOf(mail)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
    })
    expect(response.status).toBe(200)
    await publishFresh()
    const before = await counts()
    const [digest] = await queueDigestNow(ctx.payload, { date: nextDate(), languages: ['en'] })
    await run(ctx.payload, digest, 'job x')
    const after = await counts()
    expect(after.politics - before.politics).toBe(0)
    expect(after.everything - before.everything).toBe(1)
  })
})

describe('when the digest goes out', () => {
  it('queues one digest per language and day once the settings hour has come, whatever the number of checks', async () => {
    await ctx.payload.updateGlobal({
      slug: 'site-settings',
      data: { digestHour: 0, digestTimeZone: 'Pacific/Kiritimati' },
    })
    const first = await queueDueDigests(ctx.payload)
    const again = await Promise.all([queueDueDigests(ctx.payload), queueDueDigests(ctx.payload)])
    expect(first).toHaveLength(3)
    expect(again.flat()).toEqual([])

    // Before the hour: nothing.
    await ctx.payload.updateGlobal({
      slug: 'site-settings',
      data: { digestHour: 23, digestTimeZone: 'Etc/GMT+12' },
    })
    const early = new Date()
    early.setUTCHours(12, 0, 0, 0) // 00:00 in Etc/GMT+12
    expect(await queueDueDigests(ctx.payload, early)).toEqual([])
  })

  it('plans each check slot once, however many processes start', async () => {
    const at = new Date(Date.now() + 7 * 86_400_000)
    const planned = await Promise.all([1, 2, 3].map(() => planNextTick(ctx.payload, at)))
    expect(planned.filter(Boolean)).toHaveLength(1)
    const { docs } = await ctx.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'newsletterTick' } },
      limit: 100,
    })
    const slots = docs.map((job) => (job.input as { slot: string }).slot)
    expect(new Set(slots).size).toBe(slots.length)
  })

  it('previews the next digest per language for editors: the HTML and how many it would go to', async () => {
    const req = await requestFor(ctx.payload, null)
    const preview = await previewDigest(req, 'az')
    expect(preview.language).toBe('az')
    expect(preview.subscribed).toBe(1)
    expect(preview.html).toContain('<html lang="az">')
    expect(typeof preview.recipients).toBe('number')
  })

  it('refuses the preview endpoint to anyone but editors', async () => {
    const { handleEndpoints } = await import('payload')
    const { default: config } = await import('@payload-config')
    const response = await handleEndpoints({
      config,
      request: new Request('http://localhost:3000/api/subscribers/digest-preview?language=en'),
    })
    expect(response.status).toBe(401)
    expect(await response.text()).not.toContain('@digest.example')
  })
})
