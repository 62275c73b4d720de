import { createHash } from 'node:crypto'

import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { message } from '@/lib/messages'
import type { Category, Subscriber, User } from '@/payload-types'

import { createUser } from '../helpers/fixtures'
import {
  confirmLinkIn,
  formInit,
  jsonInit,
  mailsTo,
  manageLinkIn,
  newClientAddress,
  oneClickPathOf,
  refusalOf,
} from '../helpers/newsletter'
import { createTestPayload, type TestPayload } from '../helpers/payload'

let ctx: TestPayload
let politics: Category, economy: Category
let editor: User, author: User, translator: User

/** A request through Payload's REST handler with the project's config (what /api/* runs). */
const rest = async (route: string, init: RequestInit = {}) => {
  const { default: config } = await import('@payload-config')
  return handleEndpoints({ config, request: new Request(`http://localhost:3000${route}`, init) })
}

let counter = 0
const freshEmail = () => `Reader.${Date.now().toString(36)}${(counter++).toString(36)}@Example.org`

const subscriberOf = async (email: string): Promise<Subscriber | undefined> =>
  (
    await ctx.payload.find({
      collection: 'subscribers',
      where: { email: { equals: email.toLowerCase() } },
      overrideAccess: true,
      showHiddenFields: true,
      depth: 0,
    })
  ).docs[0]

