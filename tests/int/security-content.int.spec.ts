import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { RichText } from '@/components/RichText'
import { safeHref } from '@/lib/safeUrl'
import type { Article } from '@/payload-types'

const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
]

const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

/** A body of one paragraph per link, as the Lexical editor (or a raw API client) stores it. */
const bodyWithLinks = (urls: string[]) =>
  ({
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: urls.map((url, i) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [
          {
            type: 'link',
            format: '',
            indent: 0,
            version: 3,
            direction: 'ltr',
            fields: { linkType: 'custom', url, newTab: false },
            children: [text(`link ${i}`)],
          },
        ],
      })),
    },
  }) as unknown as NonNullable<Article['body']>

describe('links in article bodies', () => {
  it('renders javascript:, data: and vbscript: links inert, however they are spelled', () => {
    const html = renderToStaticMarkup(
      createElement(RichText, { data: bodyWithLinks(HOSTILE), lang: 'en' }),
    )
    expect(html).not.toMatch(/href=/i)
    for (let i = 0; i < HOSTILE.length; i++) expect(html).toContain(`link ${i}`)
  })

  it('keeps http(s), mailto, tel and relative links', () => {
    const safe = [
      'https://example.org/a?b=1',
      'http://example.org',
      'mailto:desk@example.org',
      'tel:+994120000000',
      '/en/articles/x',
      '#notes',
    ]
    const html = renderToStaticMarkup(
      createElement(RichText, { data: bodyWithLinks(safe), lang: 'en' }),
    )
    for (const url of safe) expect(html).toContain(`href="${url.replace(/&/g, '&amp;')}"`)
    expect(safeHref('  https://example.org  ')).toBe('https://example.org')
    expect(HOSTILE.map(safeHref)).toEqual(HOSTILE.map(() => undefined))
  })

  it('escapes markup in text', () => {
    const html = renderToStaticMarkup(
      createElement(RichText, {
        data:
          bodyWithLinks([]) &&
          ({
            root: {
              type: 'root',
              format: '',
              indent: 0,
              version: 1,
              direction: 'ltr',
              children: [
                {
                  type: 'paragraph',
                  format: '',
                  indent: 0,
                  version: 1,
                  direction: 'ltr',
                  textFormat: 0,
                  children: [text('<img src=x onerror=alert(1)>')],
                },
              ],
            },
          } as unknown as NonNullable<Article['body']>),
        lang: 'en',
      }),
    )
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<img')
  })
})
