import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../scripts/lib/ports'
import { nginxBinary, startProxy } from '../helpers/proxy'

/**
 * deploy/nginx.conf's handling of a moved language address, against a stand-in for Next that
 * answers as a page does (`permanentRedirect`: 308, a Location without the request's query):
 * readers get a 301 with the query string appended and a Cache-Control no browser keeps, from
 * nginx's cache too, and a page's cached copy gives way to the redirect (and back) at once.
 */
let upstream: http.Server
let proxy: Awaited<ReturnType<typeof startProxy>>
/** path → what the stand-in answers */
const answers = new Map<string, { status: number; location?: string }>()
let upstreamHits = 0

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${proxy.url}${path}`, {
    redirect: 'manual',
    headers,
    signal: AbortSignal.timeout(10_000),
  })
  await response.arrayBuffer()
  return {
    status: response.status,
    location: response.headers.get('location'),
    cacheControl: response.headers.get('cache-control'),
  }
}

/** Polls `path` until it answers `status` (at most `timeoutMs`); the last answer. */
const until = async (path: string, status: number, timeoutMs = 5000) => {
  const started = Date.now()
  for (;;) {
    const answer = await get(path)
    if (answer.status === status || Date.now() - started > timeoutMs) return answer
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const NOT_KEPT = 'public, max-age=0, must-revalidate'

beforeAll(async () => {
  if (!nginxBinary) return
  upstream = http.createServer((request, response) => {
    upstreamHits++
    const answer = answers.get(new URL(request.url ?? '/', 'http://x').pathname) ?? {
      status: 404,
    }
    response.writeHead(answer.status, {
      'content-type': 'text/html',
      'cache-control': 's-maxage=3600, stale-while-revalidate=31532400',
      ...(answer.location ? { location: answer.location } : {}),
    })
    response.end(answer.status === 200 ? '<p>page</p>' : '')
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  const { port } = upstream.address() as { port: number }
  proxy = await startProxy(`127.0.0.1:${port}`, await freePort(), 30_000)
}, 60_000)

afterAll(async () => {
  await proxy?.stop()
  await new Promise((resolve) => upstream?.close(resolve))
})

describe.runIf(nginxBinary)("nginx and a page's 308", () => {
  it('answers 301 with the query string appended, not kept by browsers, from its cache too', async () => {
    answers.set('/en/articles/old', { status: 308, location: '/en/articles/new' })
    for (let i = 0; i < 2; i++) {
      expect(await get('/en/articles/old')).toEqual({
        status: 301,
        location: '/en/articles/new',
        cacheControl: NOT_KEPT,
      })
      expect(await get('/en/articles/old?utm_source=mail&a=1')).toEqual({
        status: 301,
        location: '/en/articles/new?utm_source=mail&a=1',
        cacheControl: NOT_KEPT,
      })
    }
    // A target with a query of its own: the request's follows with "&".
    answers.set('/az/x', { status: 308, location: '/az/y?id=5' })
    expect((await get('/az/x?ref=1')).location).toBe('/az/y?id=5&ref=1')
    // A personal request (a session) is answered the same, and never from the cache.
    const hits = upstreamHits
    expect((await get('/en/articles/old', { cookie: 'payload-token=x' })).status).toBe(301)
    expect(upstreamHits).toBeGreaterThan(hits)
  })

  it("replaces a page's cached copy with the redirect, and the redirect with the page again", async () => {
    const path = '/ru/tags/moving'
    answers.set(path, { status: 200 })
    expect((await get(path)).status).toBe(200)
    answers.set(path, { status: 308, location: '/ru/tags/moved' })
    // The copy is kept its second (and served once more while it is fetched again) …
    const moved = await until(path, 301)
    expect(moved).toEqual({ status: 301, location: '/ru/tags/moved', cacheControl: NOT_KEPT })
    // … and then only the redirect answers: the page's old copy never comes back.
    for (let i = 0; i < 12; i++) {
      expect((await get(path)).status).toBe(301)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    answers.set(path, { status: 404 })
    expect((await until(path, 404)).status).toBe(404)
  }, 30_000)
})
