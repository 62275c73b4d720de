/**
 * Writes an NDJSON file of generated articles for the bulk importer and the benchmark:
 *
 *   tsx scripts/bench/generate.ts --articles 100000 --seed 1 --out .data/bench/articles.ndjson
 *
 * Three languages, every section, byline and tag of the demo newsroom, bodies of 400–1200 words
 * (paragraphs, headings, quotes, lists) made from word lists with a realistic (Zipf) spread of
 * word frequencies, about a fifth of the stories with
 * a language version, and some drafts in review stages. The same arguments always give the same
 * file. Nothing in it is real text: sentences are random strings of the words below.
 */
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { ImportRecord } from '@/import/records'
import { LANGUAGES, type Language } from '@/lib/languages'
import type { TextBlock } from '@/lib/lexical'
import { slugify } from '@/lib/slug'
import { authors, categories, tags } from '@/seed/data'

/** mulberry32: small, fast, deterministic. */
const prng = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS: Record<Language, string[]> = {
  en: `the a of to in and for on with by from at as new said would could year years government
    ministry minister officials city region country port rail railway road bridge ferry corridor
    energy oil gas power grid solar wind water river sea caspian coast harbour trade exports imports
    prices market bank banks budget growth jobs workers farmers students teachers school university
    hospital doctors clinic village villages district districts mountain valley project projects plan
    plans report reports survey data figures percent million billion tonnes cargo trucks containers
    trains passengers route routes station terminal airport flight flights tourism visitors hotel
    museum theatre festival music film book books writer artist history archive heritage climate
    drought rain heat season harvest cotton hazelnut persimmon pomegranate tea carpet silk
    reconstruction housing homes families residents community council mayor agency company companies
    investors startup startups technology digital network internet mobile app platform service
    services security border talks agreement peace diplomacy summit delegation partners neighbours
    week month morning evening night last first second third early late local national regional
    international public private small large growing falling rising steady expected planned built
    opened closed launched announced signed approved delayed extended reported confirmed`.split(
    /\s+/,
  ),
  az: `və bu bir ilə üçün da də olan yeni il illər hökumət nazirlik nazir rəsmilər şəhər rayon
    ölkə liman dəmiryolu yol körpü bərə dəhliz enerji neft qaz elektrik şəbəkə günəş külək su çay
    dəniz xəzər sahil ticarət ixrac idxal qiymət bazar bank büdcə artım iş işçilər fermerlər
    tələbələr müəllimlər məktəb universitet xəstəxana həkimlər klinika kənd kəndlər dağ dərə layihə
    layihələr plan hesabat sorğu rəqəmlər faiz milyon milyard ton yük maşınlar qatarlar sərnişinlər
    marşrut stansiya terminal hava limanı uçuş turizm qonaqlar muzey teatr festival musiqi film
    kitab yazıçı rəssam tarix arxiv irs iqlim quraqlıq yağış istilik mövsüm məhsul pambıq fındıq
    xurma nar çay xalça ipək bərpa mənzil evlər ailələr sakinlər icma şura agentlik şirkət
    investorlar texnologiya rəqəmsal şəbəkə internet xidmət təhlükəsizlik sərhəd danışıqlar saziş
    sülh diplomatiya sammit nümayəndə tərəfdaşlar həftə ay səhər axşam gecə sonuncu birinci ikinci
    yerli milli regional beynəlxalq dövlət özəl kiçik böyük açıldı bağlandı başladı elan etdi
    imzalandı təsdiqləndi uzadıldı bildirdi təsdiq etdi gözlənilir planlaşdırılır`.split(/\s+/),
  ru: `и в на с по для из о что как это новый год годы правительство министерство министр
    чиновники город район страна порт железная дорога мост паром коридор энергия нефть газ
    электричество сеть солнце ветер вода река море каспий побережье торговля экспорт импорт цены
    рынок банк бюджет рост работа рабочие фермеры студенты учителя школа университет больница
    врачи клиника село сёла гора долина проект проекты план доклад опрос данные процентов миллион
    миллиард тонн груз грузовики контейнеры поезда пассажиры маршрут станция терминал аэропорт
    рейс туризм гости гостиница музей театр фестиваль музыка фильм книга писатель художник
    история архив наследие климат засуха дождь жара сезон урожай хлопок фундук хурма гранат чай
    ковёр шёлк восстановление жильё дома семьи жители община совет агентство компания инвесторы
    технологии цифровой интернет сервис безопасность граница переговоры соглашение мир
    дипломатия саммит делегация партнёры неделя месяц утро вечер ночь последний первый второй
    местный национальный региональный международный государственный частный малый большой
    открыли закрыли запустили объявили подписали одобрили продлили сообщили подтвердили`.split(
    /\s+/,
  ),
}

