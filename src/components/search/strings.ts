import type { Language } from '@/lib/languages'

/** The search page's words in each site language. */
export type SearchStrings = {
  heading: string
  label: string
  submit: string
  prompt: string
  noResults: (q: string) => string
  tryAgain: string
  found: (total: number, q: string) => string
  pastTheEnd: string
  firstPage: string
  pages: string
  previous: string
  next: string
  page: (n: number) => string
}

const ruArticles = new Intl.PluralRules('ru')
const ruWord = (n: number) =>
  ({ one: 'статья', few: 'статьи', many: 'статей', other: 'статьи' })[
    ruArticles.select(n) as 'one' | 'few' | 'many' | 'other'
  ] ?? 'статей'

export const searchStrings: Record<Language, SearchStrings> = {
  en: {
    heading: 'Search',
    label: 'Search articles',
    submit: 'Search',
    prompt: 'Type a word or a phrase to search the articles in English.',
    noResults: (q) => `No articles match “${q}”.`,
    tryAgain: 'Check the spelling, or try fewer or different words.',
    found: (total, q) => `${total} ${total === 1 ? 'article matches' : 'articles match'} “${q}”`,
    pastTheEnd: 'There are no more results.',
    firstPage: 'Back to the first page',
    pages: 'Search result pages',
    previous: 'Previous',
    next: 'Next',
    page: (n) => `Page ${n}`,
  },
  az: {
    heading: 'Axtarış',
    label: 'Məqalələrdə axtar',
    submit: 'Axtar',
    prompt: 'Azərbaycan dilində məqalələri axtarmaq üçün söz və ya ifadə yazın.',
    noResults: (q) => `“${q}” üzrə heç bir məqalə tapılmadı.`,
    tryAgain: 'Yazılışı yoxlayın və ya başqa sözlərlə axtarın.',
    found: (total, q) => `“${q}” üzrə ${total} məqalə tapıldı`,
    pastTheEnd: 'Başqa nəticə yoxdur.',
    firstPage: 'Birinci səhifəyə qayıt',
    pages: 'Axtarış nəticələrinin səhifələri',
    previous: 'Əvvəlki',
    next: 'Növbəti',
    page: (n) => `Səhifə ${n}`,
  },
  ru: {
    heading: 'Поиск',
    label: 'Поиск по статьям',
    submit: 'Найти',
    prompt: 'Введите слово или фразу, чтобы найти статьи на русском языке.',
    noResults: (q) => `По запросу «${q}» ничего не найдено.`,
    tryAgain: 'Проверьте написание или попробуйте другие слова.',
    found: (total, q) => `По запросу «${q}»: ${total} ${ruWord(total)}`,
    pastTheEnd: 'Больше результатов нет.',
    firstPage: 'На первую страницу',
    pages: 'Страницы результатов поиска',
    previous: 'Назад',
    next: 'Дальше',
    page: (n) => `Страница ${n}`,
  },
}

export const dateLocale: Record<Language, string> = { en: 'en-GB', az: 'az-AZ', ru: 'ru-RU' }
