import { beforeAll, describe, expect, inject, it } from 'vitest'

import { call, login, messageOf, type Headers, type Json } from '../helpers/http'

const baseURL = inject('baseURL')
const outboxDir = inject('outboxDir')

/** Polls until `check` returns a truthy value or `ms` pass; returns the last value. */
const eventually = async <T>(check: () => Promise<T>, ms = 25_000): Promise<T> => {
  const deadline = Date.now() + ms
  let value = await check()
  while (!value && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    value = await check()
  }
  return value
}

const graphql = (query: string, headers: Headers = {}) =>
  call('/api/graphql', { method: 'POST', headers, body: { query } })

let editor: Headers, author: Headers, admin: Headers, colleague: Headers

beforeAll(async () => {
  editor = await login('editor@caspiandigest.example', 'demo-editor')
  author = await login('author@caspiandigest.example', 'demo-author')
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  const email = `colleague-${Date.now()}@caspiandigest.example`
  const created = await call('/api/users', {
    method: 'POST',
    headers: admin,
    body: { email, password: 'colleague-pass-1', name: 'A Colleague', roles: ['author'] },
  })
  expect(created.status).toBe(201)
  colleague = await login(email, 'colleague-pass-1')
})

/** A draft written by the demo author over REST. */
const authorDraft = async (title: string) => {
  const { status, json } = await call('/api/articles?draft=true', {
    method: 'POST',
    headers: author,
    body: { title, language: 'en', dek: 'Written over the API.' },
  })
  expect(status).toBe(201)
  return (json.doc as { id: number }).id
}

const asEditor = async (id: number) =>
  (await call(`/api/articles/${id}?draft=true&depth=0`, { headers: editor })).json

