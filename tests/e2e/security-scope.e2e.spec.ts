import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { call, login, messageOf, type Headers, type Json } from '../helpers/http'

const graphql = (query: string, headers: Headers = {}) =>
  call('/api/graphql', { method: 'POST', headers, body: { query } })

const run = Date.now().toString(36)
let editor: Headers, author: Headers, admin: Headers, colleague: Headers, azTranslator: Headers
let colleagueId: number
/** Published articles and copies made here, deleted for good at the end: the app is shared. */
const published: number[] = []
const copies: number[] = []

/** A person made by the admin over REST, logged in. */
const person = async (name: string, roles: string[], languages: string[] = []) => {
  const email = `${name}-${run}@scope.example`
  const created = await call('/api/users', {
    method: 'POST',
    headers: admin,
    body: { email, password: 'scope-pass-1', name, roles, languages },
  })
  expect(created.status).toBe(201)
  return {
    id: (created.json.doc as { id: number }).id,
    headers: await login(email, 'scope-pass-1'),
  }
}

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  author = await login('author@caspiandigest.example', 'demo-author')
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  const other = await person('colleague', ['author'])
  colleague = other.headers
  colleagueId = other.id
  azTranslator = (await person('az-translator', ['translator'], ['az'])).headers
})

afterAll(async () => {
  for (const id of [...copies, ...published]) {
    const { status } = await call(`/api/articles/${id}`, { method: 'DELETE', headers: admin })
    expect(status).toBe(200)
  }
})

/** The article as an editor reads it (latest draft, ids only). */
const asEditor = async (id: number) =>
  (await call(`/api/articles/${id}?draft=true&depth=0`, { headers: editor })).json

const create = async (headers: Headers, body: Json) => {
  const { status, json } = await call('/api/articles?draft=true&depth=0', {
    method: 'POST',
    headers,
    body,
  })
  expect(status, JSON.stringify(json)).toBe(201)
  return json.doc as Json & { id: number }
}

const patch = (headers: Headers, id: number, body: Json) =>
  call(`/api/articles/${id}?draft=true&depth=0`, { method: 'PATCH', headers, body })

/** An English original (by the editor) and its az version (by the az translator). */
const storyWithVersion = async (title: string) => {
  const original = await create(editor, { title, language: 'en' })
  const version = await create(azTranslator, {
    title: `${title} (az)`,
    language: 'az',
    translationOf: original.id,
  })
  return { original, version }
}

