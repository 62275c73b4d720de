import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { LOCKED_MESSAGE } from '@/access/documentLocks'
import { DATABASE_MESSAGES } from '@/db/errors'

import { freePort } from '../helpers/globalSetup'
import { call, login, messageOf, type Headers, type Json } from '../helpers/http'
import { bounded, keepReading, reportSaves, type Answer } from '../helpers/load'
import { startNextServer } from '../helpers/nextServer'

/**
 * A busy desk against the production build: a hundred saves at once, by several editors, over
 * REST and GraphQL, on one article and across a hundred. The server has its own process (the
 * shared one keeps serving the other test files whatever happens here) on the same database,
 * with the default pool of ten connections.
 */
const SAVES = 100
const EDITORS = 5
/** No request may take longer than this to answer, whatever it answers. */
const BOUND_MS = 30_000

let base = ''
const servers: Array<() => Promise<void>> = []
let editors: Headers[] = []

/** Another `next start` of the build on the suite's database, with these settings. */
const startServer = async (env: Record<string, string>) => {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const server = await startNextServer({
    port,
    ready: '/api/health',
    env: { ...process.env, ...inject('appEnv'), SERVER_URL: origin, JOBS_AUTORUN: 'false', ...env },
  })
  servers.push(server.stop)
  return origin
}

/** Holds the row lock of article `id` from outside the app, as a long save would, until released. */
const holdRowLock = async (id: number) => {
  const client = new pg.Client({ connectionString: inject('appEnv').DATABASE_URL })
  await client.connect()
  await client.query('BEGIN')
  await client.query('SELECT id FROM articles WHERE id = $1 FOR UPDATE', [id])
  return async () => {
    await client.query('ROLLBACK')
    await client.end()
  }
}

beforeAll(async () => {
  base = await startServer({ DATABASE_POOL_MAX: '10' })

  const admin = await login('admin@caspiandigest.example', 'demo-admin')
  const stamp = Date.now()
  editors = await Promise.all(
    Array.from({ length: EDITORS }, async (_, i) => {
      const email = `desk-${stamp}-${i}@caspiandigest.example`
      const created = await call('/api/users', {
        method: 'POST',
        headers: admin,
        body: { email, password: 'desk-editor-pass', name: `Desk editor ${i}`, roles: ['editor'] },
      })
      expect(created.status).toBe(201)
      return login(email, 'desk-editor-pass')
    }),
  )
}, 120_000)

afterAll(async () => {
  await Promise.all(servers.map((stop) => stop()))
})

/** What a publishable article needs, borrowed from a published one. */
const publishable = async () => {
  const [ready] = (await call('/api/articles?limit=1&depth=0')).json.docs as Json[]
  return { category: ready.category, authors: ready.authors, heroImage: ready.heroImage }
}

const createArticle = async (headers: Headers, title: string, extra: Json = {}) => {
  const created = await bounded(base, '/api/articles?draft=true&depth=0', {
    method: 'POST',
    headers,
    body: { title, language: 'en', dek: 'Written for the busy desk.', ...extra },
  })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  return (created.json.doc as { id: number }).id
}

type Save = Answer & { title: string; via: 'rest' | 'graphql'; saved: boolean }

/** One editor's draft save of a new title, over REST or GraphQL. */
const saveDraft = async (i: number, id: number, title: string): Promise<Save> => {
  const headers = editors[i % EDITORS]
  if (i % 2 === 0) {
    const answer = await bounded(base, `/api/articles/${id}?draft=true&depth=0`, {
      method: 'PATCH',
      headers,
      body: { title },
      timeoutMs: BOUND_MS,
    })
    return { ...answer, title, via: 'rest', saved: answer.status === 200 }
  }
  const answer = await bounded(base, '/api/graphql', {
    method: 'POST',
    headers,
    body: {
      query: `mutation($id: Int!, $title: String!) { updateArticle(id: $id, draft: true, data: { title: $title }) { id } }`,
      variables: { id, title },
    },
    timeoutMs: BOUND_MS,
  })
  const data = answer.json.data as { updateArticle?: { id: number } | null } | undefined
  return { ...answer, title, via: 'graphql', saved: Boolean(data?.updateArticle?.id) }
}

/** Every save answered within the bound, with a save or a refusal an editor understands. */
const expectCleanAnswers = (saves: Save[]) => {
  const refusals = new Set<string>([...Object.values(DATABASE_MESSAGES), LOCKED_MESSAGE])
  for (const save of saves) {
    expect(save.timedOut, `${save.via} ${save.title} did not answer`).toBe(false)
    if (save.saved) continue
    if (save.via === 'rest') {
      expect([409, 423, 503], `${save.title}: ${JSON.stringify(save.json)}`).toContain(save.status)
    } else {
      expect(save.status).toBe(200)
    }
    expect(refusals, JSON.stringify(save.json)).toContain(messageOf(save.json))
  }
}

