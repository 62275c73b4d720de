import type { Shape } from '../dictionary'
import type { newsletterEn } from './en'

/** Russian: the same keys as English (newsletter/en.ts). */
export const newsletterRu: Shape<typeof newsletterEn> = {
  singular: 'Подписчик',
  plural: 'Подписчики рассылки',
  email: 'Эл. почта',
  language: 'Язык рассылки',
  sections: 'Рубрики',
  allSections: 'Все рубрики',
  status: 'Статус',
  statuses: {
    pending: 'Ждёт подтверждения',
    subscribed: 'Подписан',
    unsubscribed: 'Отписался',
  },
  confirmedAt: 'Подтверждено',
  unsubscribedAt: 'Отписался',
  ipHash: 'Отпечаток адреса',
  ipHashDescription:
    'Хеш с солью от адреса, с которого пришла подписка, — для ограничения частоты запросов; сам адрес не хранится.',
  statusDescription:
    'Читатели сами подтверждают подписку и отписываются; редактор может только отметить подписчика как отписавшегося.',
  settings: {
    tab: 'Рассылка',
    digestHour: 'Час ежедневной рассылки',
    digestHourDescription:
      'Час (0–23), в который уходит ежедневная рассылка, по часовому поясу ниже; в неё входят статьи, опубликованные после предыдущей рассылки.',
    digestTimeZone: 'Часовой пояс рассылки',
    digestTimeZoneDescription: 'Название часового пояса IANA, например Asia/Baku.',
    badTimeZone: 'Сервер не знает такого часового пояса: {{zone}}.',
  },
  preview: {
    navLink: 'Предпросмотр рассылки',
    title: 'Предпросмотр следующей рассылки',
    intro:
      'Что получат подписчики на выбранном языке при следующей отправке: статьи, опубликованные после предыдущей рассылки, и запланированные до часа отправки.',
    language: 'Язык',
    sendAt: 'Следующая отправка: {{time}}',
    recipients: 'Подписчиков получат её: {{count}}',
    articles: 'Статей в ней: {{count}}',
    empty: 'Статей пока нет: рассылку никто не получит.',
    frameTitle: 'Рассылка так, как её видят подписчики',
    editorsOnly: 'Предпросмотр рассылки доступен только редакторам.',
  },
}
