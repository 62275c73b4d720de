import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import {
  addDays,
  dayKeyOf,
  moveToDay,
  weekdayOf,
  zonedParts,
  zonedTimeToDate,
} from '@/lib/planning'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import {
  call,
  login,
  messageOf,
  seededChecklistParts,
  type Headers,
  type Json,
} from '../helpers/http'

const baseURL = inject('baseURL')
/** Pictures of failed steps; git-ignored. */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts')
const SLOW = { timeout: 90_000 }
const PASSWORD = 'planning-pass-1'
const run = Date.now().toString(36)

let admin: Headers, editor: Headers, author: Headers
let zone: string
/** The day the tests plan on: a week from today, so that its whole week is in the future. */
let day: string
/** Another day of the same week. */
let target: string
let section: number, subsection: number, otherSection: number
const users: Record<string, number> = {}
const made: number[] = []
let scheduledByEditor: number, plannedByAuthor: number, scheduledOfAuthor: number
let plannedOtherSection: number, plannedAz: number

const emailOf = (key: string) => `planning-${key}-${run}@caspiandigest.example`
/** `hour:minute` on `key` in the newsroom's time zone, as ISO. */
const zonedTime = (key: string, hour: number, minute: number) =>
  zonedTimeToDate(key, { hour, minute }, zone).toISOString()

const article = async (headers: Headers, id: number) =>
  (await call(`/api/articles/${id}?draft=true&depth=0`, { headers })).json as Json & {
    scheduledAt: string | null
    plannedAt: string | null
    stage: string
  }

const create = async (headers: Headers, body: Json) => {
  const { status, json } = await call('/api/articles?draft=true', {
    method: 'POST',
    headers,
    body: { language: 'en', dek: 'Planned on the calendar.', ...body },
  })
  expect(status, messageOf(json)).toBe(201)
  const id = (json.doc as { id: number }).id
  made.push(id)
  return id
}

const transition = (headers: Headers, id: number, body: Json) =>
  call(`/api/articles/${id}/transition`, { method: 'POST', headers, body })

beforeAll(async () => {
  admin = await login('admin@caspiandigest.example', 'demo-admin')
  for (const [key, roles, language] of [
    ['editor', ['editor'], 'en'],
    ['editor-az', ['editor'], 'az'],
    ['author', ['author'], 'en'],
  ] as const) {
    const { status, json } = await call('/api/users', {
      method: 'POST',
      headers: admin,
      body: {
        name: `Planner ${key} ${run}`,
        email: emailOf(key),
        password: PASSWORD,
        roles,
        languages: ['en', 'az', 'ru'],
        language,
      },
    })
    expect(status, messageOf(json)).toBe(201)
    users[key] = (json.doc as { id: number }).id
  }
  editor = await login(emailOf('editor'), PASSWORD)
  author = await login(emailOf('author'), PASSWORD)

  const settings = await call('/api/globals/site-settings?depth=0')
  zone = (settings.json.digestTimeZone as string) || 'Asia/Baku'
  day = addDays(dayKeyOf(new Date(), zone), 7)
  const monday = addDays(day, -weekdayOf(day))
  target = monday === day ? addDays(day, 1) : monday

  const newSection = async (name: string, parent?: number) => {
    const { status, json } = await call('/api/categories', {
      method: 'POST',
      headers: editor,
      body: { name: `${name} ${run}`, ...(parent ? { parent } : {}) },
    })
    expect(status, messageOf(json)).toBe(201)
    return (json.doc as { id: number }).id
  }
  section = await newSection('Planning desk')
  subsection = await newSection('Planning ports', section)
  otherSection = await newSection('Planning sport')

  const parts = await seededChecklistParts()
  const ready = { authors: parts.authors, heroImage: parts.heroImage }

  scheduledByEditor = await create(editor, {
    ...ready,
    title: `Port tariffs reviewed ${run}`,
    category: subsection,
  })
  const scheduled = await transition(editor, scheduledByEditor, {
    transition: 'schedule',
    date: zonedTime(day, 10, 30),
  })
  expect(scheduled.status, messageOf(scheduled.json)).toBe(200)

  plannedByAuthor = await create(author, {
    ...ready,
    title: `Ferry crews interview ${run}`,
    category: section,
    plannedAt: zonedTime(day, 15, 45),
  })
  scheduledOfAuthor = await create(author, {
    ...ready,
    title: `Harbour lights restored ${run}`,
    category: section,
  })
  const ofAuthor = await transition(editor, scheduledOfAuthor, {
    transition: 'schedule',
    date: zonedTime(day, 8, 0),
  })
  expect(ofAuthor.status, messageOf(ofAuthor.json)).toBe(200)

  plannedOtherSection = await create(editor, {
    ...ready,
    title: `Derby tickets sold out ${run}`,
    category: otherSection,
    plannedAt: zonedTime(day, 12, 0),
  })
  plannedAz = await create(editor, {
    ...ready,
    title: `Liman tarifləri ${run}`,
    language: 'az',
    category: otherSection,
    plannedAt: zonedTime(day, 13, 0),
  })
}, 120_000)