const subscribe = (fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
  rest(
    '/api/subscribers/subscribe',
    jsonInit(fields, { 'X-Forwarded-For': newClientAddress(), ...headers }),
  )

const sessionOf = async (user: User) => {
  const response = await rest(
    '/api/users/login',
    jsonInit({ email: user.email, password: 'test-password-1' }),
  )
  const { token } = (await response.json()) as { token: string }
  return { Authorization: `JWT ${token}` }
}

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  author = await createUser(ctx.payload, 'author')
  translator = await createUser(ctx.payload, 'translator')
  politics = await ctx.payload.create({ collection: 'categories', data: { name: 'Politics' } })
  economy = await ctx.payload.create({ collection: 'categories', data: { name: 'Economy' } })
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('subscribing (double opt-in)', () => {
  it('keeps a new address pending and mails it a confirmation link in its language, storing only the hash of the token', async () => {
    const email = freshEmail()
    const response = await subscribe({ email, language: 'az', sections: [String(politics.id)] })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { ok: boolean; message: string }
    expect(body.ok).toBe(true)
    expect(body.message).toMatch(/poçt qutunuzu/)

    const row = await subscriberOf(email)
    expect(row).toMatchObject({ email: email.toLowerCase(), language: 'az', status: 'pending' })
    expect(row?.sections).toEqual([politics.id])

    const mails = await mailsTo(ctx.outboxDir, email)
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toMatch(/təsdiqləyin/)
    const link = confirmLinkIn(mails[0])
    expect(link?.path).toMatch(/^\/az\/newsletter\/confirm\?token=/)
    expect(row?.confirmTokenHash).toBe(
      createHash('sha256')
        .update(link?.token ?? '')
        .digest('hex'),
    )
    expect(JSON.stringify(row)).not.toContain(link?.token)
    // The confirmation carries the manage link and the one-click headers too.
    expect(manageLinkIn(mails[0])?.path).toMatch(/^\/az\/newsletter\/manage\?token=/)
    expect(oneClickPathOf(mails[0])).toMatch(/^\/api\/subscribers\/unsubscribe\?token=/)
    expect(mails[0].headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
  })

  it('confirms once: the link then refuses as used, a forged one as unknown, an expired one as expired', async () => {
    const email = freshEmail()
    await subscribe({ email, language: 'en', all: true })
    const token = confirmLinkIn((await mailsTo(ctx.outboxDir, email))[0])?.token ?? ''

    const confirmed = await rest('/api/subscribers/confirm', jsonInit({ token }))
    expect(confirmed.status).toBe(200)
    const row = await subscriberOf(email)
    expect(row).toMatchObject({ status: 'subscribed', allSections: true })
    expect(row?.confirmedAt).toBeTruthy()

    const again = await rest(
      '/api/subscribers/confirm',
      jsonInit({ token }, { 'Accept-Language': 'ru' }),
    )
    expect(again.status).toBe(409)
    expect(await refusalOf(again)).toEqual({
      message: message('ru', 'newsletter:tokenUsed'),
      code: 'newsletter.tokenUsed',
    })

    const forged = await rest('/api/subscribers/confirm', jsonInit({ token: `${token}x` }))
    expect(forged.status).toBe(400)
    expect((await refusalOf(forged)).code).toBe('newsletter.tokenUnknown')
    // Without JavaScript: back to the confirmation page, which words the refusal.
    const forgedForm = await rest(
      '/api/subscribers/confirm',
      formInit({ token: `${token}x`, language: 'az' }),
    )
    expect(forgedForm.status).toBe(303)
    expect(forgedForm.headers.get('location')).toBe(
      '/az/newsletter/confirm?refused=newsletter.tokenUnknown',
    )

    const late = freshEmail()
    await subscribe({ email: late, language: 'en', all: true })
    const lateToken = confirmLinkIn((await mailsTo(ctx.outboxDir, late))[0])?.token ?? ''
    const lateRow = await subscriberOf(late)
    await ctx.payload.update({
      collection: 'subscribers',
      id: lateRow!.id,
      data: { confirmExpiresAt: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    const expired = await rest(
      '/api/subscribers/confirm',
      jsonInit({ token: lateToken }, { 'Accept-Language': 'az' }),
    )
    expect(expired.status).toBe(410)
    expect((await refusalOf(expired)).message).toBe(message('az', 'newsletter:tokenExpired'))
    expect((await subscriberOf(late))?.status).toBe('pending')
  })

  it('answers an address already subscribed exactly as a new one, and mails it a note instead of a confirmation', async () => {
    const email = freshEmail()
    const first = await subscribe({ email, language: 'en', all: true })
    const firstBody = await first.json()
    const token = confirmLinkIn((await mailsTo(ctx.outboxDir, email))[0])?.token ?? ''
    await rest('/api/subscribers/confirm', jsonInit({ token }))

    const second = await subscribe({ email, language: 'en', sections: [String(economy.id)] })
    expect(second.status).toBe(first.status)
    expect(await second.json()).toEqual(firstBody)

    const mails = await mailsTo(ctx.outboxDir, email)
    expect(mails).toHaveLength(2)
    expect(confirmLinkIn(mails[1])).toBeNull()
    expect(mails[1].subject).toMatch(/already subscribed/)
    expect(manageLinkIn(mails[1])).not.toBeNull()
    // Nothing about the subscription changed.
    expect(await subscriberOf(email)).toMatchObject({ status: 'subscribed', allSections: true })
  })

  it('sends a form without JavaScript back to its page (303 with a fragment), and answers a refusal with a page that keeps what was typed', async () => {
    const email = freshEmail()
    const ok = await rest(
      '/api/subscribers/subscribe',
      formInit(
        {
          email,
          language: 'ru',
          sections: [String(politics.id), String(economy.id)],
          returnTo: '/ru/articles/x',
        },
        { 'X-Forwarded-For': newClientAddress() },
      ),
    )
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('/ru/articles/x#newsletter-done')
    expect((await subscriberOf(email))?.sections).toEqual([politics.id, economy.id])

    const offSite = await rest(
      '/api/subscribers/subscribe',
      formInit(
        { email: freshEmail(), language: 'en', all: 'on', returnTo: '//evil.example/x' },
        { 'X-Forwarded-For': newClientAddress() },
      ),
    )
    expect(offSite.headers.get('location')).toBe('/en#newsletter-done')

    const refused = await rest(
      '/api/subscribers/subscribe',
      formInit(
        { email: 'not-an-address<script>', language: 'az', all: 'on', returnTo: '/az' },
        { 'X-Forwarded-For': newClientAddress() },
      ),
    )
    expect(refused.status).toBe(400)
    expect(refused.headers.get('content-type')).toMatch(/text\/html/)
    const page = await refused.text()
    expect(page).toContain(message('az', 'newsletter:badEmail'))
    expect(page).toContain('value="not-an-address&#60;script&#62;"')
    expect(page).not.toContain('<script>')
  })

  it('refuses the honeypot, a bad address, no section and sections that do not exist, writing and sending nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ language: 'en', all: true, homepage: 'http://spam.example' }, 'newsletter.rejected'],
      [{ language: 'en', all: true, emailOverride: 'nobody' }, 'newsletter.badEmail'],
      [{ language: 'en' }, 'newsletter.noSections'],
      [{ language: 'en', sections: ['999999', 'abc'] }, 'newsletter.badSections'],
      [{ language: 'fr', all: true }, 'newsletter.badLanguage'],
    ]
    for (const [fields, code] of cases) {
      const email = freshEmail()
      const { emailOverride, ...rest } = fields as { emailOverride?: string }
      const response = await subscribe({ email: emailOverride ?? email, ...rest })
      expect(response.status, code).toBe(400)
      const refusal = await refusalOf(response)
      expect(refusal.code).toBe(code)
      expect(refusal.message.length).toBeGreaterThan(10)
      expect(await subscriberOf(email)).toBeUndefined()
      expect(await mailsTo(ctx.outboxDir, email)).toHaveLength(0)
    }
    const missing = await subscribe({ email: freshEmail(), language: 'en', sections: ['999999'] })
    expect((await refusalOf(missing)).message).toContain('999999')
  })

  it('limits subscriptions per email address and per client address (429 with Retry-After)', async () => {
    const email = freshEmail()
    const statuses: number[] = []
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await subscribe({ email, language: 'en', all: true })).status)
    }
    expect(statuses).toEqual([200, 200, 200, 429])
    expect(await mailsTo(ctx.outboxDir, email)).toHaveLength(3)

    const address = newClientAddress()
    const fromOne: Response[] = []
    for (let i = 0; i < 11; i += 1) {
      fromOne.push(
        await subscribe(
          { email: freshEmail(), language: 'en', all: true },
          { 'X-Forwarded-For': address },
        ),
      )
    }
    expect(fromOne.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(200))
    const limited = fromOne[10]
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await refusalOf(limited)).code).toBe('newsletter.tooMany')
  })
})

