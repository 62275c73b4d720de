import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { call, createArticleOverRest, login, type Headers, type Json } from '../helpers/http'
import { base, lexical, paragraph, text } from '../helpers/lexical'

/**
 * An article body's stored HTML (`bodyHtml`, src/lib/bodyHtml.ts) against the production build:
 * a save over REST stores it; the article page renders the stored string (a marker written into
 * the column before the page's first request shows up on it); a body with an internal link has
 * none and still renders from the Lexical JSON; no REST, GraphQL or versions answer carries it, to
 * a reader or to an editor, and a client cannot write it.
 */

const baseURL = inject('baseURL')
const stamp = Date.now().toString(36)
let editor: Headers
let db: pg.Client

const publishArticle = (title: string, body: object, extra: Json = {}) =>
  createArticleOverRest(editor, { title, body: body as Json, ...extra })

const storedHtml = async (id: number) =>
  (
    await db.query<{ body_html: string | null }>('SELECT body_html FROM articles WHERE id = $1', [
      id,
    ])
  ).rows[0]?.body_html

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  db = new pg.Client({ connectionString: inject('appEnv').DATABASE_URL })
  await db.connect()
})

afterAll(async () => {
  await db?.end()
})

describe('the stored HTML of an article body', () => {
  it('is stored on a REST save and is what the article page renders', async () => {
    const doc = await publishArticle(
      `Harbour dredging resumes ${stamp}`,
      lexical(
        { ...base, type: 'heading', tag: 'h2', children: [text('What changes for ferries')] },
        paragraph(text('Dredging '), text('resumes', 1), text(' on Monday.')),
      ),
      // A client's own HTML is never stored.
      { bodyHtml: '<p>typed by a client</p>' },
    )
    const stored = await storedHtml(doc.id)
    expect(stored).toBe(
      '<h2>What changes for ferries</h2><p>Dredging <strong>resumes</strong> on Monday.</p>',
    )

    // Before the page's first request, the stored string is changed: the page shows the change,
    // so it renders the column, not the Lexical JSON.
    await db.query('UPDATE articles SET body_html = $2 WHERE id = $1', [
      doc.id,
      `${stored}<p>Rendered from the stored HTML ${stamp}</p>`,
    ])
    const page = await fetch(`${baseURL}/en/articles/${doc.slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`<p>Rendered from the stored HTML ${stamp}</p>`)
    expect(html).toContain('<div class="article-body"><h2>What changes for ferries</h2>')
    expect(html).not.toContain('typed by a client')
  })

  it('is absent for a body with an internal link, which still renders', async () => {
    const target = await publishArticle(
      `Port tariffs explained ${stamp}`,
      lexical(paragraph(text('Tariffs.'))),
    )
    const doc = await publishArticle(
      `Tariffs rise at the port ${stamp}`,
      lexical(
        paragraph(text('Background: '), {
          ...base,
          type: 'link',
          fields: {
            linkType: 'internal',
            doc: { relationTo: 'articles', value: target.id },
            newTab: false,
          },
          children: [text('how tariffs work')],
        }),
      ),
    )
    expect(await storedHtml(doc.id)).toBeNull()
    const html = await (await fetch(`${baseURL}/en/articles/${doc.slug}`)).text()
    expect(html).toContain(`href="/en/articles/${target.slug}"`)
    expect(html).toContain('how tariffs work')
  })

  it('is never in a REST, GraphQL or versions answer, to a reader or an editor', async () => {
    const doc = await publishArticle(
      `Rail freight doubles ${stamp}`,
      lexical(paragraph(text('Freight.'))),
    )
    expect(await storedHtml(doc.id)).toBe('<p>Freight.</p>')
    for (const headers of [undefined, editor]) {
      const single = await call(`/api/articles/${doc.id}?depth=0`, { headers })
      expect(single.status).toBe(200)
      expect(single.json).not.toHaveProperty('bodyHtml')
      const list = await call(`/api/articles?where[id][equals]=${doc.id}&depth=0`, { headers })
      expect((list.json.docs as object[])[0]).not.toHaveProperty('bodyHtml')
      const graphql = await call('/api/graphql', {
        method: 'POST',
        headers,
        body: { query: `{ Article(id: ${doc.id}) { id bodyHtml } }` },
      })
      const data = graphql.json.data as { Article: { bodyHtml: string | null } } | undefined
      expect(data?.Article?.bodyHtml ?? null).toBeNull()
    }
    // Nor in the versions an editor reads, though each stores the HTML of its text.
    const storedInVersions = await db.query<{ html: string | null }>(
      'SELECT version_body_html AS html FROM _articles_v WHERE parent_id = $1',
      [doc.id],
    )
    expect(storedInVersions.rows.map((row) => row.html)).toContain('<p>Freight.</p>')
    const versions = await call(`/api/articles/versions?where[parent][equals]=${doc.id}&depth=0`, {
      headers: editor,
    })
    expect(versions.status).toBe(200)
    const kept = versions.json.docs as { version: Record<string, unknown> }[]
    expect(kept.length).toBeGreaterThan(0)
    for (const { version } of kept) {
      expect(version.title).toBe(`Rail freight doubles ${stamp}`)
      expect(version).not.toHaveProperty('bodyHtml')
    }
    const graphqlVersions = await call('/api/graphql', {
      method: 'POST',
      headers: editor,
      body: {
        query: `{ versionsArticles(where: { parent: { equals: ${doc.id} } }) { docs { version { title bodyHtml } } } }`,
      },
    })
    expect(graphqlVersions.json.errors).toBeUndefined()
    const inGraphql = (
      graphqlVersions.json.data as {
        versionsArticles: { docs: { version: { title: string; bodyHtml: string | null } }[] }
      }
    ).versionsArticles.docs
    expect(inGraphql.length).toBeGreaterThan(0)
    for (const { version } of inGraphql) {
      expect(version.title).toBe(`Rail freight doubles ${stamp}`)
      expect(version.bodyHtml).toBeNull()
    }
  })
})
