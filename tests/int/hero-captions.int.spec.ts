import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { drizzleOf } from '@/db/client'
import type { Article, Media, User } from '@/payload-types'

import { backfillVersionCaptions } from '../../migrations/20261126_063135_article_hero_alt'
import { createNewsroomBasics, createUser, imageFile } from '../helpers/fixtures'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { articleIn, latest } from '../helpers/workflow'

let ctx: TestPayload
let translator: User
let basics: Awaited<ReturnType<typeof createNewsroomBasics>>
// The read layer loads the Payload config, so it is imported once the test database is set.
let data: typeof import('@/data/articles')

const asTranslator = () => ({ user: translator, overrideAccess: false as const })

const addVersion = (original: Article, language: 'az' | 'ru', extra: Partial<Article> = {}) =>
  ctx.payload.create({
    collection: 'articles',
    draft: true,
    data: {
      title: `${language} version of ${original.title}`,
      language,
      translationOf: original.id,
      ...extra,
    },
    ...asTranslator(),
  })

/** An image with an English caption and alt text, and those of `more` languages. */
const imageWith = async (
  en: { alt: string; caption: string },
  more: Partial<Record<'az' | 'ru', { alt: string; caption?: string }>> = {},
): Promise<Media> => {
  const media = await ctx.payload.create({
    collection: 'media',
    data: en,
    file: await imageFile({ width: 800, height: 450 }),
  })
  for (const [locale, text] of Object.entries(more)) {
    await ctx.payload.update({
      collection: 'media',
      id: media.id,
      locale: locale as 'az' | 'ru',
      data: text,
    })
  }
  return media
}

beforeAll(async () => {
  ctx = await createTestPayload()
  await createUser(ctx.payload, 'admin')
  translator = await createUser(ctx.payload, 'translator', { languages: ['az', 'ru'] })
  basics = await createNewsroomBasics(ctx.payload)
  data = await import('@/data/articles')
})

afterAll(async () => {
  await ctx?.teardown()
})

