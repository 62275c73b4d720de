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
}
