/**
 * The newsletter's public endpoints (`/api/subscribers/…`; nginx rate-limits these paths):
 *
 * - `POST subscribe`   email, language, sections[] or all; honeypot `homepage`; `returnTo`
 * - `POST confirm`     token (from the confirmation email) → subscribed
 * - `POST unsubscribe` token (signed manage link); also RFC 8058's one-click POST from the mail
 *                      client (`?token=…`, body `List-Unsubscribe=One-Click`) → 200
 * - `POST preferences` token, language, sections[] or all
 * - `GET digest-preview?language=` (editors) the next digest as subscribers would get it
 *
 * Each takes a form (`application/x-www-form-urlencoded`: answered with `303 See Other` back to
 * the page, a `#newsletter-…` fragment the page shows through CSS `:target`, or on a refusal a
 * small page in the reader's language with the form filled in again) or JSON (`{ ok, message }`,
 * or `{ errors: [{ message, data: { code } }] }` with a 4xx). The reader's language is the
 * form's `language`, else the request's (`Accept-Language`).
 */
import { createHash, randomBytes } from 'node:crypto'

import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { hasRole, isEditorUser } from '@/access/roles'
import { hitRateLimit, type RateLimitRule } from '@/db/rateLimits'
import { clientFingerprint, hashAddress } from '@/lib/clientAddress'
import { escapeHtml, readerPageHtml } from '@/lib/html'
import { isLanguage, LANGUAGES, type Language } from '@/lib/languages'
import { joinList, languageOf, message, messageCode } from '@/lib/messages'
import {
  isEmailAddress,
  READER_FORM_MAX_BYTES,
  ReaderRefusal,
  refusalJson,
  seeOther,
} from '@/lib/readerForms'
import { verifyLink } from '@/lib/signedLinks'
import type { Subscriber } from '@/payload-types'

import {
  CONFIRM_TOKEN_HOURS,
  MANAGE_LINK_PURPOSE,
  SUBSCRIBE_RATE_LIMITS,
  SUBSCRIBER_LIMITS,
} from './constants'
import { digestSchedule, ensureDigestSchedule, previewDigest, queueDigestNow } from './digest'
import { alreadySubscribedEmail, confirmationEmail, readerText, subscriberLinks } from './emails'

// ─── reading and answering ─────────────────────────────────────────────────────────────────────

type Fields = Record<string, string | string[] | boolean | number | null | undefined>
type Incoming = { fields: Fields; form: boolean; language: Language }

const first = (value: Fields[string]): string | undefined =>
  Array.isArray(value)
    ? value[0]
    : value === undefined || value === null
      ? undefined
      : String(value)

/** The body (a form or JSON) and the query string, as plain fields; the reader's language. */
const readIncoming = async (req: PayloadRequest): Promise<Incoming> => {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  const fields: Fields = {}
  for (const [key, value] of new URLSearchParams(req.searchParams?.toString() ?? '')) {
    if (key === 'token') fields.token = value
  }
  let form = false
  if (type === 'application/x-www-form-urlencoded') {
    form = true
    const text = req.text ? await req.text() : ''
    if (text.length > READER_FORM_MAX_BYTES) throw new ReaderRefusal('newsletter:rejected', 413)
    for (const [key, value] of new URLSearchParams(text)) {
      const existing = fields[key]
      if (key === 'sections') {
        fields.sections = [...(Array.isArray(existing) ? existing : []), value]
      } else fields[key] = value
    }
  } else if (type === 'application/json') {
    try {
      await addDataAndFileToRequest(req)
    } catch {
      throw new ReaderRefusal('request:notJson', 400)
    }
    const data = (req.data ?? {}) as Record<string, unknown>
    for (const [key, value] of Object.entries(data)) {
      if (
        Array.isArray(value) ||
        ['string', 'number', 'boolean'].includes(typeof value) ||
        value === null
      ) {
        fields[key] = Array.isArray(value) ? value.map(String) : (value as Fields[string])
      }
    }
  } else if (req.method === 'POST' && type) {
    throw new ReaderRefusal('request:notJson', 415)
  }
  const language = first(fields.language)
  return { fields, form, language: isLanguage(language) ? language : languageOf(req) }
}

