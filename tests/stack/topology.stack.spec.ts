/**
 * The production topology (scripts/lib/stack): two web instances from one build behind nginx,
 * Redis as their shared Next cache, the jobs queue in workers, PostgreSQL primary and streaming
 * replica, media in an S3 object store. What a deployment must hold: a change made on one
 * instance shows on the other, jobs run once however many runners, readers see no error while
 * an instance dies or the instances are restarted one by one.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, eventually, loginAt, readersOn, type Headers } from './client'
import { startStack, type Stack } from '../../scripts/lib/stack'

let stack: Stack
let dir: string
let editor: Headers

/** Seeded published stories (src/seed/data/articles.ts). */
const WIND = 'offshore-wind-survey-buoy-deployed-in-caspian'
const READER_PATHS = [
  '/en',
  `/en/articles/${WIND}`,
  '/az',
  // Never in nginx's cache (a new URL each time): every one reaches an instance.
  '/en?reader={n}',
  `/en/articles/${WIND}?reader={n}`,
  '/api/articles?limit=2&depth=0&reader={n}',
]

const escapeHtml = (text: string) => text.replace(/'/g, '&#x27;')
const pageText = async (base: string, p: string) =>
  (await fetch(`${base}${p}`, { signal: AbortSignal.timeout(10_000) })).text()

const failed = (answers: { status: number }[]) =>
  answers.filter((answer) => answer.status === 0 || answer.status >= 500)

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-stack-'))
  stack = await startStack({ dir, instances: 2, workers: 0 })
  editor = await loginAt(stack.instances[0].url, 'editor@caspiandigest.example', 'demo-editor')
}, 240_000)

afterAll(async () => {
  await stack?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
}, 60_000)

describe('one shared cache for every instance', () => {
  it('serves a page one instance rendered from the other instance’s cache', async () => {
    const p = `/en/articles/${WIND}`
    const [a, b] = stack.instances
    await fetch(`${a.url}${p}`).then((response) => response.text())
    const fromB = await fetch(`${b.url}${p}`)
    await fromB.text()
    expect(fromB.headers.get('x-nextjs-cache')).toBe('HIT')
  })

  it('shows a publish on instance A through nginx and on instance B within a second', async () => {
    const [a, b] = stack.instances
    const p = `/en/articles/${WIND}`
    const { json } = await api(
      a.url,
      `/api/articles?where[slug][equals]=${WIND}&where[language][equals]=en&depth=0&limit=1`,
      { headers: editor },
    )
    const [doc] = json.docs as { id: number; title: string }[]
    // Both instances and the proxy hold the current page.
    for (const base of [a.url, b.url, stack.proxyUrl, b.url, stack.proxyUrl]) {
      expect(await pageText(base, p)).toContain(escapeHtml(doc.title))
    }
    const title = `${doc.title} (corrected ${Date.now()})`
    const saved = await api(a.url, `/api/articles/${doc.id}`, {
      method: 'PATCH',
      headers: editor,
      body: { title, _status: 'published' },
    })
    expect(saved.status).toBe(200)
    const since = Date.now()
    const onB = await eventually(async () =>
      (await pageText(b.url, p)).includes(escapeHtml(title)) ? Date.now() - since : 0,
    )
    const throughNginx = await eventually(async () =>
      (await pageText(stack.proxyUrl, p)).includes(escapeHtml(title)) ? Date.now() - since : 0,
    )
    expect(onB).toBeGreaterThan(0)
    expect(onB).toBeLessThan(1000)
    expect(throughNginx).toBeGreaterThan(0)
    expect(throughNginx).toBeLessThan(1000)
    // And the home page on B lists it under its new title.
    expect(await pageText(b.url, '/en')).toContain(escapeHtml(title))
  })
})

describe('readers while instances go away', () => {
  it('fails no reader request when an instance is killed (kill -9), and takes it back when it restarts', async () => {
    const [a, b] = stack.instances
    const readers = readersOn(stack.proxyUrl, READER_PATHS)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await a.kill()
    await new Promise((resolve) => setTimeout(resolve, 3000))
    await a.start()
    await new Promise((resolve) => setTimeout(resolve, 4000))
    // With A back in rotation, B can go: the readers are served by A alone.
    await b.kill()
    await new Promise((resolve) => setTimeout(resolve, 3000))
    await b.start()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const answers = await readers.stop()
    expect(answers.length).toBeGreaterThan(50)
    expect(failed(answers)).toEqual([])
  }, 120_000)

  it('fails no reader request during a rolling restart of both instances', async () => {
    const readers = readersOn(stack.proxyUrl, READER_PATHS)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await stack.rollingRestart()
    const answers = await readers.stop()
    expect(answers.length).toBeGreaterThan(50)
    expect(failed(answers)).toEqual([])
  }, 180_000)
})
