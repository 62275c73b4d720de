import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { blocksToLexical } from '@/lib/lexical'

import { call, login, messageOf, type Headers, type Json, fireTransition } from '../helpers/http'

let editor: Headers, translator: Headers

/** Articles this file made, deleted when it is done (language versions first). */
const made: number[] = []

/** The page's hero figure: the image's alt text and the caption under it. */
const heroOf = async (path: string) => {
  const { status, text } = await call(path)
  expect(status, path).toBe(200)
  const figure = /<figure class="hero">([\s\S]*?)<\/figure>/.exec(text)?.[1] ?? ''
  const decode = (value: string) =>
    value
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&amp;/g, '&')
  return {
    alt: decode(/<img[^>]* alt="([^"]*)"/.exec(figure)?.[1] ?? ''),
    caption: decode(
      (/<figcaption>([\s\S]*?)<\/figcaption>/.exec(figure)?.[1] ?? '').replace(/<[^>]+>/g, ''),
    ),
  }
}

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  translator = await login('translator@caspiandigest.example', 'demo-translator')
})

afterAll(async () => {
  const admin = await login('admin@caspiandigest.example', 'demo-admin')
  for (const id of made.reverse()) {
    await call(`/api/articles/${id}`, { method: 'DELETE', headers: admin })
  }
})

describe('hero captions and alt text per language', () => {
  it('shows the seeded Azerbaijani version its own caption and alt text, the original its English ones', async () => {
    const az = await heroOf('/az/articles/imisli-gunes-parki-sebekeye-enerji-vermeye-basladi')
    expect(az.caption).toContain(
      'Mil düzündə, İmişli yaxınlığında üfüqə qədər uzanan günəş panelləri.',
    )
    expect(az.alt).toBe('Mil düzündə, İmişli yaxınlığında üfüqə qədər uzanan günəş panelləri.')
    expect(az.caption).not.toContain('Rows of solar panels')

    const en = await heroOf('/en/articles/imishli-solar-park-begins-feeding-the-grid')
    expect(en.caption).toContain('Rows of solar panels stretch towards the horizon')
    expect(en.alt).toContain('Rows of solar panels')
  })

  it('starts a new version with the original’s caption; its translator’s caption and alt text reach the az page', async () => {
    const { json: list } = await call(
      '/api/articles?where[language][equals]=en&where[_status][equals]=published&where[translationOf][exists]=false&where[heroImage][exists]=true&depth=0&limit=1&sort=-publishedAt',
      { headers: editor },
    )
    const seeded = (list.docs as Json[])[0]
    const title = `Tea harvest starts early in Lankaran ${Date.now()}`
    const created = await call('/api/articles?draft=true', {
      method: 'POST',
      headers: editor,
      body: {
        title,
        language: 'en',
        dek: 'Pickers are in the gardens two weeks before the usual date.',
        body: blocksToLexical(['The first leaves were picked on Monday.']),
        category: seeded.category,
        authors: seeded.authors,
        heroImage: seeded.heroImage,
        heroCaption: 'Pickers in a tea garden near Lankaran.',
      },
    })
    expect(created.status, messageOf(created.json)).toBe(201)
    const originalId = (created.json.doc as { id: number }).id
    made.push(originalId)
    await fireTransition(editor, originalId, 'publish')

    const added = await call(`/api/articles/${originalId}/translations`, {
      method: 'POST',
      headers: translator,
      body: { language: 'az' },
    })
    expect(added.status, messageOf(added.json)).toBe(201)
    const versionId = (added.json.doc as { id: number }).id
    made.unshift(versionId)
    const { json: started } = await call(`/api/articles/${versionId}?draft=true&depth=0`, {
      headers: translator,
    })
    expect(started.heroCaption).toBe('Pickers in a tea garden near Lankaran.')
    expect(typeof started.heroAlt === 'string' && started.heroAlt.length > 0).toBe(true)

    const slug = `lenkeranda-cay-yigimi-${Date.now()}`
    const translated = await call(`/api/articles/${versionId}?draft=true`, {
      method: 'PATCH',
      headers: translator,
      body: {
        title: 'Lənkəranda çay yığımı tez başlayır',
        slug,
        heroCaption: 'Lənkəran yaxınlığında çay bağında yarpaq yığanlar.',
        heroAlt: 'Çay kollarının arasında yarpaq yığan qadınlar',
      },
    })
    expect(translated.status, messageOf(translated.json)).toBe(200)
    await fireTransition(editor, versionId, 'publish')

    const az = await heroOf(`/az/articles/${slug}`)
    expect(az.caption).toContain('Lənkəran yaxınlığında çay bağında yarpaq yığanlar.')
    expect(az.alt).toBe('Çay kollarının arasında yarpaq yığan qadınlar')
    const { json: original } = await call(`/api/articles/${originalId}?depth=0`)
    const en = await heroOf(`/en/articles/${original.slug}`)
    expect(en.caption).toContain('Pickers in a tea garden near Lankaran.')
    expect(en.alt).not.toBe('Çay kollarının arasında yarpaq yığan qadınlar')
  })
})