/** The titles of every stored version of these articles. */
const versionTitles = async (ids: number[]) => {
  const titles = new Set<string>()
  for (let page = 1; ; page++) {
    const { json } = await call(
      `/api/articles/versions?where[parent][in]=${ids.join(',')}&limit=100&page=${page}&depth=0`,
      { headers: editors[0] },
    )
    for (const doc of json.docs as { version: { title: string } }[]) titles.add(doc.version.title)
    if (!json.hasNextPage) return titles
  }
}

/** What readers keep asking for meanwhile: lists, a published article, search, readiness. */
const readerPaths = (publishedId: number) => [
  '/api/articles?limit=5&depth=0',
  `/api/articles/${publishedId}?depth=0`,
  '/en/search?q=baku',
  '/api/health/ready',
]

const expectReadersServed = (answers: Answer[]) => {
  expect(answers.length).toBeGreaterThan(5)
  for (const answer of answers) {
    expect(answer.timedOut).toBe(false)
    expect(answer.status).toBe(200)
  }
}

describe('a busy desk over HTTP', () => {
  it('answers a hundred saves at once on one article within the bound, keeps each acknowledged save as a version, and changes the live text only on publish', async () => {
    const liveTitle = `Busy desk live ${Date.now()}`
    const id = await createArticle(editors[0], liveTitle, await publishable())
    const publish = await bounded(base, `/api/articles/${id}/transition`, {
      method: 'POST',
      headers: editors[0],
      body: { transition: 'publish' },
    })
    expect(publish.status, JSON.stringify(publish.json)).toBe(200)

    const readers = keepReading(base, readerPaths(id))
    const saves = await Promise.all(
      Array.from({ length: SAVES }, (_, i) => saveDraft(i, id, `${liveTitle} save ${i}`)),
    )
    const reads = await readers.stop()

    expectCleanAnswers(saves)
    expectReadersServed(reads)
    const acknowledged = reportSaves('one article', saves, reads)
    expect(acknowledged.length).toBeGreaterThan(0)
    const stored = await versionTitles([id])
    for (const save of acknowledged) expect(stored).toContain(save.title)

    // Readers still see the published text; a publish brings the newest draft live.
    expect((await call(`/api/articles/${id}?depth=0`)).json.title).toBe(liveTitle)
    const newest = (await call(`/api/articles/${id}?draft=true&depth=0`, { headers: editors[1] }))
      .json.title as string
    expect(acknowledged.map((save) => save.title)).toContain(newest)
    const republish = await bounded(base, `/api/articles/${id}?depth=0`, {
      method: 'PATCH',
      headers: editors[1],
      body: { _status: 'published' },
    })
    expect(republish.status, JSON.stringify(republish.json)).toBe(200)
    expect((await call(`/api/articles/${id}?depth=0`)).json.title).toBe(newest)
  }, 180_000)

  it('answers a hundred saves at once across a hundred articles by five editors, and keeps each acknowledged one', async () => {
    const stamp = Date.now()
    const ids: number[] = []
    for (let i = 0; i < SAVES; i += 10) {
      ids.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, j) =>
            createArticle(editors[(i + j) % EDITORS], `Busy desk ${stamp} article ${i + j}`),
          ),
        )),
      )
    }

    const [published] = (await call('/api/articles?limit=1&depth=0')).json.docs as Json[]
    const readers = keepReading(base, readerPaths(published.id as number))
    const saves = await Promise.all(
      ids.map((id, i) => saveDraft(i, id, `Busy desk ${stamp} article ${i} saved`)),
    )
    const reads = await readers.stop()

    expectCleanAnswers(saves)
    expectReadersServed(reads)
    const acknowledged = reportSaves('a hundred articles', saves, reads)
    // Different articles do not wait for each other's row locks: all of these go through.
    expect(acknowledged.length).toBe(SAVES)
    const stored = await versionTitles(ids)
    for (const save of acknowledged) expect(stored).toContain(save.title)
  }, 180_000)

  it('keeps answering reads, health and saves afterwards', async () => {
    expect((await bounded(base, '/api/health')).json).toEqual({ status: 'ok' })
    const ready = await bounded(base, '/api/health/ready')
    expect(ready).toMatchObject({ status: 200, json: { status: 'ready' } })
    expect((await bounded(base, '/en')).status).toBe(200)
    const id = await createArticle(editors[2], `After the rush ${Date.now()}`)
    expect((await saveDraft(0, id, 'After the rush, saved')).status).toBe(200)
  })
})