afterAll(async () => {
  if (!admin) return
  for (const id of made) await call(`/api/articles/${id}`, { method: 'DELETE', headers: admin })
  for (const id of Object.values(users)) {
    await call(`/api/users/${id}`, { method: 'DELETE', headers: admin })
  }
})

describe('reschedule over HTTP', () => {
  it('refuses an author, the anonymous and a past date, and lets an editor', async () => {
    const before = (await article(editor, scheduledOfAuthor)).scheduledAt
    const byAuthor = await transition(author, scheduledOfAuthor, {
      transition: 'reschedule',
      date: zonedTime(addDays(day, 1), 8, 0),
    })
    expect(byAuthor.status).toBe(403)
    expect((byAuthor.json.errors as { data: { code: string } }[])[0].data.code).toBe(
      'workflow.notAllowed',
    )
    const anonymous = await transition({}, scheduledOfAuthor, {
      transition: 'reschedule',
      date: zonedTime(addDays(day, 1), 8, 0),
    })
    expect([401, 403]).toContain(anonymous.status)
    const past = await transition(editor, scheduledOfAuthor, {
      transition: 'reschedule',
      date: new Date(Date.now() - 86_400_000).toISOString(),
    })
    expect(past.status).toBe(400)
    expect((past.json.errors as { data: { code: string } }[])[0].data.code).toBe(
      'workflow.needsFutureDate',
    )
    // In the requester's language.
    const pastAz = await call(`/api/articles/${scheduledOfAuthor}/transition`, {
      method: 'POST',
      headers: { ...editor, 'accept-language': 'az' },
      body: { transition: 'reschedule', date: '2001-01-01T00:00:00.000Z' },
    })
    expect(pastAz.status).toBe(400)
    expect(messageOf(pastAz.json)).toContain('gələcək tarix')
    expect((await article(editor, scheduledOfAuthor)).scheduledAt).toBe(before)

    const later = zonedTime(day, 9, 0)
    const allowed = await transition(editor, scheduledOfAuthor, {
      transition: 'reschedule',
      date: later,
    })
    expect(allowed.status, messageOf(allowed.json)).toBe(200)
    expect((await article(editor, scheduledOfAuthor)).scheduledAt).toBe(later)
  })

  it('never shows a planned date to the anonymous', async () => {
    const { json } = await call(`/api/articles?where[id][equals]=${plannedByAuthor}&draft=true`)
    expect(json.docs).toEqual([])
    const graphql = await call('/api/graphql', {
      method: 'POST',
      body: { query: `{ Articles(where: { plannedAt: { exists: true } }) { docs { id } } }` },
    })
    const docs = (graphql.json.data as { Articles?: { docs: unknown[] } } | null)?.Articles?.docs
    expect(docs ?? []).toEqual([])
  })
})

