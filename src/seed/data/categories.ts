import type { SeedCategory } from './types'

/** Site sections, in menu order. News has three sub-sections. */
export const categories: SeedCategory[] = [
  {
    slug: 'cop29',
    name: { en: 'COP29', az: 'COP29', ru: 'COP29' },
    description: {
      en: 'What the climate summit in Baku left behind: pledges, projects and the people following them up.',
      az: 'Bakıdakı iqlim sammitinin mirası: öhdəliklər, layihələr və onların icrasını izləyən insanlar.',
      ru: 'Что оставил после себя климатический саммит в Баку: обязательства, проекты и люди, которые следят за их выполнением.',
    },
    order: 1,
  },
  {
    slug: 'opinion',
    name: { en: 'Opinion', az: 'Rəy', ru: 'Мнение' },
    description: {
      en: 'Arguments, commentary and columns from our writers and invited contributors.',
      az: 'Müəlliflərimizin və dəvət olunmuş yazarların arqumentləri, şərhləri və köşə yazıları.',
      ru: 'Аргументы, комментарии и колонки наших авторов и приглашённых экспертов.',
    },
    order: 2,
  },
  {
    slug: 'news',
    name: { en: 'News', az: 'Xəbərlər', ru: 'Новости' },
    description: {
      en: "The day's main stories from Azerbaijan and the South Caucasus.",
      az: 'Azərbaycan və Cənubi Qafqazdan günün əsas xəbərləri.',
      ru: 'Главные события дня в Азербайджане и на Южном Кавказе.',
    },
    order: 3,
  },
  {
    slug: 'economy',
    parent: 'news',
    name: { en: 'Economy', az: 'İqtisadiyyat', ru: 'Экономика' },
    description: {
      en: 'Trade, business, jobs and the numbers behind them.',
      az: 'Ticarət, biznes, iş yerləri və onların arxasındakı rəqəmlər.',
      ru: 'Торговля, бизнес, рабочие места и цифры, которые за ними стоят.',
    },
    order: 1,
  },
  {
    slug: 'energy',
    parent: 'news',
    name: { en: 'Energy', az: 'Enerji', ru: 'Энергетика' },
    description: {
      en: 'Oil, gas, power grids and the shift towards renewable sources.',
      az: 'Neft, qaz, elektrik şəbəkələri və bərpa olunan mənbələrə keçid.',
      ru: 'Нефть, газ, электросети и переход к возобновляемым источникам.',
    },
    order: 2,
  },
  {
    slug: 'climate-and-ecology',
    parent: 'news',
    name: { en: 'Climate and Ecology', az: 'İqlim və ekologiya', ru: 'Климат и экология' },
    description: {
      en: 'The Caspian, its shores, water, wildlife and a warming climate.',
      az: 'Xəzər, onun sahilləri, su ehtiyatları, vəhşi təbiət və istiləşən iqlim.',
      ru: 'Каспий и его берега, вода, дикая природа и потепление климата.',
    },
    order: 3,
  },
  {
    slug: 'culture',
    name: { en: 'Culture', az: 'Mədəniyyət', ru: 'Культура' },
    description: {
      en: 'Books, music, museums, film and the people who make them.',
      az: 'Kitablar, musiqi, muzeylər, kino və onları yaradan insanlar.',
      ru: 'Книги, музыка, музеи, кино и люди, которые их создают.',
    },
    order: 4,
  },
  {
    slug: 'diaspora',
    name: { en: 'Diaspora', az: 'Diaspor', ru: 'Диаспора' },
    description: {
      en: 'Communities from the region living abroad, and the ties that bind them to home.',
      az: 'Xaricdə yaşayan icmalarımız və onları vətənə bağlayan tellər.',
      ru: 'Выходцы из региона за рубежом и связи, которые соединяют их с родиной.',
    },
    order: 5,
  },
  {
    slug: 'interview',
    name: { en: 'Interview', az: 'Müsahibə', ru: 'Интервью' },
    description: {
      en: 'Long conversations with scientists, writers, entrepreneurs and others worth hearing.',
      az: 'Alimlər, yazıçılar, sahibkarlar və dinləməyə dəyər digər insanlarla geniş söhbətlər.',
      ru: 'Подробные беседы с учёными, писателями, предпринимателями и другими интересными людьми.',
    },
    order: 6,
  },
  {
    slug: 'science',
    name: { en: 'Science', az: 'Elm', ru: 'Наука' },
    description: {
      en: "Research from the region's universities and laboratories, explained.",
      az: 'Regionun universitet və laboratoriyalarında aparılan tədqiqatlar, sadə dildə.',
      ru: 'Исследования университетов и лабораторий региона простым языком.',
    },
    order: 7,
  },
  {
    slug: 'logistics-transport',
    name: {
      en: 'Logistics and Transport',
      az: 'Logistika və nəqliyyat',
      ru: 'Логистика и транспорт',
    },
    description: {
      en: 'Railways, ports, ferries, roads and the trade routes that cross the Caspian.',
      az: 'Dəmir yolları, limanlar, bərələr, avtomobil yolları və Xəzəri kəsən ticarət marşrutları.',
      ru: 'Железные дороги, порты, паромы, автодороги и торговые пути через Каспий.',
    },
    order: 8,
  },
  {
    slug: 'gender',
    name: { en: 'Gender', az: 'Gender', ru: 'Гендер' },
    description: {
      en: 'Women and men at work, at home and in public life, and the gaps between them.',
      az: 'Qadınlar və kişilər işdə, evdə və ictimai həyatda, eləcə də aralarındakı fərqlər.',
      ru: 'Женщины и мужчины на работе, дома и в общественной жизни, и разрыв между ними.',
    },
    order: 9,
  },
  {
    slug: 'history',
    name: { en: 'History', az: 'Tarix', ru: 'История' },
    description: {
      en: 'Archives, monuments and the stories the past still has to tell.',
      az: 'Arxivlər, abidələr və keçmişin hələ də danışmalı olduğu hekayələr.',
      ru: 'Архивы, памятники и истории, которые прошлое ещё может рассказать.',
    },
    order: 10,
  },
  {
    slug: 'defense',
    name: { en: 'Defense', az: 'Müdafiə', ru: 'Оборона' },
    description: {
      en: 'Demining, defence technology, institutions and military heritage.',
      az: 'Minatəmizləmə, müdafiə texnologiyaları, qurumlar və hərbi irs.',
      ru: 'Разминирование, оборонные технологии, институты и военное наследие.',
    },
    order: 11,
  },
  {
    slug: 'karabakh',
    name: { en: 'Karabakh', az: 'Qarabağ', ru: 'Карабах' },
    description: {
      en: 'Reconstruction, resettlement and everyday life in the towns and villages of Karabakh.',
      az: 'Qarabağın şəhər və kəndlərində bərpa, məskunlaşma və gündəlik həyat.',
      ru: 'Восстановление, возвращение жителей и повседневная жизнь в городах и сёлах Карабаха.',
    },
    order: 12,
  },
]