describe('managing a subscription', () => {
  const confirmedSubscriber = async (language = 'en') => {
    const email = freshEmail()
    await subscribe({ email, language, all: true })
    const first = (await mailsTo(ctx.outboxDir, email))[0]
    await rest('/api/subscribers/confirm', jsonInit({ token: confirmLinkIn(first)?.token }))
    return { email, mail: first }
  }

  it('unsubscribes in one click (RFC 8058: a POST to the List-Unsubscribe URL answers 200)', async () => {
    const { email, mail } = await confirmedSubscriber()
    const path = oneClickPathOf(mail)!
    const response = await rest(path, formInit({ 'List-Unsubscribe': 'One-Click' }))
    expect(response.status).toBe(200)
    const row = await subscriberOf(email)
    expect(row?.status).toBe('unsubscribed')
    expect(row?.unsubscribedAt).toBeTruthy()

    const forged = await rest(
      path.replace(/token=([^&]+)/, 'token=eyJpZCI6MX0.forged'),
      formInit({ 'List-Unsubscribe': 'One-Click' }),
    )
    expect(forged.status).toBe(400)
  })

  it('changes language and sections with the signed link, and refuses a forged one', async () => {
    const { email, mail } = await confirmedSubscriber()
    const token = manageLinkIn(mail)!.token
    const saved = await rest(
      '/api/subscribers/preferences',
      formInit(
        { token, language: 'ru', sections: [String(economy.id)] },
        { 'X-Forwarded-For': newClientAddress() },
      ),
    )
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toMatch(/^\/ru\/newsletter\/manage\?token=.*saved=1/)
    expect(await subscriberOf(email)).toMatchObject({
      language: 'ru',
      allSections: false,
      sections: [economy.id],
      status: 'subscribed',
    })
    const forged = await rest(
      '/api/subscribers/preferences',
      jsonInit({ token: `${token.slice(0, -2)}xx`, language: 'en', all: true }),
    )
    expect(forged.status).toBe(400)
    expect((await refusalOf(forged)).code).toBe('newsletter.linkInvalid')
    // Another purpose's signature does not open it either.
    const { signLink } = await import('@/lib/signedLinks')
    const wrongPurpose = signLink('comments:erase', { id: (await subscriberOf(email))!.id })
    const other = await rest('/api/subscribers/unsubscribe', jsonInit({ token: wrongPurpose }))
    expect(other.status).toBe(400)
    expect((await subscriberOf(email))?.status).toBe('subscribed')
  })
})

