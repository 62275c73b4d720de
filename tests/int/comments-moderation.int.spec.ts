import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sendCommentNotices } from '@/collections/Comments/jobs'
import { openBatch } from '@/db/commentNotifications'
import { claim, LEDGERS } from '@/db/deliveries'
import type { Article, User } from '@/payload-types'

import {
  createComment,
  moderationMails,
  rest,
  storedComment,
  tokenOf,
} from '../helpers/commentsAdmin'
import { createArticle, createUser } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { requestFor, runQueue } from '../helpers/workflow'

// The notification job runs as soon as it is queued (production waits five minutes).
process.env.COMMENTS_NOTIFY_DELAY_SECONDS = '0'

let ctx: TestPayload
let admin: User, editor: User, editorRu: User, author: User, translator: User
let tokens: Record<'editor' | 'author' | 'translator' | 'admin', string>
let article: Article

const statusesOf = async (ids: number[]) =>
  Promise.all(ids.map(async (id) => (await storedComment(ctx.payload, id)).status))

const codeOf = (answer: { json: { errors?: { data?: { code?: string } }[] } }) =>
  answer.json.errors?.[0]?.data?.code

const messageOf = (answer: { json: { errors?: { message: string }[] } }) =>
  answer.json.errors?.[0]?.message

beforeAll(async () => {
  ctx = await createTestPayload()
  // The first account of an install becomes an admin.
  admin = await createUser(ctx.payload, 'admin')
  editor = await createUser(ctx.payload, 'editor')
  editorRu = await createUser(ctx.payload, 'editor')
  await ctx.payload.update({
    collection: 'users',
    id: editorRu.id,
    data: { language: 'ru' },
    overrideAccess: true,
  })
  author = await createUser(ctx.payload, 'author')
  translator = await createUser(ctx.payload, 'translator')
  tokens = {
    editor: await tokenOf(ctx.payload, editor),
    author: await tokenOf(ctx.payload, author),
    translator: await tokenOf(ctx.payload, translator),
    admin: await tokenOf(ctx.payload, admin),
  }
  article = await createArticle(ctx.payload, { title: 'Ferry timetable changes at dawn' })
  await ctx.payload.updateGlobal({
    slug: 'site-settings',
    data: { siteName: 'Caspian Digest', contactEmail: 'desk@caspian.example' },
  })
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('POST /api/comments/moderate', () => {
  it('lets an editor approve several comments at once, recording who and when', async () => {
    const a = await createComment(ctx.payload, article.id)
    const b = await createComment(ctx.payload, article.id)
    const before = Date.now()
    const answer = await rest('POST', '/api/comments/moderate', {
      token: tokens.editor,
      body: { ids: [a.id, b.id], status: 'approved' },
    })
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({
      changed: [a.id, b.id],
      unchanged: [],
      status: 'approved',
      message: 'Comments changed: 2.',
    })
    for (const id of [a.id, b.id]) {
      const stored = await storedComment(ctx.payload, id)
      expect(stored.status).toBe('approved')
      expect(stored.moderatedBy).toBe(editor.id)
      expect(Date.parse(stored.moderatedAt ?? '')).toBeGreaterThanOrEqual(before - 1000)
    }
    // Again: nothing to change, said so.
    const again = await rest('POST', '/api/comments/moderate', {
      token: tokens.editor,
      body: { ids: [a.id], status: 'approved' },
    })
    expect(again.json).toMatchObject({ changed: [], unchanged: [a.id] })
  })

  it('lets an admin mark spam too, answering in the requester’s language', async () => {
    const a = await createComment(ctx.payload, article.id)
    const answer = await rest('POST', '/api/comments/moderate', {
      token: tokens.admin,
      language: 'ru',
      body: { ids: [a.id], status: 'spam' },
    })
    expect(answer.status).toBe(200)
    expect(answer.json.message).toBe('Изменено комментариев: 1.')
    expect(await statusesOf([a.id])).toEqual(['spam'])
  })

  it('refuses authors, translators and anonymous callers, changing nothing', async () => {
    const a = await createComment(ctx.payload, article.id)
    const body = { ids: [a.id], status: 'approved' }
    const asAuthor = await rest('POST', '/api/comments/moderate', { token: tokens.author, body })
    expect(asAuthor.status).toBe(403)
    expect(messageOf(asAuthor)).toBe('Only editors moderate comments.')
    expect(codeOf(asAuthor)).toBe('moderation.editorsOnly')
    const asTranslator = await rest('POST', '/api/comments/moderate', {
      token: tokens.translator,
      language: 'az',
      body,
    })
    expect(asTranslator.status).toBe(403)
    expect(messageOf(asTranslator)).toBe('Şərhləri yalnız redaktorlar moderasiya edir.')
    const anonymous = await rest('POST', '/api/comments/moderate', { body })
    expect(anonymous.status).toBe(401)
    expect(codeOf(anonymous)).toBe('access.logIn')
    expect(await statusesOf([a.id])).toEqual(['pending'])
  })

  it('refuses bad ids and statuses with a precise message, changing nothing', async () => {
    const a = await createComment(ctx.payload, article.id)
    const cases: [unknown, number, string][] = [
      [{ ids: [a.id], status: 'published' }, 400, 'moderation.badStatus'],
      [{ ids: [a.id], status: 'unconfirmed' }, 400, 'moderation.badStatus'],
      [{ ids: [], status: 'approved' }, 400, 'moderation.noIds'],
      [{ status: 'approved' }, 400, 'moderation.noIds'],
      [{ ids: [a.id, 'x', -1, 1.5], status: 'approved' }, 400, 'moderation.badIds'],
      [
        { ids: Array.from({ length: 201 }, (_, i) => i + 1), status: 'approved' },
        400,
        'moderation.tooManyIds',
      ],
      [{ ids: [a.id, 987654], status: 'approved' }, 404, 'moderation.unknownIds'],
    ]
    for (const [body, status, code] of cases) {
      const answer = await rest('POST', '/api/comments/moderate', { token: tokens.editor, body })
      expect({ body, status: answer.status, code: codeOf(answer) }).toEqual({ body, status, code })
    }
    const unknown = await rest('POST', '/api/comments/moderate', {
      token: tokens.editor,
      body: { ids: [a.id, 987654], status: 'approved' },
    })
    expect(messageOf(unknown)).toBe('There are no comments 987654. Nothing was changed.')
    const notJson = await rest('POST', '/api/comments/moderate', {
      token: tokens.editor,
      raw: '{"ids": [',
    })
    expect(notJson.status).toBe(400)
    expect(await statusesOf([a.id])).toEqual(['pending'])
  })

  it('approves a reply only with or under an approved comment, all or nothing', async () => {
    const parent = await createComment(ctx.payload, article.id)
    const replyA = await createComment(ctx.payload, article.id, { parent: parent.id })
    const other = await createComment(ctx.payload, article.id)
    const alone = await rest('POST', '/api/comments/moderate', {
      token: tokens.editor,
      body: { ids: [other.id, replyA.id], status: 'approved' },
    })
    expect(alone.status).toBe(400)
    expect(codeOf(alone)).toBe('moderation.parentNotApproved')
    expect(messageOf(alone)).toContain(`Comment ${replyA.id} answers comment ${parent.id}`)
    // One transaction: the other comment of the request was not approved either.
    expect(await statusesOf([other.id, replyA.id, parent.id])).toEqual([
      'pending',
      'pending',
      'pending',
    ])
    // The reply listed first: the parent is still approved first.
    const together = await rest('POST', '/api/comments/moderate', {
      token: tokens.editor,
      body: { ids: [replyA.id, parent.id], status: 'approved' },
    })
    expect(together.status).toBe(200)
    expect(await statusesOf([replyA.id, parent.id])).toEqual(['approved', 'approved'])
  })
})

describe('the REST API of comments', () => {
  it('records who moderated a comment changed through PATCH, and ignores those fields sent', async () => {
    const a = await createComment(ctx.payload, article.id)
    const answer = await rest('PATCH', `/api/comments/${a.id}`, {
      token: tokens.editor,
      body: { status: 'rejected', moderatedBy: admin.id, moderatedAt: '2001-01-01T00:00:00.000Z' },
    })
    expect(answer.status).toBe(200)
    const stored = await storedComment(ctx.payload, a.id)
    expect(stored).toMatchObject({ status: 'rejected', moderatedBy: editor.id })
    expect(stored.moderatedAt).not.toBe('2001-01-01T00:00:00.000Z')
  })

  it('keeps comments from authors, translators and anonymous callers', async () => {
    const a = await createComment(ctx.payload, article.id)
    for (const token of [tokens.author, tokens.translator, undefined]) {
      const list = await rest('GET', '/api/comments', { token })
      expect(list.status).toBe(403)
      const patch = await rest('PATCH', `/api/comments/${a.id}`, {
        token,
        body: { status: 'approved' },
      })
      expect(patch.status).toBe(403)
      const count = await rest('GET', '/api/comments/count?where[status][equals]=pending', {
        token,
      })
      expect(count.status).toBe(403)
    }
    expect(await statusesOf([a.id])).toEqual(['pending'])
    const asEditor = await rest('GET', '/api/comments/count?where[status][equals]=pending', {
      token: tokens.editor,
    })
    expect(asEditor.status).toBe(200)
    expect(asEditor.json.totalDocs).toBeGreaterThan(0)
  })
})

describe('POST /api/comments/:id/reply', () => {
  it('publishes the newsroom’s reply under the comment, approving it when pending', async () => {
    const parent = await createComment(ctx.payload, article.id, { language: 'az' })
    const answer = await rest('POST', `/api/comments/${parent.id}/reply`, {
      token: tokens.editor,
      body: { body: '  Thank you: the timetable is fixed now.  ' },
    })
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({
      parent: parent.id,
      approved: [parent.id],
      message: 'The reply is published.',
    })
    const reply = await storedComment(ctx.payload, Number(answer.json.id))
    expect(reply).toMatchObject({
      article: article.id,
      parent: parent.id,
      name: 'Caspian Digest',
      email: 'desk@caspian.example',
      body: 'Thank you: the timetable is fixed now.',
      language: 'az',
      status: 'approved',
      byNewsroom: true,
      moderatedBy: editor.id,
    })
    expect(await statusesOf([parent.id])).toEqual(['approved'])

    // A reply to a reply goes under the top-level comment (one level of replies).
    const second = await rest('POST', `/api/comments/${reply.id}/reply`, {
      token: tokens.editor,
      body: { body: 'And the evening ferry too.' },
    })
    expect(second.status).toBe(200)
    expect(second.json).toMatchObject({ parent: parent.id, approved: [] })
  })

  it('refuses the others, bad bodies and hidden comments, creating nothing', async () => {
    const pending = await createComment(ctx.payload, article.id)
    const spam = await createComment(ctx.payload, article.id, { status: 'spam' })
    const countReplies = async () =>
      (
        await ctx.payload.count({
          collection: 'comments',
          where: { byNewsroom: { equals: true } },
          overrideAccess: true,
        })
      ).totalDocs
    const before = await countReplies()
    const cases: [string | undefined, string, unknown, number, string][] = [
      [tokens.author, `${pending.id}`, { body: 'x' }, 403, 'moderation.editorsOnly'],
      [tokens.translator, `${pending.id}`, { body: 'x' }, 403, 'moderation.editorsOnly'],
      [undefined, `${pending.id}`, { body: 'x' }, 401, 'access.logIn'],
      [tokens.editor, `${pending.id}`, { body: '   ' }, 400, 'moderation.replyEmpty'],
      [tokens.editor, `${pending.id}`, { body: 42 }, 400, 'moderation.replyEmpty'],
      [tokens.editor, `${pending.id}`, { body: 'x'.repeat(2001) }, 400, 'moderation.replyTooLong'],
      [tokens.editor, '987654', { body: 'x' }, 404, 'moderation.noComment'],
      [tokens.editor, 'abc', { body: 'x' }, 404, 'moderation.noComment'],
      [tokens.editor, `${spam.id}`, { body: 'x' }, 409, 'moderation.replyToHidden'],
    ]
    for (const [token, id, body, status, code] of cases) {
      const answer = await rest('POST', `/api/comments/${id}/reply`, { token, body })
      expect({ id, body, status: answer.status, code: codeOf(answer) }).toEqual({
        id,
        body,
        status,
        code,
      })
    }
    const hidden = await rest('POST', `/api/comments/${spam.id}/reply`, {
      token: tokens.editor,
      language: 'ru',
      body: { body: 'x' },
    })
    expect(messageOf(hidden)).toBe(
      `Статус комментария ${spam.id}: спам. Редакция отвечает только на комментарии, которые публикует. Ничего не изменено.`,
    )
    expect(await countReplies()).toBe(before)
    expect(await statusesOf([pending.id, spam.id])).toEqual(['pending', 'spam'])
  })
})

describe('the editors’ email about new comments', () => {
  const queuedJobs = async () =>
    (
      await ctx.payload.find({
        collection: 'payload-jobs',
        where: {
          and: [{ taskSlug: { equals: 'commentsNotify' } }, { completedAt: { exists: false } }],
        },
        overrideAccess: true,
        limit: 100,
      })
    ).docs

  /** Sends what earlier tests left waiting, so that each test counts its own emails. */
  const flush = async () => {
    await runQueue(ctx.payload)
    await sendCommentNotices(await requestFor(ctx.payload, null), {
      claimant: 'flush',
      leaseSeconds: 0,
    })
  }

  it('queues one job for five comments and sends each editor one email, however often it runs', async () => {
    await flush()
    const mailsBefore = (await moderationMails(ctx.outboxDir)).length
    const comments = []
    for (let i = 0; i < 4; i += 1) comments.push(await createComment(ctx.payload, article.id))
    comments.push(
      await createComment(ctx.payload, article.id, {
        name: '<script>alert(1)</script> & Co',
        body: 'Fine <b>bold</b> words',
      }),
    )
    expect(await queuedJobs()).toHaveLength(1)

    await runQueue(ctx.payload)
    await runQueue(ctx.payload)
    const mails = (await moderationMails(ctx.outboxDir)).slice(mailsBefore)
    expect(mails.map((mail) => mail.to).sort()).toEqual([[editor.email], [editorRu.email]].sort())
    const english = mails.find((mail) => mail.to.includes(editor.email))!
    expect(english.subject).toBe('Comments awaiting moderation: 5')
    for (const comment of comments) {
      expect(english.text).toContain(`/admin/collections/comments/${comment.id}`)
    }
    expect(english.text).toContain('on “Ferry timetable changes at dawn” (English)')
    expect(english.text).toContain(
      '/admin/collections/comments?where%5Bstatus%5D%5Bequals%5D=pending',
    )
    expect(english.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; Co')
    expect(english.html).not.toContain('<script>')
    expect(english.html).not.toContain('<b>bold</b>')
    const russian = mails.find((mail) => mail.to.includes(editorRu.email))!
    expect(russian.subject).toBe('Комментарии ждут модерации: 5')
    expect(russian.text).toContain('(английский)')

    for (const comment of comments) {
      expect((await storedComment(ctx.payload, comment.id)).notifiedAt).toBeTruthy()
    }
    expect(await queuedJobs()).toHaveLength(0)
  })

  it('counts a comment confirmed by its writer (unconfirmed → pending) as new', async () => {
    await flush()
    const comment = await createComment(ctx.payload, article.id, { status: 'unconfirmed' })
    expect(await queuedJobs()).toHaveLength(0)
    await ctx.payload.update({
      collection: 'comments',
      id: comment.id,
      data: { status: 'pending' },
      overrideAccess: true,
    })
    expect(await queuedJobs()).toHaveLength(1)
    const mailsBefore = (await moderationMails(ctx.outboxDir)).length
    await runQueue(ctx.payload)
    const mails = (await moderationMails(ctx.outboxDir)).slice(mailsBefore)
    expect(mails).toHaveLength(2)
    expect(mails[0].subject).toMatch(/: 1$/)
  })

  it('sends each editor one email when two runners send the same batch at once', async () => {
    await flush()
    const mailsBefore = (await moderationMails(ctx.outboxDir)).length
    await createComment(ctx.payload, article.id)
    await createComment(ctx.payload, article.id)
    const run = async (claimant: string) =>
      sendCommentNotices(await requestFor(ctx.payload, null), { claimant, leaseSeconds: 300 })
    const sent = await Promise.all([run('runner A'), run('runner B'), run('runner C')])
    expect(sent.reduce((a, b) => a + b, 0)).toBe(2)
    const mails = (await moderationMails(ctx.outboxDir)).slice(mailsBefore)
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([editor.email, editorRu.email].sort())
    expect(await openBatch(ctx.payload)).toBeNull()
  })

  it('resumes after a crash between two sends without sending anyone twice', async () => {
    await flush()
    const mailsBefore = (await moderationMails(ctx.outboxDir)).length
    await createComment(ctx.payload, article.id)
    const req = await requestFor(ctx.payload, null)
    // The runner dies right after handing the first email to SMTP.
    const send = ctx.payload.sendEmail.bind(ctx.payload)
    let calls = 0
    ctx.payload.sendEmail = (async (message: Parameters<typeof send>[0]) => {
      calls += 1
      if (calls === 2) throw new Error('the runner died')
      return send(message)
    }) as typeof ctx.payload.sendEmail
    try {
      await expect(
        sendCommentNotices(req, { claimant: 'job 1', leaseSeconds: 300 }),
      ).rejects.toThrow('the runner died')
    } finally {
      ctx.payload.sendEmail = send
    }
    expect((await moderationMails(ctx.outboxDir)).slice(mailsBefore)).toHaveLength(1)
    // The batch stays open until every editor has had it.
    const open = await openBatch(ctx.payload)
    expect(open).not.toBeNull()

    // A dead runner's claim: another runner leaves it alone within the lease...
    const [first, second] = [editor.id, editorRu.id].sort((a, b) => a - b)
    expect(
      await claim(ctx.payload, LEDGERS.commentNotices, open!.id, second, {
        claimant: 'job 7',
        leaseSeconds: 300,
      }),
    ).toBe(true)
    expect(await sendCommentNotices(req, { claimant: 'job 2', leaseSeconds: 300 })).toBe(0)
    // ...and the same job run again (given back by the runner's lease) sends it, once.
    expect(await sendCommentNotices(req, { claimant: 'job 7', leaseSeconds: 300 })).toBe(1)
    expect(await sendCommentNotices(req, { claimant: 'job 8', leaseSeconds: 0 })).toBe(0)
    const mails = (await moderationMails(ctx.outboxDir)).slice(mailsBefore)
    expect(mails).toHaveLength(2)
    expect(new Set(mails.map((mail) => mail.to[0])).size).toBe(2)
    expect(first).toBeLessThan(second)
    expect(await openBatch(ctx.payload)).toBeNull()
  })

  it('sends nothing about comments moderated before the email went out', async () => {
    await flush()
    const mailsBefore = (await moderationMails(ctx.outboxDir)).length
    const comment = await createComment(ctx.payload, article.id)
    await rest('POST', '/api/comments/moderate', {
      token: tokens.editor,
      body: { ids: [comment.id], status: 'approved' },
    })
    await runQueue(ctx.payload)
    expect((await moderationMails(ctx.outboxDir)).slice(mailsBefore)).toHaveLength(0)
    expect(await openBatch(ctx.payload)).toBeNull()
  })
})
