import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { freePort } from '../helpers/globalSetup'
import { call, login, sessionToken, type Headers } from '../helpers/http'
import { startNextServer } from '../helpers/nextServer'

const baseURL = inject('baseURL')
const trustedOrigin = inject('trustedOrigin')
const evil = 'https://evil.example'

let editor: Headers
let token: string
/** The session cookie a browser logged in as the editor would send, with headers around it. */
const withCookie = (headers: Headers = {}): Headers => ({
  cookie: `payload-token=${token}`,
  ...headers,
})

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  token = await sessionToken('editor@caspiandigest.example', 'demo-editor')
})

/** Drafts with this title, as the editor sees them (Authorization header: no CSRF rule). */
const draftsTitled = async (title: string) => {
  const { json } = await call(
    `/api/articles?draft=true&depth=0&where[title][equals]=${encodeURIComponent(title)}`,
    { headers: editor },
  )
  return json.totalDocs as number
}

const createDraft = (title: string, headers: Headers) =>
  call('/api/articles?draft=true', {
    method: 'POST',
    headers,
    body: { title, language: 'en', dek: 'Written to test CSRF origins.' },
  })

describe('CSRF: the session cookie counts only from the site’s own origins', () => {
  it('saves a draft sent with the cookie from the site’s origin and from TRUSTED_ORIGINS', async () => {
    for (const origin of [baseURL, trustedOrigin]) {
      const title = `CSRF same-origin save ${origin} ${Date.now()}`
      const created = await createDraft(title, withCookie({ origin }))
      expect(created.status, origin).toBe(201)
      expect(await draftsTitled(title), origin).toBe(1)
    }
  })

  it('does not authenticate the cookie from a foreign origin, and writes nothing', async () => {
    const title = `CSRF foreign save ${Date.now()}`
    const created = await createDraft(title, withCookie({ origin: evil }))
    expect([401, 403]).toContain(created.status)
    expect(await draftsTitled(title)).toBe(0)
    const me = await call('/api/users/me', { headers: withCookie({ origin: evil }) })
    expect(me.json.user).toBeNull()
    // The same origin's host on another scheme or port is another origin.
    const lookalike = await createDraft(
      title,
      withCookie({ origin: baseURL.replace(/:\d+$/, ':1') }),
    )
    expect([401, 403]).toContain(lookalike.status)
    expect(await draftsTitled(title)).toBe(0)
  })

  it('refuses a workflow transition sent with the cookie from a foreign origin', async () => {
    const created = await createDraft(`CSRF transition ${Date.now()}`, editor)
    expect(created.status).toBe(201)
    const id = (created.json.doc as { id: number }).id
    const transition = (headers: Headers) =>
      call(`/api/articles/${id}/transition`, {
        method: 'POST',
        headers,
        body: { transition: 'submit' },
      })
    const stageOf = async () =>
      (await call(`/api/articles/${id}?draft=true&depth=0`, { headers: editor })).json.stage
    expect((await transition(withCookie({ origin: evil }))).status).toBe(401)
    expect(await stageOf()).toBe('draft')
    expect((await transition(withCookie({ origin: baseURL }))).status).toBe(200)
    expect(await stageOf()).toBe('in_review')
  })

  it('without an Origin, takes the cookie only from a same-origin browser request', async () => {
    // Browsers send Sec-Fetch-Site (and no Origin on a same-origin GET); other clients send
    // neither and must use the Authorization header.
    const me = async (headers: Headers) =>
      (await call('/api/users/me', { headers: withCookie(headers) })).json.user as {
        email: string
      } | null
    expect((await me({ 'sec-fetch-site': 'same-origin' }))?.email).toBe(
      'editor@caspiandigest.example',
    )
    expect(await me({ 'sec-fetch-site': 'cross-site' })).toBeNull()
    expect(await me({})).toBeNull()
  })

  it('leaves requests with an Authorization header alone, whatever their origin', async () => {
    const title = `CSRF header save ${Date.now()}`
    const created = await createDraft(title, { ...editor, origin: evil })
    expect(created.status).toBe(201)
    expect(await draftsTitled(title)).toBe(1)
  })
})

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${baseURL}/api/articles`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })

  it('answers a preflight from a foreign origin without allowing it', async () => {
    const response = await preflight(evil)
    expect(response.status).toBeLessThan(500)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    const read = await fetch(`${baseURL}/api/articles?limit=1`, { headers: { origin: evil } })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('allows the site’s own origins, with credentials', async () => {
    for (const origin of [baseURL, trustedOrigin]) {
      const response = await preflight(origin)
      expect(response.headers.get('access-control-allow-origin'), origin).toBe(origin)
      expect(response.headers.get('access-control-allow-credentials'), origin).toBe('true')
    }
  })
})

describe('the session cookie’s flags in a production build', () => {
  const loginCookie = async (base: string) => {
    const response = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'author@caspiandigest.example', password: 'demo-author' }),
    })
    expect(response.status).toBe(200)
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
    // Attributes by name, as a browser reads them (it ignores a value after Secure or HttpOnly).
    const attributes = new Map(
      cookie!
        .split(';')
        .slice(1)
        .map((part) => {
          const [name, ...value] = part.trim().split('=')
          return [name.toLowerCase(), value.join('=')] as const
        }),
    )
    return attributes
  }

  let httpsSite: { stop: () => Promise<void> } | undefined
  let httpsBase = ''
  beforeAll(async () => {
    // The same build and database, as a site served over https (TLS ends in front of Next).
    const port = await freePort()
    httpsBase = `http://127.0.0.1:${port}`
    httpsSite = await startNextServer({
      port,
      ready: '/api/users/me',
      env: {
        ...process.env,
        ...inject('appEnv'),
        SERVER_URL: 'https://news.caspiandigest.example',
        JOBS_AUTORUN: 'false',
      },
    })
  })
  afterAll(async () => {
    await httpsSite?.stop()
  })

  it('is Secure, HttpOnly and SameSite=Lax when the site is served over https', async () => {
    const cookie = await loginCookie(httpsBase)
    expect(cookie.has('secure')).toBe(true)
    expect(cookie.has('httponly')).toBe(true)
    expect(cookie.get('samesite')).toBe('Lax')
  })

  it('is not Secure on plain http on this machine, so a local login keeps working', async () => {
    const cookie = await loginCookie(baseURL)
    expect(cookie.has('secure')).toBe(false)
    expect(cookie.has('httponly')).toBe(true)
    expect(cookie.get('samesite')).toBe('Lax')
  })
})
