import type { Shape } from '../dictionary'
import type { breakingEn } from './en'

/** Russian: the same keys as English (breaking/en.ts). */
export const breakingRu: Shape<typeof breakingEn> = {
  singular: 'Отметка срочной новости',
  plural: 'Срочные новости',
  article: 'Статья',
  language: 'Язык',
  expiresAt: 'Действует до',
  expiresAtDescription:
    'В это время баннер исчезнет. Не дольше 48 часов вперёд; если оставить пустым — 2 часа.',
  markedBy: 'Отметил(а)',
  panel: {
    title: 'Срочная новость',
    none: 'Не отмечена как срочная новость.',
    markedUntil: 'Срочная новость до {{time}}.',
    expired: 'Срок отметки истёк в {{time}}.',
    onlyPublished:
      'Сначала опубликуйте статью: срочной новостью может быть только опубликованная статья.',
    lasts: 'Срок',
    hours: '{{count}} ч',
    mark: 'Отметить как срочную',
    change: 'Изменить срок',
    remove: 'Снять отметку',
    saving: 'Сохранение…',
    failed: 'Не удалось сохранить отметку.',
  },
}
