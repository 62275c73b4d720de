/** Before the run: editor accounts, each with published articles of its own, and shared ones. */
import { blocksToLexical } from '@/lib/lexical'

import type { Api } from './api'
import { OWN_ARTICLES, SHARED_ARTICLES, type Desk, type Editor, type LoadOptions } from './context'

export const lexical = (text: string) => blocksToLexical([text])

const createEditors = async ({ api, must, loginAs }: Api, admin: string, count: number) => {
  const editors: Editor[] = []
  for (let i = 0; i < count; i++) {
    const email = `load-editor-${i}@caspiandigest.example`
    await must(
      `create ${email}`,
      api('/api/users', {
        method: 'POST',
        token: admin,
        body: { email, password: 'load-editor-pass', name: `Load editor ${i}`, roles: ['editor'] },
      }),
    )
    editors.push({ name: `e${i}`, token: await loginAs(email, 'load-editor-pass') })
  }
  return editors
}

/** A way to create an article as an editor and publish it with a complete checklist. */
const publisher = async ({ api, must }: Api, initialDek: Map<number, string>) => {
  const ready = (
    (
      await must(
        'a published article with a hero image',
        api(
          '/api/articles?limit=1&depth=0&where[heroImage][exists]=true&where[language][equals]=en',
        ),
      )
    ).docs as { category: number; authors: number[]; heroImage: number }[]
  )[0]
  return async (token: string, title: string) => {
    const dek = `Initial dek of ${title}`
    const created = await must(
      `create ${title}`,
      api('/api/articles?draft=true', {
        method: 'POST',
        token,
        body: {
          title,
          language: 'en',
          dek,
          body: lexical(dek),
          category: ready.category,
          authors: ready.authors,
          heroImage: ready.heroImage,
        },
      }),
    )
    const id = (created.doc as { id: number }).id
    await must(
      `publish ${title}`,
      api(`/api/articles/${id}/transition`, {
        method: 'POST',
        token,
        body: { transition: 'publish' },
      }),
    )
    initialDek.set(id, dek)
    return id
  }
}

export const prepareDesk = async (client: Api, options: LoadOptions): Promise<Desk> => {
  const admin = await client.loginAs('admin@caspiandigest.example', 'demo-admin')
  const editors = await createEditors(client, admin, options.editors + options.sharedEditors)
  const initialDek = new Map<number, string>()
  const createPublished = await publisher(client, initialDek)
  const own = new Map<string, number[]>()
  for (const editor of editors.slice(0, options.editors)) {
    const ids: number[] = []
    for (let j = 0; j < OWN_ARTICLES; j++) {
      ids.push(await createPublished(editor.token, `Load test ${editor.name} article ${j}`))
    }
    own.set(editor.name, ids)
  }
  const sharedEditors = editors.slice(options.editors)
  const shared: number[] = []
  for (let j = 0; j < SHARED_ARTICLES; j++) {
    shared.push(
      await createPublished(sharedEditors[0]?.token ?? admin, `Load test shared article ${j}`),
    )
  }
  const touched = [...initialDek.keys()]
  return {
    admin,
    editors,
    own,
    sharedEditors,
    shared,
    initialDek,
    touched,
    published: new Set(touched),
  }
}
