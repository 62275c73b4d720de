import { createHash } from 'node:crypto'

import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { expiringOnce } from '@/cache/revalidate'
import { drizzleFor, inTransaction } from '@/db/client'
import {
  commentIdsOf,
  commentTarget,
  confirmCommenter,
  forgetCommenter,
  isConfirmedCommenter,
  isDuplicateComment,
  lockCommenter,
  lockCommentText,
  replyTarget,
} from '@/db/comments'
import { hitRateLimit } from '@/db/rateLimits'
import { clientFingerprint, hashAddress } from '@/lib/clientAddress'
import {
  COMMENT_ENDPOINTS,
  COMMENT_FIELDS,
  COMMENT_FRAGMENTS,
  COMMENT_LINK_PURPOSES,
  commentPagePaths,
  CONFIRM_LINK_DAYS,
  countLinks,
} from '@/lib/commentForm'
import { COMMENT_LIMITS, commentModeOf } from '@/lib/comments'
import { checkCommentFormToken, commentFormToken } from '@/lib/commentTokens'
import { emailFooterHtml, emailHtml, escapeHtml, readerPageHtml } from '@/lib/html'
import { isLanguage, type Language } from '@/lib/languages'
import { languageOf, message, messageCode, type MessageKey } from '@/lib/messages'
import {
  isEmailAddress,
  READER_FORM_MAX_BYTES,
  ReaderRefusal,
  refusalJson,
  seeOther,
} from '@/lib/readerForms'
import { signLink, verifyLink } from '@/lib/signedLinks'
import { absoluteUrl, urls } from '@/lib/urls'

import { commentWords } from '../public/words'

/**
 * The readers' side of comments: submit (`POST /api/comments/submit`), confirm a first-time
 * commenter's address (`/api/comments/confirm`) and erase everything written with an address
 * (`/api/comments/erase`), each taking a form without JavaScript (urlencoded: `303` back to the
 * page, or on a refusal a small page in the reader's language with the form filled in again)
 * or JSON (the enhanced form: `{ ok, message }`, refusals `{ errors: [{ message, data: { code } }] }`
 * with a 4xx). `GET /api/comments/form-token` gives the enhanced form a fresh render-time token.
 *
 * Safeguards of a submission, in order: the body's size; per-address rate limit; the honeypot
 * (filled: answered as accepted, nothing stored); the article (published, mode `moderated`);
 * the signed render time (not too fast, not too old); name, email, text and links; the parent;
 * per-email rate limit; then in one transaction: the same text on the article serialised,
 * duplicates refused, the comment stored (`pending` for a confirmed address, else `unconfirmed`
 * with the confirmation email sent before the commit: no comment without its email).
 */

/** Limits of the app's own rate limits (nginx limits the same paths per address before). */
export const COMMENT_RATE_LIMITS = {
  address: { bucket: 'comment-address', limit: 6, windowSeconds: 10 * 60 },
  email: { bucket: 'comment-email', limit: 4, windowSeconds: 10 * 60 },
  links: { bucket: 'comment-link', limit: 20, windowSeconds: 10 * 60 },
} as const
/** How long the same text from the same email or address counts as a duplicate. */
export const DUPLICATE_WINDOW_SECONDS = 24 * 60 * 60
/** The most comments one erase link deletes in one go (the link works again for the rest). */
const MAX_ERASE = 1000

type Fields = Record<string, string>

/** How the caller wants its answer: the enhanced form (JSON) or a form without JavaScript. */
const wantsJson = (req: PayloadRequest) =>
  (req.headers.get('content-type') ?? '').includes('application/json') ||
  (req.headers.get('accept') ?? '').startsWith('application/json')