/** A path on this site to go back to (never another site); else the language's front page. */
const backTo = (req: PayloadRequest, incoming: Incoming): string => {
  const sitePath = (candidate: string | undefined) =>
    candidate && /^\/(?![/\\])[^\s]*$/.test(candidate) && candidate.length < 500
      ? candidate.split('#')[0]
      : null
  const given = sitePath(first(incoming.fields.returnTo))
  if (given) return given
  // The page the form was on (same origin only).
  const referer = req.headers.get('referer')
  if (referer) {
    try {
      const url = new URL(referer)
      const origin = new URL(req.payload.config.serverURL || 'http://localhost').origin
      const host = req.headers.get('host')
      if (url.origin === origin || url.host === host) {
        const path = sitePath(`${url.pathname}${url.search}`)
        if (path) return path
      }
    } catch {
      // not a URL: the front page
    }
  }
  return `/${incoming.language}`
}

/** Which form on the page (`footer`, `article`) the fragment names, so each shows its notice. */
const placeOf = (incoming: Incoming) => {
  const place = first(incoming.fields.place)
  return place === 'footer' || place === 'article' ? `-${place}` : ''
}

/** The small page a form without JavaScript gets on a refusal: the message, the form again. */
const refusalPage = (
  req: PayloadRequest,
  incoming: Incoming,
  text: string,
  status: number,
  action: string,
  headers?: Record<string, string>,
) => {
  const lang = incoming.language
  const hidden = Object.entries(incoming.fields)
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) =>
        v === undefined || v === null || name === 'homepage'
          ? ''
          : `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(String(v))}">`,
      ),
    )
    .join('')
  const email = first(incoming.fields.email)
  const back = backTo(req, incoming)
  const body = readerPageHtml(
    lang,
    text,
    [
      `<p role="alert" id="newsletter-error">${escapeHtml(text)}</p>`,
      `<form method="post" action="${escapeHtml(action)}">${hidden.replace(/<input type="hidden" name="email"[^>]*>/, '')}`,
      ...(email !== undefined
        ? [
            `<p><input type="email" name="email" value="${escapeHtml(email)}" required maxlength="${SUBSCRIBER_LIMITS.email}"></p>`,
          ]
        : []),
      `<p><button type="submit">${escapeHtml(readerText(lang, 'refusal.retry'))}</button> `,
      `<a href="${escapeHtml(back)}">${escapeHtml(readerText(lang, 'refusal.back'))}</a></p></form>`,
    ].join(''),
  )
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-store',
      ...headers,
    },
  })
}

type Outcome = { message: string; location: string }

/** Runs a public endpoint: refusals worded in the reader's language, as a page or JSON. */
const publicEndpoint =
  (
    path: string,
    handle: (req: PayloadRequest, incoming: Incoming) => Promise<Outcome | Response>,
  ) =>
  async (req: PayloadRequest): Promise<Response> => {
    let incoming: Incoming = { fields: {}, form: false, language: languageOf(req) }
    try {
      incoming = await readIncoming(req)
      const outcome = await handle(req, incoming)
      if (outcome instanceof Response) return outcome
      return incoming.form
        ? seeOther(outcome.location)
        : Response.json(
            { ok: true, message: outcome.message },
            { headers: { 'Cache-Control': 'no-store' } },
          )
    } catch (error) {
      if (!(error instanceof ReaderRefusal)) throw error
      const text = message(incoming.language, error.key, error.values)
      // The confirmation page says itself why a link was refused, in the reader's language.
      if (incoming.form && path === '/confirm') {
        return seeOther(
          `/${incoming.language}/newsletter/confirm?refused=${messageCode(error.key)}`,
        )
      }
      if (incoming.form) {
        return refusalPage(
          req,
          incoming,
          text,
          error.status,
          `/api/subscribers${path}`,
          error.headers,
        )
      }
      return refusalJson(incoming.language, error)
    }
  }

