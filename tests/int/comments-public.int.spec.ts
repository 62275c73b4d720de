import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { COMMENT_LINK_PURPOSES } from '@/lib/commentForm'
import { COMMENT_LIMITS } from '@/lib/comments'
import { signLink } from '@/lib/signedLinks'
import type { Article } from '@/payload-types'

import {
  commentFields,
  formTokenAgo,
  linksOf,
  postInProcess,
  readerAddress,
  tokenOf,
} from '../helpers/comments'
import { countQueries } from '../helpers/database'
import { createArticle, createUser, readOutbox } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/**
 * What a reader does with comments, through Payload's REST handler with the project's config:
 * submitting (every safeguard, with the message the reader sees), the confirmation and erase
 * links, what the article page reads, and that nothing but approved comments, and never an
 * email address, is readable anonymously.
 */
let ctx: TestPayload
let article: Article
let closed: Article
let hidden: Article
let draft: Article
// The read layer loads the Payload config, so it is imported once the test database is set.
let getArticleComments: typeof import('@/data/comments').getArticleComments
let getCommentCounts: typeof import('@/data/comments').getCommentCounts

const SUBMIT = '/api/comments/submit'

const errorOf = async (response: Response) => {
  const json = (await response.json()) as {
    errors: { message: string; data?: { code?: string } }[]
  }
  return { message: json.errors[0]?.message ?? '', code: json.errors[0]?.data?.code ?? '' }
}

const commentsOf = (articleId: number) =>
  ctx.payload.find({
    collection: 'comments',
    where: { article: { equals: articleId } },
    sort: 'createdAt',
    limit: 100,
    depth: 0,
  })

const rest = async (path: string, init: RequestInit = {}) => {
  const { default: config } = await import('@payload-config')
  return handleEndpoints({ config, request: new Request(`http://localhost:3000${path}`, init) })
}

beforeAll(async () => {
  ctx = await createTestPayload()
  ;({ getArticleComments, getCommentCounts } = await import('@/data/comments'))
  article = await createArticle(ctx.payload, { status: 'published', title: 'Rail <line> opens' })
  closed = await createArticle(ctx.payload, { status: 'published', commentMode: 'closed' })
  hidden = await createArticle(ctx.payload, { status: 'published', commentMode: 'hidden' })
  draft = await createArticle(ctx.payload)
}, 120_000)

afterAll(async () => {
  await ctx?.teardown()
})