const DRAFT_STAGES = ['draft', 'in_review', 'changes_requested', 'approved', 'archived'] as const

/** Short frequent words: about two words in five of running text. */
const FUNCTION_WORDS: Record<Language, string[]> = {
  en: 'the a of to in and for on with by from at as that is was it were has have its this'.split(
    ' ',
  ),
  az: 'və bu bir ilə üçün da də ki olan isə ən daha belə həm artıq'.split(' '),
  ru: 'и в на с по для из о что как это не к а но же от'.split(' '),
}
const SYLLABLES: Record<Language, string[]> = {
  en: 'ba ka lo mer tan vi sel dor ni ra pel shi ton gar lu mi sar ve zen ko del fin har jo'.split(
    ' ',
  ),
  az: 'ba qa lı mər tan vi səl dor nə ra pəl şi ton gar lu mi sar və zən ko dəl fin xar cö'.split(
    ' ',
  ),
  ru: 'ба ка ло мер тан ви сел дор ни ра пел ши тон гар лу ми сар ве зен ко дел фин хар жо'.split(
    ' ',
  ),
}
const VOCABULARY_SIZE = 20_000
const TABLE_SIZE = 1 << 20

/**
 * Word frequencies like a real archive's: content words follow Zipf's law over a vocabulary of
 * 20,000 (the listed words spread over ranks 10 to ~1,000, invented words from syllables for
 * the rest), so a two-word query matches a few percent of the articles, not all of them. Built
 * once per language, the same whatever the seed: a table of word indices filled in proportion
 * to 1/rank, so a draw is one lookup.
 */
const vocabularies = new Map<Language, { words: string[]; table: Int32Array }>()
const vocabularyOf = (language: Language) => {
  const cached = vocabularies.get(language)
  if (cached) return cached
  const listed = [...new Set(WORDS[language].filter((w) => !FUNCTION_WORDS[language].includes(w)))]
  const random = prng(LANGUAGES.indexOf(language) + 1000)
  const taken = new Set(listed)
  const invented: string[] = []
  const syllables = SYLLABLES[language]
  while (invented.length < VOCABULARY_SIZE) {
    const n = 2 + Math.floor(random() * 3)
    const word = Array.from(
      { length: n },
      () => syllables[Math.floor(random() * syllables.length)],
    ).join('')
    if (!taken.has(word)) {
      taken.add(word)
      invented.push(word)
    }
  }
  // Rank r (0-based) of listed word i: 10 + 5i; invented words fill the other ranks.
  const words: string[] = []
  let next = 0
  for (let rank = 0; rank < VOCABULARY_SIZE; rank++) {
    const i = (rank - 10) / 5
    words.push(
      rank >= 10 && Number.isInteger(i) && i < listed.length ? listed[i] : invented[next++],
    )
  }
  let harmonic = 0
  for (let rank = 1; rank <= VOCABULARY_SIZE; rank++) harmonic += 1 / rank
  const table = new Int32Array(TABLE_SIZE)
  let filled = 0
  let cumulative = 0
  for (let rank = 1; rank <= VOCABULARY_SIZE && filled < TABLE_SIZE; rank++) {
    cumulative += 1 / rank / harmonic
    const until = Math.min(TABLE_SIZE, Math.round(cumulative * TABLE_SIZE))
    table.fill(rank - 1, filled, until)
    filled = Math.max(filled, until)
  }
  const vocabulary = { words, table }
  vocabularies.set(language, vocabulary)
  return vocabulary
}

/** English words of middle frequency (ranks about 100–400) for the benchmark's search queries. */
export const searchWords = (): string[] =>
  vocabularyOf('en')
    .words.slice(100, 400)
    .filter((word) => WORDS.en.includes(word))

export type GenerateOptions = { articles: number; seed: number }