const limited = async (req: PayloadRequest, rule: RateLimitRule, key: string) => {
  const verdict = await hitRateLimit(req.payload, rule, key)
  if (!verdict.allowed) {
    throw new ReaderRefusal(
      'newsletter:tooMany',
      429,
      { seconds: verdict.retryAfterSeconds },
      { 'Retry-After': String(verdict.retryAfterSeconds) },
    )
  }
}

// ─── checks ────────────────────────────────────────────────────────────────────────────────────

const readEmail = (fields: Fields): string => {
  const email = first(fields.email)?.trim().toLowerCase()
  if (!email || email.length > SUBSCRIBER_LIMITS.email || !isEmailAddress(email)) {
    throw new ReaderRefusal('newsletter:badEmail', 400)
  }
  return email
}

const readLanguage = (fields: Fields, audience: Language): Language => {
  const language = first(fields.language)
  if (!isLanguage(language)) {
    throw new ReaderRefusal('newsletter:badLanguage', 400, {
      languages: joinList(audience, LANGUAGES),
    })
  }
  return language
}

const truthy = (value: Fields[string]) =>
  ['1', 'true', 'on', 'yes'].includes(String(first(value) ?? '').toLowerCase())

/** `{ all: true }` or the chosen sections, every one of which must exist. */
const readSections = async (
  req: PayloadRequest,
  fields: Fields,
): Promise<{ allSections: boolean; sections: number[] }> => {
  if (truthy(fields.all)) return { allSections: true, sections: [] }
  const raw = fields.sections
  const values = (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [String(raw)])
    .flatMap((value) => String(value).split(','))
    .map((value) => value.trim())
    .filter(Boolean)
  if (!values.length) throw new ReaderRefusal('newsletter:noSections', 400)
  if (values.length > SUBSCRIBER_LIMITS.sections) {
    throw new ReaderRefusal('newsletter:tooManySections', 400, { max: SUBSCRIBER_LIMITS.sections })
  }
  const ids = [...new Set(values)]
  const bad = ids.filter((id) => !/^\d{1,9}$/.test(id))
  const numbers = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number)
  const { docs } = numbers.length
    ? await req.payload.find({
        collection: 'categories',
        where: { id: { in: numbers } },
        depth: 0,
        limit: SUBSCRIBER_LIMITS.sections,
        pagination: false,
        select: {},
        overrideAccess: false,
      })
    : { docs: [] }
  const found = new Set(docs.map((doc) => doc.id))
  const missing = [...bad, ...numbers.filter((id) => !found.has(id)).map(String)]
  if (missing.length) {
    throw new ReaderRefusal('newsletter:badSections', 400, { ids: missing.slice(0, 10).join(', ') })
  }
  return { allSections: false, sections: numbers }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

