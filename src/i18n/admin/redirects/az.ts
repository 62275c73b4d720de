import type { Shape } from '../dictionary'
import type { redirectsEn } from './en'

/** Azerbaijani: the same keys as English (redirects/en.ts). */
export const redirectsAz: Shape<typeof redirectsEn> = {
  singular: 'Yönləndirmə',
  plural: 'Yönləndirmələr',
  description:
    'Köhnə ünvanlar və onların indi apardığı yer (301 ilə cavablanır). Dərc olunmuş məqalənin, bölmənin və ya teqin ünvanı dəyişəndə avtomatik yaranır; qalan hallar üçün əl ilə əlavə edin.',
  from: 'Köhnə ünvan',
  fromDescription:
    'Bu saytda yol, məsələn /en/articles/old-title və ya /2019/05/story.html?id=5. Tam URL yazsanız, onun yolu və sorğusu saxlanılır.',
  to: 'Yeni ünvan',
  toDescription:
    'Bu saytda yol, məsələn /az/articles/new-title. Oxucular heç vaxt başqa sayta yönləndirilmir.',
  toDocument: 'Səhifəyə aparır',
  toDocumentDescription:
    'Və ya məqalə, bölmə ya da teq seçin: yeni ünvan onun ünvanı olur (bölmə və teq köhnə ünvanın dilində) və o dəyişəndə onu izləyir.',
  origin: 'Necə yaranıb',
  origins: {
    automatic: 'Avtomatik (ünvan dəyişib)',
    manual: 'Əl ilə',
    imported: 'İdxalla',
  },
  createdBy: 'Yaradan',
}