describe('a language version’s hero caption and alt text', () => {
  it('starts with the original’s caption and the image’s alt text, and its translator rewrites them', async () => {
    const original = await articleIn(ctx.payload, 'published', {
      ...basics.fields,
      title: 'Ferry line to Turkmenbashi reopens',
      heroCaption: 'The ferry leaves Alat port at dawn.',
    })
    const version = await addVersion(original, 'az')
    expect(version.heroCaption).toBe('The ferry leaves Alat port at dawn.')
    expect(version.heroAlt).toBe('Containers stacked at a port at dawn')

    const edited = await ctx.payload.update({
      collection: 'articles',
      id: version.id,
      draft: true,
      data: {
        heroCaption: 'Bərə səhər tezdən Ələt limanından yola düşür.',
        heroAlt: 'Səhər tezdən limanda üst-üstə yığılmış konteynerlər',
      },
      ...asTranslator(),
    })
    expect(edited).toMatchObject({
      heroCaption: 'Bərə səhər tezdən Ələt limanından yola düşür.',
      heroAlt: 'Səhər tezdən limanda üst-üstə yığılmış konteynerlər',
    })
    // The original keeps its own.
    expect((await latest(ctx.payload, original.id)).heroCaption).toBe(
      'The ferry leaves Alat port at dawn.',
    )
  })

  it('takes the image’s words in the version’s language when the image has them', async () => {
    const image = await imageWith(
      { alt: 'A seal on the ice', caption: 'A Caspian seal rests on the ice.' },
      { ru: { alt: 'Тюлень на льду', caption: 'Каспийский тюлень отдыхает на льду.' } },
    )
    const original = await articleIn(ctx.payload, 'published', {
      ...basics.fields,
      heroImage: image.id,
      title: 'Seal count begins',
    })
    const ru = await addVersion(original, 'ru')
    expect(ru).toMatchObject({
      heroCaption: 'Каспийский тюлень отдыхает на льду.',
      heroAlt: 'Тюлень на льду',
    })
    // No az words on the image: the original language's.
    const az = await addVersion(original, 'az')
    expect(az).toMatchObject({
      heroCaption: 'A Caspian seal rests on the ice.',
      heroAlt: 'A seal on the ice',
    })
  })

  it('keeps what the version was created with', async () => {
    const original = await articleIn(ctx.payload, 'published', {
      ...basics.fields,
      title: 'Wind farm survey ends',
      heroCaption: 'Survey vessel at sea.',
    })
    const version = await addVersion(original, 'ru', {
      heroCaption: 'Исследовательское судно в море.',
    })
    expect(version.heroCaption).toBe('Исследовательское судно в море.')
    // An original gets no default: empty means the image's own words.
    expect(original.heroAlt ?? null).toBeNull()
  })

  it('shows the page the version’s caption and alt text, and the image’s credit', async () => {
    const image = await imageWith({ alt: 'Tea glasses on a tray', caption: 'Tea in Lankaran.' })
    await ctx.payload.update({ collection: 'media', id: image.id, data: { credit: 'R. Aliyev' } })
    const original = await articleIn(ctx.payload, 'published', {
      ...basics.fields,
      heroImage: image.id,
      title: 'Tea harvest starts early',
      slug: `tea-harvest-${Date.now()}`,
    })
    const version = await addVersion(original, 'az', {
      slug: `cay-mehsulu-${Date.now()}`,
      heroCaption: 'Lənkəranda çay.',
      heroAlt: 'Sinidə çay stəkanları',
    })
    await ctx.payload.update({
      collection: 'articles',
      id: version.id,
      data: { _status: 'published' },
    })

    const azPage = await data.findArticleDetail({ language: 'az', slug: version.slug! })
    expect(azPage?.hero).toMatchObject({
      alt: 'Sinidə çay stəkanları',
      caption: 'Lənkəranda çay.',
      credit: 'R. Aliyev',
    })
    const enPage = await data.findArticleDetail({ language: 'en', slug: original.slug! })
    expect(enPage?.hero).toMatchObject({
      alt: 'Tea glasses on a tray',
      caption: 'Tea in Lankaran.',
      credit: 'R. Aliyev',
    })
  })

  it('gives existing versions without a caption one in the migration', async () => {
    const original = await articleIn(ctx.payload, 'published', {
      ...basics.fields,
      title: 'Rail bridge repaired',
      heroCaption: 'Workers on the rail bridge.',
    })
    const version = await addVersion(original, 'ru')
    const db = drizzleOf(ctx.payload)
    await db.execute(sql`UPDATE articles SET hero_caption = NULL WHERE id = ${version.id}`)
    await db.execute(
      sql`UPDATE _articles_v SET version_hero_caption = NULL WHERE parent_id = ${version.id}`,
    )
    expect((await latest(ctx.payload, version.id)).heroCaption ?? null).toBeNull()

    await backfillVersionCaptions(db as never)
    expect((await latest(ctx.payload, version.id)).heroCaption).toBe('Workers on the rail bridge.')
    const { rows } = await db.execute<{ hero_caption: string | null }>(
      sql`SELECT hero_caption FROM articles WHERE id = ${version.id}`,
    )
    expect(rows[0].hero_caption).toBe('Workers on the rail bridge.')
  })
})

describe('the pre-publish checklist’s hero alt text', () => {
  it('is the article’s own alt text where it has one, else the image’s in its language', async () => {
    const { workflowFacts } = await import('@/workflow/facts')
    const media = await imageWith({ alt: 'A ferry at the pier.', caption: 'The ferry.' })
    const req = { payload: ctx.payload } as Parameters<typeof workflowFacts>[0]
    const own = await workflowFacts(req, {
      language: 'az',
      heroImage: media.id,
      heroAlt: 'Körpüdə bərə.',
    })
    expect(own.heroImage).toEqual({ alt: 'Körpüdə bərə.' })
    const fromImage = await workflowFacts(req, {
      language: 'az',
      heroImage: media.id,
      heroAlt: ' ',
    })
    expect(fromImage.heroImage).toEqual({ alt: 'A ferry at the pier.' })
  })
})