describe('a first-time commenter', () => {
  it('is stored unconfirmed, sent a confirmation email, and enters the queue on confirming', async () => {
    const email = 'first.timer@test.example'
    const response = await postInProcess(
      SUBMIT,
      commentFields(article.id, { email, name: 'Rəşad <b>', body: 'Line one\nLine two <i>' }),
      { json: true },
    )
    expect(response.status).toBe(201)
    const answer = (await response.json()) as { ok: boolean; message: string }
    expect(answer.ok).toBe(true)
    expect(answer.message).toMatch(/email/i)

    const stored = (await commentsOf(article.id)).docs.filter((c) => c.email === email)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.status).toBe('unconfirmed')
    expect(stored[0]!.ipHash).toMatch(/^[0-9a-f]{32}$/)
    expect(stored[0]!.body).toBe('Line one\nLine two <i>')

    const mail = (await readOutbox(ctx.outboxDir)).filter((m) => m.to.includes(email))
    expect(mail).toHaveLength(1)
    expect(mail[0]!.subject).toContain('Rail <line> opens')
    const record = mail[0] as unknown as { html: string }
    expect(record.html).toContain('Rail &#60;line&#62; opens')
    expect(record.html).not.toContain('<b>')
    const links = linksOf(mail[0]!.text)
    expect(links.confirm).toContain('/en/comments/confirm?token=')
    expect(links.erase).toContain('/en/comments/erase?token=')

    const confirm = await postInProcess(
      '/api/comments/confirm',
      { token: tokenOf(links.confirm!), language: 'en' },
      { json: true },
    )
    expect(confirm.status).toBe(200)
    expect((await commentsOf(article.id)).docs.find((c) => c.email === email)!.status).toBe(
      'pending',
    )

    // The link works once.
    const again = await postInProcess(
      '/api/comments/confirm',
      { token: tokenOf(links.confirm!), language: 'az' },
      { json: true },
    )
    expect(again.status).toBe(409)
    expect(await errorOf(again)).toEqual({
      message: 'Bu keçiddən artıq istifadə olunub: ünvanınız təsdiqlənib.',
      code: 'comments.linkUsed',
    })

    // Confirmed now: the next comment goes straight to the queue, with no second email.
    const second = await postInProcess(SUBMIT, commentFields(article.id, { email }), { json: true })
    expect(second.status).toBe(201)
    expect(((await second.json()) as { message: string }).message).toMatch(/approved/)
    expect((await readOutbox(ctx.outboxDir)).filter((m) => m.to.includes(email))).toHaveLength(1)
  })

  it('refuses expired and forged confirmation links, in the reader’s language', async () => {
    const expired = signLink(
      COMMENT_LINK_PURPOSES.confirm,
      { e: 'late@test.example', a: article.id },
      new Date(Date.now() - 1000),
    )
    const late = await postInProcess(
      '/api/comments/confirm',
      { token: expired, language: 'ru' },
      { json: true },
    )
    expect(late.status).toBe(410)
    expect((await errorOf(late)).message).toBe(
      'Срок действия ссылки истёк. Отправьте комментарий снова, и вы получите новую.',
    )
    // An erase link is no confirmation link (purposes are keyed apart), nor is a tampered one.
    const erase = signLink(COMMENT_LINK_PURPOSES.erase, { e: 'late@test.example' })
    for (const token of [erase, `${expired.slice(0, -2)}xx`, 'nonsense']) {
      const forged = await postInProcess(
        '/api/comments/confirm',
        { token, language: 'en' },
        { json: true },
      )
      expect(forged.status).toBe(400)
      expect((await errorOf(forged)).code).toBe('comments.linkInvalid')
    }
  })

  it('without JavaScript: 303 back to the article with a fragment, the link page answers by redirect', async () => {
    const email = 'nojs@test.example'
    const response = await postInProcess(SUBMIT, commentFields(article.id, { email }))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(
      `/en/articles/${article.slug}#comment-check-email`,
    )
    const mail = (await readOutbox(ctx.outboxDir)).find((m) => m.to.includes(email))!
    const confirm = await postInProcess('/api/comments/confirm', {
      token: tokenOf(linksOf(mail.text).confirm!),
      language: 'en',
    })
    expect(confirm.status).toBe(303)
    expect(confirm.headers.get('location')).toBe(
      `/en/comments/confirm?result=confirmed&back=${encodeURIComponent(`/en/articles/${article.slug}`)}`,
    )
  })
})

