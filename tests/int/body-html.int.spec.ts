import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RichText } from '@/components/RichText'
import { bodyToHtml } from '@/lib/bodyHtml'
import type { Article } from '@/payload-types'

import { query } from '../helpers/database'
import {
  body as textBody,
  createArticle,
  createNewsroomBasics,
  createUser,
} from '../helpers/fixtures'
import { base, lexical as lexicalRoot, link, paragraph, text } from '../helpers/lexical'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/**
 * The body's stored HTML (src/lib/bodyHtml.ts): the same markup as RichText's for every node it
 * stores, null for what must render at read time, derived on every save into the article's row
 * and each version, never written or read through the API.
 */

const lexical = (...children: object[]) =>
  lexicalRoot(...children) as unknown as NonNullable<Article['body']>

/** Every node kind the stored HTML covers, with text a page must escape and hostile links. */
const RICH = lexical(
  { ...base, type: 'heading', tag: 'h2', children: [text('Budget <2027> & "reserves"')] },
  paragraph(
    text('Plain, '),
    text('bold', 1),
    text(' and '),
    text('italic', 2),
    text(', '),
    text('struck', 4),
    text(', '),
    text('underlined', 8),
    text(', '),
    text('code', 16),
    text(', H'),
    text('2', 32),
    text('O and x'),
    text('2', 64),
    text('.'),
    { type: 'linebreak', version: 1 },
    text("<script>alert('x')</script>"),
  ),
  paragraph(
    link('https://example.org/report?a=1&b=2', 'the report'),
    text(' — '),
    link('https://example.org/new', 'in a new tab', true),
    text(' — '),
    link('javascript:alert(1)', 'hostile'),
    text(' — '),
    link(' JaVaScRiPt:alert(1)', 'spelled'),
    text(' — '),
    link('data:text/html,<b>x</b>', 'data'),
    text(' — '),
    {
      ...base,
      type: 'autolink',
      fields: { linkType: 'custom', url: 'https://example.com' },
      children: [text('example.com')],
    },
  ),
  { ...base, type: 'quote', children: [text('A quote from the minister.')] },
  {
    ...base,
    type: 'list',
    listType: 'bullet',
    tag: 'ul',
    start: 1,
    children: [
      { ...base, type: 'listitem', value: 1, children: [text('first')] },
      {
        ...base,
        type: 'listitem',
        value: 2,
        children: [
          {
            ...base,
            type: 'list',
            listType: 'number',
            tag: 'ol',
            start: 1,
            children: [{ ...base, type: 'listitem', value: 1, children: [text('nested')] }],
          },
        ],
      },
    ],
  },
  { type: 'horizontalrule', version: 1 },
  { ...base, type: 'heading', tag: 'h3', children: [text('Next steps')] },
)

const INTERNAL_LINK = lexical(
  paragraph({
    ...base,
    type: 'link',
    fields: { linkType: 'internal', doc: { relationTo: 'articles', value: 1 }, newTab: false },
    children: [text('another story')],
  }),
)
const UPLOAD = lexical(paragraph(text('Before the image.')), {
  type: 'upload',
  version: 3,
  format: '',
  relationTo: 'media',
  value: 1,
  fields: {},
})

/** What the editor stores for a published story: formatting, a safe link, a list. */
const SAVED = lexical(
  { ...base, type: 'heading', tag: 'h2', children: [text('Budget <2027> & "reserves"')] },
  paragraph(
    text('Plain and '),
    text('bold', 1),
    text(', see '),
    link('https://example.org/a', 'this'),
  ),
  { ...base, type: 'quote', children: [text('A quote.')] },
)

const jsx = (data: NonNullable<Article['body']>) =>
  renderToStaticMarkup(createElement(RichText, { data, lang: 'en', className: 'article-body' }))

/**
 * The two renderers' spelling differs where HTML does not (an apostrophe as `&#39;` or `&#x27;`,
 * `<br/>` or `<br />`, spaces in a `style`, an empty `style`, line breaks between attributes).
 */
const normalized = (html: string) =>
  html.replace(/&#x27;/g, '&#39;').replace(/<[^>]+>/g, (tag) =>
    tag
      .replace(/\s+style=""/g, '')
      .replace(
        /style="([^"]*)"/g,
        (_, css: string) => `style="${css.replace(/\s+/g, '').replace(/;$/, '')}"`,
      )
      .replace(/\s+/g, ' ')
      .replace(/\s*(\/?)>$/, '$1>'),
  )

