import { createHmac } from 'node:crypto'
import http from 'node:http'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { cacheTags } from '@/cache/tags'

import { query } from '../helpers/database'
import { HOSTILE_REDIRECT_TARGETS } from '../helpers/hostileTargets'
import {
  call,
  login,
  seededChecklistParts,
  sessionToken,
  type Headers,
  type Json,
} from '../helpers/http'

const baseURL = inject('baseURL')
const secret = inject('previewSecret')
const appEnv = inject('appEnv')
const origin = new URL(baseURL).origin

/**
 * One GET with the path sent exactly as written (fetch would normalise `/./`, `..` and
 * backslashes first, as a browser does before it sends), redirects not followed.
 */
const rawGet = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; location: string | null; cookies: string[] }>((resolve, reject) => {
    const { hostname, port } = new URL(baseURL)
    const request = http.request({ host: hostname, port, path, headers }, (response) => {
      response.resume()
      resolve({
        status: response.statusCode ?? 0,
        location: response.headers.location ?? null,
        cookies: response.headers['set-cookie'] ?? [],
      })
    })
    request.on('error', reject)
    request.end()
  })

/** Where a browser goes with this `Location`: resolved against the page that answered. */
const destination = (location: string, from: string) => new URL(location, `${baseURL}${from}`)

/** Asserts that a redirect, if there is one, keeps the browser on this site. */
const staysOnSite = (response: { location: string | null }, from: string, name: string) => {
  if (response.location === null) return
  expect(destination(response.location, from).origin, `${name} → ${response.location}`).toBe(origin)
  expect(response.location, name).not.toMatch(/^\s*[/\\]{2}|\\/)
}

let session = ''
const browser = (cookies: string[]) => ({
  cookie: cookies.filter(Boolean).join('; '),
  'sec-fetch-site': 'same-origin',
  'sec-fetch-mode': 'navigate',
})

describe('redirects never leave the site', () => {
  beforeAll(async () => {
    session = `payload-token=${await sessionToken('editor@caspiandigest.example', 'demo-editor')}`
  })

  it('preview refuses every target that a browser would read as another site', async () => {
    for (const target of HOSTILE_REDIRECT_TARGETS) {
      const from = `/next/preview?${new URLSearchParams({ secret, path: target })}`
      const response = await rawGet(from, browser([session]))
      expect(response.status, JSON.stringify(target)).toBe(400)
      expect(response.location, JSON.stringify(target)).toBeNull()
      expect(
        response.cookies.some((c) => c.startsWith('__prerender_bypass=')),
        JSON.stringify(target),
      ).toBe(false)
    }
  })

  it('preview sends the editor to the path a browser would have resolved', async () => {
    for (const [target, expected] of [
      ['/en', '/en'],
      ['/./en', '/en'],
      ['/en/x/../search?q=a', '/en/search?q=a'],
    ]) {
      const from = `/next/preview?${new URLSearchParams({ secret, path: target })}`
      const response = await rawGet(from, browser([session]))
      expect(response.status, target).toBe(307)
      expect(response.location, target).toBe(expected)
    }
  })

  it('exit-preview goes home instead of to another site', async () => {
    for (const target of HOSTILE_REDIRECT_TARGETS) {
      const from = `/next/exit-preview?${new URLSearchParams({ path: target })}`
      const response = await rawGet(from)
      expect(response.status, JSON.stringify(target)).toBe(307)
      expect(response.location, JSON.stringify(target)).toBe('/')
    }
  })

  it("the admin's login redirect for a signed-in editor stays on this site", async () => {
    for (const target of HOSTILE_REDIRECT_TARGETS) {
      const from = `/admin/login?${new URLSearchParams({ redirect: target })}`
      const response = await rawGet(from, browser([session]))
      expect(response.status, target).toBeLessThan(500)
      staysOnSite(response, from, target)
    }
  })

  it('the language redirect keeps any unprefixed path on this site', async () => {
    // Sent as written: what a hand-made request or a lax client puts on the wire.
    for (const path of [
      '/',
      '//evil.example',
      '//evil.example/',
      '///evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      '/%5Cevil.example',
      '/%5C%5Cevil.example',
      '/%2F%2Fevil.example',
      '/%2f/evil.example',
      '/.//evil.example',
      '/./evil.example',
      '/%2e/%2fevil.example',
      '/a/..//evil.example',
      '/a/%2e%2e//evil.example',
      '/..//evil.example',
      '/%09/evil.example',
      '/search?q=//evil.example',
    ]) {
      const variants: Record<string, string>[] = [
        {},
        { 'accept-language': 'ru' },
        { cookie: 'NEXT_LOCALE=az' },
      ]
      for (const headers of variants) {
        staysOnSite(await rawGet(path, headers), path, `${path} ${JSON.stringify(headers)}`)
      }
    }
  })
})