describe('limits reached over HTTP', () => {
  it('answers a save that waits on another save’s row lock past the lock timeout with 409 and a message', async () => {
    const id = await createArticle(editors[0], `Held row ${Date.now()}`)
    const release = await holdRowLock(id)
    try {
      const save = await saveDraft(0, id, 'Waited too long')
      expect(save.status).toBe(409)
      expect(messageOf(save.json)).toBe(DATABASE_MESSAGES.locked)
      const viaGraphql = await saveDraft(1, id, 'Waited too long, GraphQL')
      expect(viaGraphql.saved).toBe(false)
      expect(messageOf(viaGraphql.json)).toBe(DATABASE_MESSAGES.locked)
    } finally {
      await release()
    }
    expect(
      (await call(`/api/articles/${id}?draft=true`, { headers: editors[0] })).json.title,
    ).toMatch(/^Held row/)
  }, 30_000)

  it('answers a save that finds no transaction slot in time with 503 and Retry-After, while reads go on', async () => {
    const narrow = await startServer({
      DATABASE_POOL_MAX: '4',
      DATABASE_TRANSACTIONS_MAX: '1',
      DATABASE_POOL_TIMEOUT_MS: '300',
    })
    const held = await createArticle(editors[0], `Slot holder ${Date.now()}`)
    const other = await createArticle(editors[0], `Slot seeker ${Date.now()}`)
    const release = await holdRowLock(held)
    try {
      // The first save takes the only slot and waits on the row lock; the second finds no slot.
      const first = bounded(narrow, `/api/articles/${held}?draft=true`, {
        method: 'PATCH',
        headers: editors[0],
        body: { title: 'Takes the slot' },
      })
      await new Promise((resolve) => setTimeout(resolve, 500))
      const response = await fetch(`${narrow}/api/articles/${other}?draft=true`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...editors[1] },
        body: JSON.stringify({ title: 'Finds no slot' }),
      })
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('2')
      expect(messageOf((await response.json()) as Json)).toBe(DATABASE_MESSAGES.busy)
      expect((await bounded(narrow, '/api/articles?limit=1&depth=0')).status).toBe(200)
      await release()
      expect((await first).status).toBe(200)
    } finally {
      await release().catch(() => undefined)
    }
  }, 60_000)
})

describe('document locks on every way in', () => {
  it('refuses another editor’s save of an article someone has open, over REST and GraphQL, and lets the holder save', async () => {
    const id = await createArticle(editors[0], `Open in the admin ${Date.now()}`)
    const me = (await bounded(base, '/api/users/me', { headers: editors[0] })).json.user as Json
    const lock = await bounded(base, '/api/payload-locked-documents', {
      method: 'POST',
      headers: editors[0],
      body: {
        document: { relationTo: 'articles', value: id },
        user: { relationTo: 'users', value: me.id },
        globalSlug: null,
      },
    })
    expect(lock.status, JSON.stringify(lock.json)).toBe(201)

    for (const query of ['?draft=true', '?draft=true&overrideLock=true']) {
      const rest = await bounded(base, `/api/articles/${id}${query}`, {
        method: 'PATCH',
        headers: editors[1],
        body: { title: 'Saved over someone' },
      })
      expect(rest.status, query).toBe(423)
      expect(messageOf(rest.json)).toBe(LOCKED_MESSAGE)
    }
    const viaGraphql = await saveDraft(1, id, 'Saved over someone, GraphQL')
    expect(viaGraphql.saved).toBe(false)
    expect(messageOf(viaGraphql.json)).toBe(LOCKED_MESSAGE)
    const remove = await bounded(base, '/api/graphql', {
      method: 'POST',
      headers: editors[1],
      body: { query: `mutation { deleteArticle(id: ${id}) { id } }` },
    })
    expect(messageOf(remove.json)).toBe(LOCKED_MESSAGE)

    const mine = await saveDraft(0, id, 'Saved by the person editing')
    expect(mine.status).toBe(200)
    // Saving releases the lock, as in the admin: the colleague may save now.
    expect((await saveDraft(3, id, 'Saved by a colleague afterwards')).saved).toBe(true)
  })

  it('refuses another editor’s change of the site settings someone has open, over REST', async () => {
    const me = (await bounded(base, '/api/users/me', { headers: editors[2] })).json.user as Json
    const lock = await bounded(base, '/api/payload-locked-documents', {
      method: 'POST',
      headers: editors[2],
      body: { globalSlug: 'site-settings', user: { relationTo: 'users', value: me.id } },
    })
    expect(lock.status, JSON.stringify(lock.json)).toBe(201)
    const before = (await bounded(base, '/api/globals/site-settings')).json.tagline
    const other = await bounded(base, '/api/globals/site-settings', {
      method: 'POST',
      headers: editors[3],
      body: { tagline: 'Changed over someone' },
    })
    expect(other.status).toBe(423)
    expect(messageOf(other.json)).toBe(LOCKED_MESSAGE)
    expect((await bounded(base, '/api/globals/site-settings')).json.tagline).toBe(before)
    const holder = await bounded(base, '/api/globals/site-settings', {
      method: 'POST',
      headers: editors[2],
      body: { tagline: before },
    })
    expect(holder.status).toBe(200)
  })
})