describe('the planned date over REST and GraphQL', () => {
  const patch = (headers: Headers, id: number, plannedAt: string) =>
    call(`/api/articles/${id}?draft=true&depth=0`, {
      method: 'PATCH',
      headers,
      body: { plannedAt },
    })
  const graphqlUpdate = (headers: Headers, id: number, plannedAt: string) =>
    call('/api/graphql', {
      method: 'POST',
      headers,
      body: {
        query: `mutation { updateArticle(id: ${id}, draft: true, data: { plannedAt: "${plannedAt}" }) { id plannedAt } }`,
      },
    })

  it('lets the writer and an editor plan, refuses others, a past day and a scheduled article', async () => {
    const id = await create(author, { title: `Planned over the API ${run}` })
    const first = zonedTime(addDays(day, 1), 11, 0)
    const own = await patch(author, id, first)
    expect(own.status, messageOf(own.json)).toBe(200)
    expect((await article(editor, id)).plannedAt).toBe(first)

    const second = zonedTime(addDays(day, 2), 11, 0)
    const byEditor = await graphqlUpdate(editor, id, second)
    expect(byEditor.json.errors).toBeUndefined()
    expect((await article(editor, id)).plannedAt).toBe(second)

    const other = await create(editor, { title: `Not the author's ${run}` })
    const refusedRest = await patch(author, other, first)
    expect(refusedRest.status).toBe(403)
    const refusedGraphql = await graphqlUpdate(author, other, first)
    expect(refusedGraphql.json.errors).toBeDefined()
    for (const headers of [{}, author]) {
      expect((await patch(headers, other, first)).status).toBe(403)
    }
    expect((await article(editor, other)).plannedAt ?? null).toBeNull()

    const past = await call(`/api/articles/${id}?draft=true&depth=0`, {
      method: 'PATCH',
      headers: { ...author, 'accept-language': 'ru' },
      body: { plannedAt: zonedTime(addDays(dayKeyOf(new Date(), zone), -1), 11, 0) },
    })
    expect(past.status).toBe(400)
    expect((past.json.errors as { data: { code: string } }[])[0].data.code).toBe(
      'planning.pastDate',
    )
    expect(messageOf(past.json)).toContain('прошедший день')
    expect((await article(editor, id)).plannedAt).toBe(second)

    const onScheduled = await patch(editor, scheduledOfAuthor, first)
    expect(onScheduled.status).toBe(409)
  })
})

