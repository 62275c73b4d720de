import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { freePort } from '../helpers/globalSetup'
import { call, login, messageOf } from '../helpers/http'
import { startNextServer } from '../helpers/nextServer'

const baseURL = inject('baseURL')

/** A raw GET (the path is sent as written: `fetch` would not re-encode `%2f` or `%00`). */
const get = async (path: string) => {
  const { status, json, text } = await call(path)
  return { status, message: messageOf(json) ?? '', text }
}

const graphql = async (query: string, variables?: Record<string, unknown>) => {
  const { status, json } = await call('/api/graphql', {
    method: 'POST',
    body: { query, variables },
  })
  return {
    status,
    data: json.data as Record<string, unknown> | undefined,
    messages: ((json.errors as { message: string }[] | undefined) ?? []).map((e) => e.message),
  }
}

const noStack = /\bat \S+ \(|node_modules|\.next\/server/

describe('malformed REST requests answer a 4xx with a message', () => {
  const cases: [path: string, status: number, message: RegExp][] = [
    ['/api/articles/99999999999999999999', 404, /no article with the id "99999999999999999999"/],
    ['/api/articles/2147483648', 404, /no article with the id/],
    ['/api/categories/99999999999999999999', 404, /no section|no categor/i],
    ['/api/articles?where[id][equals]=9999999999999', 400, /"9999999999999" is not an id/],
    ['/api/tags?where[id][equals]=9999999999999', 400, /not an id/],
    ['/api/articles?where[id][in]=a,b', 400, /"a" is not an id \(on "id"\)/],
    ['/api/authors?where[id][in]=1,99999999999999', 400, /not an id/],
    ['/api/articles?where[category][equals]=abc', 400, /"abc" is not an id \(on "category"\)/],
    ['/api/articles?where[title][equals][foo]=bar', 400, /must be a value, not an object/],
    ['/api/pages?where[title][equals][foo]=bar', 400, /must be a value, not an object/],
    ['/api/articles?where[id][in][foo]=1', 400, /must be a value, not an object/],
    [
      '/api/articles?where[body][like]=x',
      400,
      /"like" cannot be used on "body", a rich-text field/,
    ],
    ['/api/articles?where[title][near]=1,2', 400, /works only on point fields/],
    ['/api/articles?where[title][bogus]=x', 400, /"bogus" is not an operator/],
    ['/api/articles?where[title][equals]=a%00b', 400, /NUL character/],
    ['/api/articles?where[readingTime][equals]=abc', 400, /"abc" is not a number/],
    [
      '/api/articles?where[stage][equals]=bogus',
      400,
      /"bogus" is not one of the choices of "stage"/,
    ],
    ['/api/articles?where[_status][in]=x,y', 400, /"x" is not one of the choices of "_status"/],
    ['/api/articles?where[language][like]=x', 400, /"like" cannot be used on "language", a choice/],
    ['/api/articles?where[or]=x', 400, /"or" in "where" must be a list/],
    ['/api/articles?where=x', 400, /not valid JSON/],
    ['/api/articles?limit=99999999999999999999', 400, /"limit" parameter must be a whole number/],
    ['/api/articles?limit=1e400', 400, /"limit"/],
    ['/api/articles?limit=-1', 400, /"limit"/],
    ['/api/articles?limit=0', 400, /"limit" parameter must be a whole number from 1 to 1000/],
    ['/api/articles?page=-1', 400, /"page" parameter must be a whole number from 1/],
    ['/api/articles?page=99999999999999999999', 400, /"page"/],
    ['/api/articles?depth=-1', 400, /"depth" parameter must be a whole number from 0 to 10/],
    ['/api/articles?depth=99', 400, /"depth"/],
    ['/api/articles?sort=%00', 400, /NUL character/],
    ['/api/articles?sort=title;drop', 400, /"sort" parameter must name fields/],
    ['/api/articles?select=abc', 400, /"select" parameter must name fields/],
    ['/api/media/file/%00', 400, /plain name/],
    ['/api/media/file/a%00b.jpg', 400, /plain name/],
    ['/api/media/file/..%252f..%252fetc%252fpasswd', 400, /plain name/],
    ['/api/media/file/nonexistent.jpg', 404, /no file named "nonexistent.jpg"/],
  ]

  it.each(cases)('%s → %i', async (path, status, message) => {
    const response = await get(path)
    expect(response.status).toBe(status)
    expect(response.message).toMatch(message)
    expect(response.text).not.toMatch(noStack)
  })

  it('refuses encoded traversal in a file URL, however it is spelled', async () => {
    for (const path of [
      '/api/media/file/..%2f..%2fetc%2fpasswd',
      '/api/media/file/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/api/media/file/..%5c..%5cetc%5cpasswd',
      '/api/media/file/%2e%2e%5cpasswd',
      '/api/media/file/..%c0%afetc%c0%afpasswd',
    ]) {
      const response = await get(path)
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(response.status, path).toBeLessThan(500)
      expect(response.text, path).not.toMatch(/root:/)
    }
  })

  it('still answers well-formed queries as before', async () => {
    for (const path of [
      '/api/articles?where[id][in]=1,2&depth=0',
      '/api/articles?where[category.slug][equals]=politics&limit=5',
      '/api/articles?where[or][0][title][like]=Baku&where[or][1][dek][like]=Baku&sort=-publishedAt',
      '/api/articles?where[publishedAt][greater_than]=2020-01-01&select[title]=true&limit=100',
      '/api/articles?where[id][in][0]=1&where[id][in][1]=2&page=1&limit=1000',
      '/api/media?where[id][exists]=true&depth=0',
      '/api/categories?where[parent][exists]=false&sort=name',
    ]) {
      expect((await get(path)).status, path).toBe(200)
    }
  })

  it('refuses an upload whose file name has a NUL byte, and stores nothing', async () => {
    const headers = await login('author@caspiandigest.example', 'demo-author')
    const before = await call('/api/media?limit=0&depth=0', { headers })
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC',
      'base64',
    )
    const boundary = 'edge-boundary'
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000b.png"\r\n` +
          'Content-Type: image/png\r\n\r\n',
      ),
      png,
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n` +
          `{"alt":"x"}\r\n--${boundary}--\r\n`,
      ),
    ])
    const response = await fetch(`${baseURL}/api/media`, {
      method: 'POST',
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    })
    const json = (await response.json()) as { errors?: { message: string }[] }
    expect(response.status).toBe(400)
    expect(json.errors?.[0]?.message).toMatch(/not a well-formed form/)
    const after = await call('/api/media?limit=0&depth=0', { headers })
    expect(after.json.totalDocs).toBe(before.json.totalDocs)
  })

  it('refuses a bulk update or delete with a malformed where before it writes anything', async () => {
    const headers = await login('editor@caspiandigest.example', 'demo-editor')
    const before = await call('/api/tags?limit=1000&depth=0', { headers })
    const update = await call('/api/articles?where[id][in]=1,99999999999999', {
      method: 'PATCH',
      headers,
      body: { dek: 'Written by a malformed bulk update' },
    })
    expect(update.status).toBe(400)
    expect(messageOf(update.json)).toMatch(/not an id/)
    const remove = await call('/api/tags?where[name][equals][foo]=bar', {
      method: 'DELETE',
      headers,
    })
    expect(remove.status).toBe(400)
    expect(messageOf(remove.json)).toMatch(/must be a value, not an object/)
    const after = await call('/api/tags?limit=1000&depth=0', { headers })
    expect(after.json.totalDocs).toBe(before.json.totalDocs)
    const first = await call('/api/articles/1?depth=0&draft=true', { headers })
    expect(first.json.dek).not.toBe('Written by a malformed bulk update')
  })

  it('answers a GraphQL body that is not JSON with a 400 and a message', async () => {
    const response = await fetch(`${baseURL}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'garbage',
    })
    expect(response.status).toBe(400)
    expect(
      ((await response.json()) as { errors: { message: string }[] }).errors[0].message,
    ).toMatch(/Invalid JSON|not valid JSON/)
  })
})

