import { Writable } from 'node:stream'

import { handleEndpoints } from 'payload'
import pg from 'pg'
import { pino } from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createTestPayload, type TestPayload } from '../helpers/payload'

/**
 * How errors are logged and answered, through Payload's own REST handler with the project's
 * config: the log goes to a real pino logger whose lines are kept here.
 */

let ctx: TestPayload
let lines: Record<string, unknown>[] = []

const rest = async (path: string) => {
  const { default: config } = await import('@payload-config')
  const response = await handleEndpoints({
    config,
    request: new Request(`http://localhost:3000${path}`),
  })
  return {
    status: response.status,
    requestIdHeader: response.headers.get('x-request-id'),
    json: (await response.json()) as { errors?: { message: string }[]; requestId?: string },
  }
}

const sql = async (statement: string) => {
  const client = new pg.Client({ connectionString: ctx.databaseUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  ctx = await createTestPayload()
  ctx.payload.logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
        done()
      },
    }),
  )
})

afterAll(async () => {
  await ctx?.teardown()
})

beforeEach(() => {
  lines = []
})

const INFO = 30
const ERROR = 50

describe('logs that help', () => {
  it("logs a refusal of the caller's request at info level, one line without a stack", async () => {
    const response = await rest('/api/articles?where[body][like]=x')
    expect(response.status).toBe(400)
    expect(response.json.errors?.[0]?.message).toMatch(/rich-text field/)
    expect(response.json.requestId).toBeUndefined()
    expect(lines).toHaveLength(1)
    expect(lines[0].level).toBe(INFO)
    expect(lines[0].msg).toMatch(/rich-text field/)
    expect(JSON.stringify(lines[0])).not.toMatch(/stack|\bat \S+ \(/)
  })

  it("logs Payload's own not-found and forbidden answers at info level without a stack", async () => {
    expect((await rest('/api/articles/123456')).status).toBe(404)
    expect((await rest('/api/users')).status).toBe(403)
    expect(lines.map((line) => line.level)).toEqual([INFO, INFO])
    expect(JSON.stringify(lines)).not.toMatch(/stack/)
  })

  it('answers a real error with a request id that its error log line and header carry', async () => {
    // A real failure: the table the query needs is gone.
    await sql('ALTER TABLE tags RENAME TO tags_away')
    try {
      const response = await rest('/api/tags?depth=0')
      expect(response.status).toBe(500)
      expect(response.json.errors?.[0]?.message).not.toMatch(/tags_away|relation|select/)
      const { requestId } = response.json
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
      expect(response.requestIdHeader).toBe(requestId)
      const errors = lines.filter((line) => line.level === ERROR)
      const tagged = errors.filter((line) => line.requestId === requestId)
      expect(tagged).toHaveLength(1)
      expect(tagged[0]).toMatchObject({ status: 500, method: 'GET', path: '/api/tags' })
      expect(String(tagged[0].error)).toMatch(/tags/)
    } finally {
      await sql('ALTER TABLE tags_away RENAME TO tags')
    }
    const again = await rest('/api/tags?depth=0')
    expect(again.status).toBe(200)
    expect(again.json.requestId).toBeUndefined()
  })

  it('gives every failing request its own id', async () => {
    await sql('ALTER TABLE tags RENAME TO tags_away')
    try {
      const first = await rest('/api/tags')
      const second = await rest('/api/tags')
      expect(first.json.requestId).toBeTruthy()
      expect(second.json.requestId).toBeTruthy()
      expect(first.json.requestId).not.toBe(second.json.requestId)
    } finally {
      await sql('ALTER TABLE tags_away RENAME TO tags')
    }
  })
})
