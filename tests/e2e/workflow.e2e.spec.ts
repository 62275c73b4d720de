import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { STAGE_LABELS, type Stage } from '@/workflow/table'

import { adminLogIn, browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { login } from '../helpers/http'

const baseURL = inject('baseURL')
/** Screenshots for people to look at; git-ignored. */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts')

const AUTHOR = { email: 'author@caspiandigest.example', password: 'demo-author' }
const EDITOR = { email: 'editor@caspiandigest.example', password: 'demo-editor' }

/** The admin's first compile of a route can be slow on two cores; actions after that are quick. */
const SLOW = { timeout: 90_000 }

describe.runIf(browserTestsEnabled)(
  'the editorial workflow in the admin, in a real browser',
  () => {
    let browser: Awaited<ReturnType<typeof launchBrowser>>
    const contexts: BrowserContext[] = []
    beforeAll(async () => {
      browser = await launchBrowser()
      await mkdir(ARTIFACTS, { recursive: true })
    })
    afterAll(async () => {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)))
      await browser?.close()
    })

    /** A person's own browser session, logged in through the admin's login form. */
    const logIn = async ({ email, password }: { email: string; password: string }) => {
      const context = await browser.newContext(baseURL)
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(30_000)
      await adminLogIn(page, email, password, SLOW)
      return page
    }

    const openArticle = async (page: Page, id: number | string) => {
      await page.goto(`/admin/collections/articles/${id}`)
      await page.locator('#workflow-panel[data-stage]').waitFor(SLOW)
    }

    /** Fires a transition from the Workflow panel and waits for the reloaded stage. */
    const fire = async (page: Page, transition: string, stage: string, note?: string) => {
      if (note) await page.locator('#workflow-panel textarea[name="workflow-note"]').fill(note)
      await page.locator(`#workflow-transition-${transition}`).click()
      await page.locator(`#workflow-panel[data-stage="${stage}"]`).waitFor()
      // The form is reloaded from the server, not left with the old stage.
      await expect
        .poll(() => page.locator('#field-stage').innerText(), { timeout: 15_000 })
        .toContain(stageLabel(stage))
    }

    const stageLabel = (stage: string) => STAGE_LABELS[stage as Stage]

    /** Payload's own Publish button (`#action-save` when drafts are on). */
    const publishButtons = (page: Page) =>
      page.locator('#action-save, button:text-is("Publish"), button:text-is("Publish changes")')

    /** Picks an option in one of Payload's relationship selects by typing part of its label. */
    const choose = async (page: Page, field: string, text: string) => {
      await page.locator(`#field-${field} .rs__control`).click()
      await page.keyboard.type(text)
      await page.locator('.rs__option', { hasText: text }).first().click()
      await page.keyboard.press('Escape')
    }

    it('takes a story from an author through review to the public site', async () => {
      const slugPart = Date.now().toString(36)
      const title = `Baku–Kuryk ferry to run daily ${slugPart}`

      // The author writes a new article. No Publish button anywhere for them.
      const author = await logIn(AUTHOR)
      await author.goto('/admin/collections/articles/create')
      await author.locator('#field-title').fill(title, SLOW)
      expect(await author.locator('#workflow-panel').innerText()).toContain(
        'Save the draft to start the workflow',
      )
      await author.locator('#field-dek').fill('The ferry across the Caspian will sail every day.')
      await author.locator('.rich-text-lexical [contenteditable="true"]').first().click()
      await author.keyboard.type('The ferry between Baku and Kuryk will run every day from Monday.')
      await choose(author, 'category', 'Logistics')
      await choose(author, 'authors', 'Nino')
      // The hero image: one of the seeded pictures, which carry alt text.
      await author.getByRole('button', { name: 'Choose from existing' }).click()
      const drawer = author.locator('.list-drawer').last()
      await drawer.locator('.table tbody tr').first().waitFor(SLOW)
      await drawer
        .locator('.table tbody tr')
        .first()
        .locator('td')
        .first()
        .locator('button, a')
        .first()
        .click()
      await drawer.waitFor({ state: 'detached' })
      expect(await publishButtons(author).count()).toBe(0)

      await author.locator('#action-save-draft').click()
      await author.waitForURL(
        (url) => /\/admin\/collections\/articles\/\d+$/.test(url.pathname),
        SLOW,
      )
      const id = new URL(author.url()).pathname.split('/').pop()!
      await author.locator('#workflow-panel[data-stage="draft"]').waitFor(SLOW)
      expect(await author.locator('.wf-checklist').getAttribute('data-ok')).toBe('true')
      expect(await publishButtons(author).count()).toBe(0)

      await fire(author, 'submit', 'in_review')
      expect(await publishButtons(author).count()).toBe(0)
      // In review, the author may no longer change the text.
      await expect.poll(() => author.locator('#field-title').isDisabled()).toBe(true)

      // The editor asks for changes, with a note.
      const editor = await logIn(EDITOR)
      await openArticle(editor, id)
      expect(await publishButtons(editor).count()).toBeGreaterThan(0)
      await editor.locator('#workflow-panel').screenshot({
        path: path.join(ARTIFACTS, 'workflow-panel-review.png'),
      })
      // A transition that needs a note says so instead of firing without one.
      await editor.locator('#workflow-transition-request_changes').click()
      await editor.locator('#workflow-panel [role="alert"]').waitFor()
      const note = 'Say which port the schedule comes from, and add the first sailing date.'
      await fire(editor, 'request_changes', 'changes_requested', note)

      // The author sees the note, fixes the text and submits again.
      await openArticle(author, id)
      await author.locator('.wf-timeline__note', { hasText: note }).waitFor()
      expect(await publishButtons(author).count()).toBe(0)
      await author
        .locator('#field-dek')
        .fill('The Port of Baku says the ferry will sail every day from 1 December.')
      await author.locator('#action-save-draft').click()
      await expect
        .poll(() => author.locator('#workflow-transition-submit').isEnabled(), { timeout: 15_000 })
        .toBe(true)
      await fire(author, 'submit', 'in_review')

      // The editor approves, then publishes.
      await openArticle(editor, id)
      await fire(editor, 'approve', 'approved')
      await fire(editor, 'publish', 'published')
      // The timeline, newest first: who did what, from which stage to which, with the note.
      await openArticle(editor, id)
      const events = editor.locator('.wf-timeline__event')
      expect(await events.allInnerTexts()).toEqual([
        expect.stringMatching(/Elvin Editor\s+Publish[\s\S]*Approved\s*→\s*Published/),
        expect.stringMatching(/Elvin Editor\s+Approve[\s\S]*In review\s*→\s*Approved/),
        expect.stringMatching(/Nigar Author\s+Submit for review[\s\S]*Changes requested\s*→/),
        expect.stringContaining(note),
        expect.stringMatching(/Nigar Author\s+Submit for review[\s\S]*Draft\s*→\s*In review/),
      ])
      await editor.locator('#workflow-panel').screenshot({
        path: path.join(ARTIFACTS, 'workflow-panel.png'),
      })

      // Anyone can now read it, through the API and on the home page.
      const found = (await (
        await fetch(`${baseURL}/api/articles?where[title][equals]=${encodeURIComponent(title)}`)
      ).json()) as { docs: { id: number; slug: string; stage: string; _status: string }[] }
      expect(found.docs).toHaveLength(1)
      expect(found.docs[0]).toMatchObject({ stage: 'published', _status: 'published' })
      const bySlug = (await (
        await fetch(`${baseURL}/api/articles?where[slug][equals]=${found.docs[0].slug}`)
      ).json()) as { docs: { title: string }[] }
      expect(bySlug.docs.map((doc) => doc.title)).toEqual([title])
      await expect
        .poll(
          async () => {
            for (const home of ['/', '/en']) {
              const response = await fetch(`${baseURL}${home}`)
              if (response.ok && (await response.text()).includes(title)) return true
            }
            return false
          },
          { timeout: 15_000, interval: 500 },
        )
        .toBe(true)

      // The desk shows it in the Published column.
      await editor.goto('/admin/desk')
      await editor
        .locator(`.desk-column[data-stage="published"] .desk-card[data-id="${id}"]`)
        .waitFor(SLOW)
    })

    it('shows the next 24 hours of scheduled publications on the desk, each cancellable', async () => {
      // Nobody sees the desk without logging in.
      const stranger = await (await browser.newContext(baseURL)).newPage()
      contexts.push(stranger.context())
      await stranger.goto('/admin/desk')
      await stranger.waitForURL((url) => url.pathname === '/admin/login', SLOW)
      expect(await stranger.locator('.desk-board').count()).toBe(0)

      const headers = await apiLogin(EDITOR)
      const id = await createReadyArticle(
        headers,
        `Caspian summit agenda ${Date.now().toString(36)}`,
      )
      // The editor schedules it from the panel, two hours from now (whole minutes, local time).
      const editor = await logIn(EDITOR)
      await openArticle(editor, id)
      const when = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 2 * 60 * 60 * 1000)
      const local = await editor.evaluate((ms) => {
        const date = new Date(ms)
        return new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
          .toISOString()
          .slice(0, 16)
      }, when.getTime())
      await editor.locator('#workflow-panel input[name="workflow-date"]').fill(local)
      await fire(editor, 'schedule', 'scheduled')
      expect(await editor.locator('#workflow-panel time').first().getAttribute('datetime')).toBe(
        when.toISOString(),
      )

      await editor.goto('/admin/desk')
      const item = editor.locator(`.desk-schedule__item[data-id="${id}"]`)
      await item.waitFor(SLOW)
      expect(await item.locator('time').getAttribute('datetime')).toBe(when.toISOString())
      await editor
        .locator(`.desk-column[data-stage="scheduled"] .desk-card[data-id="${id}"]`)
        .waitFor()
      await editor.screenshot({ path: path.join(ARTIFACTS, 'desk.png') })

      // Filters are the query string: one language only.
      await editor.goto('/admin/desk?language=az')
      await editor.locator('.desk-card').first().waitFor(SLOW)
      expect(
        new Set(await editor.locator('.desk-card .desk-card__lang').allTextContents()),
      ).toEqual(new Set(['az']))
      expect(await editor.locator('select[name="language"]').inputValue()).toBe('az')

      // Language versions whose original changed since: every card there carries the flag.
      await editor.goto('/admin/desk?needsUpdate=1')
      await editor.locator('button[name="needsUpdate"][aria-pressed="true"]').waitFor(SLOW)
      expect(await editor.locator('.desk-card .desk-card__flag').count()).toBe(
        await editor.locator('.desk-card').count(),
      )

      // "Mine": assigned to or created by the signed-in editor, who made this one over REST.
      await editor.goto('/admin/desk?mine=1')
      await editor.locator(`.desk-card[data-id="${id}"]`).first().waitFor(SLOW)
      expect(await editor.locator('button[aria-pressed="true"]').innerText()).toBe('Mine')
      const total = async () =>
        (await editor.locator('.desk-column__count').allTextContents()).reduce(
          (sum, count) => sum + Number(count),
          0,
        )
      const mine = await total()
      await editor.goto('/admin/desk')
      await editor.locator('.desk-board').waitFor()
      expect(mine).toBeGreaterThan(0)
      expect(mine).toBeLessThan(await total())

      // Cancel fires `unschedule`: the article goes back to Approved and leaves the schedule.
      await item.locator('button.desk-schedule__cancel').click()
      await item.waitFor({ state: 'detached' })
      await editor
        .locator(`.desk-column[data-stage="approved"] .desk-card[data-id="${id}"]`)
        .waitFor()
      const after = (await (
        await fetch(`${baseURL}/api/articles/${id}?draft=true&depth=0`, { headers })
      ).json()) as { stage: string }
      expect(after.stage).toBe('approved')
    })

    it('shows what the checklist misses, and the server refusal inline', async () => {
      const headers = await apiLogin(EDITOR)
      const id = await createReadyArticle(headers, `Photo essay ${Date.now().toString(36)}`, {
        heroImage: null,
        dek: '',
      })
      const editor = await logIn(EDITOR)
      await openArticle(editor, id)
      const checklist = editor.locator('.wf-checklist')
      expect(await checklist.getAttribute('data-ok')).toBe('false')
      expect(await checklist.locator('li').allTextContents()).toEqual(['a hero image', 'a dek'])
      await editor.locator('#workflow-transition-publish').click()
      const alert = editor.locator('#workflow-panel [role="alert"]')
      await alert.waitFor()
      expect(await alert.innerText()).toContain('Cannot publish yet: add a hero image and a dek.')
      expect(await editor.locator('#workflow-panel').getAttribute('data-stage')).toBe('draft')

      // A note without a transition goes on the timeline.
      await editor
        .locator('#workflow-panel textarea[name="workflow-note"]')
        .fill('Photos arrive on Thursday.')
      await editor.locator('#workflow-add-note').click()
      await editor
        .locator('.wf-timeline__event--note', { hasText: 'Photos arrive on Thursday.' })
        .waitFor()
      expect(await editor.locator('#workflow-panel').getAttribute('data-stage')).toBe('draft')
    })

    const apiLogin = ({ email, password }: { email: string; password: string }) =>
      login(email, password)

    /** A draft that passes the pre-publish checklist, made over REST with seeded parts. */
    const createReadyArticle = async (
      headers: Record<string, string>,
      title: string,
      overrides: Record<string, unknown> = {},
    ) => {
      const first = async (query: string) => {
        const list = (await (await fetch(`${baseURL}/api/${query}`, { headers })).json()) as {
          docs: { id: number }[]
        }
        expect(list.docs.length).toBeGreaterThan(0)
        return list.docs[0].id
      }
      const [category, author, image] = await Promise.all([
        first('categories?where[slug][equals]=news&depth=0'),
        first('authors?limit=1&depth=0'),
        first('media?where[alt][exists]=true&limit=1&depth=0'),
      ])
      const response = await fetch(`${baseURL}/api/articles?draft=true`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          title,
          language: 'en',
          dek: 'Who speaks when at the regional summit in Baku.',
          category,
          authors: [author],
          heroImage: image,
          _status: 'draft',
          ...overrides,
        }),
      })
      expect(response.status).toBe(201)
      return ((await response.json()) as { doc: { id: number } }).doc.id
    }
  },
)