describe('what a reader sees', () => {
  it('shows approved comments only, with replies, oldest first; never pending ones', async () => {
    const own = await createArticle(ctx.payload, { status: 'published' })
    const make = (data: Record<string, unknown>) =>
      ctx.payload.create({
        collection: 'comments',
        data: {
          article: own.id,
          name: 'Reader',
          email: 'shown@test.example',
          body: 'text',
          language: 'en',
          status: 'approved',
          ...data,
        } as never,
      })
    const first = await make({ body: 'first' })
    await make({ body: 'pending one', status: 'pending' })
    await make({ body: 'unconfirmed one', status: 'unconfirmed' })
    await make({ body: 'a reply', parent: first.id, byNewsroom: true, name: 'Desk' })
    await make({ body: 'second' })
    // An approved reply under a comment rejected later: shown nowhere, counted nowhere.
    const rejected = await make({ body: 'rejected later' })
    await make({ body: 'answer to a rejected one', parent: rejected.id })
    await ctx.payload.update({
      collection: 'comments',
      id: rejected.id,
      data: { status: 'rejected' },
    })

    const shown = await getArticleComments({ articleId: own.id })
    expect(shown?.mode).toBe('moderated')
    expect(shown?.count).toBe(3)
    expect(shown?.threads.map((t) => t.body)).toEqual(['first', 'second'])
    expect(shown?.threads[0]!.replies).toMatchObject([{ body: 'a reply', byNewsroom: true }])
    expect(JSON.stringify(shown)).not.toMatch(
      /shown@test|pending one|unconfirmed one|rejected later|answer to a rejected|ipHash/,
    )
    expect(await getCommentCounts({ articleIds: [own.id, article.id] })).toEqual({
      [String(own.id)]: 3,
    })

    // Cards: one grouped query for the whole list, not one per card; hidden comments uncounted.
    await ctx.payload.create({
      collection: 'comments',
      data: {
        article: hidden.id,
        name: 'Reader',
        email: 'shown@test.example',
        body: 'approved before the section hid comments',
        language: 'en',
        status: 'approved',
      },
    })
    const { getLatestArticles } = await import('@/data/articles')
    const { result: latest, statements } = await countQueries(() =>
      getLatestArticles({ language: 'en', limit: 20 }),
    )
    expect(latest.find((a) => a.id === own.id)?.commentCount).toBe(3)
    expect(latest.find((a) => a.id === hidden.id)?.commentCount).toBe(0)
    expect(statements.filter((text) => /from comments/i.test(text))).toHaveLength(1)

    expect(await getArticleComments({ articleId: draft.id })).toBeNull()
    expect(await getArticleComments({ articleId: hidden.id })).toEqual({
      mode: 'hidden',
      threads: [],
      count: 0,
    })
  })

  it('takes a reply to a reply under its top-level comment, and refuses a foreign parent', async () => {
    const top = await ctx.payload.create({
      collection: 'comments',
      data: {
        article: article.id,
        name: 'Top',
        email: 'top@test.example',
        body: 'top',
        language: 'en',
        status: 'approved',
      },
    })
    const reply = await ctx.payload.create({
      collection: 'comments',
      data: {
        article: article.id,
        parent: top.id,
        name: 'Reply',
        email: 'reply@test.example',
        body: 'reply',
        language: 'en',
        status: 'approved',
      },
    })
    const email = 'deep@test.example'
    const ok = await postInProcess(SUBMIT, commentFields(article.id, { parent: reply.id, email }), {
      json: true,
    })
    expect(ok.status).toBe(201)
    const stored = (await commentsOf(article.id)).docs.find((c) => c.email === email)!
    expect(stored.parent).toBe(top.id)

    const other = await createArticle(ctx.payload, { status: 'published' })
    const foreign = await postInProcess(
      SUBMIT,
      commentFields(other.id, { parent: top.id, language: 'az' }),
      { json: true },
    )
    expect(foreign.status).toBe(400)
    expect(await errorOf(foreign)).toEqual({
      message: 'Cavab verdiyiniz şərh bu məqaləyə aid deyil (və ya dərc olunmayıb).',
      code: 'comments.badParent',
    })
  })
})

