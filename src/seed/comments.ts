import type { Language } from '@/lib/languages'

import { context, type SeedRun } from './run'

type SampleThread = {
  name: string
  email: string
  body: string
  /** a reply under it: the newsroom's (byNewsroom) or a reader's */
  reply?: { name: string; email: string; body: string; byNewsroom?: boolean }
}

/** A few readers' comments per language, approved, on the two newest articles of that language. */
const SAMPLES: Record<Language, SampleThread[][]> = {
  en: [
    [
      {
        name: 'Margaret Ellis',
        email: 'margaret.ellis@readers.example',
        body: 'Clear and well sourced, thank you.\nCould you follow up on what happens to the fares next year?',
        reply: {
          name: 'Newsroom',
          email: 'desk@newsroom.example',
          body: 'Thank you, Margaret. A follow-up on the fares is planned for next week.',
          byNewsroom: true,
        },
      },
      {
        name: 'Tom Harris',
        email: 'tom.harris@readers.example',
        body: 'I travel this route every day; the timetable change is already noticeable.',
      },
    ],
    [
      {
        name: 'Priya N.',
        email: 'priya.n@readers.example',
        body: 'Good to see the numbers laid out like this.',
      },
    ],
  ],
  az: [
    [
      {
        name: 'Aysel Quliyeva',
        email: 'aysel.quliyeva@readers.example',
        body: 'Ətraflı yazı üçün təşəkkürlər.\nBu mövzunu izləməyə davam edəcəksinizmi?',
        reply: {
          name: 'Redaksiya',
          email: 'desk@newsroom.example',
          body: 'Təşəkkür edirik, Aysel xanım. Bəli, yeniliklər olduqca yazacağıq.',
          byNewsroom: true,
        },
      },
      {
        name: 'Elvin Məmmədov',
        email: 'elvin.mammadov@readers.example',
        body: 'Bölgəmizdə də vəziyyət eynidir, bu barədə daha çox yazmağınızı istərdik.',
      },
    ],
    [
      {
        name: 'Nigar H.',
        email: 'nigar.h@readers.example',
        body: 'Faydalı məlumatdır, paylaşdım.',
      },
    ],
  ],
  ru: [
    [
      {
        name: 'Ирина Петрова',
        email: 'irina.petrova@readers.example',
        body: 'Спасибо за подробный материал.\nБудет ли продолжение темы?',
        reply: {
          name: 'Редакция',
          email: 'desk@newsroom.example',
          body: 'Спасибо, Ирина. Да, мы следим за темой и расскажем о новостях.',
          byNewsroom: true,
        },
      },
      {
        name: 'Олег С.',
        email: 'oleg.s@readers.example',
        body: 'Хорошо, что привели цифры, так понятнее.',
      },
    ],
    [
      {
        name: 'Самир Алиев',
        email: 'samir.aliyev@readers.example',
        body: 'Интересно, как это скажется на ценах.',
      },
    ],
  ],
}

/**
 * Approved readers' comments (and a newsroom reply) on the two newest published articles of each
 * language. Each is looked up by article, email and text first, so a second run adds nothing.
 */
export const seedComments = async (run: SeedRun): Promise<void> => {
  const { payload } = run
  for (const [language, perArticle] of Object.entries(SAMPLES) as [Language, SampleThread[][]][]) {
    const { docs: articles } = await payload.find({
      collection: 'articles',
      where: { and: [{ language: { equals: language } }, { _status: { equals: 'published' } }] },
      sort: '-publishedAt',
      limit: perArticle.length,
      depth: 0,
      select: { title: true },
      context,
    })
    for (const [i, article] of articles.entries()) {
      for (const thread of perArticle[i] ?? []) {
        const parent = await ensureComment(run, article.id, language, thread, null)
        if (thread.reply) await ensureComment(run, article.id, language, thread.reply, parent)
      }
    }
  }
}

const ensureComment = async (
  run: SeedRun,
  articleId: number,
  language: Language,
  sample: { name: string; email: string; body: string; byNewsroom?: boolean },
  parent: number | null,
): Promise<number> => {
  const { payload } = run
  const { docs } = await payload.find({
    collection: 'comments',
    where: {
      and: [
        { article: { equals: articleId } },
        { email: { equals: sample.email } },
        { body: { equals: sample.body } },
      ],
    },
    limit: 1,
    depth: 0,
    context,
  })
  if (docs[0]) {
    run.tally('comments', false)
    return docs[0].id
  }
  const created = await payload.create({
    collection: 'comments',
    data: {
      article: articleId,
      parent,
      name: sample.name,
      email: sample.email,
      body: sample.body,
      language,
      status: 'approved',
      byNewsroom: Boolean(sample.byNewsroom),
    },
    depth: 0,
    context,
  })
  run.tally('comments', true)
  return created.id
}