describe('the stored HTML of a body', () => {
  it('is the markup RichText renders for the same body', () => {
    const html = bodyToHtml(RICH)
    expect(html).not.toBeNull()
    expect(normalized(`<div class="article-body">${html}</div>`)).toBe(normalized(jsx(RICH)))
    const blocks = textBody('One.', { heading: 'Two' }, { quote: 'Three' }, { list: ['a', 'b'] })
    expect(normalized(`<div class="article-body">${bodyToHtml(blocks)}</div>`)).toBe(
      normalized(jsx(blocks!)),
    )
  })

  it('escapes text and keeps only safe link targets', () => {
    const html = bodyToHtml(RICH)!
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('Budget &lt;2027&gt; &amp; &quot;reserves&quot;')
    expect(html).not.toMatch(/javascript:|data:text/i)
    expect(html).toContain('<span>hostile</span>')
    expect(html).toContain('href="https://example.org/report?a=1&amp;b=2"')
    expect(html).toContain('rel="noopener noreferrer" target="_blank"')
  })

  it('is null for a body whose HTML depends on other documents, or an empty one', () => {
    expect(bodyToHtml(INTERNAL_LINK)).toBeNull()
    expect(bodyToHtml(UPLOAD)).toBeNull()
    expect(bodyToHtml(lexical({ ...base, type: 'block', fields: { blockType: 'x' } }))).toBeNull()
    expect(bodyToHtml(lexical())).toBeNull()
    expect(bodyToHtml(null)).toBeNull()
    expect(bodyToHtml(undefined)).toBeNull()
  })
})

describe('bodyHtml on save', () => {
  let ctx: TestPayload
  let basics: Awaited<ReturnType<typeof createNewsroomBasics>>
  beforeAll(async () => {
    ctx = await createTestPayload()
    basics = await createNewsroomBasics(ctx.payload)
  })
  afterAll(async () => {
    await ctx?.teardown()
  })

  const stored = async (id: number) => {
    const [live] = await query<{ body_html: string | null }>(
      ctx.databaseUrl,
      'SELECT body_html FROM articles WHERE id = $1',
      [id],
    )
    const versions = await query<{ version_body_html: string | null; latest: boolean }>(
      ctx.databaseUrl,
      'SELECT version_body_html, latest FROM _articles_v WHERE parent_id = $1 ORDER BY id',
      [id],
    )
    return { live: live.body_html, versions }
  }

  it('is derived from the body on every save, a draft over a published text included', async () => {
    const editor = await createUser(ctx.payload, 'editor')
    const article = await createArticle(ctx.payload, {
      ...basics.fields,
      status: 'published',
      body: SAVED,
    })
    expect((await stored(article.id)).live).toBe(bodyToHtml(SAVED))

    // A pending draft: the live row keeps the published HTML, the newest version has the draft's.
    const draftBody = textBody('A corrected first paragraph.')
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { body: draftBody },
      user: editor,
      overrideAccess: false,
    })
    const afterDraft = await stored(article.id)
    expect(afterDraft.live).toBe(bodyToHtml(SAVED))
    expect(afterDraft.versions.at(-1)?.version_body_html).toBe(bodyToHtml(draftBody))

    // A save that does not touch the body keeps its HTML; one that adds an image clears it.
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Retitled', body: SAVED, _status: 'published' },
    })
    expect((await stored(article.id)).live).toBe(bodyToHtml(SAVED))
    await ctx.payload.update({ collection: 'articles', id: article.id, data: { dek: 'New dek' } })
    expect((await stored(article.id)).live).toBe(bodyToHtml(SAVED))
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { body: INTERNAL_LINK },
    })
    expect((await stored(article.id)).live).toBeNull()
  })

  it('is never taken from a client and never read through the API', async () => {
    const editor = await createUser(ctx.payload, 'editor')
    const article = await ctx.payload.create({
      collection: 'articles',
      data: {
        title: 'Typed HTML',
        language: 'en',
        body: textBody('The real text.'),
        bodyHtml: '<script>alert(1)</script>',
        ...basics.fields,
        _status: 'published',
      } as Article,
      user: editor,
      overrideAccess: false,
    })
    expect((await stored(article.id)).live).toBe(bodyToHtml(textBody('The real text.')))
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { bodyHtml: '<b>typed</b>' } as Partial<Article>,
      user: editor,
      overrideAccess: false,
    })
    expect((await stored(article.id)).live).toBe(bodyToHtml(textBody('The real text.')))

    const asReader = await ctx.payload.findByID({
      collection: 'articles',
      id: article.id,
      overrideAccess: false,
    })
    expect(asReader).not.toHaveProperty('bodyHtml')
    const asEditor = await ctx.payload.findByID({
      collection: 'articles',
      id: article.id,
      user: editor,
      overrideAccess: false,
    })
    expect(asEditor).not.toHaveProperty('bodyHtml')
  })
})
