import type { SeedPage } from './types'

/** Static pages linked from the footer. */
export const pages: SeedPage[] = [
  {
    slug: 'who-we-are',
    title: { en: 'Who we are', az: 'Biz kimik', ru: 'О нас' },
    body: {
      en: [
        'Caspian Digest is a daily digest of news and analysis on Azerbaijan and the South Caucasus, published in English, Azerbaijani and Russian. We started with a simple idea: readers in Baku, Tbilisi, Berlin and Toronto should be able to follow the same story, told carefully, in the language they read most comfortably.',
        { heading: 'What we publish' },
        'Every day our editors report on the economy, energy, climate, culture, science and everyday life across the region. Alongside our own journalism we select stories from partner outlets, translate them, and always say where they first appeared, with a link to the original.',
        { heading: 'How we work' },
        'We check facts before we publish and correct mistakes openly when we get something wrong. Corrections are noted at the end of the article concerned. Opinion pieces are clearly labelled and represent the views of their authors, not of the editorial team as a whole.',
        "We do not accept payment for coverage. Sponsored material, if we ever carry any, will be marked as such on the page and kept apart from our newsroom's reporting.",
        { heading: 'Get in touch' },
        'Story ideas, corrections and complaints are welcome at desk@caspiandigest.example. We read everything, even if we cannot reply to every message.',
      ],
      az: [
        'Caspian Digest Azərbaycan və Cənubi Qafqaz haqqında ingilis, Azərbaycan və rus dillərində dərc olunan gündəlik xəbər və təhlil icmalıdır. Məqsədimiz sadədir: Bakıda, Tbilisidə, Berlində və Torontoda yaşayan oxucular eyni hekayəni özlərinə ən rahat dildə, diqqətlə yazılmış şəkildə izləyə bilməlidirlər.',
        { heading: 'Necə işləyirik' },
        'Faktları dərcdən əvvəl yoxlayırıq, səhvlərimizi isə açıq şəkildə düzəldirik. Tərəfdaş nəşrlərdən götürülmüş materiallarda həmişə ilkin mənbəni və ona keçidi göstəririk. Təkliflərinizi desk@caspiandigest.example ünvanına göndərə bilərsiniz.',
      ],
      ru: [
        'Caspian Digest — ежедневный дайджест новостей и аналитики об Азербайджане и Южном Кавказе на английском, азербайджанском и русском языках. Наша идея проста: читатели в Баку, Тбилиси, Берлине и Торонто должны иметь возможность следить за одной и той же историей на том языке, который им ближе.',
        { heading: 'Как мы работаем' },
        'Мы проверяем факты до публикации и открыто исправляем ошибки. В материалах партнёрских изданий мы всегда указываем первоисточник и даём ссылку на него. Предложения и замечания присылайте на desk@caspiandigest.example.',
      ],
    },
  },
  {
    slug: 'privacy-policy',
    title: { en: 'Privacy policy', az: 'Məxfilik siyasəti', ru: 'Политика конфиденциальности' },
    body: {
      en: [
        'This policy explains what personal information Caspian Digest collects when you read our site or contact us, why we collect it and what we do with it. We try to collect as little as possible.',
        { heading: 'What we collect' },
        {
          list: [
            'Basic technical data sent by your browser, such as the pages you visit, your approximate location by country and the type of device you use, gathered in aggregate to understand what readers find useful.',
            'Your email address, if you subscribe to our newsletter or write to us.',
            'Anything you choose to tell us in a message, a correction request or a story tip.',
          ],
        },
        { heading: 'How we use it' },
        'We use aggregate statistics to plan our coverage and keep the site working. We use your email address only to send you what you asked for and to answer your messages. We do not sell personal data and we do not share it with advertisers.',
        { heading: 'How long we keep it' },
        'Newsletter addresses are kept until you unsubscribe. Correspondence is kept for as long as it is needed to deal with your request and for a reasonable period afterwards, in case questions come up again.',
        { heading: 'Your rights' },
        'You can ask us at any time what information we hold about you, ask us to correct it or ask us to delete it. Write to desk@caspiandigest.example and we will reply within thirty days.',
      ],
      az: [
        'Bu siyasət saytımızı oxuyarkən və ya bizimlə əlaqə saxlayarkən hansı şəxsi məlumatların toplandığını və onlardan necə istifadə olunduğunu izah edir. Biz mümkün qədər az məlumat toplamağa çalışırıq.',
        'Yalnız ümumiləşdirilmiş texniki statistika və könüllü olaraq təqdim etdiyiniz e-poçt ünvanını saxlayırıq. Şəxsi məlumatları satmırıq və reklamçılarla paylaşmırıq.',
        'Məlumatlarınızın düzəldilməsini və ya silinməsini istəyirsinizsə, desk@caspiandigest.example ünvanına yazın.',
      ],
      ru: [
        'Эта политика объясняет, какие персональные данные мы собираем, когда вы читаете наш сайт или пишете нам, и как мы их используем. Мы стараемся собирать как можно меньше.',
        'Мы храним только обобщённую техническую статистику и адрес электронной почты, который вы указали добровольно. Мы не продаём персональные данные и не передаём их рекламодателям.',
        'Чтобы исправить или удалить свои данные, напишите нам на desk@caspiandigest.example.',
      ],
    },
  },
  {
    slug: 'terms-and-conditions',
    title: { en: 'Terms and conditions', az: 'İstifadə şərtləri', ru: 'Условия использования' },
    body: {
      en: [
        'By using the Caspian Digest website you agree to these terms. They are written to be read, so please take a minute to do so.',
        { heading: 'Our content' },
        'Articles, photographs and graphics on this site are protected by copyright. You are welcome to quote short passages with a clear credit and a link to the original article. Republishing whole articles requires our written permission; partner material remains the property of the outlet that first published it.',
        { heading: 'Accuracy' },
        'We work hard to get things right, but news changes quickly and mistakes happen. The site is provided as it is, and nothing on it should be taken as financial, legal or medical advice.',
        { heading: 'Links to other sites' },
        'We link to other websites, including the original sources of translated stories. We are not responsible for their content or their privacy practices.',
        'We may update these terms from time to time. The current version is always the one published on this page.',
      ],
      az: [
        'Caspian Digest saytından istifadə etməklə bu şərtlərlə razılaşırsınız. Saytdakı məqalələr, fotoşəkillər və qrafiklər müəllif hüquqları ilə qorunur.',
        'Qısa sitatları mənbəni və orijinal məqaləyə keçidi göstərməklə istifadə edə bilərsiniz. Məqalələrin tam şəkildə yenidən dərci üçün yazılı icazəmiz tələb olunur.',
      ],
      ru: [
        'Пользуясь сайтом Caspian Digest, вы соглашаетесь с этими условиями. Статьи, фотографии и графика на сайте защищены авторским правом.',
        'Короткие цитаты допускаются с указанием источника и ссылкой на оригинальную статью. Для полной перепечатки материалов требуется наше письменное разрешение.',
      ],
    },
  },
  {
    slug: 'cookies-policy',
    title: {
      en: 'Cookies policy',
      az: 'Kuki siyasəti',
      ru: 'Политика использования файлов cookie',
    },
    body: {
      en: [
        'Cookies are small text files that a website stores in your browser. Caspian Digest uses as few of them as it can.',
        { heading: 'Cookies we use' },
        {
          list: [
            'Essential cookies that remember your language choice and keep the site secure.',
            'Analytics cookies that count visits anonymously, so that we know which stories are read. These are only set if you agree.',
          ],
        },
        'We do not use advertising or tracking cookies from third parties.',
        { heading: 'Managing cookies' },
        'You can change your choice at any time using the cookie settings link at the bottom of every page, or delete cookies through your browser settings. The site will keep working without analytics cookies.',
      ],
      az: [
        'Kukilər saytın brauzerinizdə saxladığı kiçik mətn fayllarıdır. Biz yalnız dil seçiminizi yadda saxlayan zəruri kukilərdən və razılığınızla anonim statistika kukilərindən istifadə edirik.',
        'Seçiminizi istənilən vaxt səhifənin aşağısındakı kuki ayarları keçidi ilə dəyişə bilərsiniz.',
      ],
      ru: [
        'Cookie — это небольшие текстовые файлы, которые сайт сохраняет в вашем браузере. Мы используем только необходимые cookie, запоминающие выбранный язык, и, с вашего согласия, анонимные аналитические cookie.',
        'Изменить свой выбор можно в любой момент по ссылке «Настройки cookie» внизу каждой страницы.',
      ],
    },
  },
]
