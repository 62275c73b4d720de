import type { Shape } from '../dictionary'
import type { emailsEn } from './en'

/** Azerbaijani: the same keys as English (emails/en.ts). */
export const emailsAz: Shape<typeof emailsEn> = {
  subject: '[{{stage}}] {{title}}',
  scheduler: 'Planlaşdırıcı',
  happened: {
    submit: '{{who}} «{{title}}» materialını yoxlamaya göndərdi.',
    approve: '{{who}} «{{title}}» materialını təsdiqlədi.',
    request_changes: '{{who}} «{{title}}» materialında düzəlişlər istədi.',
    publish: '{{who}} «{{title}}» materialını dərc etdi.',
    publish_scheduled: '«{{title}}» plana uyğun olaraq dərc olundu.',
    other: '{{who}}: {{action}}, «{{title}}».',
  },
  next: {
    review: 'Material redaktorun yoxlamasını gözləyir.',
    changes: 'Zəhmət olmasa, düzəlişləri edin və materialı yenidən yoxlamaya göndərin.',
    approved: 'İndi redaktor onu dərc edə və ya dərc üçün plan qura bilər.',
    published: 'Material saytda yayımdadır.',
  },
  stage: 'Mərhələ: {{stage}}',
  language: 'Dil: {{language}}',
  note: 'Qeyd: {{note}}',
  openInAdmin: 'Redaksiya panelində açın: {{link}}',
  openInAdminButton: 'Redaksiya panelində açın',
  readOnSite: 'Saytda oxuyun: {{link}}',
  readOnSiteButton: 'Saytda oxuyun',
  footer:
    'Bu məktubu redaksiyada bu material üzərində işlədiyiniz üçün alırsınız. Məktubların dili hesab səhifənizdəki idarəetmə paneli dilidir.',
}
