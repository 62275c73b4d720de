import type { Shape } from '../dictionary'
import type { commentsEn } from './en'

/** Russian: the same keys as English (comments/en.ts). */
export const commentsRu: Shape<typeof commentsEn> = {
  singular: 'Комментарий',
  plural: 'Комментарии',
  article: 'Статья',
  parent: 'Ответ на',
  name: 'Имя',
  email: 'Эл. почта',
  emailDescription: 'Никогда не показывается на сайте; видят только редакторы.',
  body: 'Комментарий',
  status: 'Статус',
  statuses: {
    unconfirmed: 'Ждёт подтверждения почты',
    pending: 'На модерации',
    approved: 'Одобрен',
    rejected: 'Отклонён',
    spam: 'Спам',
  },
  ipHash: 'Отпечаток адреса',
  ipHashDescription:
    'Солёный хеш IP-адреса отправителя: для ограничения частоты и поиска повторов; сам адрес не хранится.',
  moderatedBy: 'Модератор',
  moderatedAt: 'Время модерации',
  byNewsroom: 'От редакции',
  notifiedAt: 'Редакторы уведомлены',
  mode: 'Комментарии',
  modeDescriptionSection: 'Могут ли читатели комментировать статьи этого раздела.',
  modeDescriptionArticle:
    'Могут ли читатели комментировать эту статью. «Как в разделе» следует настройке раздела.',
  modes: {
    inherit: 'Как в разделе',
    moderated: 'Открыты, с премодерацией',
    closed: 'Закрыты (прежние комментарии видны)',
    hidden: 'Скрыты',
  },
}