/** The records, one at a time; language versions follow their originals. */
export function* generateRecords({ articles, seed }: GenerateOptions): Generator<ImportRecord> {
  const random = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const word = (language: Language) => {
    if (random() < 0.4) return pick(FUNCTION_WORDS[language])
    const { words, table } = vocabularyOf(language)
    return words[table[Math.floor(random() * TABLE_SIZE)]]
  }
  const sentence = (language: Language, min = 8, max = 20) => {
    const words = Array.from({ length: between(min, max) }, () => word(language))
    const text = words.join(' ')
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }
  const title = (language: Language) => sentence(language, 5, 10).slice(0, -1)
  const body = (language: Language): TextBlock[] => {
    const target = between(400, 1200)
    const blocks: TextBlock[] = []
    let words = 0
    while (words < target) {
      const roll = random()
      if (roll < 0.08 && blocks.length > 1) {
        blocks.push({ heading: title(language) })
      } else if (roll < 0.12) {
        const quote = sentence(language, 10, 25)
        blocks.push({ quote })
        words += quote.split(' ').length
      } else if (roll < 0.15) {
        const list = Array.from({ length: between(3, 5) }, () => sentence(language, 4, 10))
        blocks.push({ list })
        words += list.join(' ').split(' ').length
      } else {
        const paragraph = Array.from({ length: between(3, 6) }, () => sentence(language)).join(' ')
        blocks.push(paragraph)
        words += paragraph.split(' ').length
      }
    }
    return blocks
  }

  const people = authors.map((a) => a.slug)
  const topics = tags.map((t) => t.slug)
  const sections = categories.map((c) => c.slug)
  // Spread over the eight years before a fixed day, so the file does not depend on the clock.
  const end = Date.UTC(2026, 10, 1)
  const span = 8 * 365 * 24 * 3600 * 1000

  let written = 0
  let story = 0
  while (written < articles) {
    story++
    const language: Language = random() < 0.5 ? 'en' : random() < 0.5 ? 'az' : 'ru'
    const headline = title(language)
    const slug = `${slugify(headline).slice(0, 80)}-${story}`
    const draft = random() < 0.05
    const publishedAt = new Date(end - Math.floor(random() * span)).toISOString()
    const reprint = random() < 0.15
    const original: ImportRecord = {
      title: headline,
      slug,
      language,
      dek: sentence(language, 12, 28),
      body: body(language),
      section: pick(sections),
      tags: [...new Set(Array.from({ length: between(0, 3) }, () => pick(topics)))],
      authors: [...new Set(Array.from({ length: between(1, 2) }, () => pick(people)))],
      status: draft ? 'draft' : 'published',
      ...(draft ? { stage: pick(DRAFT_STAGES) } : { publishedAt }),
      ...(reprint
        ? {
            source: {
              outlet: `${pick(['Caspian', 'Harbour', 'Steppe', 'Silk Road', 'Delta'])} ${pick(['Times', 'Post', 'Wire', 'Review'])}`,
              url: `https://example.com/reprints/${story}`,
              originalLanguage: pick(['en', 'tr', 'fr', 'de', 'other'] as const),
              originalTitle: title('en'),
              originalDate: publishedAt,
            },
          }
        : {}),
    }
    yield original
    written++
    // About a fifth of the stories get a language version.
    if (written < articles && random() < 0.2) {
      const other = pick(LANGUAGES.filter((l) => l !== language))
      const versionDraft = random() < 0.1
      const versionTitle = title(other)
      yield {
        title: versionTitle,
        slug: `${slugify(versionTitle).slice(0, 80)}-${story}`,
        language: other,
        dek: sentence(other, 12, 28),
        body: body(other),
        status: versionDraft ? 'draft' : 'published',
        ...(versionDraft
          ? { stage: 'in_review' as const }
          : {
              publishedAt: new Date(
                Date.parse(publishedAt) + 3600_000 * between(1, 48),
              ).toISOString(),
            }),
        translationOf: { language, slug },
      }
      written++
    }
  }
}

const main = async () => {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: '.data/bench/articles.ndjson' },
    },
  })
  const articles = Number(values.articles)
  if (!Number.isInteger(articles) || articles < 1)
    throw new Error('--articles must be a positive integer')
  const out = path.resolve(process.env.INIT_CWD || process.cwd(), values.out!)
  await mkdir(path.dirname(out), { recursive: true })
  const stream = createWriteStream(out)
  let chunk: string[] = []
  const drain = () => new Promise<void>((resolve) => stream.once('drain', () => resolve()))
  for (const record of generateRecords({ articles, seed: Number(values.seed) })) {
    chunk.push(JSON.stringify(record))
    if (chunk.length === 1000) {
      if (!stream.write(`${chunk.join('\n')}\n`)) await drain()
      chunk = []
    }
  }
  if (chunk.length) stream.write(`${chunk.join('\n')}\n`)
  await new Promise<void>((resolve) => stream.end(() => resolve()))
  console.log(`Wrote ${articles} articles to ${out}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
