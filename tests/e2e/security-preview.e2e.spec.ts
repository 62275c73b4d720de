import { beforeAll, describe, expect, inject, it } from 'vitest'

import { call, login, createArticleOverRest, sessionToken, type Headers } from '../helpers/http'

const baseURL = inject('baseURL')
const secret = inject('previewSecret')

let editor: Headers
/** A logged-in editor's browser: the session cookie, on a same-origin navigation. */
let session: string
const browser = (cookies: string[]) => ({
  cookie: cookies.filter(Boolean).join('; '),
  'sec-fetch-site': 'same-origin',
  'sec-fetch-mode': 'navigate',
})

/** One request, redirects not followed. */
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${baseURL}${path}`, { headers, redirect: 'manual' })

/** `name=value` of a cookie the response sets ('' when it sets none). */
const setCookie = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0] ?? ''

const previewURL = (path: string, withSecret = secret) =>
  `/next/preview?${new URLSearchParams({ secret: withSecret, path })}`

const stamp = Date.now()
const LIVE_TITLE = `Harbour ferries resume their winter timetable ${stamp}`
const DRAFT_TITLE = `Embargoed: ferries cancelled for a week ${stamp}`
const DRAFT_DEK = `Draft-only dek that readers must never see ${stamp}`
let slug = ''
let articlePath = ''

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  session = `payload-token=${await sessionToken('editor@caspiandigest.example', 'demo-editor')}`
  // A published article (the checklist's section, bylines and hero image borrowed from a seeded
  // one) with a pending draft over it.
  const created = await createArticleOverRest(editor, {
    title: LIVE_TITLE,
    dek: 'The published dek.',
  })
  const { id } = created
  slug = created.slug
  articlePath = `/en/articles/${slug}`
  const draft = await call(`/api/articles/${id}?draft=true`, {
    method: 'PATCH',
    headers: editor,
    body: { title: DRAFT_TITLE, dek: DRAFT_DEK },
  })
  expect(draft.status).toBe(200)
})

const escaped = (text: string) => text.replace(/'/g, '&#x27;')
const showsDraft = (html: string) => html.includes(DRAFT_DEK) || html.includes(DRAFT_TITLE)

/** Asks for preview as the logged-in editor; the draft-mode cookie it sets, checked. */
const enterPreview = async () => {
  const response = await get(previewURL(articlePath), browser([session]))
  expect(response.status).toBe(307)
  expect(response.headers.get('location')).toBe(articlePath)
  const bypass = setCookie(response, '__prerender_bypass')
  expect(bypass).toMatch(/^__prerender_bypass=.+/)
  return bypass
}

describe('draft preview, end to end', () => {
  it('shows a logged-in editor with the secret the draft at its path', async () => {
    // A reader has the published page in the cache first.
    const before = await (await get(articlePath)).text()
    expect(before).toContain(escaped(LIVE_TITLE))
    expect(showsDraft(before)).toBe(false)

    const bypass = await enterPreview()
    const page = await get(articlePath, browser([session, bypass]))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(DRAFT_DEK)
    expect(html).toContain(escaped(DRAFT_TITLE))
    expect(page.headers.get('cache-control') ?? '').toMatch(/no-store|private|no-cache/)
  })

  it('never gives the draft to an anonymous reader, before or after a preview', async () => {
    const bypass = await enterPreview()
    expect(showsDraft(await (await get(articlePath, browser([session, bypass]))).text())).toBe(true)
    for (const headers of [{}, { 'sec-fetch-site': 'none' }] as Record<string, string>[]) {
      const response = await get(articlePath, headers)
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(html).toContain(escaped(LIVE_TITLE))
      expect(showsDraft(html)).toBe(false)
    }
    const api = await call(`/api/articles?where[slug][equals]=${slug}`)
    expect(api.json.totalDocs).toBe(1)
    expect(JSON.stringify(api.json)).not.toContain(DRAFT_DEK)
  })

  it('refuses without a session or with a wrong secret, and shows nothing', async () => {
    const cases = [
      {
        name: 'no session',
        response: await get(previewURL(articlePath), browser([])),
        status: 403,
      },
      {
        name: 'wrong secret',
        response: await get(previewURL(articlePath, `${secret}x`), browser([session])),
        status: 401,
      },
      {
        name: 'no secret',
        response: await get(
          `/next/preview?path=${encodeURIComponent(articlePath)}`,
          browser([session]),
        ),
        status: 401,
      },
      {
        name: 'session from a cross-site request',
        response: await get(previewURL(articlePath), {
          ...browser([session]),
          'sec-fetch-site': 'cross-site',
        }),
        status: 403,
      },
    ]
    for (const { name, response, status } of cases) {
      expect(response.status, name).toBe(status)
      expect(response.headers.get('location'), name).toBeNull()
      expect(setCookie(response, '__prerender_bypass'), name).toBe('')
      expect(showsDraft(await response.text()), name).toBe(false)
    }
  })

  it('does not show the draft to someone who has the draft-mode cookie but no session', async () => {
    const bypass = await enterPreview()
    const response = await get(articlePath, browser([bypass]))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(escaped(LIVE_TITLE))
    expect(showsDraft(html)).toBe(false)
  })

  it('stops showing the draft once the editor logs out, though the old cookie is still sent', async () => {
    // A session of its own, so the other tests' session stays logged in.
    const own = `payload-token=${await sessionToken('editor@caspiandigest.example', 'demo-editor')}`
    const bypass = await enterPreview()
    expect(showsDraft(await (await get(articlePath, browser([own, bypass]))).text())).toBe(true)
    const logout = await call('/api/users/logout', {
      method: 'POST',
      headers: { authorization: `JWT ${own.slice('payload-token='.length)}` },
    })
    expect(logout.status).toBe(200)
    const response = await get(articlePath, browser([own, bypass]))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(escaped(LIVE_TITLE))
    expect(showsDraft(html)).toBe(false)
    // …and the preview route refuses it too.
    const again = await get(previewURL(articlePath), browser([own]))
    expect(again.status).toBe(403)
    expect(setCookie(again, '__prerender_bypass')).toBe('')
  })

  it('refuses to redirect anywhere but a path on this site', async () => {
    for (const target of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      'evil.example',
      'javascript:alert(1)',
    ]) {
      const response = await get(previewURL(target), browser([session]))
      expect(response.status, target).toBe(400)
      expect(response.headers.get('location'), target).toBeNull()
      expect(setCookie(response, '__prerender_bypass'), target).toBe('')
    }
    // An escaped backslash is refused too: a server or proxy that decodes it sees `/\evil.example`.
    const encoded = await get(previewURL('/%5Cevil.example'), browser([session]))
    expect(encoded.status).toBe(400)
    expect(encoded.headers.get('location')).toBeNull()
  })

  it('shows the published text again after /next/exit-preview', async () => {
    const bypass = await enterPreview()
    expect(showsDraft(await (await get(articlePath, browser([session, bypass]))).text())).toBe(true)
    const exit = await get(
      `/next/exit-preview?path=${encodeURIComponent(articlePath)}`,
      browser([session, bypass]),
    )
    expect(exit.status).toBe(307)
    expect(exit.headers.get('location')).toBe(articlePath)
    // The browser replaces the draft-mode cookie with an expired, empty one.
    const cleared = exit.headers.getSetCookie().find((c) => c.startsWith('__prerender_bypass='))
    expect(cleared).toMatch(/__prerender_bypass=;|Expires=Thu, 01 Jan 1970|Max-Age=0/i)
    const after = await (await get(articlePath, browser([session]))).text()
    expect(after).toContain(escaped(LIVE_TITLE))
    expect(showsDraft(after)).toBe(false)
  })
})
