import { describe, expect, inject, it } from 'vitest'

import { login } from '../helpers/http'

const baseURL = inject('baseURL')

const get = (path: string, init?: RequestInit) => fetch(`${baseURL}${path}`, init)

type ArticleList = { docs: { id: number; title: string; _status?: string }[]; totalDocs: number }

/** The seeded unpublished articles, found as an editor sees them. */
const seededDrafts = async () => {
  const headers = await login('editor@caspiandigest.example', 'demo-editor')
  const response = await get('/api/articles?where[_status][equals]=draft&limit=100&depth=0', {
    headers,
  })
  const list = (await response.json()) as ArticleList
  expect(list.totalDocs).toBeGreaterThanOrEqual(2)
  return { drafts: list.docs, headers }
}

describe('the REST and GraphQL APIs of the running app', () => {
  it('lists published articles to anonymous readers and never a draft', async () => {
    const { drafts } = await seededDrafts()
    const draftIds = new Set(drafts.map((d) => d.id))
    for (const query of [
      '',
      '?draft=true',
      '?where[_status][equals]=draft',
      '?where[_status][equals]=draft&draft=true',
    ]) {
      const response = await get(`/api/articles${query}${query ? '&' : '?'}limit=200&depth=0`)
      expect(response.status).toBe(200)
      const list = (await response.json()) as ArticleList
      expect(list.docs.some((doc) => draftIds.has(doc.id))).toBe(false)
      if (!query) expect(list.totalDocs).toBeGreaterThanOrEqual(30)
    }
  })

  it('answers 404 for a draft read by id, anonymously, and shows it to an editor', async () => {
    const { drafts, headers } = await seededDrafts()
    const [draft] = drafts
    expect((await get(`/api/articles/${draft.id}`)).status).toBe(404)
    expect((await get(`/api/articles/${draft.id}?draft=true`)).status).toBe(404)
    const asEditor = await get(`/api/articles/${draft.id}?draft=true&depth=0`, { headers })
    expect(asEditor.status).toBe(200)
    expect(((await asEditor.json()) as { title: string }).title).toBe(draft.title)
  })

  it('refuses version history to anonymous readers', async () => {
    const response = await get('/api/articles/versions')
    expect(response.status).toBe(403)
  })

  it('hides drafts from anonymous GraphQL queries', async () => {
    const { drafts } = await seededDrafts()
    const response = await fetch(`${baseURL}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ Articles(limit: 200, draft: true) { docs { id title } totalDocs } }',
      }),
    })
    expect(response.status).toBe(200)
    const { data } = (await response.json()) as { data: { Articles: ArticleList } }
    const ids = new Set(data.Articles.docs.map((doc) => Number(doc.id)))
    expect(data.Articles.totalDocs).toBeGreaterThanOrEqual(30)
    for (const draft of drafts) expect(ids.has(draft.id)).toBe(false)
  })

  it('does not let anonymous readers list users', async () => {
    expect((await get('/api/users')).status).toBe(403)
  })

  it('logs in each seeded role', async () => {
    for (const [email, password] of [
      ['admin@caspiandigest.example', 'demo-admin'],
      ['editor@caspiandigest.example', 'demo-editor'],
      ['author@caspiandigest.example', 'demo-author'],
      ['translator@caspiandigest.example', 'demo-translator'],
    ]) {
      const headers = await login(email, password)
      const me = (await (await get('/api/users/me', { headers })).json()) as {
        user: { email: string }
      }
      expect(me.user.email).toBe(email)
    }
  })
})

describe('pages of the running app', () => {
  it('serves the home page with published articles and without drafts', async () => {
    const { drafts } = await seededDrafts()
    const response = await get('/')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Caspian Digest')
    const published = (await (
      await get('/api/articles?where[language][equals]=en&limit=5&sort=-publishedAt&depth=0')
    ).json()) as ArticleList
    for (const article of published.docs) expect(html).toContain(escapeHtml(article.title))
    for (const draft of drafts) expect(html).not.toContain(escapeHtml(draft.title))
  })

  it('shows an article on the home page as soon as it is published, and drops it on unpublish', async () => {
    const headers = {
      ...(await login('editor@caspiandigest.example', 'demo-editor')),
      'content-type': 'application/json',
    }
    const title = `Caspian ferry timetable extended ${Date.now()}`
    // What the pre-publish checklist asks for, borrowed from a published article.
    const [ready] = (
      (await (await get('/api/articles?limit=1&depth=0')).json()) as {
        docs: { dek: string; category: number; authors: number[]; heroImage: number }[]
      }
    ).docs
    const created = await fetch(`${baseURL}/api/articles?draft=true`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title,
        language: 'en',
        _status: 'draft',
        dek: ready.dek,
        category: ready.category,
        authors: ready.authors,
        heroImage: ready.heroImage,
      }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number } }
    const home = async () => (await (await get('/')).text()).includes(title)
    expect(await home()).toBe(false)

    const publish = (status: 'published' | 'draft') =>
      fetch(`${baseURL}/api/articles/${doc.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ _status: status, publishedAt: new Date().toISOString() }),
      })
    expect((await publish('published')).status).toBe(200)
    expect(await home()).toBe(true)
    expect((await publish('draft')).status).toBe(200)
    expect(await home()).toBe(false)
    expect((await get(`/api/articles/${doc.id}`)).status).toBe(404)
  })

  it('serves the admin login page', async () => {
    const response = await get('/admin/login')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Caspian Digest newsroom')
  })
})

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')