describe('the safeguards', () => {
  const refusedWith = async (
    fields: Record<string, string | number | undefined>,
    status: number,
    code: string,
    message?: string,
  ) => {
    const before = (await ctx.payload.count({ collection: 'comments' })).totalDocs
    const response = await postInProcess(SUBMIT, fields, { json: true })
    expect(response.status).toBe(status)
    const error = await errorOf(response)
    expect(error.code).toBe(code)
    if (message) expect(error.message).toBe(message)
    expect((await ctx.payload.count({ collection: 'comments' })).totalDocs).toBe(before)
    return response
  }

  it('answers a filled honeypot as accepted and stores nothing', async () => {
    const before = (await ctx.payload.count({ collection: 'comments' })).totalDocs
    const email = 'bot@test.example'
    const response = await postInProcess(
      SUBMIT,
      commentFields(article.id, { website: 'http://spam.example', email }),
      { json: true },
    )
    expect(response.status).toBe(201)
    expect((await ctx.payload.count({ collection: 'comments' })).totalDocs).toBe(before)
    expect((await readOutbox(ctx.outboxDir)).some((m) => m.to.includes(email))).toBe(false)
  })

  it('refuses a form sent too fast, too old or with a forged time', async () => {
    await refusedWith(
      commentFields(article.id, { ts: formTokenAgo(0) }),
      400,
      'comments.tooFast',
      'That was very quick. Please take a few seconds to read over your comment, then send it again.',
    )
    await refusedWith(
      commentFields(article.id, { ts: formTokenAgo(0), language: 'ru' }),
      400,
      'comments.tooFast',
      'Слишком быстро. Пожалуйста, перечитайте комментарий несколько секунд и отправьте его снова.',
    )
    await refusedWith(
      commentFields(article.id, { ts: formTokenAgo(7 * 60 * 60) }),
      400,
      'comments.formExpired',
    )
    await refusedWith(
      commentFields(article.id, { ts: `${formTokenAgo()}x` }),
      400,
      'comments.formExpired',
    )
    // The enhanced form's fresh token (fetched when the reader starts typing) counts from now.
    const fresh = await rest('/api/comments/form-token')
    expect(fresh.headers.get('cache-control')).toBe('no-store')
    const { token } = (await fresh.json()) as { token: string }
    await refusedWith(commentFields(article.id, { ts: token }), 400, 'comments.tooFast')
    // A form rendered an hour ago (a cached page) is fine.
    const cachedPage = await postInProcess(
      SUBMIT,
      commentFields(article.id, { ts: formTokenAgo(60 * 60) }),
      { json: true },
    )
    expect(cachedPage.status).toBe(201)
  })

  it('refuses too many links, too long texts, a bad email, a missing name', async () => {
    await refusedWith(
      commentFields(article.id, {
        body: 'see https://a.example and http://b.example and www.c.example',
        language: 'az',
      }),
      400,
      'comments.tooManyLinks',
      'Şərhdə ən çoxu 2 keçid ola bilər.',
    )
    await refusedWith(
      commentFields(article.id, { body: 'x'.repeat(COMMENT_LIMITS.body + 1) }),
      400,
      'comments.bodyTooLong',
      `Your comment can be at most ${COMMENT_LIMITS.body} characters long; it has ${COMMENT_LIMITS.body + 1}.`,
    )
    await refusedWith(
      commentFields(article.id, { name: 'n'.repeat(COMMENT_LIMITS.name + 1) }),
      400,
      'comments.nameTooLong',
    )
    await refusedWith(
      commentFields(article.id, { email: 'not-an-address', language: 'ru' }),
      400,
      'comments.badEmail',
      'Пожалуйста, укажите правильный адрес электронной почты (он никогда не публикуется).',
    )
    await refusedWith(commentFields(article.id, { name: '  ' }), 400, 'comments.nameMissing')
    await refusedWith(commentFields(article.id, { body: '' }), 400, 'comments.bodyMissing')
  })

  it('refuses closed, hidden, draft and unknown articles; drafts as unknown ones', async () => {
    await refusedWith(
      commentFields(closed.id),
      403,
      'comments.closed',
      'Comments on this article are closed.',
    )
    await refusedWith(commentFields(hidden.id), 403, 'comments.hidden')
    const ofDraft = await refusedWith(commentFields(draft.id), 404, 'comments.noArticle')
    const ofNothing = await refusedWith(commentFields(999_999), 404, 'comments.noArticle')
    expect(ofDraft.headers.get('content-type')).toBe(ofNothing.headers.get('content-type'))
    await refusedWith(commentFields(Number.NaN), 404, 'comments.noArticle')
  })

  it('refuses the same text twice from the same email or address (409)', async () => {
    const first = commentFields(article.id, { body: 'Exactly this text.' })
    const address = readerAddress()
    expect((await postInProcess(SUBMIT, first, { json: true, forwardedFor: address })).status).toBe(
      201,
    )
    // same email, another address
    await refusedWith({ ...first, ts: formTokenAgo() }, 409, 'comments.duplicate')
    // same address, another email
    const response = await postInProcess(
      SUBMIT,
      { ...first, email: 'someone.else@test.example', language: 'az' },
      { json: true, forwardedFor: address },
    )
    expect(response.status).toBe(409)
    expect((await errorOf(response)).message).toBe('Siz bu şərhi artıq göndərmisiniz.')
  })

  it('stores one of the same text sent in parallel, and answers every request', async () => {
    const fields = commentFields(article.id, { body: 'Sent twice by an impatient click.' })
    const address = readerAddress()
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postInProcess(
          SUBMIT,
          { ...fields, email: `impatient-${i}@test.example`, ts: formTokenAgo() },
          { json: true, forwardedFor: address },
        ),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409])
  })

  it('limits comments per address and per email (429 with Retry-After)', async () => {
    const address = readerAddress()
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 8; i += 1) {
      last = await postInProcess(SUBMIT, commentFields(article.id, { language: 'ru' }), {
        json: true,
        forwardedFor: address,
      })
      statuses.push(last.status)
    }
    expect(statuses.slice(0, 6).every((s) => s === 201)).toBe(true)
    expect(statuses.slice(6)).toEqual([429, 429])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await errorOf(last!)).message).toMatch(
      /^Вы отправили слишком много комментариев за короткое время\. Пожалуйста, попробуйте снова через \d+ мин\.$/,
    )

    const email = 'prolific@test.example'
    const perEmail: number[] = []
    for (let i = 0; i < 5; i += 1) {
      perEmail.push(
        (await postInProcess(SUBMIT, commentFields(article.id, { email }), { json: true })).status,
      )
    }
    expect(perEmail).toEqual([201, 201, 201, 201, 429])
  })

  it('without JavaScript, a refusal is a page in the reader’s language with the form filled in', async () => {
    const response = await postInProcess(
      SUBMIT,
      commentFields(article.id, {
        language: 'az',
        name: 'Aygün "<script>"',
        body: 'Çox uzun '.repeat(300),
      }),
    )
    expect(response.status).toBe(400)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const html = await response.text()
    expect(html).toContain('<html lang="az">')
    expect(html).toContain('Şərhiniz göndərilmədi')
    expect(html).toContain('Şərhiniz ən çoxu 2000 simvol ola bilər')
    expect(html).toContain('value="Aygün &#34;&#60;script&#62;&#34;"')
    expect(html).toContain('Çox uzun Çox uzun')
    expect(html).not.toContain('<script>')
    expect(html).toContain(`href="/az/articles/${article.slug}"`.replace('/az/', '/en/'))
  })
})

