import type { Shape } from '../dictionary'
import type { newsletterEn } from './en'

/** Azerbaijani: the same keys as English (newsletter/en.ts). */
export const newsletterAz: Shape<typeof newsletterEn> = {
  singular: 'Abunəçi',
  plural: 'Bülleten abunəçiləri',
  email: 'E-poçt',
  language: 'Bülletenin dili',
  sections: 'Bölmələr',
  allSections: 'Bütün bölmələr',
  status: 'Vəziyyət',
  statuses: {
    pending: 'Təsdiq gözlənilir',
    subscribed: 'Abunədir',
    unsubscribed: 'Abunədən çıxıb',
  },
  confirmedAt: 'Təsdiq vaxtı',
  unsubscribedAt: 'Abunədən çıxma vaxtı',
  ipHash: 'Ünvan izi',
  ipHashDescription:
    'Abunənin gəldiyi ünvanın duzlu heşi, sürət limitləri üçün; ünvanın özü saxlanmır.',
  statusDescription:
    'Oxucular abunəni özləri təsdiqləyir və ondan özləri çıxır; redaktor abunəçini yalnız “abunədən çıxıb” kimi qeyd edə bilər.',
  settings: {
    tab: 'Bülleten',
    digestHour: 'Gündəlik bülletenin saatı',
    digestHourDescription:
      'Gündəlik bülletenin göndərildiyi saat (0–23), aşağıdakı saat qurşağı ilə; içində son bülletendən bəri dərc olunan məqalələr olur.',
    digestTimeZone: 'Bülletenin saat qurşağı',
    digestTimeZoneDescription: 'IANA saat qurşağının adı, məsələn, Asia/Baku.',
    badTimeZone: 'Server bu saat qurşağını tanımır: {{zone}}.',
  },
  preview: {
    navLink: 'Bülletenə baxış',
    title: 'Növbəti bülletenə ilkin baxış',
    intro:
      'Seçilmiş dildəki abunəçilərin növbəti göndərişdə alacağı bülleten: son bülletendən bəri dərc olunan və göndəriş saatına qədər dərcə planlaşdırılan məqalələr.',
    language: 'Dil',
    sendAt: 'Növbəti göndəriş: {{time}}',
    recipients: 'Göndəriləcəyi abunəçilər: {{count}}',
    articles: 'İçindəki məqalələr: {{count}}',
    empty: 'Hələ məqalə yoxdur: heç kim bülleten almayacaq.',
    frameTitle: 'Abunəçilərin görəcəyi bülleten',
    editorsOnly: 'Bülletenə ilkin baxışı yalnız redaktorlar görə bilər.',
  },
}
