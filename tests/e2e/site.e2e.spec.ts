import { mkdir, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { browserTestsEnabled, launchBrowser } from '../helpers/browser'
import { login } from '../helpers/http'

const baseURL = inject('baseURL')
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts')

const get = (p: string, init?: RequestInit) => fetch(`${baseURL}${p}`, init)

const editorHeaders = async () => ({
  ...(await login('editor@caspiandigest.example', 'demo-editor')),
  'content-type': 'application/json',
})

/** Seeded stories (src/seed/data/articles.ts). */
const RAIL_EN = '/en/articles/weekly-rail-freight-service-links-baku-and-kars'
const RAIL_AZ = '/az/articles/baki-ve-qars-arasinda-heftelik-yuk-qatari'
const RAIL_RU = '/ru/articles/ezhenedelnyy-gruzovoy-poezd-svyazhet-baku-i-kars'
const DEMINERS_EN = '/en/articles/deminers-test-ground-penetrating-radar'
const DEMINERS_AZ_DRAFT = '/az/articles/minatemizleyiciler-georadari-sinaqdan-kecirir'
const FERRIES_DRAFT_SLUG = 'caspian-ferries-move-to-online-booking'

describe('the public site over HTTP', () => {
  it('sends / to the reader’s language and every unknown path to a 404', async () => {
    const az = await get('/', {
      headers: { 'accept-language': 'az-AZ,az;q=0.9' },
      redirect: 'manual',
    })
    expect(az.status).toBeGreaterThanOrEqual(300)
    expect(az.status).toBeLessThan(400)
    expect(new URL(az.headers.get('location')!, baseURL).pathname).toBe('/az')
    const ru = await get('/', { headers: { 'accept-language': 'ru' }, redirect: 'manual' })
    expect(new URL(ru.headers.get('location')!, baseURL).pathname).toBe('/ru')
    for (const missing of [
      '/en/section/no-such-section',
      '/en/nothing/here',
      '/az/authors/nobody',
    ]) {
      const response = await get(missing)
      expect(response.status, missing).toBe(404)
      expect(await response.text()).toContain('site-header')
    }
  })

  it('answers 404 for the URL of a draft article, to readers and link-preview scrapers alike', async () => {
    // What Facebook, Slack and Twitter send when someone pastes a link: the page's Open Graph
    // tags must not describe an unpublished story to them either.
    const agents = [
      undefined,
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'Twitterbot/1.0',
    ]
    for (const draft of [DEMINERS_AZ_DRAFT, `/en/articles/${FERRIES_DRAFT_SLUG}`]) {
      for (const agent of agents) {
        const response = await get(draft, agent ? { headers: { 'user-agent': agent } } : {})
        expect(response.status, `${draft} ${agent}`).toBe(404)
        const html = await response.text()
        expect(html).not.toMatch(/ferries move to online booking|georadarı sınaqdan/i)
        expect(html).not.toContain('og:type" content="article')
      }
    }
    // The other side: the same scraper gets a published story's card.
    const published = await get(RAIL_EN, { headers: { 'user-agent': agents[1]! } })
    expect(published.status).toBe(200)
    expect(await published.text()).toContain('og:type" content="article')
  })

  it('links published language versions with hreflang and leaves drafts out', async () => {
    const html = await (await get(RAIL_EN)).text()
    for (const [lang, p] of [
      ['en', RAIL_EN],
      ['az', RAIL_AZ],
      ['ru', RAIL_RU],
    ]) {
      expect(html).toContain(`hrefLang="${lang}" href="${baseURL}${p}"`)
    }
    expect(html).toContain(`hrefLang="x-default" href="${baseURL}${RAIL_EN}"`)
    expect(html).toContain(`<link rel="canonical" href="${baseURL}${RAIL_EN}"`)
    expect(html).toMatch(
      /<meta property="og:image" content="[^"]+\/api\/media\/file\/[^"]+-1200x630\.jpg"/,
    )

    const azHtml = await (await get(RAIL_AZ)).text()
    const jsonLd = JSON.parse(
      azHtml.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1],
    ) as Record<string, unknown> & { translationOfWork: { url: string } }
    expect(jsonLd['@type']).toBe('NewsArticle')
    expect(jsonLd.inLanguage).toBe('az')
    expect(jsonLd.translationOfWork.url).toBe(`${baseURL}${RAIL_EN}`)

    const deminers = await (await get(DEMINERS_EN)).text()
    expect(deminers).not.toContain('hrefLang="az"')
    expect(deminers).not.toContain(DEMINERS_AZ_DRAFT)
  })

  it('shows an article on the home, section and article pages on the first request after publishing, and removes it on unpublish', async () => {
    const headers = await editorHeaders()
    const found = (await (
      await get(
        `/api/articles?where[slug][equals]=${FERRIES_DRAFT_SLUG}&draft=true&depth=0&limit=1`,
        { headers },
      )
    ).json()) as { docs: { id: number; title: string }[] }
    const { id, title } = found.docs[0]
    const escaped = title.replace(/'/g, '&#x27;')
    const shows = async (p: string) => (await (await get(p)).text()).includes(escaped)
    const articlePath = `/en/articles/${FERRIES_DRAFT_SLUG}`
    const sectionPath = '/en/section/logistics-transport'
    // Warm every cache first, so the test sees revalidation rather than a cold read.
    expect(await shows('/en')).toBe(false)
    expect(await shows(sectionPath)).toBe(false)
    expect((await get(articlePath)).status).toBe(404)

    const setStatus = async (status: 'published' | 'draft') => {
      const response = await get(`/api/articles/${id}`, {
        method: 'PATCH',
        headers,
        // Published now: other specs publish articles of their own on the same server, and the
        // seeded date (days ago) would leave this one below them on the home page.
        body: JSON.stringify(
          status === 'published'
            ? { _status: status, publishedAt: new Date().toISOString() }
            : { _status: status },
        ),
      })
      expect(response.status).toBe(200)
    }

    // No waiting and no retries: the publish expires the cached reads before it answers, so the
    // very next request shows the change (speed itself is the benchmark's business).
    try {
      await setStatus('published')
      expect(await shows('/en')).toBe(true)
      expect(await shows(sectionPath)).toBe(true)
      expect((await get(articlePath)).status).toBe(200)
    } finally {
      await setStatus('draft')
      expect(await shows('/en')).toBe(false)
    }
    expect(await shows(sectionPath)).toBe(false)
    expect((await get(articlePath)).status).toBe(404)
  })

  it('shows an article’s corrections at its foot, moves its updated date and lists them on the corrections page', async () => {
    const articlePath = '/en/articles/hazelnut-and-persimmon-exports-reach-seasonal-record'
    const html = await (await get(articlePath)).text()
    expect(html).toContain('data-testid="corrections"')
    expect(html).toContain('It is near Lankaran.')
    expect(html).toMatch(/dateTime="2026-11-06T09:15:00.000Z" data-testid="updated"/)
    const jsonLd = JSON.parse(
      html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1],
    ) as { dateModified: string; datePublished: string }
    expect(jsonLd.dateModified).toBe('2026-11-06T09:15:00.000Z')
    expect(jsonLd.datePublished).toBe('2026-11-05T08:25:00.000Z')

    const uncorrected = await (await get(RAIL_EN)).text()
    expect(uncorrected).not.toContain('data-testid="corrections"')
    expect(uncorrected).not.toContain('data-testid="updated"')

    const list = await (await get('/en/corrections')).text()
    expect(list).toContain('It is near Lankaran.')
    expect(list).toContain(`href="${articlePath}"`)
    const az = await (await get('/az/corrections')).text()
    expect(az).toContain('Layihədə dörd kənd iştirak edir.')
    expect(az).not.toContain('It is near Lankaran.')
  })

  it('shows a change to the site settings and the menu on the next page view', async () => {
    const headers = await editorHeaders()
    const settings = (await (
      await get('/api/globals/site-settings?locale=en&depth=0', { headers })
    ).json()) as { tagline: string }
    const nav = (await (
      await get('/api/globals/navigation?locale=en&depth=0', { headers })
    ).json()) as {
      header: { id: string; label?: string | null }[]
    }
    const tagline = `Tagline ${Date.now()}`
    const label = `Menu ${Date.now()}`
    expect(await (await get('/en')).text()).not.toContain(tagline)
    const save = (slug: string, data: unknown) =>
      get(`/api/globals/${slug}?locale=en`, { method: 'POST', headers, body: JSON.stringify(data) })
    try {
      expect((await save('site-settings', { tagline })).status).toBe(200)
      const header = nav.header.map((item, i) => (i === 0 ? { ...item, label } : item))
      expect((await save('navigation', { header })).status).toBe(200)
      const html = await (await get('/en/section/news')).text()
      expect(html).toContain(tagline)
      expect(html).toContain(label)
    } finally {
      await save('site-settings', { tagline: settings.tagline })
      await save('navigation', {
        header: nav.header.map((item) => ({ ...item, label: item.label ?? null })),
      })
    }
    const restored = await (await get('/en')).text()
    expect(restored).not.toContain(tagline)
    expect(restored).not.toContain(label)
  })

  it('refuses draft preview without the secret and session, and never redirects off the site', async () => {
    const noSecret = await get('/next/preview?path=/en', { redirect: 'manual' })
    expect(noSecret.status).toBe(401)
    const offSite = await get('/next/preview?secret=x&path=//evil.example', { redirect: 'manual' })
    expect([400, 401]).toContain(offSite.status)
  })
})