describe('a write ends inside the writer’s scope, on every way in', () => {
  it('lets a translator edit their own version over REST and GraphQL', async () => {
    const { version } = await storyWithVersion(`Scope ok ${run}`)
    const rest = await patch(azTranslator, version.id, { title: 'Başlıq REST' })
    expect(rest.status).toBe(200)
    const gql = await graphql(
      `mutation { updateArticle(id: ${version.id}, draft: true, data: { title: "Başlıq GraphQL", language: az }) { id title language } }`,
      azTranslator,
    )
    expect(gql.json.errors).toBeUndefined()
    expect(await asEditor(version.id)).toMatchObject({ title: 'Başlıq GraphQL', language: 'az' })
  })

  it('refuses a translator taking a version out of their languages or off its story', async () => {
    const { original, version } = await storyWithVersion(`Scope refused ${run}`)
    const other = await create(editor, { title: `Other story ${run}`, language: 'en' })

    const language = await patch(azTranslator, version.id, { language: 'ru', title: 'Gone' })
    expect(language.status).toBe(403)
    expect(messageOf(language.json)).toBe(
      'You work in Azerbaijani: a language version cannot be put in Russian by you.',
    )
    const relinked = await patch(azTranslator, version.id, { translationOf: other.id })
    expect(relinked.status).toBe(403)
    expect(messageOf(relinked.json)).toBe(
      'Only editors can attach a language version to another story.',
    )
    const detached = await patch(azTranslator, version.id, { translationOf: null })
    expect(detached.status).toBe(403)
    expect(messageOf(detached.json)).toBe('Only editors can make a language version an original.')

    const gqlLanguage = await graphql(
      `mutation { updateArticle(id: ${version.id}, draft: true, data: { language: ru, title: "Gone" }) { id } }`,
      azTranslator,
    )
    expect(messageOf(gqlLanguage.json)).toBe(
      'You work in Azerbaijani: a language version cannot be put in Russian by you.',
    )
    const gqlDetached = await graphql(
      `mutation { updateArticle(id: ${version.id}, draft: true, data: { translationOf: null }) { id } }`,
      azTranslator,
    )
    expect(messageOf(gqlDetached.json)).toBe(
      'Only editors can make a language version an original.',
    )

    // Nothing was written.
    const stored = await asEditor(version.id)
    expect(stored).toMatchObject({
      language: 'az',
      title: `Scope refused ${run} (az)`,
      translationOf: original.id,
    })
  })

  it('refuses an author adding a language version, however the original’s id is written', async () => {
    const original = await create(editor, { title: `String id ${run}`, language: 'en' })
    for (const translationOf of [original.id, String(original.id)]) {
      const { status, json } = await call('/api/articles?draft=true', {
        method: 'POST',
        headers: author,
        body: { title: `Author’s version ${run}`, language: 'ru', translationOf },
      })
      expect(status, String(typeof translationOf)).toBe(403)
      expect(messageOf(json)).toBe(
        'Only editors, and translators working in Russian, can add a version in Russian.',
      )
    }
    const versions = await call(
      `/api/articles?draft=true&where[translationOf][equals]=${original.id}`,
      { headers: editor },
    )
    expect(versions.json.totalDocs).toBe(0)
  })

  it('refuses a translator creating an original over REST and GraphQL', async () => {
    const title = `Translator original ${run}`
    const rest = await call('/api/articles?draft=true', {
      method: 'POST',
      headers: azTranslator,
      body: { title, language: 'az' },
    })
    expect(rest.status).toBe(403)
    expect(messageOf(rest.json)).toBe(
      'Translators work on language versions: add this as a version of its original, in one of your languages.',
    )
    const gql = await graphql(
      `mutation { createArticle(draft: true, data: { title: "${title}", language: az }) { id } }`,
      azTranslator,
    )
    expect(messageOf(gql.json)).toBe(
      'Translators work on language versions: add this as a version of its original, in one of your languages.',
    )
    const found = await call(
      `/api/articles?draft=true&where[title][equals]=${encodeURIComponent(title)}`,
      { headers: editor },
    )
    expect(found.json.totalDocs).toBe(0)
  })

  it('keeps an author’s articles theirs, over REST and GraphQL', async () => {
    const rest = await create(author, {
      title: `Owned ${run}`,
      language: 'en',
      createdBy: colleagueId,
    })
    const gql = await graphql(
      `mutation { createArticle(draft: true, data: { title: "Owned GraphQL ${run}", language: en, createdBy: ${colleagueId} }) { id } }`,
      author,
    )
    expect(gql.json.errors).toBeUndefined()
    const gqlId = (gql.json.data as { createArticle: { id: number } }).createArticle.id
    const moved = await patch(author, rest.id, { createdBy: colleagueId, language: 'ru' })
    expect(moved.status).toBe(200)
    for (const id of [rest.id, gqlId]) {
      const stored = await asEditor(id)
      expect(stored.createdBy).not.toBe(colleagueId)
      expect(stored.createdBy).toBe((await asEditor(rest.id)).createdBy)
    }
    expect((await asEditor(rest.id)).language).toBe('ru')
    // …and the colleague still cannot touch them.
    expect((await patch(colleague, rest.id, { title: 'Taken over' })).status).toBe(403)
  })
})