describe('the cache of what readers see', () => {
  it('expires the article’s comments, the cards’ counts and its page when a comment is or was approved', async () => {
    const write = async (run: (context: Record<string, unknown>) => Promise<unknown>) => {
      const context = { deferredTags: [] as string[], deferredPaths: [] as string[] }
      await run(context)
      return context
    }
    const pending = await ctx.payload.create({
      collection: 'comments',
      data: {
        article: article.id,
        name: 'Cache',
        email: 'cache@test.example',
        body: 'cache',
        language: 'en',
        status: 'pending',
      },
    })
    const update =
      (status: 'approved' | 'rejected' | 'spam') => (context: Record<string, unknown>) =>
        ctx.payload.update({ collection: 'comments', id: pending.id, data: { status }, context })
    // Pending → spam: nothing public changes.
    expect(await write(update('spam'))).toEqual({ deferredTags: [], deferredPaths: [] })
    const expected = {
      deferredTags: [`comments:${article.id}`, 'comment-counts'],
      deferredPaths: [`/en/articles/${article.slug}`],
    }
    expect(await write(update('approved'))).toEqual(expected)
    expect(await write(update('rejected'))).toEqual(expected)
    await write(update('approved'))
    expect(
      await write((context) =>
        ctx.payload.delete({ collection: 'comments', id: pending.id, context }),
      ),
    ).toEqual(expected)
  })
})

