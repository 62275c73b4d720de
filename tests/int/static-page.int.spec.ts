import { createElement, Suspense } from 'react'
import { describe, expect, it } from 'vitest'

import { HeadTags } from '@/components/static/HeadTags'
import { dedupeLinks, renderDocument } from '@/components/static/renderHtml'
import { pageMetadata } from '@/lib/seo'

/** An async server component, as every component of the article page is. */
async function Slow({ text }: { text: string }) {
  await new Promise((resolve) => setTimeout(resolve, 5))
  return createElement('p', null, text)
}

describe('the static article page renderer', () => {
  it('renders a document with its async components awaited', async () => {
    const html = await renderDocument(
      createElement(
        'html',
        { lang: 'en' },
        createElement(
          'body',
          null,
          createElement(Slow, { text: 'one' }),
          createElement(Slow, { text: 'two' }),
        ),
      ),
    )
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true)
    expect(html).toContain('<p>one</p><p>two</p>')
    expect(html).not.toContain('<script')
  })

  it('fails the render when a component throws, also inside a Suspense boundary', async () => {
    const Broken = async () => {
      throw new Error('no data')
    }
    // Fizz would send the fallback and report the error: no half page is cached.
    const page = createElement(
      'html',
      null,
      createElement(
        'body',
        null,
        createElement(Suspense, { fallback: createElement('p', null, '…') }, createElement(Broken)),
      ),
    )
    await expect(renderDocument(page)).rejects.toThrow('no data')
  })

  it('keeps the first of identical links only', () => {
    const a = '<link rel="preload" as="image" href="/a.webp"/>'
    const b = '<link rel="stylesheet" href="/s.css"/>'
    expect(dedupeLinks(`<head>${a}${b}${a}</head>`)).toBe(`<head>${a}${b}</head>`)
  })

  it("writes the head tags Next writes from the page's metadata", async () => {
    const metadata = pageMetadata({
      lang: 'az',
      path: '/az/articles/x',
      title: 'Başlıq',
      description: 'Lid',
      alternates: { az: '/az/articles/x', en: '/en/articles/y' },
      image: { url: '/api/media/file/og.jpg', width: 1200, height: 630, alt: 'Şəkil' },
      type: 'article',
      article: { publishedTime: '2026-01-01T00:00:00.000Z', section: 'Xəbərlər' },
    })
    const html = await renderDocument(
      createElement(
        'html',
        null,
        createElement('head', null, createElement(HeadTags, { metadata })),
      ),
    )
    expect(html).toContain('<title>Başlıq · Caspian Digest</title>')
    expect(html).toContain('<meta name="description" content="Lid"/>')
    expect(html).toMatch(/<link rel="canonical" href="[^"]+\/az\/articles\/x"\/>/)
    expect(html).toMatch(/<link rel="alternate" hrefLang="en" href="[^"]+\/en\/articles\/y"\/>/)
    expect(html).toMatch(
      /<link rel="alternate" hrefLang="x-default" href="[^"]+\/en\/articles\/y"\/>/,
    )
    expect(html).toContain('<meta property="og:locale" content="az_AZ"/>')
    expect(html).toContain('<meta property="article:section" content="Xəbərlər"/>')
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>')
  })
})