describe('who can read a subscriber', () => {
  it('lets no anonymous client, author or translator read subscribers (Local API, REST), and editors read them', async () => {
    const email = freshEmail()
    await subscribe({ email, language: 'en', all: true })
    const row = (await subscriberOf(email))!

    for (const user of [null, author, translator]) {
      await expect(
        ctx.payload.find({
          collection: 'subscribers',
          overrideAccess: false,
          user: user ? { ...user, collection: 'users' } : undefined,
        }),
      ).rejects.toThrow()
      await expect(
        ctx.payload.findByID({
          collection: 'subscribers',
          id: row.id,
          overrideAccess: false,
          user: user ? { ...user, collection: 'users' } : undefined,
        }),
      ).rejects.toThrow()
      const headers = user ? await sessionOf(user) : {}
      for (const path of [
        '/api/subscribers',
        `/api/subscribers/${row.id}`,
        `/api/subscribers?where[email][equals]=${encodeURIComponent(email.toLowerCase())}`,
      ]) {
        const response = await rest(path, { headers })
        const text = await response.text()
        expect(response.status, path).toBeGreaterThanOrEqual(400)
        expect(text).not.toContain(email.toLowerCase())
      }
    }

    const asEditor = await rest(`/api/subscribers/${row.id}`, { headers: await sessionOf(editor) })
    expect(asEditor.status).toBe(200)
    const doc = (await asEditor.json()) as Subscriber
    expect(doc.email).toBe(email.toLowerCase())
    // The token's hash is readable by no one.
    expect(doc).not.toHaveProperty('confirmTokenHash')
    expect(doc).not.toHaveProperty('confirmExpiresAt')
  })

  it('lets an editor mark a subscriber unsubscribed or delete them, but not subscribe them', async () => {
    const email = freshEmail()
    await subscribe({ email, language: 'en', all: true })
    const row = (await subscriberOf(email))!
    const asEditor = { ...editor, collection: 'users' as const }
    await expect(
      ctx.payload.update({
        collection: 'subscribers',
        id: row.id,
        data: { status: 'subscribed' },
        overrideAccess: false,
        user: asEditor,
      }),
    ).rejects.toThrow(message('en', 'newsletter:onlyUnsubscribe'))
    const done = await ctx.payload.update({
      collection: 'subscribers',
      id: row.id,
      data: { status: 'unsubscribed' },
      overrideAccess: false,
      user: asEditor,
    })
    expect(done.status).toBe('unsubscribed')
    expect(done.unsubscribedAt).toBeTruthy()
    await expect(
      ctx.payload.update({
        collection: 'subscribers',
        id: row.id,
        data: { status: 'unsubscribed' },
        overrideAccess: false,
        user: { ...author, collection: 'users' },
      }),
    ).rejects.toThrow()
    await ctx.payload.delete({
      collection: 'subscribers',
      id: row.id,
      overrideAccess: false,
      user: asEditor,
    })
    expect(await subscriberOf(email)).toBeUndefined()
  })
})