describe('the erase link', () => {
  it('deletes every comment of the address and forgets it', async () => {
    const email = 'forget.me@test.example'
    await postInProcess(SUBMIT, commentFields(article.id, { email }), { json: true })
    const mail = (await readOutbox(ctx.outboxDir)).find((m) => m.to.includes(email))!
    const { confirm, erase } = linksOf(mail.text)
    await postInProcess('/api/comments/confirm', { token: tokenOf(confirm!), language: 'en' })
    const [mine] = (await commentsOf(article.id)).docs.filter((c) => c.email === email)
    await ctx.payload.update({ collection: 'comments', id: mine!.id, data: { status: 'approved' } })
    expect(JSON.stringify(await getArticleComments({ articleId: article.id }))).toContain(
      mine!.body,
    )

    const response = await postInProcess(
      '/api/comments/erase',
      { token: tokenOf(erase!), language: 'ru' },
      { json: true },
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, deleted: 1 })
    expect((await commentsOf(article.id)).docs.some((c) => c.email === email)).toBe(false)
    expect(JSON.stringify(await getArticleComments({ articleId: article.id }))).not.toContain(
      mine!.body,
    )
    // Forgotten: the next comment needs confirming again.
    const next = await postInProcess(SUBMIT, commentFields(article.id, { email }), { json: true })
    expect(((await next.json()) as { message: string }).message).toMatch(/email/)
  })
})

describe('nobody but editors reads comments or addresses', () => {
  it('refuses anonymous REST and GraphQL reads, and articles never carry comments', async () => {
    const pending = await ctx.payload.create({
      collection: 'comments',
      data: {
        article: article.id,
        name: 'Hidden',
        email: 'secret.address@test.example',
        body: 'pending text',
        language: 'en',
        status: 'pending',
      },
    })
    for (const path of [
      '/api/comments',
      `/api/comments/${pending.id}`,
      '/api/comments?where[email][equals]=secret.address@test.example',
      '/api/comments?where[status][equals]=pending',
    ]) {
      const response = await rest(path)
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(await response.text(), path).not.toContain('secret.address')
    }
    const articles = await rest(`/api/articles/${article.id}?depth=2`)
    expect(await articles.text()).not.toMatch(/secret\.address|pending text/)
    const graphql = await rest('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ Comments { docs { email body } } Comment(id: ${pending.id}) { email body } }`,
      }),
    })
    expect(await graphql.text()).not.toMatch(/secret\.address|pending text/)
  })

  it('hides the email from authors and translators, shows it to editors', async () => {
    // The first user of a newsroom is its admin; the roles under test come after.
    await createUser(ctx.payload, 'admin')
    const author = await createUser(ctx.payload, 'author')
    const translator = await createUser(ctx.payload, 'translator')
    const editor = await createUser(ctx.payload, 'editor')
    expect([author.roles, translator.roles, editor.roles]).toEqual([
      ['author'],
      ['translator'],
      ['editor'],
    ])
    const one = (await commentsOf(article.id)).docs[0]!
    const asUser = async (email: string, path: string) => {
      const { token } = await ctx.payload.login({
        collection: 'users',
        data: { email, password: 'test-password-1' },
      })
      return rest(path, { headers: { authorization: `JWT ${token}` } })
    }
    for (const user of [author, translator]) {
      for (const path of [
        `/api/comments/${one.id}`,
        '/api/comments?where[email][like]=test',
        `/api/articles/${article.id}?depth=2`,
      ]) {
        const response = await asUser(user.email, path)
        expect(await response.text(), `${user.roles} ${path}`).not.toContain(one.email)
      }
    }
    const seen = await asUser(editor.email, `/api/comments/${one.id}`)
    expect(seen.status).toBe(200)
    const doc = (await seen.json()) as { email: string; ipHash: string }
    expect(doc.email).toBe(one.email)
    expect(doc.ipHash).toMatch(/^[0-9a-f]{32}$/)
  })
})