describe('the workflow over REST', () => {
  it('refuses an author who PATCHes _status: published, with and without ?draft=true', async () => {
    const id = await authorDraft('An author tries to publish')
    for (const query of ['', '?draft=true']) {
      const { status, json } = await call(`/api/articles/${id}${query}`, {
        method: 'PATCH',
        headers: author,
        body: { _status: 'published', title: 'Published by the author' },
      })
      expect(status, query).toBe(403)
      expect(messageOf(json)).toBe(
        'You cannot publish an article that is draft. Allowed from here: submit for review.',
      )
    }
    expect(await asEditor(id)).toMatchObject({
      title: 'An author tries to publish',
      stage: 'draft',
      _status: 'draft',
    })
    expect((await call(`/api/articles/${id}`)).status).toBe(404)
  })

  it('saves an author’s text but ignores the stage, publication date and owner they send', async () => {
    const id = await authorDraft('An author sets the stage')
    const { status } = await call(`/api/articles/${id}?draft=true`, {
      method: 'PATCH',
      headers: author,
      body: {
        dek: 'A better dek.',
        stage: 'approved',
        publishedAt: '2021-01-01T00:00:00.000Z',
        scheduledAt: '2031-01-01T00:00:00.000Z',
        createdBy: 1,
      },
    })
    expect(status).toBe(200)
    const doc = await asEditor(id)
    expect(doc).toMatchObject({ dek: 'A better dek.', stage: 'draft', publishedAt: null })
    expect(doc.scheduledAt ?? null).toBeNull()
    expect(doc.createdBy).not.toBe(1)
  })

  it('refuses an author editing a colleague’s article', async () => {
    const id = await authorDraft('Mine, not yours')
    const { status } = await call(`/api/articles/${id}?draft=true`, {
      method: 'PATCH',
      headers: colleague,
      body: { title: 'Taken over' },
    })
    expect(status).toBe(403)
    expect((await asEditor(id)).title).toBe('Mine, not yours')
  })

  it('fires transitions through the endpoint and says what is allowed when it refuses', async () => {
    const id = await authorDraft('Through the endpoint')
    const transition = (headers: Headers, body: unknown) =>
      call(`/api/articles/${id}/transition`, { method: 'POST', headers, body })

    expect((await transition({}, { transition: 'submit' })).status).toBe(401)
    const submitted = await transition(author, { transition: 'submit', note: 'Ready.' })
    expect(submitted.status).toBe(200)
    expect(submitted.json.doc).toMatchObject({ stage: 'in_review', _status: 'draft' })

    const selfApproval = await transition(author, { transition: 'approve' })
    expect(selfApproval.status).toBe(403)
    expect(messageOf(selfApproval.json)).toBe(
      'You cannot approve an article that is in review. Allowed from here: none for you.',
    )
    const unknown = await transition(editor, { transition: 'teleport' })
    expect(unknown.status).toBe(400)
    expect(messageOf(unknown.json)).toBe(
      'Unknown transition "teleport". Allowed from In review: approve, request changes, publish, or schedule.',
    )
    expect((await transition(editor, {})).status).toBe(400)
    expect((await transition(editor, '{not json')).status).toBe(400)

    const publish = await transition(editor, { transition: 'publish' })
    expect(publish.status).toBe(400)
    expect(messageOf(publish.json)).toBe(
      'Cannot publish yet: add a hero image, a section, and at least one author.',
    )
    const approved = await transition(editor, { transition: 'approve' })
    expect(approved.json.doc).toMatchObject({ stage: 'approved' })
    const again = await transition(editor, { transition: 'approve' })
    expect(again.status).toBe(409)

    expect(
      (
        await call('/api/articles/abc/transition', {
          method: 'POST',
          headers: editor,
          body: { transition: 'submit' },
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await call('/api/articles/99999999/transition', {
          method: 'POST',
          headers: editor,
          body: { transition: 'submit' },
        })
      ).status,
    ).toBe(404)
  })

  it('shows staff the workflow state and timeline, with notes, and nothing to readers', async () => {
    const id = await authorDraft('With a note')
    const note = await call(`/api/articles/${id}/notes`, {
      method: 'POST',
      headers: author,
      body: { note: 'Waiting for the ministry to call back.' },
    })
    expect(note.status).toBe(201)
    expect(
      (
        await call(`/api/articles/${id}/notes`, {
          method: 'POST',
          headers: colleague,
          body: { note: 'x' },
        })
      ).status,
    ).toBe(403)
    expect((await call(`/api/articles/${id}/workflow`)).status).toBe(401)

    const state = await call(`/api/articles/${id}/workflow`, { headers: author })
    expect(state.status).toBe(200)
    expect(state.json).toMatchObject({
      stage: 'draft',
      canEdit: true,
      checklist: { ok: false, missing: ['a hero image', 'a section', 'at least one author'] },
    })
    expect((state.json.transitions as { name: string }[]).map((t) => t.name)).toEqual(['submit'])
    expect(state.json.timeline).toMatchObject([
      { kind: 'note', note: 'Waiting for the ministry to call back.' },
    ])
    const forEditor = await call(`/api/articles/${id}/workflow`, { headers: editor })
    expect((forEditor.json.transitions as { name: string }[]).map((t) => t.name)).toEqual([
      'submit',
      'publish',
      'schedule',
      'archive',
    ])
    expect((await call('/api/editorial-events')).status).toBe(403)
  })

  it('keeps the published text live when an editor restores an earlier version as a draft', async () => {
    // The oldest published article: a seeded one with a short history (the newest may be one
    // the busy-desk test saved a hundred times, whose first versions are pruned).
    const list = await call('/api/articles?limit=1&depth=0&sort=publishedAt')
    const { id, title } = (list.json.docs as { id: number; title: string }[])[0]
    const updated = await call(`/api/articles/${id}`, {
      method: 'PATCH',
      headers: editor,
      body: { title: `${title} (updated)` },
    })
    expect(updated.status).toBe(200)
    const versions = await call(
      `/api/articles/versions?where[parent][equals]=${id}&sort=-createdAt&depth=0&limit=50`,
      { headers: editor },
    )
    const original = (versions.json.docs as { id: string; version: { title: string } }[]).find(
      (v) => v.version.title === title,
    )!
    expect(
      (
        await call(`/api/articles/versions/${original.id}?draft=true`, {
          method: 'POST',
          headers: author,
        })
      ).status,
    ).toBe(403)
    const restored = await call(`/api/articles/versions/${original.id}?draft=true`, {
      method: 'POST',
      headers: editor,
    })
    expect(restored.status).toBe(200)
    expect(((await call(`/api/articles/${id}`)).json as { title: string }).title).toBe(
      `${title} (updated)`,
    )
    expect((await asEditor(id)).title).toBe(title)
  })

  it('keeps the jobs queue to the system', async () => {
    for (const headers of [{}, author, editor]) {
      const run = await call('/api/payload-jobs/run?queue=workflow', { headers })
      expect(run.status, JSON.stringify(headers)).toBeGreaterThanOrEqual(401)
      expect(run.status).toBeLessThan(500)
      expect((await call('/api/payload-jobs', { headers })).status).toBeGreaterThanOrEqual(401)
    }
  })
})

describe('the jobs queue inside the running app', () => {
  it('emails the editors about a submission, and publishes a scheduled article at its time, home page included', async () => {
    const title = `Queue check ${Date.now()}`
    const id = await authorDraft(title)
    const submit = await call(`/api/articles/${id}/transition`, {
      method: 'POST',
      headers: author,
      body: { transition: 'submit' },
    })
    expect(submit.status).toBe(200)
    const mail = await eventually(async () => {
      const { readOutbox } = await import('../helpers/fixtures')
      return (await readOutbox(outboxDir)).find(
        (m) =>
          m.subject === `[In review] ${title}` && m.to.includes('editor@caspiandigest.example'),
      )
    })
    expect(mail).toBeTruthy()

    // What the checklist needs, borrowed from a published article; then schedule a few seconds out.
    const [ready] = (await call('/api/articles?limit=1&depth=0')).json.docs as Json[]
    const patched = await call(`/api/articles/${id}?draft=true`, {
      method: 'PATCH',
      headers: editor,
      body: { category: ready.category, authors: ready.authors, heroImage: ready.heroImage },
    })
    expect(patched.status).toBe(200)
    const at = new Date(Date.now() + 3_000).toISOString()
    const scheduled = await call(`/api/articles/${id}/transition`, {
      method: 'POST',
      headers: editor,
      body: { transition: 'schedule', date: at },
    })
    expect(scheduled.json.doc).toMatchObject({ stage: 'scheduled', _status: 'draft' })
    expect((await call(`/api/articles/${id}`)).status).toBe(404)
    // The home page is cached without it before the scheduler fires.
    expect(await (await fetch(`${baseURL}/en`)).text()).not.toContain(title)
    const live = await eventually(async () => (await call(`/api/articles/${id}`)).status === 200)
    expect(live).toBe(true)
    expect(await asEditor(id)).toMatchObject({ stage: 'published', _status: 'published' })
    // The scheduler expired the public pages' caches too: the home page shows it at once.
    expect(await (await fetch(`${baseURL}/en`)).text()).toContain(title)
  }, 60_000)
})

describe('the workflow over GraphQL', () => {
  it('refuses an author’s updateArticle that publishes, and ignores a stage they send', async () => {
    const id = await authorDraft('Through GraphQL')
    const publish = await graphql(
      `mutation { updateArticle(id: ${id}, data: { _status: published }) { id _status } }`,
      author,
    )
    expect(messageOf(publish.json)).toBe(
      'You cannot publish an article that is draft. Allowed from here: submit for review.',
    )
    const stage = await graphql(
      `mutation { updateArticle(id: ${id}, draft: true, data: { stage: approved, dek: "Via GraphQL" }) { id stage dek } }`,
      author,
    )
    expect(stage.json.data).toMatchObject({ updateArticle: { stage: 'draft', dek: 'Via GraphQL' } })
  })

  it('never returns an unpublished article or its timeline to an anonymous query', async () => {
    const inReview = await call(
      '/api/articles?where[stage][in]=in_review,changes_requested,approved,scheduled,archived&draft=true&depth=0&limit=100',
      { headers: editor },
    )
    const hidden = (inReview.json.docs as { id: number }[]).map((doc) => doc.id)
    expect(hidden.length).toBeGreaterThanOrEqual(2)
    for (const id of hidden) {
      expect((await call(`/api/articles/${id}`)).status).toBe(404)
      const single = await graphql(`{ Article(id: ${id}, draft: true) { id title } }`)
      expect((single.json.data as { Article: unknown } | undefined)?.Article ?? null).toBeNull()
    }
    const list = await graphql(
      '{ Articles(limit: 300, draft: true, where: { stage: { not_equals: published } }) { totalDocs docs { id } } }',
    )
    expect((list.json.data as { Articles: { totalDocs: number } }).Articles.totalDocs).toBe(0)
    const events = await graphql('{ EditorialEvents { totalDocs } }')
    expect(messageOf(events.json)).toBeTruthy()
  })
})