describe.runIf(browserTestsEnabled)('the planning calendar in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)))
    await browser?.close()
  })

  const logIn = async (key: string) => {
    const context = await browser.newContext(baseURL)
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    await adminLogIn(page, emailOf(key), PASSWORD, SLOW)
    return page
  }
  const open = async (page: Page, query: string) => {
    await page.goto(`/admin/planning${query}`)
    await page.locator('.planning-grid').waitFor(SLOW)
  }
  const item = (page: Page, id: number, kind?: string) =>
    page.locator(`li.planning-item[data-id="${id}"]${kind ? `[data-kind="${kind}"]` : ''}`)
  const inDay = (page: Page, key: string, id: number) =>
    page.locator(`li.planning-day[data-day="${key}"] li.planning-item[data-id="${id}"]`)
  /** Runs `step`; on failure keeps the page's picture and HTML for a person to look at. */
  const keep = async (page: Page, name: string, step: () => Promise<unknown>) => {
    try {
      await step()
    } catch (error) {
      await mkdir(ARTIFACTS, { recursive: true })
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
      await writeFile(path.join(ARTIFACTS, `${name}.html`), await page.content())
      throw error
    }
  }
  const ids = async (page: Page) =>
    (await page.locator('li.planning-item').evaluateAll((els) => els.map((el) => el.dataset.id)))
      .map(Number)
      .filter((id) => made.includes(id))

  it('shows an editor the week and the month, filtered by section and language', async () => {
    const page = await logIn('editor')
    await page.goto('/admin')
    // Beside the desk's link in the navigation.
    const link = page.locator('#nav-planning')
    await link.waitFor({ state: 'attached', ...SLOW })
    expect(await link.getAttribute('href')).toBe('/admin/planning')
    await open(page, `?date=${day}`)
    expect(await page.locator('li.planning-day').count()).toBe(7)
    await inDay(page, day, scheduledByEditor).waitFor()
    const card = item(page, scheduledByEditor, 'scheduled')
    await expect.poll(() => card.locator('.planning-item__time').innerText()).toBe('10:30')
    expect(await card.locator('[data-stage="scheduled"]').count()).toBe(1)
    expect(await card.locator('a').getAttribute('href')).toBe(
      `/admin/collections/articles/${scheduledByEditor}`,
    )
    for (const id of [plannedByAuthor, scheduledOfAuthor, plannedOtherSection, plannedAz]) {
      await inDay(page, day, id).waitFor()
    }
    await mkdir(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: path.join(ARTIFACTS, 'planning-week.png'), fullPage: true })

    // A section with its subsections.
    await page.locator('select[name="section"]').selectOption(String(section))
    await page.waitForURL((url) => url.searchParams.get('section') === String(section))
    await inDay(page, day, scheduledByEditor).waitFor()
    await expect.poll(() => ids(page)).not.toContain(plannedOtherSection)
    expect(await ids(page)).toEqual(
      expect.arrayContaining([scheduledByEditor, plannedByAuthor, scheduledOfAuthor]),
    )

    // A language.
    await page.locator('select[name="section"]').selectOption('')
    await page.waitForURL((url) => !url.searchParams.has('section'))
    await page.locator('select[name="language"]').selectOption('az')
    await page.waitForURL((url) => url.searchParams.get('language') === 'az')
    await expect.poll(() => ids(page)).toEqual([plannedAz])

    // The month view around the same day.
    await page.locator('select[name="language"]').selectOption('')
    await page.waitForURL((url) => !url.searchParams.has('language'))
    await page.locator('a[data-view="month"]').click()
    await page.waitForURL((url) => url.searchParams.get('view') === 'month')
    await page.locator('.planning-calendar--month').waitFor()
    expect(await page.locator('li.planning-day').count()).toBeGreaterThanOrEqual(28)
    await inDay(page, day, plannedAz).waitFor()
    await inDay(page, day, scheduledByEditor).waitFor()
    await page.screenshot({ path: path.join(ARTIFACTS, 'planning-month.png'), fullPage: true })
  })

  it('lets an editor drag a scheduled item to another day, at the same time of day', async () => {
    const page = await logIn('editor')
    await open(page, `?date=${day}`)
    const before = (await article(editor, scheduledByEditor)).scheduledAt as string
    await page.dragAndDrop(
      `li.planning-item[data-id="${scheduledByEditor}"][data-kind="scheduled"] .planning-item__head`,
      `li.planning-day[data-day="${target}"] .planning-day__label`,
    )
    await keep(page, 'planning-drag', () => inDay(page, target, scheduledByEditor).waitFor())
    const after = await article(editor, scheduledByEditor)
    expect(after.stage).toBe('scheduled')
    expect(after.scheduledAt).toBe(moveToDay(before, target, zone).toISOString())
    expect(zonedParts(after.scheduledAt as string, zone)).toMatchObject({ hour: 10, minute: 30 })
    const state = await call(`/api/articles/${scheduledByEditor}/workflow`, { headers: editor })
    const events = state.json.timeline as { transition: string; from: string; to: string }[]
    expect(events[0]).toMatchObject({
      transition: 'reschedule',
      from: 'scheduled',
      to: 'scheduled',
    })

    // A day already over, with the keyboard control: refused in words, nothing changed.
    const planned = item(page, plannedOtherSection, 'planned')
    await planned.locator('.planning-item__move').click()
    await planned.locator('input[name="day"]').fill(addDays(dayKeyOf(new Date(), zone), -3))
    await planned.locator('button[type="submit"]').click()
    await expect
      .poll(() => page.locator('[data-testid="planning-error"]').innerText())
      .toContain('already over')
    expect((await article(editor, plannedOtherSection)).plannedAt).toBe(zonedTime(day, 12, 0))
  })

  it('shows an author their own items, lets them move a planned draft by keyboard, not reschedule', async () => {
    const page = await logIn('author')
    await open(page, `?date=${day}`)
    await inDay(page, day, plannedByAuthor).waitFor()
    await expect
      .poll(() => ids(page))
      .toEqual(expect.arrayContaining([plannedByAuthor, scheduledOfAuthor]))
    const seen = await ids(page)
    for (const id of [scheduledByEditor, plannedOtherSection, plannedAz]) {
      expect(seen).not.toContain(id)
    }
    const theirScheduled = item(page, scheduledOfAuthor, 'scheduled')
    expect(await theirScheduled.getAttribute('draggable')).toBe('false')
    expect(await theirScheduled.locator('.planning-item__move').count()).toBe(0)

    const planned = item(page, plannedByAuthor, 'planned')
    await planned.locator('.planning-item__move').focus()
    await page.keyboard.press('Enter')
    const field = planned.locator('input[name="day"]')
    await field.waitFor()
    await field.fill(target)
    await field.press('Enter')
    await inDay(page, target, plannedByAuthor).waitFor()
    const moved = await article(author, plannedByAuthor)
    expect(moved.plannedAt).toBe(zonedTime(target, 15, 45))
    expect(moved.stage).toBe('draft')
  })

  it('speaks Azerbaijani to an editor whose admin is in Azerbaijani', async () => {
    const page = await logIn('editor-az')
    await open(page, `?date=${day}&view=month`)
    expect(await page.locator('h1.desk__title').innerText()).toBe('Planlama')
    expect(await page.locator('a[data-view="week"]').innerText()).toBe('Həftə')
    const month = new Intl.DateTimeFormat('az', {
      timeZone: 'UTC',
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${day}T12:00:00.000Z`))
    expect(await page.locator('.planning-period').innerText()).toBe(month)
    await inDay(page, day, plannedAz).waitFor()
    expect(await item(page, plannedAz, 'planned').locator('.planning-item__kind').innerText()).toBe(
      'Planlaşdırılıb',
    )
  })
})