/** Markers that appear only inside the stored hostile targets. */
const MARK = 'links-e2e-marker'
const HOSTILE_VALUES = [
  `javascript:alert('${MARK}-1')`,
  ` \t\nJaVaScRiPt:alert('${MARK}-2')`,
  `java\tscript:alert('${MARK}-3')`,
  `data:text/html,<script>alert('${MARK}-4')</script>`,
  `vbscript:msgbox('${MARK}-5')`,
  `//evil.example/${MARK}-6`,
]

/** Every `href` of the page, entities decoded. */
const hrefsOf = (html: string) =>
  [...html.matchAll(/\shref="([^"]*)"/gi)].map((m) =>
    m[1]
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'"),
  )

/** As a browser reads an href's scheme: controls and spaces around it, tabs and newlines in it. */
const schemeOf = (href: string) =>
  /^([a-z][a-z0-9+.-]*):/i
    .exec(href.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, ''))?.[1]
    ?.toLowerCase() ?? null

/** The page carries no trace of the hostile targets, and every link on it is harmless. */
const expectNoHostileLinks = (html: string) => {
  expect(html).not.toContain(MARK)
  for (const href of hrefsOf(html)) {
    const scheme = schemeOf(href)
    expect(scheme === null || ['http', 'https', 'mailto'].includes(scheme), href).toBe(true)
    expect(href, href).not.toMatch(/^\s*\/\//)
  }
}

/**
 * Writes rows the way a record from before the link rule would look (straight into the
 * database, past Payload's validation), then expires the app's cached reads of them as the
 * app's own revalidation route does.
 */
const storeBehindTheRules = async (sql: string, params: unknown[], tags: string[]) => {
  const rows = await query(appEnv.DATABASE_URL, `${sql} RETURNING 1 AS ok`, params)
  expect(rows.length, sql).toBeGreaterThan(0)
  const response = await fetch(`${baseURL}/next/revalidate`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // The token the app derives from its PAYLOAD_SECRET (src/cache/revalidate.ts).
      'x-revalidate-token': createHmac('sha256', appEnv.PAYLOAD_SECRET)
        .update('revalidate-tags')
        .digest('hex'),
    },
    body: JSON.stringify({ tags }),
  })
  expect(response.status).toBe(200)
}

