import type { Payload, RequestContext } from 'payload'

import { blocksToLexical } from '@/lib/lexical'
import { DEFAULT_LANGUAGE, LANGUAGES } from '@/lib/languages'
import type { Article, Category, Media } from '@/payload-types'

import { articles, authors, categories, pages, settings, tags } from './data'
import type { Locale, Localized } from './data/types'
import { generateImage } from './images'

/** Demo logins printed by `npm run dev`: one per role. For local use only. */
export const DEMO_USERS = [
  {
    email: 'admin@caspiandigest.example',
    password: 'demo-admin',
    name: 'Aysel Admin',
    roles: ['admin'],
    languages: ['en', 'az', 'ru'],
  },
  {
    email: 'editor@caspiandigest.example',
    password: 'demo-editor',
    name: 'Elvin Editor',
    roles: ['editor'],
    languages: ['en', 'az'],
  },
  {
    email: 'author@caspiandigest.example',
    password: 'demo-author',
    name: 'Nigar Author',
    roles: ['author'],
    languages: ['en'],
  },
  {
    email: 'translator@caspiandigest.example',
    password: 'demo-translator',
    name: 'Rustam Translator',
    roles: ['translator'],
    languages: ['az', 'ru'],
  },
] as const

export type SeedResult = { created: Record<string, number>; skipped: Record<string, number> }

const context: RequestContext = { disableRevalidate: true, seeding: true }
const OTHER_LOCALES = LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE)

/**
 * Loads the demo newsroom. Every record is looked up by its natural key (email, slug,
 * language + slug, filename) and only created when missing, so running it again changes nothing
 * and an interrupted run is completed by the next.
 */
