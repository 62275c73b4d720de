import type { Shape } from '../dictionary'
import type { emailsEn } from './en'

/** Russian: the same keys as English (emails/en.ts). */
export const emailsRu: Shape<typeof emailsEn> = {
  subject: '[{{stage}}] {{title}}',
  scheduler: 'Планировщик',
  happened: {
    submit: '{{who}} отправил(а) материал «{{title}}» на проверку.',
    approve: '{{who}} одобрил(а) материал «{{title}}».',
    request_changes: '{{who}} просит доработать материал «{{title}}».',
    publish: '{{who}} опубликовал(а) материал «{{title}}».',
    publish_scheduled: 'Материал «{{title}}» опубликован по расписанию.',
    other: '{{who}}: {{action}}, «{{title}}».',
  },
  next: {
    review: 'Материал ждёт проверки редактора.',
    changes: 'Пожалуйста, внесите правки и снова отправьте материал на проверку.',
    approved: 'Теперь редактор может опубликовать материал или запланировать публикацию.',
    published: 'Материал опубликован на сайте.',
  },
  stage: 'Этап: {{stage}}',
  language: 'Язык: {{language}}',
  note: 'Заметка: {{note}}',
  openInAdmin: 'Открыть в редакционной системе: {{link}}',
  openInAdminButton: 'Открыть в редакционной системе',
  readOnSite: 'Читать на сайте: {{link}}',
  readOnSiteButton: 'Читать на сайте',
  footer:
    'Вы получили это письмо, потому что работаете над этим материалом в редакции. Язык писем совпадает с языком интерфейса, выбранным на странице вашей учётной записи.',
}