describe('no ordering or filtering by what the caller cannot read', () => {
  const title = `Ordered by nothing hidden ${run}`
  let ids: number[] = []

  beforeAll(async () => {
    // Two published articles: the first owned by "zz…", the second by "aa…" (emails and names
    // in the opposite order to the ids), both assigned and reviewed by their owner. In Russian,
    // away from the English home page that other files check.
    const basics = async (path: string) =>
      (
        (await call(`${path}?limit=1&depth=0`, { headers: editor })).json.docs as { id: number }[]
      )[0].id
    const ready = {
      dek: 'A dek.',
      category: await basics('/api/categories'),
      authors: [await basics('/api/authors')],
      heroImage: await basics('/api/media'),
    }
    for (const name of ['zz-owner', 'aa-owner']) {
      const owner = await person(name, ['author'])
      const draft = await create(owner.headers, { ...ready, title, language: 'ru' })
      const assigned = await patch(editor, draft.id, { assignee: owner.id, reviewer: owner.id })
      expect(assigned.status).toBe(200)
      const publish = await call(`/api/articles/${draft.id}/transition`, {
        method: 'POST',
        headers: editor,
        body: { transition: 'publish' },
      })
      expect(publish.status, JSON.stringify(publish.json)).toBe(200)
      ids.push(draft.id)
      published.push(draft.id)
    }
    ids = ids.sort((a, b) => a - b)
  })

  const ours = `where[title][equals]=${encodeURIComponent(title)}`
  const list = (query: string, headers: Headers = {}) =>
    call(`/api/articles?${ours}&depth=0&${query}`, { headers })
  const order = (json: Json) => (json.docs as { id: number }[]).map((doc) => doc.id)

  it('reads both in the default order', async () => {
    const { status, json } = await list('sort=id')
    expect(status).toBe(200)
    expect(order(json)).toEqual(ids)
  })

  it('never returns the two in the order of their owners’ emails to a reader', async () => {
    // Payload alone answered these with the owners' order (ids descending here, emails
    // ascending), and the reverse for the descending sort: an oracle on the emails.
    const ascending = await list('sort=title,createdBy.email')
    const descending = await list('sort=title,-createdBy.email')
    expect([ascending.status, descending.status]).toEqual([400, 400])
    expect(ascending.json.docs).toBeUndefined()
    expect(descending.json.docs).toBeUndefined()
  })

  it('refuses an anonymous reader every sort that would follow the owners, assignees or reviewers', async () => {
    for (const sort of [
      'createdBy.email',
      '-createdBy.email',
      'title,createdBy.email',
      'title,-createdBy.name',
      'createdBy.hash',
      'assignee.email',
      'reviewer.email',
      'assignee',
      'translatedFrom.title',
    ]) {
      const { status, json } = await list(`sort=${sort}`)
      expect(status, sort).toBe(400)
      expect(json.docs, sort).toBeUndefined()
      expect(messageOf(json), sort).toMatch(/^You cannot sort by ".+": there is no such field/)
    }
  })

  it('refuses an anonymous reader filtering by them', async () => {
    for (const where of [
      'where[createdBy.email][like]=a',
      'where[assignee.roles][contains]=admin',
      'where[assignee][exists]=true',
      'where[reviewer.email][like]=aa',
      'where[or][0][createdBy][exists]=true',
    ]) {
      const { status, json } = await call(`/api/articles?depth=0&${where}`)
      expect(status, where).toBe(400)
      expect(messageOf(json), where).toMatch(/^You cannot filter by ".+"/)
    }
  })

  it('refuses low roles sorting by password hashes, through a relationship or not', async () => {
    for (const headers of [author, azTranslator]) {
      expect((await list('sort=createdBy.hash', headers)).status).toBe(400)
      expect((await list('sort=title,createdBy.salt', headers)).status).toBe(400)
      expect((await call('/api/users?sort=email,hash', { headers })).status).toBe(400)
      // What staff may read, they may sort by.
      const byEmail = await list('sort=-createdBy.email', author)
      expect(byEmail.status).toBe(200)
      expect(order(byEmail.json)).toEqual(ids)
    }
  })

  it('refuses the same over GraphQL', async () => {
    const articles = (args: string, headers?: Headers) =>
      graphql(`{ Articles(${args}) { docs { id } } }`, headers)
    for (const args of [
      `sort: "title,createdBy.email", where: { title: { equals: "${title}" } }`,
      `sort: "createdBy.email"`,
      `sort: "-assignee.email"`,
      `where: { assignee: { exists: true } }`,
      `where: { createdBy: { exists: true } }`,
    ]) {
      const { json } = await articles(args)
      expect(messageOf(json), args).toMatch(/^You cannot (sort|filter) by /)
      expect((json.data as { Articles: unknown } | undefined)?.Articles ?? null, args).toBeNull()
    }
    const users = await graphql('{ Users(sort: "email,hash") { docs { id } } }', author)
    expect(messageOf(users.json)).toBe(
      'You cannot sort by "hash": there is no such field, or not one you may read.',
    )
    const allowed = await articles(`sort: "-id", where: { title: { equals: "${title}" } }`)
    expect(
      (allowed.json.data as { Articles: { docs: { id: number }[] } }).Articles.docs.map((d) =>
        Number(d.id),
      ),
    ).toEqual([...ids].reverse())
  })
})