export const seed = async (payload: Payload): Promise<SeedResult> => {
  const result: SeedResult = { created: {}, skipped: {} }
  const tally = (collection: string, created: boolean) => {
    const bucket = created ? result.created : result.skipped
    bucket[collection] = (bucket[collection] ?? 0) + 1
  }

  const findOne = async <T>(
    collection: 'articles' | 'authors' | 'categories' | 'tags' | 'pages' | 'media' | 'users',
    where: Record<string, unknown>,
  ) => {
    const { docs } = await payload.find({
      collection,
      where: where as never,
      limit: 1,
      depth: 0,
      draft: true,
      pagination: false,
      context,
    })
    return docs[0] as T | undefined
  }

  /** Writes the az/ru values of localized fields after the English create. */
  const localize = async (
    collection: 'categories' | 'pages' | 'tags',
    id: number,
    fields: (locale: Locale) => Record<string, unknown> | null,
  ) => {
    for (const locale of OTHER_LOCALES) {
      const data = fields(locale)
      if (data) await payload.update({ collection, id, locale, data, context })
    }
  }
  const inLocale = (value: Localized, locale: Locale) => value[locale]

  const image = async (key: string, palette: string, alt: string, label?: string) => {
    const filename = `seed-${key}.jpg`
    const existing = await findOne<Media>('media', { filename: { equals: filename } })
    tally('media', !existing)
    if (existing) return existing.id
    const data = await generateImage({ seed: key, palette, label })
    const doc = await payload.create({
      collection: 'media',
      data: { alt, credit: 'Caspian Digest illustration' },
      file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
      context,
    })
    return doc.id
  }

  // Sections, parents first.
  const categoryIds = new Map<string, number>()
  for (const category of [...categories].sort(
    (a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)),
  )) {
    const existing = await findOne<Category>('categories', { slug: { equals: category.slug } })
    tally('categories', !existing)
    if (existing) {
      categoryIds.set(category.slug, existing.id)
      continue
    }
    const doc = await payload.create({
      collection: 'categories',
      locale: 'en',
      data: {
        name: category.name.en,
        slug: category.slug,
        description: category.description.en,
        order: category.order,
        parent: category.parent ? categoryIds.get(category.parent) : undefined,
      },
      context,
    })
    await localize('categories', doc.id, (locale) =>
      inLocale(category.name, locale)
        ? {
            name: inLocale(category.name, locale),
            description: inLocale(category.description, locale),
          }
        : null,
    )
    categoryIds.set(category.slug, doc.id)
  }

  const tagIds = new Map<string, number>()
  for (const tag of tags) {
    const existing = await findOne<{ id: number }>('tags', { slug: { equals: tag.slug } })
    tally('tags', !existing)
    const id =
      existing?.id ??
      (
        await payload.create({
          collection: 'tags',
          data: { name: tag.name, slug: tag.slug },
          context,
        })
      ).id
    tagIds.set(tag.slug, id)
  }

  const authorIds = new Map<string, number>()
  for (const author of authors) {
    const existing = await findOne<{ id: number }>('authors', { slug: { equals: author.slug } })
    tally('authors', !existing)
    if (existing) {
      authorIds.set(author.slug, existing.id)
      continue
    }
    const photo = author.isHouse
      ? undefined
      : await image(
          `author-${author.slug}`,
          author.slug,
          `Portrait illustration for ${author.name}`,
        )
    const doc = await payload.create({
      collection: 'authors',
      data: {
        name: author.name,
        slug: author.slug,
        jobTitle: author.jobTitle,
        bio: author.bio,
        isHouse: Boolean(author.isHouse),
        photo,
        links: author.links ?? [],
      },
      context,
    })
    authorIds.set(author.slug, doc.id)
  }

  // People who log in; the author and the editor write under seeded bylines.
  const bylineFor: Record<string, string | undefined> = {
    'editor@caspiandigest.example': authors.find((a) => !a.isHouse)?.slug,
    'author@caspiandigest.example': authors.filter((a) => !a.isHouse)[1]?.slug,
  }
  const userIds = new Map<string, number>()
  for (const user of DEMO_USERS) {
    const existing = await findOne<{ id: number }>('users', { email: { equals: user.email } })
    tally('users', !existing)
    if (existing) {
      userIds.set(user.email, existing.id)
      continue
    }
    const byline = bylineFor[user.email]
    const created = await payload.create({
      collection: 'users',
      data: {
        ...user,
        roles: [...user.roles],
        languages: [...user.languages],
        author: byline ? authorIds.get(byline) : undefined,
      },
      context,
    })
    userIds.set(user.email, created.id)
  }

  // Articles: originals before their language versions, related links after all exist.
  const key = (language: string, slug: string) => `${language}:${slug}`
  const articleIds = new Map<string, number>()
  const ordered = [...articles].sort(
    (a, b) => Number(Boolean(a.translationOf)) - Number(Boolean(b.translationOf)),
  )
  for (const article of ordered) {
    const existing = await findOne<Article>('articles', {
      and: [{ language: { equals: article.language } }, { slug: { equals: article.slug } }],
    })
    tally('articles', !existing)
    if (existing) {
      articleIds.set(key(article.language, article.slug), existing.id)
      continue
    }
    const original = article.translationOf
      ? articles.find(
          (a) =>
            a.language === article.translationOf?.language &&
            a.slug === article.translationOf?.slug,
        )
      : undefined
    const heroKey = original
      ? `${original.language}-${original.slug}`
      : `${article.language}-${article.slug}`
    const heroImage = await image(
      `article-${heroKey}`,
      article.category,
      (original ?? article).heroCaption ?? (original ?? article).title,
    )
    const published = article.status === 'published'
    const doc = await payload.create({
      collection: 'articles',
      draft: !published,
      data: {
        title: article.title,
        slug: article.slug,
        dek: article.dek,
        language: article.language,
        body: blocksToLexical(article.body) as Article['body'],
        heroImage,
        heroCaption: article.heroCaption,
        category: categoryIds.get(article.category),
        categories: (article.extraCategories ?? [])
          .map((slug) => categoryIds.get(slug)!)
          .filter(Boolean),
        tags: article.tags.map((slug) => tagIds.get(slug)!).filter(Boolean),
        authors: article.authors.map((slug) => authorIds.get(slug)!).filter(Boolean),
        source: article.source,
        translationOf: article.translationOf
          ? articleIds.get(key(article.translationOf.language, article.translationOf.slug))
          : undefined,
        publishedAt: published ? article.publishedAt : undefined,
        corrections: article.corrections,
        _status: published ? 'published' : 'draft',
        // The system places unpublished demo stories in their stage of the workflow.
        ...(published ? {} : { stage: article.stage ?? 'draft' }),
        createdBy: article.writer ? userIds.get(article.writer) : undefined,
      },
      context,
    })
    articleIds.set(key(article.language, article.slug), doc.id)
  }
  for (const article of articles) {
    if (!article.related?.length) continue
    const id = articleIds.get(key(article.language, article.slug))
    const related = article.related
      .map((slug) => articleIds.get(key(article.language, slug)))
      .filter((value): value is number => Boolean(value))
    if (!id || !related.length) continue
    const current = await payload.findByID({
      collection: 'articles',
      id,
      depth: 0,
      draft: true,
      context,
    })
    if (current.relatedArticles?.length) continue
    await payload.update({
      collection: 'articles',
      id,
      draft: article.status !== 'published',
      data: { relatedArticles: related },
      context,
    })
  }

  const pageIds = new Map<string, number>()
  for (const page of pages) {
    const existing = await findOne<{ id: number }>('pages', { slug: { equals: page.slug } })
    tally('pages', !existing)
    if (existing) {
      pageIds.set(page.slug, existing.id)
      continue
    }
    const doc = await payload.create({
      collection: 'pages',
      locale: 'en',
      data: {
        title: page.title.en,
        slug: page.slug,
        body: blocksToLexical(page.body.en) as never,
        _status: 'published',
      },
      context,
    })
    await localize('pages', doc.id, (locale) => {
      const title = inLocale(page.title, locale)
      const body = page.body[locale]
      if (!title && !body) return null
      return { title, ...(body ? { body: blocksToLexical(body) } : {}), _status: 'published' }
    })
    pageIds.set(page.slug, doc.id)
  }

  // Globals: written once; an editor's later changes are kept.
  const siteSettings = await payload.findGlobal({ slug: 'site-settings', depth: 0, context })
  if (!siteSettings.contactEmail) {
    await payload.updateGlobal({
      slug: 'site-settings',
      locale: 'en',
      data: {
        siteName: settings.siteName,
        tagline: settings.tagline.en,
        about: settings.about.en,
        contactEmail: settings.contactEmail,
        social: settings.social,
      },
      context,
    })
    for (const locale of OTHER_LOCALES) {
      await payload.updateGlobal({
        slug: 'site-settings',
        locale,
        data: { tagline: settings.tagline[locale], about: settings.about[locale] },
        context,
      })
    }
  }
  const navigation = await payload.findGlobal({ slug: 'navigation', depth: 0, context })
  if (!navigation.header?.length) {
    const topLevel = categories.filter((c) => !c.parent).sort((a, b) => a.order - b.order)
    await payload.updateGlobal({
      slug: 'navigation',
      data: {
        header: topLevel.map((category) => ({
          type: 'category' as const,
          category: categoryIds.get(category.slug),
          children: categories
            .filter((c) => c.parent === category.slug)
            .sort((a, b) => a.order - b.order)
            .map((child) => ({ type: 'category' as const, category: categoryIds.get(child.slug) })),
        })),
        footer: pages.map((page) => ({ type: 'page' as const, page: pageIds.get(page.slug) })),
      },
      context,
    })
  }

  return result
}
