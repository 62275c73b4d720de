import type { Shape } from '../dictionary'
import type { commentsEn } from './en'

/** Azerbaijani: the same keys as English (comments/en.ts). */
export const commentsAz: Shape<typeof commentsEn> = {
  singular: 'Şərh',
  plural: 'Şərhlər',
  article: 'Məqalə',
  parent: 'Cavab verilən şərh',
  name: 'Ad',
  email: 'E-poçt',
  emailDescription: 'Saytda heç vaxt göstərilmir; onu yalnız redaktorlar görə bilər.',
  body: 'Şərh',
  status: 'Vəziyyət',
  statuses: {
    unconfirmed: 'E-poçtun təsdiqi gözlənilir',
    pending: 'Gözləyir',
    approved: 'Təsdiqlənib',
    rejected: 'Rədd edilib',
    spam: 'Spam',
  },
  ipHash: 'Ünvan izi',
  ipHashDescription:
    'Göndərənin IP ünvanının duzlu heşi: sürət limitləri və təkrarları aşkar etmək üçün; ünvanın özü saxlanmır.',
  moderatedBy: 'Moderator',
  moderatedAt: 'Moderasiya vaxtı',
  byNewsroom: 'Redaksiya tərəfindən yazılıb',
  notifiedAt: 'Redaktorlara bildirilib',
  mode: 'Şərhlər',
  modeDescriptionSection: 'Oxucular bu bölmənin məqalələrinə şərh yaza bilərmi.',
  modeDescriptionArticle:
    'Oxucular bu məqaləyə şərh yaza bilərmi. “Bölməsi kimi” bölmənin ayarına uyğundur.',
  modes: {
    inherit: 'Bölməsi kimi',
    moderated: 'Açıq, əvvəlcədən moderasiya ilə',
    closed: 'Bağlı (mövcud şərhlər göstərilir)',
    hidden: 'Gizli',
  },
  queue: {
    all: 'Hamısı',
    filterStatus: 'Vəziyyət',
    filterLanguage: 'Dil',
    allLanguages: 'Bütün dillər',
    hint: 'Şərhləri birdəfəlik təsdiqləmək, rədd etmək və ya spam kimi qeyd etmək üçün siyahıda onları seçin.',
    selected: 'Seçilib: {{count}}',
    approve: 'Təsdiqlə',
    reject: 'Rədd et',
    spam: 'Spam kimi qeyd et',
    toPending: 'Gözləməyə qaytar',
    working: 'Saxlanılır…',
    failed: 'Heç nə dəyişdirilmədi: serverə qoşulmaq alınmadı. Yenidən cəhd edin.',
    oldestFirst: 'Ən çox gözləyənlər əvvəldə.',
  },
  panel: {
    title: 'Moderasiya',
    current: 'İndi: {{status}}',
    byNewsroom: 'Bu cavabı redaksiya yazıb.',
    replyTitle: 'Redaksiya adından cavab',
    replyHint:
      'Dərhal bu şərhin altında saytın adı ilə dərc olunur. Gözləyən şərh onunla birlikdə təsdiqlənir.',
    replyPlaceholder: 'Oxucuya cavabınız…',
    replyButton: 'Cavabı dərc et',
    charactersLeft: 'Qalan simvollar: {{count}}',
    unsaved: 'Əvvəlcə dəyişiklikləri saxlayın və ya ləğv edin: moderasiya şərhi yenidən yükləyir.',
  },
  emails: {
    subject: 'Moderasiya gözləyən şərhlər: {{count}}',
    intro: 'Oxuculardan yeni şərhlər moderasiya gözləyir ({{count}}):',
    comment: '{{name}}, «{{title}}» ({{language}}):',
    open: 'Şərhi açın: {{link}}',
    openButton: 'Şərhi aç',
    more: 'Növbədə daha çox: {{count}}.',
    queue: 'Moderasiya növbəsi: {{link}}',
    queueButton: 'Moderasiya növbəsini aç',
    footer:
      'Bu məktubu redaksiyanın redaktoru olduğunuz üçün alırsınız; bir məktub bir neçə dəqiqənin şərhlərini toplayır. Bu məktubların dili hesab səhifənizdəki admin dilidir.',
  },
}