const subscriberByLink = async (req: PayloadRequest, fields: Fields): Promise<Subscriber> => {
  const verified = verifyLink(MANAGE_LINK_PURPOSE, first(fields.token))
  const id = verified.ok ? Number(verified.data.id) : NaN
  if (!Number.isInteger(id) || id <= 0) throw new ReaderRefusal('newsletter:linkInvalid', 400)
  const subscriber = await req.payload.findByID({
    collection: 'subscribers',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!subscriber) throw new ReaderRefusal('newsletter:unknownSubscriber', 404)
  return subscriber
}

const siteName = async (req: PayloadRequest) => (await digestSchedule(req.payload)).siteName

// ─── the endpoints ─────────────────────────────────────────────────────────────────────────────

const subscribe = publicEndpoint('/subscribe', async (req, incoming) => {
  const { fields } = incoming
  await limited(req, SUBSCRIBE_RATE_LIMITS.perAddress, clientFingerprint(req.headers))
  // A person never sees the `homepage` field (hidden by CSS, out of the tab order).
  if (first(fields.homepage)) throw new ReaderRefusal('newsletter:rejected', 400)
  const email = readEmail(fields)
  const language = readLanguage(fields, incoming.language)
  const choice = await readSections(req, fields)
  await limited(req, SUBSCRIBE_RATE_LIMITS.perEmail, hashAddress(`newsletter:${email}`))

  const site = await siteName(req)
  const existing = (
    await req.payload.find({
      collection: 'subscribers',
      where: { email: { equals: email } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]

  if (existing?.status === 'subscribed') {
    // The same answer as for a new address; the mailbox's owner learns the rest.
    const note = alreadySubscribedEmail(language, {
      site,
      links: subscriberLinks(language, existing.id),
    })
    await req.payload.sendEmail({ to: email, ...note })
  } else {
    const token = randomBytes(32).toString('base64url')
    const data = {
      email,
      language,
      sections: choice.sections,
      allSections: choice.allSections,
      status: 'pending' as const,
      ipHash: clientFingerprint(req.headers),
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(Date.now() + CONFIRM_TOKEN_HOURS * 3600_000).toISOString(),
    }
    let id = existing?.id
    if (id === undefined) {
      try {
        id = (await req.payload.create({ collection: 'subscribers', data, overrideAccess: true }))
          .id
      } catch {
        // The same address at the same moment from another request: take that row.
        const again = await req.payload.find({
          collection: 'subscribers',
          where: { email: { equals: email } },
          depth: 0,
          limit: 1,
          overrideAccess: true,
        })
        if (!again.docs[0] || again.docs[0].status === 'subscribed') {
          return {
            message: message(language, 'newsletter:rejected'),
            location: backTo(req, incoming),
          }
        }
        id = again.docs[0].id
      }
    }
    await req.payload.update({ collection: 'subscribers', id, data, overrideAccess: true })
    const note = confirmationEmail(language, { site, token, links: subscriberLinks(language, id) })
    await req.payload.sendEmail({ to: email, ...note })
  }
  return {
    message: doneText(language),
    location: `${backTo(req, incoming)}#newsletter-done${placeOf(incoming)}`,
  }
})

const confirm = publicEndpoint('/confirm', async (req, incoming) => {
  await limited(req, SUBSCRIBE_RATE_LIMITS.perAddressLinks, clientFingerprint(req.headers))
  const token = first(incoming.fields.token)?.trim()
  if (!token) throw new ReaderRefusal('newsletter:tokenMissing', 400)
  if (token.length > 200) throw new ReaderRefusal('newsletter:tokenUnknown', 400)
  const found = (
    await req.payload.find({
      collection: 'subscribers',
      where: { confirmTokenHash: { equals: hashToken(token) } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]
  if (!found) throw new ReaderRefusal('newsletter:tokenUnknown', 400)
  if (found.status !== 'pending') throw new ReaderRefusal('newsletter:tokenUsed', 409)
  if (!found.confirmExpiresAt || new Date(found.confirmExpiresAt) < new Date()) {
    throw new ReaderRefusal('newsletter:tokenExpired', 410)
  }
  await req.payload.update({
    collection: 'subscribers',
    id: found.id,
    data: {
      status: 'subscribed',
      confirmedAt: new Date().toISOString(),
      unsubscribedAt: null,
      confirmExpiresAt: null,
    },
    overrideAccess: true,
  })
  // The first subscriber starts the daily checks (a no-op when they run already).
  await ensureDigestSchedule(req.payload)
  const language = isLanguage(found.language) ? found.language : incoming.language
  return {
    message: confirmedText(language),
    location: `/${language}/newsletter/confirm?confirmed=1#newsletter-confirmed`,
  }
})

const unsubscribe = publicEndpoint('/unsubscribe', async (req, incoming) => {
  await limited(req, SUBSCRIBE_RATE_LIMITS.perAddressLinks, clientFingerprint(req.headers))
  const subscriber = await subscriberByLink(req, incoming.fields)
  if (subscriber.status !== 'unsubscribed') {
    await req.payload.update({
      collection: 'subscribers',
      id: subscriber.id,
      data: { status: 'unsubscribed', unsubscribedAt: new Date().toISOString() },
      overrideAccess: true,
    })
  }
  const language = isLanguage(subscriber.language) ? subscriber.language : incoming.language
  const text = unsubscribedText(language)
  // RFC 8058: the mail client's POST; a 200 is all it needs.
  if (first(incoming.fields['List-Unsubscribe']) === 'One-Click') {
    return new Response(text, {
      status: 200,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  }
  const token = encodeURIComponent(first(incoming.fields.token) ?? '')
  return {
    message: text,
    location: `/${language}/newsletter/manage?token=${token}&unsubscribed=1#newsletter-unsubscribed`,
  }
})

const preferences = publicEndpoint('/preferences', async (req, incoming) => {
  await limited(req, SUBSCRIBE_RATE_LIMITS.perAddressLinks, clientFingerprint(req.headers))
  const subscriber = await subscriberByLink(req, incoming.fields)
  const language = readLanguage(incoming.fields, incoming.language)
  const choice = await readSections(req, incoming.fields)
  await req.payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: { language, sections: choice.sections, allSections: choice.allSections },
    overrideAccess: true,
  })
  const token = encodeURIComponent(first(incoming.fields.token) ?? '')
  return {
    message: savedText(language),
    location: `/${language}/newsletter/manage?token=${token}&saved=1#newsletter-saved`,
  }
})

const digestPreview = async (req: PayloadRequest): Promise<Response> => {
  if (!isEditorUser(req.user)) {
    return Response.json(
      {
        errors: [
          {
            message: message(req, req.user ? 'access:staffOnly' : 'access:logIn'),
            data: { code: messageCode(req.user ? 'access:staffOnly' : 'access:logIn') },
          },
        ],
      },
      { status: req.user ? 403 : 401 },
    )
  }
  const asked = req.searchParams?.get('language')
  const language = isLanguage(asked) ? asked : languageOf(req)
  return Response.json(await previewDigest(req, language), {
    headers: { 'Cache-Control': 'private, no-store' },
  })
}

/**
 * Admins only: the digests of `date` (YYYY-MM-DD, default today in the settings' time zone) for
 * `languages` (default all), queued now whatever the hour; the jobs runner sends them. For tests
 * and for an operator re-running a day that did not go out. Answers the new digests' ids.
 */
const digestNow = async (req: PayloadRequest): Promise<Response> => {
  if (!hasRole(req.user, 'admin')) {
    const key = req.user ? 'access:staffOnly' : 'access:logIn'
    return Response.json(
      { errors: [{ message: message(req, key), data: { code: messageCode(key) } }] },
      { status: req.user ? 403 : 401 },
    )
  }
  const incoming = await readIncoming(req).catch(() => null)
  const date = first(incoming?.fields.date)
  const languages = (() => {
    const raw = incoming?.fields.languages
    const list = (Array.isArray(raw) ? raw : raw ? [String(raw)] : []).filter(isLanguage)
    return list.length ? list : undefined
  })()
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return Response.json(
      {
        errors: [
          {
            message: message(req, 'newsletter:badDate'),
            data: { code: messageCode('newsletter:badDate') },
          },
        ],
      },
      { status: 400 },
    )
  }
  return Response.json({ digests: await queueDigestNow(req.payload, { date, languages }) })
}

// The success texts come from the site's messages (the reader's words).
const doneText = (language: Language) => readerText(language, 'form.done')
const confirmedText = (language: Language) => readerText(language, 'confirm.done')
const unsubscribedText = (language: Language) => readerText(language, 'manage.unsubscribed')
const savedText = (language: Language) => readerText(language, 'manage.saved')

export const subscriberEndpoints: Endpoint[] = [
  { path: '/subscribe', method: 'post', handler: subscribe },
  { path: '/confirm', method: 'post', handler: confirm },
  { path: '/unsubscribe', method: 'post', handler: unsubscribe },
  { path: '/preferences', method: 'post', handler: preferences },
  { path: '/digest-preview', method: 'get', handler: digestPreview },
  { path: '/digest-now', method: 'post', handler: digestNow },
]