describe.runIf(browserTestsEnabled)('the public site in a real browser', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

  beforeAll(async () => {
    browser = await launchBrowser()
    await mkdir(ARTIFACTS, { recursive: true })
  })
  afterAll(() => browser?.close())

  const newPage = async (width = 1280): Promise<Page> => {
    const context = await browser.newContext(baseURL)
    const page = await context.newPage()
    await page.setViewportSize({ width, height: 900 })
    return page
  }

  const roundTrip = async (lang: 'en' | 'az', sectionSlug: string) => {
    const page = await newPage()
    expect((await page.goto(`/${lang}`))?.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe(lang)

    // Home → section
    await page.locator(`.section-block[data-section="${sectionSlug}"] h2 a`).click()
    await page.waitForURL(`**/${lang}/section/${sectionSlug}`)
    const sectionName = (await page.locator('h1').textContent())!.trim()
    expect(sectionName.length).toBeGreaterThan(0)
    expect(await page.locator('.breadcrumb [aria-current="page"]').textContent()).toBe(sectionName)

    // Section → article
    const firstCard = page.locator('main .card-title a').first()
    const articleTitle = (await firstCard.textContent())!.trim()
    await firstCard.click()
    await page.waitForURL(`**/${lang}/articles/**`)
    expect((await page.locator('h1').textContent())!.trim()).toBe(articleTitle)
    expect(await page.locator('.article-meta').textContent()).toMatch(/\d/)

    // Article → author
    const byline = page.locator('.byline a').first()
    const authorName = (await byline.textContent())!.trim()
    await byline.click()
    await page.waitForURL(`**/${lang}/authors/**`)
    expect((await page.locator('h1').textContent())!.trim()).toBe(authorName)
    const authorArticles = await page
      .locator('[data-testid="listing"] .card-title')
      .allTextContents()
    expect(authorArticles.map((t) => t.trim())).toContain(articleTitle)

    // Author → article → tag
    await page.locator('[data-testid="listing"] .card-title a', { hasText: articleTitle }).click()
    await page.waitForURL(`**/${lang}/articles/**`)
    const tagLink = page.locator('.tags a').first()
    const tagName = (await tagLink.textContent())!.trim()
    await tagLink.click()
    await page.waitForURL(`**/${lang}/tags/**`)
    expect(await page.locator('h1').textContent()).toContain(tagName)
    const tagged = await page.locator('[data-testid="listing"] .card-title').allTextContents()
    expect(tagged.map((t) => t.trim())).toContain(articleTitle)
    await page.context().close()
  }

  it('takes an English reader from home to a section, an article, its author and a tag', () =>
    roundTrip('en', 'news'))

  it('takes an Azerbaijani reader from home to a section, an article, its author and a tag', () =>
    roundTrip('az', 'culture'))

  it('switches language to the published version of the same story only', async () => {
    const page = await newPage()
    await page.goto(RAIL_EN)
    await page.locator('.lang-switcher a[data-lang="az"]').click()
    await page.waitForURL(`**${RAIL_AZ}`)
    expect(await page.locator('html').getAttribute('lang')).toBe('az')
    await page.locator('.lang-switcher a[data-lang="ru"]').click()
    await page.waitForURL(`**${RAIL_RU}`)

    // The Azerbaijani version of this story is a draft: no link to it.
    await page.goto(DEMINERS_EN)
    expect(await page.locator('.lang-switcher a').count()).toBe(0)
    await page.context().close()
  })

  it('keeps the reader’s text size across a reload', async () => {
    const page = await newPage()
    await page.goto(RAIL_EN)
    const bodySize = () =>
      page
        .locator('.article-body p')
        .first()
        .evaluate((el) => getComputedStyle(el).fontSize)
    const before = parseFloat(await bodySize())
    await page.locator('[data-font="larger"]').click()
    expect(await page.locator('html').getAttribute('data-font-size')).toBe('lg')
    expect(parseFloat(await bodySize())).toBeGreaterThan(before)
    await page.reload()
    // Applied by the page's head script before it paints (pages are cached, the same for all).
    expect(await page.locator('html').getAttribute('data-font-size')).toBe('lg')
    expect(parseFloat(await bodySize())).toBeGreaterThan(before)
    expect(await page.evaluate(() => localStorage.getItem('font-size'))).toBe('lg')
    await page.locator('[data-font="reset"]').click()
    await page.reload()
    expect(parseFloat(await bodySize())).toBe(before)
    await page.context().close()
  })

  it('has no serious or critical axe violations on home, section, article and search pages', async () => {
    const source = await axeSource
    for (const p of ['/en', '/en/section/news/economy', RAIL_EN, RAIL_AZ, '/en/search?q=rail']) {
      const page = await newPage()
      await page.goto(p)
      await page.addScriptTag({ content: source })
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } })
          .axe
        const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
          violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
        }
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }))
      })
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(severe, `${p}: ${JSON.stringify(severe)}`).toEqual([])
      await page.context().close()
    }
  })

  it('loads an article without prefetching the pages it links to, its hero image preloaded and every image loaded', async () => {
    const page = await newPage(390)
    const requests: string[] = []
    page.on('request', (request) => {
      const headers = request.headers()
      if (headers.rsc || headers['next-router-prefetch'] || request.url().includes('_rsc=')) {
        requests.push(request.url())
      }
    })
    await page.goto(RAIL_EN, { waitUntil: 'networkidle' })
    expect(await page.locator('main a[href^="/en/"]').count()).toBeGreaterThan(10)
    // The hero (the page's largest paint) is preloaded from the head, at high priority.
    const hero = page.locator('figure.hero img')
    expect(await hero.getAttribute('fetchpriority')).toBe('high')
    expect(await hero.getAttribute('loading')).toBeNull()
    const preload = page.locator('head link[rel="preload"][as="image"]')
    expect(await preload.count()).toBe(1)
    expect(await preload.getAttribute('imagesrcset')).toBe(await hero.getAttribute('srcset'))
    expect(await preload.getAttribute('fetchpriority')).toBe('high')
    // Images are served by the image optimizer in the sizes they ask for, and they load.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y)
        await new Promise((r) => setTimeout(r, 60))
      }
    })
    await page.waitForLoadState('networkidle')
    // Plain links: no Server Component payloads fetched for the links scrolled past.
    expect(requests).toEqual([])
    const images = await page.$$eval('main img', (imgs: HTMLImageElement[]) =>
      imgs.map((img) => ({ src: img.currentSrc, loaded: img.complete && img.naturalWidth > 0 })),
    )
    expect(images.length).toBeGreaterThan(1)
    for (const image of images) {
      expect(image.src, image.src).toContain('/_next/image?url=')
      expect(image.loaded, image.src).toBe(true)
    }
    await page.context().close()
  })

  it('lays out home and article without horizontal scrolling on a phone and on a desktop (screenshots in test-artifacts/)', async () => {
    for (const width of [390, 1280]) {
      for (const [name, p] of [
        ['home', '/en'],
        ['article', RAIL_EN],
      ]) {
        const page = await newPage(width)
        await page.goto(p, { waitUntil: 'networkidle' })
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0)
        // Every image has its box before it loads (width/height attributes): no layout shift.
        const unsized = await page.$$eval(
          'main img',
          (imgs) =>
            imgs.filter((img) => !img.getAttribute('width') || !img.getAttribute('height')).length,
        )
        expect(unsized).toBe(0)
        // Scroll through once so lazy images load before the full-page screenshot.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 600) {
            window.scrollTo(0, y)
            await new Promise((r) => setTimeout(r, 60))
          }
          window.scrollTo(0, 0)
        })
        await page.waitForLoadState('networkidle')
        const file = path.join(ARTIFACTS, `${name}-${width}.png`)
        await page.screenshot({ path: file, fullPage: true })
        expect((await stat(file)).size).toBeGreaterThan(10_000)
        await page.context().close()
      }
    }
  })
})