describe('links stored before the rule never render as script', () => {
  let editor: Headers
  let articlePath = ''
  let authorPath = ''
  let savedSocial: Json[] = []
  let savedFooter: Json[] = []
  const stamp = Date.now()

  beforeAll(async () => {
    editor = await login('editor@caspiandigest.example', 'demo-editor')
    // A byline whose profile links were typed before the rule: one good, the rest hostile.
    const author = await call('/api/authors', {
      method: 'POST',
      headers: editor,
      body: {
        name: `Legacy Byline ${stamp}`,
        links: [
          { label: 'Good site', url: 'https://example.org/good-site' },
          ...HOSTILE_VALUES.map((_, i) => ({ label: `Old link ${i}`, url: 'https://example.org' })),
        ],
      },
    })
    expect(author.status).toBe(201)
    const authorDoc = author.json.doc as { id: number; slug: string }
    authorPath = `/en/authors/${authorDoc.slug}`
    for (const [i, url] of HOSTILE_VALUES.entries()) {
      await storeBehindTheRules(
        'UPDATE authors_links SET url = $1 WHERE _parent_id = $2 AND _order = $3',
        [url, authorDoc.id, i + 2],
        [cacheTags.authors],
      )
    }

    // A published reprint whose source URL was typed before the rule.
    const ready = await seededChecklistParts()
    const created = await call('/api/articles?draft=true', {
      method: 'POST',
      headers: editor,
      body: {
        title: `Reprinted ferry story ${stamp}`,
        language: 'en',
        dek: 'A reprint with an old source link.',
        category: ready.category,
        authors: [...ready.authors, authorDoc.id],
        heroImage: ready.heroImage,
        source: { outlet: 'Harbour Weekly', url: 'https://example.org/original' },
      },
    })
    expect(created.status).toBe(201)
    const article = created.json.doc as { id: number; slug: string }
    articlePath = `/en/articles/${article.slug}`
    const published = await call(`/api/articles/${article.id}/transition`, {
      method: 'POST',
      headers: editor,
      body: { transition: 'publish' },
    })
    expect(published.status).toBe(200)
    const articleTags = [
      cacheTags.articles,
      cacheTags.article(article.id),
      cacheTags.articleSlug('en', article.slug),
    ]
    await storeBehindTheRules(
      'UPDATE articles SET source_url = $1 WHERE id = $2',
      [HOSTILE_VALUES[1], article.id],
      articleTags,
    )
    await storeBehindTheRules(
      'UPDATE _articles_v SET version_source_url = $1 WHERE parent_id = $2',
      [HOSTILE_VALUES[1], article.id],
      articleTags,
    )

    // Social links and a footer menu link typed before the rule.
    const settings = await call('/api/globals/site-settings?depth=0')
    savedSocial = (settings.json.social as Json[]) ?? []
    const social = await call('/api/globals/site-settings', {
      method: 'POST',
      headers: editor,
      body: {
        social: [
          { platform: 'x', url: 'https://example.org/x-profile' },
          { platform: 'youtube', url: 'https://example.org/youtube' },
          { platform: 'telegram', url: 'https://example.org/telegram' },
        ],
      },
    })
    expect(social.status).toBe(200)
    await storeBehindTheRules(
      'UPDATE site_settings_social SET url = $1 WHERE _order = $2',
      [HOSTILE_VALUES[0], 2],
      [cacheTags.global('site-settings')],
    )
    await storeBehindTheRules(
      'UPDATE site_settings_social SET url = $1 WHERE _order = $2',
      [HOSTILE_VALUES[2], 3],
      [cacheTags.global('site-settings')],
    )
    const navigation = await call('/api/globals/navigation?depth=0')
    savedFooter = (navigation.json.footer as Json[]) ?? []
    const footer = await call('/api/globals/navigation', {
      method: 'POST',
      headers: editor,
      body: {
        footer: [
          ...savedFooter,
          { type: 'url', label: `Partner desk ${stamp}`, url: 'https://example.org/partner' },
        ],
      },
    })
    expect(footer.status).toBe(200)
    await storeBehindTheRules(
      `UPDATE navigation_footer SET url = $1 WHERE url = 'https://example.org/partner'`,
      [HOSTILE_VALUES[3]],
      [cacheTags.global('navigation')],
    )
  })

  afterAll(async () => {
    // The hostile source URL goes, so that other files' saves of the newest article pass.
    for (const sql of [
      'UPDATE articles SET source_url = $1 WHERE source_url = $2',
      'UPDATE _articles_v SET version_source_url = $1 WHERE version_source_url = $2',
    ]) {
      await storeBehindTheRules(
        sql,
        ['https://example.org/original', HOSTILE_VALUES[1]],
        [cacheTags.articles],
      )
    }
    await call('/api/globals/site-settings', {
      method: 'POST',
      headers: editor,
      body: { social: savedSocial.map(({ platform, url }) => ({ platform, url })) },
    })
    await call('/api/globals/navigation', {
      method: 'POST',
      headers: editor,
      body: { footer: savedFooter },
    })
  })

  it('shows the reprint credit without a link to the stored source URL', async () => {
    const response = await fetch(`${baseURL}${articlePath}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Harbour Weekly')
    expect(html).not.toContain('https://example.org/original')
    expectNoHostileLinks(html)
  })

  it("shows a byline's old profile links as text, and keeps the good one", async () => {
    const response = await fetch(`${baseURL}${authorPath}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('href="https://example.org/good-site"')
    for (let i = 0; i < HOSTILE_VALUES.length; i++) expect(html).toContain(`Old link ${i}`)
    expectNoHostileLinks(html)
  })

  it('renders footer social links and menu links with no hostile target', async () => {
    for (const path of [authorPath, '/en', '/az']) {
      const response = await fetch(`${baseURL}${path}`)
      expect(response.status, path).toBe(200)
      const html = await response.text()
      expect(html, path).toContain('href="https://example.org/x-profile"')
      expect(html, path).toContain('YouTube')
      expect(html, path).toContain('Telegram')
      expect(html, path).not.toContain(`Partner desk ${stamp}`)
      expectNoHostileLinks(html)
    }
  })
})
