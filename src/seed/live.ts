import type { Language } from '@/lib/languages'

import { context, type SeedRun } from './run'

type SampleUpdate = {
  /** minutes after the coverage started */
  at: number
  kind: 'text' | 'quote' | 'link'
  headline?: string
  text: string
  attribution?: string
  url?: string
  linkTitle?: string
  pinned?: boolean
}

/** When the demo coverage of the seal count started (the morning of the first count). */
const STARTED_AT = '2026-10-10T05:30:00Z'

/**
 * The first coastal seal count, covered live in English and Russian: the story of the
 * volunteers' training (src/seed/data/articles.ts) followed by the day they count.
 */
const COVERAGE: { slug: string; language: Language; updates: SampleUpdate[] }[] = [
  {
    slug: 'volunteers-train-to-count-caspian-seals',
    language: 'en',
    updates: [
      {
        at: 0,
        kind: 'text',
        headline: 'The first coastal count begins',
        text: 'Twelve teams of volunteers are taking up their posts from Nabran to Astara. Each will watch the sea for two hours and log every seal it sees.',
        pinned: true,
      },
      {
        at: 35,
        kind: 'text',
        text: 'Light wind and a calm sea north of Sumgait: good conditions, says the team leader there. The first sighting is logged at 06:02, two animals about 300 metres offshore.',
      },
      {
        at: 80,
        kind: 'quote',
        text: 'We counted eleven before the fog came in. My grandfather would not have believed anyone was paying people to watch seals.',
        attribution: 'Rauf, a fisherman volunteering near Khachmaz',
      },
      {
        at: 140,
        kind: 'text',
        headline: 'Preliminary total: 64 seals',
        text: 'The project’s biologists say the figure is provisional until sightings are checked for duplicates between neighbouring posts. Final numbers are expected next week.',
        pinned: true,
      },
    ],
  },
  {
    slug: 'volontery-uchatsya-schitat-kaspiyskikh-tyuleney',
    language: 'ru',
    updates: [
      {
        at: 0,
        kind: 'text',
        headline: 'Начался первый учёт на побережье',
        text: 'Двенадцать групп волонтёров занимают посты от Набрани до Астары. Каждая два часа наблюдает за морем и записывает всех замеченных тюленей.',
        pinned: true,
      },
      {
        at: 35,
        kind: 'text',
        text: 'К северу от Сумгаита слабый ветер и спокойное море, условия хорошие. Первое наблюдение записано в 06:02: два тюленя примерно в 300 метрах от берега.',
      },
      {
        at: 140,
        kind: 'text',
        headline: 'Предварительный итог: 64 тюленя',
        text: 'Биологи проекта называют цифру предварительной: нужно исключить повторы между соседними постами. Окончательные данные ожидаются на следующей неделе.',
        pinned: true,
      },
    ],
  },
]

const minutesAfter = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString()

/**
 * One live article in English and its Russian version, each with a few updates. The coverage
 * is found by its article and an update by article and time, so a second run adds nothing.
 */
export const seedLiveCoverage = async (run: SeedRun): Promise<void> => {
  const { payload } = run
  for (const sample of COVERAGE) {
    const { docs } = await payload.find({
      collection: 'articles',
      where: {
        and: [{ language: { equals: sample.language } }, { slug: { equals: sample.slug } }],
      },
      limit: 1,
      depth: 0,
      select: { slug: true },
      context,
    })
    const article = docs[0]
    if (!article) continue
    const existing = await payload.find({
      collection: 'live-coverages',
      where: { article: { equals: article.id } },
      limit: 1,
      depth: 0,
      context,
    })
    if (!existing.docs[0]) {
      await payload.create({
        collection: 'live-coverages',
        data: { article: article.id, status: 'live', startedAt: STARTED_AT },
        context,
      })
    }
    run.tally('live-coverages', !existing.docs[0])
    for (const { at, ...update } of sample.updates) {
      const postedAt = minutesAfter(STARTED_AT, at)
      const found = await payload.count({
        collection: 'live-updates',
        where: { and: [{ article: { equals: article.id } }, { postedAt: { equals: postedAt } }] },
        context,
      })
      if (found.totalDocs === 0) {
        await payload.create({
          collection: 'live-updates',
          data: { article: article.id, ...update, postedAt },
          context,
        })
      }
      run.tally('live-updates', found.totalDocs === 0)
    }
  }
}