/** The request's fields, as strings, from JSON or a urlencoded form (bounded). */
const readFields = async (req: PayloadRequest): Promise<Fields> => {
  const length = Number(req.headers.get('content-length') ?? 0)
  if (length > READER_FORM_MAX_BYTES) throw new ReaderRefusal('comments:tooLarge', 413)
  let text: string
  try {
    text = (await req.text?.()) ?? ''
  } catch {
    throw new ReaderRefusal('comments:badForm', 400)
  }
  if (Buffer.byteLength(text) > READER_FORM_MAX_BYTES)
    throw new ReaderRefusal('comments:tooLarge', 413)
  const type = req.headers.get('content-type') ?? ''
  const fields: Fields = {}
  if (type.includes('application/json')) {
    let data: unknown
    try {
      data = JSON.parse(text || '{}')
    } catch {
      throw new ReaderRefusal('comments:badForm', 400)
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new ReaderRefusal('comments:badForm', 400)
    }
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'string') fields[key] = value
      else if (typeof value === 'number') fields[key] = String(value)
    }
    return fields
  }
  if (type.includes('application/x-www-form-urlencoded') || type === '') {
    for (const [key, value] of new URLSearchParams(text)) fields[key] = value
    return fields
  }
  throw new ReaderRefusal('comments:badForm', 415)
}

/** The reader's language: the form's `language` field, else the request's. */
const readerLanguage = (req: PayloadRequest, fields: Fields): Language => {
  const given = fields[COMMENT_FIELDS.language]
  return isLanguage(given) ? given : languageOf(req)
}

const htmlPage = (language: Language, title: string, inner: string, status: number, headers = {}) =>
  new Response(
    readerPageHtml(
      language,
      title,
      `<div class="comment-refusal">${inner}</div>`,
      '.comment-refusal-message{color:#a00;font-weight:600}',
    ),
    {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'private, no-store',
        ...headers,
      },
    },
  )

/**
 * A refused form without JavaScript: the message, and the form again with everything the reader
 * typed (and a fresh render-time token), so nothing is lost.
 */
const refusalPage = (
  language: Language,
  refusal: ReaderRefusal,
  fields: Fields,
  articlePath: string | null,
) => {
  const t = commentWords(language)
  const value = (name: string) => escapeHtml(fields[name] ?? '')
  const hidden = (name: string, v: string) =>
    `<input type="hidden" name="${name}" value="${escapeHtml(v)}">`
  const form = fields[COMMENT_FIELDS.article]
    ? `<p>${escapeHtml(t('sendAgain'))}</p><form method="post" action="${COMMENT_ENDPOINTS.submit}" class="comment-form">${hidden(COMMENT_FIELDS.article, fields[COMMENT_FIELDS.article] ?? '')}${hidden(COMMENT_FIELDS.parent, fields[COMMENT_FIELDS.parent] ?? '')}${hidden(COMMENT_FIELDS.language, language)}${hidden(COMMENT_FIELDS.token, commentFormToken())}<p><label>${escapeHtml(t('name'))}<br><input name="${COMMENT_FIELDS.name}" value="${value(COMMENT_FIELDS.name)}" maxlength="${COMMENT_LIMITS.name}" required></label></p><p><label>${escapeHtml(t('email'))}<br><input type="email" name="${COMMENT_FIELDS.email}" value="${value(COMMENT_FIELDS.email)}" required></label></p><p><label>${escapeHtml(t('body'))}<br><textarea name="${COMMENT_FIELDS.body}" rows="8" maxlength="${COMMENT_LIMITS.body}" required>${value(COMMENT_FIELDS.body)}</textarea></label></p><p><button type="submit">${escapeHtml(t('submit'))}</button></p></form>`
    : ''
  const back = articlePath
    ? `<p><a href="${escapeHtml(articlePath)}">${escapeHtml(t('backToArticle'))}</a></p>`
    : ''
  return htmlPage(
    language,
    t('notSentTitle'),
    `<main><h1>${escapeHtml(t('notSentTitle'))}</h1><p class="comment-refusal-message" role="alert">${escapeHtml(message(language, refusal.key, refusal.values))}</p>${form}${back}</main>`,
    refusal.status,
    refusal.headers,
  )
}