describe('duplicate', () => {
  /** What the admin's Duplicate button sends. */
  const duplicate = (headers: Headers, id: number) =>
    call(`/api/articles/${id}/duplicate?locale=en&depth=0`, {
      method: 'POST',
      headers,
      body: { _status: 'draft' },
    })

  it('gives an editor a new draft of a published article, with a fresh slug and nothing of its workflow', async () => {
    // One of the published Russian articles above.
    const source = (await asEditor(published[0])) as Json & { id: number; slug: string }
    expect(source).toMatchObject({ _status: 'published', language: 'ru' })
    expect(source.publishedAt).toBeTruthy()
    const first = await duplicate(editor, source.id)
    expect(first.status, JSON.stringify(first.json)).toBe(200)
    const copy = first.json.doc as Json & { id: number }
    copies.push(copy.id)
    expect(copy).toMatchObject({
      title: source.title,
      slug: `${source.slug}-copy`,
      stage: 'draft',
      _status: 'draft',
      publishedAt: null,
      needsUpdate: false,
    })
    expect(copy.scheduledAt ?? null).toBeNull()
    const workflow = await call(`/api/articles/${copy.id}/workflow`, { headers: editor })
    expect(workflow.json.timeline).toEqual([])
    const second = await duplicate(editor, source.id)
    expect(second.status).toBe(200)
    copies.push((second.json.doc as { id: number }).id)
    expect((second.json.doc as Json).slug).toBe(`${source.slug}-copy-2`)
    // Readers see neither copy.
    expect((await call(`/api/articles/${copy.id}`)).status).toBe(404)
    expect((await asEditor(source.id)).slug).toBe(source.slug)
  })

  it('lets an author duplicate their own article and a colleague’s, into a draft of their own', async () => {
    const own = await create(author, { title: `Own to copy ${run}`, language: 'en' })
    const others = await create(colleague, { title: `Colleague’s to copy ${run}`, language: 'en' })
    const ownCopy = await duplicate(author, own.id)
    expect(ownCopy.status).toBe(200)
    expect(ownCopy.json.doc).toMatchObject({ slug: `${own.slug}-copy`, createdBy: own.createdBy })
    const othersCopy = await duplicate(author, others.id)
    expect(othersCopy.status).toBe(200)
    expect(othersCopy.json.doc).toMatchObject({
      slug: `${others.slug}-copy`,
      createdBy: own.createdBy,
      stage: 'draft',
    })
    // The copy is the author's to edit; the colleague's article is still not.
    const copyId = (othersCopy.json.doc as { id: number }).id
    expect((await patch(author, copyId, { title: 'My version' })).status).toBe(200)
    expect((await patch(author, others.id, { title: 'Taken over' })).status).toBe(403)
  })

  it('makes a copy of a language version an original for an editor, and refuses it to its translator', async () => {
    const { version } = await storyWithVersion(`Version to copy ${run}`)
    const byTranslator = await duplicate(azTranslator, version.id)
    expect(byTranslator.status).toBe(403)
    expect(messageOf(byTranslator.json)).toBe(
      'Translators work on language versions: add this as a version of its original, in one of your languages.',
    )
    const byEditor = await duplicate(editor, version.id)
    expect(byEditor.status).toBe(200)
    expect(byEditor.json.doc).toMatchObject({ language: 'az', translationOf: null })
  })
})

describe.runIf(browserTestsEnabled)('duplicate in the admin, in a real browser', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it(
    'opens a new draft copy of a published article after Duplicate',
    { timeout: 180_000 },
    async () => {
      const source = (await asEditor(published[1])) as Json & { id: number; slug: string }
      const context = await browser.newContext(inject('baseURL'))
      const page = await context.newPage()
      page.setDefaultTimeout(90_000)
      await adminLogIn(page, 'editor@caspiandigest.example', 'demo-editor')

      await page.goto(`/admin/collections/articles/${source.id}`)
      await page.locator('#workflow-panel[data-stage="published"]').waitFor()
      await page.locator('.doc-controls__dots').click()
      await page.locator('#action-duplicate').click()
      await page.waitForURL((url) => {
        const match = url.pathname.match(/^\/admin\/collections\/articles\/(\d+)$/)
        return Boolean(match && Number(match[1]) !== source.id)
      })
      const copyId = Number(new URL(page.url()).pathname.split('/').pop())
      copies.push(copyId)
      await page.locator('#workflow-panel[data-stage="draft"]').waitFor()
      expect(await page.locator('input#field-slug').inputValue()).toMatch(
        new RegExp(`^${source.slug}-copy`),
      )
      const copy = await asEditor(copyId)
      expect(copy).toMatchObject({ stage: 'draft', _status: 'draft', publishedAt: null })
      expect(String(copy.slug)).toMatch(new RegExp(`^${source.slug}-copy(-\\d+)?$`))
      await context.close()
    },
  )
})