describe('malformed GraphQL queries answer an error with a message', () => {
  it.each([
    ['{ Article(id: 99999999999) { title } }', /Int cannot represent|invalid value/],
    ['{ Articles(where: { id: { equals: 99999999999 } }) { docs { title } } }', /Int cannot/],
    ['{ Articles(where: { body: { like: "x" } }) { docs { title } } }', /rich-text field/],
    ['{ Articles(page: -1) { docs { title } } }', /"page" parameter/],
    ['{ Articles(where: { title: { equals: "a\\u0000b" } }) { docs { title } } }', /NUL/],
    ['{ Articles(sort: "\\u0000") { docs { title } } }', /NUL/],
    ['{ Articles(where: { category: { equals: "abc" } }) { docs { title } } }', /not an id/],
  ])('%s', async (query, message) => {
    const response = await graphql(query)
    expect(response.status).toBeLessThan(500)
    expect(response.messages.join(' ')).toMatch(message)
    expect(response.messages.join(' ')).not.toMatch(/Something went wrong/)
  })
})

describe('the work of one GraphQL query is bounded', () => {
  it('refuses 50 aliased lists of 100 articles with a 400 that says why', async () => {
    const lists = Array.from(
      { length: 50 },
      (_, i) => `a${i}: Articles(limit: 100) { docs { id title } }`,
    )
    const started = Date.now()
    const response = await graphql(`{ ${lists.join(' ')} }`)
    expect(response.status).toBe(400)
    expect(response.messages.join(' ')).toMatch(/Aliases limit of 15 exceeded/)
    expect(response.messages.join(' ')).toMatch(/asks for up to 5000 documents/)
    expect(response.data).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('refuses a few big nested lists without aliases, counting a variable limit', async () => {
    const nested = await graphql(
      '{ Articles(limit: 100) { docs { id category { id } relatedArticles { id tags { id } } } } }',
    )
    expect(nested.status).toBe(400)
    expect(nested.messages.join(' ')).toMatch(/at most 2000/)
    const variable = await graphql(
      'query ($n: Int) { Articles(limit: $n) { docs { relatedArticles { relatedArticles { id } } } } }',
      { n: 500 },
    )
    expect(variable.status).toBe(400)
    expect(variable.messages.join(' ')).toMatch(/documents/)
  })

  it('accepts the queries a reader or an editor sends', async () => {
    for (const query of [
      '{ Articles(limit: 100) { docs { id title slug publishedAt category { name } tags { name } authors { name } heroImage { url alt } } totalDocs } }',
      '{ Articles(limit: 200, draft: true) { docs { id title } totalDocs } }',
      '{ Categories(limit: 100) { docs { id name parent { name } } } Tags(limit: 100) { docs { name } } }',
      '{ Article(id: 1) { title relatedArticles { title category { name } } } }',
      '{ latest: Articles(limit: 10, sort: "-publishedAt") { docs { title } } oldest: Articles(limit: 10, sort: "publishedAt") { docs { title } } }',
    ]) {
      const response = await graphql(query)
      expect(response.messages, query).toEqual([])
      expect(response.status, query).toBe(200)
    }
  })
})

describe('the production log', () => {
  // A second `next start` on the same database, whose log (stdout) is kept here.
  let log = ''
  let server: { stop: () => Promise<void> } | undefined
  let base = ''
  const appEnv = inject('appEnv')

  beforeAll(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    server = await startNextServer({
      port,
      ready: '/api/users/me',
      env: { ...process.env, ...appEnv, SERVER_URL: base, JOBS_AUTORUN: 'false' },
      onOutput: (text) => {
        log += text
      },
    })
  })

  afterAll(async () => {
    await server?.stop()
  })

  const written = (from: number) => log.slice(from).replace(/\u001b\[[0-9;]*m/g, '')
  const settle = () => new Promise((resolve) => setTimeout(resolve, 500))

  const withTagsGone = async (run: () => Promise<void>) => {
    const client = new pg.Client({ connectionString: appEnv.DATABASE_URL })
    await client.connect()
    await client.query('ALTER TABLE tags RENAME TO tags_away')
    try {
      await run()
    } finally {
      await client.query('ALTER TABLE tags_away RENAME TO tags')
      await client.end()
    }
  }

  it("logs refusals of the caller's requests at info level, without a stack", async () => {
    const from = log.length
    for (const path of [
      '/api/articles?where[body][like]=x',
      '/api/articles/999999',
      '/api/articles/99999999999999999999',
      '/api/users',
      '/api/media/file/nonexistent.jpg',
    ]) {
      const response = await fetch(`${base}${path}`)
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(response.status, path).toBeLessThan(500)
    }
    // A body that is not JSON: Payload's own refusal ("Invalid JSON" in the log), answered in the
    // requester's words with its code.
    const editor = await login('editor@caspiandigest.example', 'demo-editor')
    const notJson = await fetch(`${base}/api/tags`, {
      method: 'POST',
      headers: { ...editor, 'content-type': 'application/json' },
      body: 'garbage',
    })
    expect(notJson.status).toBe(400)
    expect(
      ((await notJson.json()) as { errors: { message: string; data?: { code?: string } }[] })
        .errors[0],
    ).toMatchObject({
      message: 'The request is not valid JSON (its body, or its "where" or "data" parameter).',
      data: { code: 'server.malformedJson' },
    })
    const graphql = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ Articles(where: { body: { contains: "x" } }) { docs { id } } }',
      }),
    })
    expect(graphql.status).toBe(200)
    await settle()
    const lines = written(from)
    expect(lines).toMatch(/INFO: .*rich-text field/)
    expect(lines).toMatch(/INFO: .*"contains" cannot be used on "body"/)
    expect(lines).toMatch(/INFO: Not Found/)
    expect(lines).toMatch(/INFO: You are not allowed/)
    expect(lines).toMatch(/INFO: Invalid JSON/)
    expect(lines).not.toMatch(/ERROR|WARN/)
    expect(lines).not.toMatch(/\bat \S+ \(|stack/)
  })

  it('answers a real error with a request id that the error log line and the header carry', async () => {
    const from = log.length
    await withTagsGone(async () => {
      const response = await fetch(`${base}/api/tags?depth=0`)
      expect(response.status).toBe(500)
      const body = (await response.json()) as { errors: { message: string }[]; requestId: string }
      expect(body.errors[0].message).not.toMatch(/tags_away|relation|select/)
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/)
      expect(response.headers.get('x-request-id')).toBe(body.requestId)

      const graphql = await fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ Tags { docs { id } } }' }),
      })
      const answer = (await graphql.json()) as {
        errors: { message: string; extensions: { requestId?: string } }[]
      }
      expect(answer.errors[0].message).toBe('Something went wrong.')
      const graphqlId = answer.errors[0].extensions.requestId
      expect(graphqlId).toMatch(/^[0-9a-f-]{36}$/)
      expect(graphql.headers.get('x-request-id')).toBe(graphqlId)
      expect(graphqlId).not.toBe(body.requestId)

      await settle()
      const lines = written(from)
      for (const id of [body.requestId, graphqlId]) {
        const at = lines.indexOf(`requestId: "${id}"`)
        expect(at, id).toBeGreaterThan(0)
        expect(lines.slice(0, at).lastIndexOf('ERROR: Request failed')).toBeGreaterThan(-1)
      }
      // The GraphQL error's line carries its stack (Payload logged only its message).
      const graphqlLine = lines.slice(lines.indexOf(`requestId: "${graphqlId}"`))
      expect(graphqlLine).toMatch(/stack: /)
    })
    expect((await fetch(`${base}/api/tags?depth=0`)).status).toBe(200)
  })
})