/** An unexpected error (the database busy, …): a 4xx/5xx APIError keeps its status. */
const asRefusal = (error: unknown): ReaderRefusal | APIError => {
  if (error instanceof ReaderRefusal) return error
  if (error instanceof APIError) return error
  throw error
}

const apiErrorResponse = (error: APIError) =>
  Response.json(
    { errors: [{ name: 'Refusal', message: error.message, data: error.data ?? undefined }] },
    { status: error.status, headers: { 'cache-control': 'no-store' } },
  )

const rateLimited = (retryAfterSeconds: number) =>
  new ReaderRefusal(
    'comments:rateLimited',
    429,
    { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    { 'retry-after': String(retryAfterSeconds) },
  )

const hashEmail = (email: string) => hashAddress(`email:${email}`)

/** An id field: a positive integer, or null when absent. */
const idField = (value: string | undefined, key: MessageKey, status: number): number | null => {
  if (value === undefined || value === '') return null
  if (!/^\d{1,9}$/.test(value) || Number(value) <= 0) throw new ReaderRefusal(key, status)
  return Number(value)
}

type Checked = {
  articleId: number
  parentId: number | null
  name: string
  email: string
  body: string
  language: Language
  article: NonNullable<Awaited<ReturnType<typeof commentTarget>>>
}

/** Every check of a submission that needs no transaction. */
const checkSubmission = async (
  req: PayloadRequest,
  fields: Fields,
  language: Language,
  ipHash: string,
): Promise<Checked | 'trap'> => {
  const address = await hitRateLimit(req.payload, COMMENT_RATE_LIMITS.address, ipHash)
  if (!address.allowed) throw rateLimited(address.retryAfterSeconds)
  // Bots fill every field; people never see this one. Answered as accepted, nothing stored.
  if ((fields[COMMENT_FIELDS.trap] ?? '').trim() !== '') return 'trap'

  const articleId = idField(fields[COMMENT_FIELDS.article], 'comments:noArticle', 404)
  if (articleId === null) throw new ReaderRefusal('comments:noArticle', 404)
  const db = await drizzleFor(req)
  const article = await commentTarget(db, articleId)
  // Unpublished and unknown answer alike: nothing tells whether a draft exists.
  if (!article) throw new ReaderRefusal('comments:noArticle', 404)
  const mode = commentModeOf(article.article_mode, article.section_mode)
  if (mode === 'closed') throw new ReaderRefusal('comments:closed', 403)
  if (mode === 'hidden') throw new ReaderRefusal('comments:hidden', 403)

  const timing = checkCommentFormToken(fields[COMMENT_FIELDS.token])
  if (timing === 'expired') throw new ReaderRefusal('comments:formExpired', 400)
  if (timing === 'tooFast') throw new ReaderRefusal('comments:tooFast', 400)

  const name = (fields[COMMENT_FIELDS.name] ?? '').trim().replace(/\s+/g, ' ')
  if (!name) throw new ReaderRefusal('comments:nameMissing', 400)
  if (name.length > COMMENT_LIMITS.name) {
    throw new ReaderRefusal('comments:nameTooLong', 400, { max: COMMENT_LIMITS.name })
  }
  const email = (fields[COMMENT_FIELDS.email] ?? '').trim().toLowerCase()
  if (!isEmailAddress(email)) throw new ReaderRefusal('comments:badEmail', 400)
  // Line breaks as \n, no NUL or other control characters, no trailing blanks.
  const body = (fields[COMMENT_FIELDS.body] ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim()
  if (!body) throw new ReaderRefusal('comments:bodyMissing', 400)
  if (body.length > COMMENT_LIMITS.body) {
    throw new ReaderRefusal('comments:bodyTooLong', 400, {
      max: COMMENT_LIMITS.body,
      length: body.length,
    })
  }
  if (countLinks(body) > COMMENT_LIMITS.links) {
    throw new ReaderRefusal('comments:tooManyLinks', 400, { max: COMMENT_LIMITS.links })
  }
  let parentId = idField(fields[COMMENT_FIELDS.parent], 'comments:badParent', 400)
  if (parentId !== null) {
    parentId = await replyTarget(db, articleId, parentId)
    if (parentId === null) throw new ReaderRefusal('comments:badParent', 400)
  }
  const perEmail = await hitRateLimit(req.payload, COMMENT_RATE_LIMITS.email, hashEmail(email))
  if (!perEmail.allowed) throw rateLimited(perEmail.retryAfterSeconds)
  return { articleId, parentId, name, email, body, language, article }
}

/** The confirmation email of a first-time commenter (HTML and text, in the reader's language). */
const confirmationEmail = (input: Checked) => {
  const t = commentWords(input.language)
  const expires = new Date(Date.now() + CONFIRM_LINK_DAYS * 24 * 60 * 60 * 1000)
  const confirmToken = signLink(
    COMMENT_LINK_PURPOSES.confirm,
    { e: input.email, a: input.articleId },
    expires,
  )
  const eraseToken = signLink(COMMENT_LINK_PURPOSES.erase, { e: input.email })
  const confirmUrl = absoluteUrl(commentPagePaths.confirm(input.language, confirmToken))
  const eraseUrl = absoluteUrl(commentPagePaths.erase(input.language, eraseToken))
  const title = input.article.title
  const lines = [
    t('mailGreeting', { name: input.name }),
    t('mailBody', { title, days: CONFIRM_LINK_DAYS }),
    confirmUrl,
    t('mailIgnore'),
    t('mailErase'),
    eraseUrl,
    t('mailSignature'),
  ]
  const e = escapeHtml
  const html = emailHtml(
    input.language,
    [
      `<p>${e(lines[0]!)}</p>`,
      `<p>${e(lines[1]!)}</p>`,
      `<p><a href="${e(confirmUrl)}">${e(t('confirmButton'))}</a></p>`,
      `<p>${e(lines[3]!)}</p>`,
      emailFooterHtml(`${e(lines[4]!)} <a href="${e(eraseUrl)}">${e(t('eraseButton'))}</a>`),
      `<p>${e(lines[6]!)}</p>`,
    ],
    'reader',
  )
  return {
    to: input.email,
    subject: t('mailSubject', { title }),
    text: lines.join('\n\n'),
    html,
  }
}

type Stored = 'pending' | 'unconfirmed'

const store = async (req: PayloadRequest, input: Checked, ipHash: string): Promise<Stored> =>
  inTransaction(req, async () => {
    const db = await drizzleFor(req)
    const bodyHash = createHash('sha256').update(input.body).digest('hex').slice(0, 32)
    await lockCommentText(db, input.articleId, bodyHash)
    const duplicate = await isDuplicateComment(db, {
      articleId: input.articleId,
      body: input.body,
      email: input.email,
      ipHash,
      withinSeconds: DUPLICATE_WINDOW_SECONDS,
    })
    if (duplicate) throw new ReaderRefusal('comments:duplicate', 409)
    const status: Stored = (await isConfirmedCommenter(db, input.email)) ? 'pending' : 'unconfirmed'
    await req.payload.create({
      collection: 'comments',
      data: {
        article: input.articleId,
        parent: input.parentId,
        name: input.name,
        email: input.email,
        body: input.body,
        language: input.language,
        status,
        byNewsroom: false,
        ipHash,
      },
      req,
      overrideAccess: true,
      depth: 0,
    })
    if (status === 'unconfirmed') {
      try {
        await req.payload.sendEmail(confirmationEmail(input))
      } catch (error) {
        req.payload.logger.error(`Comment confirmation email failed: ${(error as Error).message}`)
        throw new ReaderRefusal('comments:mailFailed', 503)
      }
    }
    return status
  })

/** `POST /api/comments/submit` */
const submit: Endpoint = {
  path: '/submit',
  method: 'post',
  handler: async (req) => {
    const json = wantsJson(req)
    let fields: Fields = {}
    let language = languageOf(req)
    let articlePath: string | null = null
    try {
      fields = await readFields(req)
      language = readerLanguage(req, fields)
      const ipHash = clientFingerprint(req.headers)
      const checked = await checkSubmission(req, fields, language, ipHash)
      if (checked !== 'trap') {
        articlePath = urls.article(checked.article.language, checked.article.slug)
      }
      const status: Stored = checked === 'trap' ? 'unconfirmed' : await store(req, checked, ipHash)
      const t = commentWords(language)
      const text = status === 'pending' ? t('sent') : t('checkEmail')
      if (json) return Response.json({ ok: true, message: text }, { status: 201 })
      const fragment = status === 'pending' ? COMMENT_FRAGMENTS.sent : COMMENT_FRAGMENTS.checkEmail
      const back =
        articlePath ??
        (checked === 'trap' ? await pathOfArticle(req, fields) : null) ??
        urls.home(language)
      return seeOther(`${back}#${fragment}`)
    } catch (error) {
      const refusal = asRefusal(error)
      if (refusal instanceof APIError) return apiErrorResponse(refusal)
      if (json) return refusalJson(language, refusal)
      return refusalPage(
        language,
        refusal,
        fields,
        articlePath ?? (await pathOfArticle(req, fields).catch(() => null)),
      )
    }
  },
}

/** The public path of the form's article, when it is published (for links back). */
const pathOfArticle = async (req: PayloadRequest, fields: Fields): Promise<string | null> => {
  const id = fields[COMMENT_FIELDS.article]
  if (!id || !/^\d{1,9}$/.test(id)) return null
  const article = await commentTarget(await drizzleFor(req), Number(id))
  return article ? urls.article(article.language, article.slug) : null
}

/** `GET /api/comments/form-token`: a fresh render time for the enhanced form. */
const formToken: Endpoint = {
  path: '/form-token',
  method: 'get',
  handler: () =>
    Response.json({ token: commentFormToken() }, { headers: { 'cache-control': 'no-store' } }),
}

/** The email a signed link was made for, or the refusal. */
const emailOfLink = (purpose: string, token: unknown): { email: string; articleId?: number } => {
  const verified = verifyLink(purpose, token)
  if (!verified.ok) {
    throw new ReaderRefusal(
      verified.reason === 'expired' ? 'comments:linkExpired' : 'comments:linkInvalid',
      verified.reason === 'expired' ? 410 : 400,
    )
  }
  const email = verified.data.e
  if (typeof email !== 'string' || !isEmailAddress(email)) {
    throw new ReaderRefusal('comments:linkInvalid', 400)
  }
  const articleId = typeof verified.data.a === 'number' ? verified.data.a : undefined
  return { email, articleId }
}

/** Where a link page sends the reader after a form without JavaScript. */
const resultPath = (
  page: 'confirm' | 'erase',
  language: Language,
  values: Record<string, string>,
) => `/${language}/comments/${page}?${new URLSearchParams(values).toString()}`

/** Serialises the link actions of one address (two clicks, two tabs). */
const lockEmail = async (req: PayloadRequest, email: string) => {
  const db = await drizzleFor(req)
  await lockCommenter(db, email)
  return db
}

type LinkKind = 'confirm' | 'erase'

/** What a link action did: the JSON answer's fields and the result page's query. */
type LinkOutcome = { answer: Record<string, unknown>; result: Record<string, string> }

/**
 * An endpoint a link in a commenter's email posts to (the link page's one button): the token
 * read and checked for `kind`, the per-address rate limit, then `act` with the address the link
 * was made for. Answers `{ ok, message, … }` to the enhanced page, else sends the reader back to
 * the link page with the result; a refusal the same way, worded by its code.
 */
const linkEndpoint = (
  kind: LinkKind,
  act: (
    req: PayloadRequest,
    link: { email: string; articleId?: number },
    language: Language,
  ) => Promise<LinkOutcome>,
): Endpoint => ({
  path: `/${kind}`,
  method: 'post',
  handler: async (req) => {
    const json = wantsJson(req)
    let language = languageOf(req)
    try {
      const fields = await readFields(req)
      language = readerLanguage(req, fields)
      const address = await hitRateLimit(
        req.payload,
        COMMENT_RATE_LIMITS.links,
        clientFingerprint(req.headers),
      )
      if (!address.allowed) throw rateLimited(address.retryAfterSeconds)
      const link = emailOfLink(COMMENT_LINK_PURPOSES[kind], fields.token)
      const { answer, result } = await act(req, link, language)
      if (json) return Response.json({ ok: true, ...answer })
      return seeOther(resultPath(kind, language, result))
    } catch (error) {
      const refusal = asRefusal(error)
      if (refusal instanceof APIError) return apiErrorResponse(refusal)
      if (json) return refusalJson(language, refusal)
      return seeOther(resultPath(kind, language, { result: messageCode(refusal.key) }))
    }
  },
})

/**
 * `POST /api/comments/confirm` (`token`, `language`): the first-time commenter's address is
 * confirmed, their unconfirmed comments enter the moderation queue (through Payload's update,
 * so the collection's hooks see the status change). Works once: a confirmed address, or one
 * with nothing left to confirm, is refused as used.
 */
const confirm = linkEndpoint('confirm', async (req, { email, articleId }, language) => {
  const moved = await expiringOnce(req, () =>
    inTransaction(req, async () => {
      const db = await lockEmail(req, email)
      if (await isConfirmedCommenter(db, email)) throw new ReaderRefusal('comments:linkUsed', 409)
      const ids = await commentIdsOf(db, email, 'unconfirmed', MAX_ERASE)
      if (ids.length === 0) throw new ReaderRefusal('comments:linkUsed', 409)
      await confirmCommenter(db, email)
      for (const id of ids) {
        await req.payload.update({
          collection: 'comments',
          id,
          data: { status: 'pending' },
          req,
          overrideAccess: true,
          depth: 0,
        })
      }
      return ids.length
    }),
  )
  const article = articleId ? await commentTarget(await drizzleFor(req), articleId) : null
  const back = article ? urls.article(article.language, article.slug) : ''
  return {
    answer: { message: commentWords(language)('confirmed'), confirmed: moved, back },
    result: { result: 'confirmed', back },
  }
})

/**
 * `POST /api/comments/erase` (`token`, `language`): deletes every comment written with the
 * link's address (through Payload's delete, so the collection's hooks expire the pages that
 * showed them) and forgets the address. The link keeps working (nothing left: 0 deleted).
 */
const erase = linkEndpoint('erase', async (req, { email }, language) => {
  const deleted = await expiringOnce(req, () =>
    inTransaction(req, async () => {
      const db = await lockEmail(req, email)
      // Replies first: deleting a comment takes its replies with it (the foreign key).
      const ids = await commentIdsOf(db, email, null, MAX_ERASE)
      let count = 0
      for (const id of ids) {
        const gone = await req.payload
          .delete({ collection: 'comments', id, req, overrideAccess: true, depth: 0 })
          .then(() => true)
          .catch((error: unknown) => {
            if (error instanceof APIError && error.status === 404) return false
            throw error
          })
        if (gone) count += 1
      }
      await forgetCommenter(db, email)
      return count
    }),
  )
  return {
    answer: { message: commentWords(language)('erased', { count: deleted }), deleted },
    result: { result: 'erased', count: String(deleted) },
  }
})

/** The public endpoints of the comments collection. */
export const publicCommentEndpoints: Endpoint[] = [submit, confirm, erase, formToken]
