import type { Shape } from '../dictionary'
import type { breakingEn } from './en'

/** Azerbaijani: the same keys as English (breaking/en.ts). */
export const breakingAz: Shape<typeof breakingEn> = {
  singular: 'Təcili xəbər qeydi',
  plural: 'Təcili xəbərlər',
  article: 'Məqalə',
  language: 'Dil',
  expiresAt: 'Bitmə vaxtı',
  expiresAtDescription: 'Banner bu vaxt yox olur. Ən çoxu 48 saat sonra; boş qalsa, 2 saat.',
  markedBy: 'Qeyd edən',
  panel: {
    title: 'Təcili xəbər',
    none: 'Təcili xəbər kimi qeyd olunmayıb.',
    markedUntil: '{{time}} tarixinədək təcili xəbərdir.',
    expired: 'Qeydin vaxtı {{time}} bitib.',
    onlyPublished:
      'Əvvəlcə məqaləni dərc edin: yalnız dərc olunmuş məqalələr təcili xəbər ola bilər.',
    lasts: 'Müddət',
    hours: '{{count}} saat',
    mark: 'Təcili xəbər kimi qeyd et',
    change: 'Bitmə vaxtını dəyiş',
    remove: 'Qeydi sil',
    saving: 'Saxlanılır…',
    failed: 'Qeydi saxlamaq mümkün olmadı.',
  },
}
