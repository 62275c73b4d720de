import type { Shape } from '../dictionary'
import type { redirectsEn } from './en'

/** Russian: the same keys as English (redirects/en.ts). */
export const redirectsRu: Shape<typeof redirectsEn> = {
  singular: 'Переадресация',
  plural: 'Переадресации',
  description:
    'Старые адреса и то, куда они ведут теперь (ответ 301). Создаются автоматически, когда меняется адрес опубликованной статьи, рубрики или тега; в остальных случаях добавьте их вручную.',
  from: 'Старый адрес',
  fromDescription:
    'Путь на этом сайте, например /en/articles/old-title или /2019/05/story.html?id=5. У полного URL сохраняются путь и параметры запроса.',
  to: 'Новый адрес',
  toDescription:
    'Путь на этом сайте, например /az/articles/new-title. Читателей никогда не отправляют на другой сайт.',
  toDocument: 'Ведёт на страницу',
  toDocumentDescription:
    'Или выберите статью, рубрику или тег: новым адресом станет её адрес (для рубрики и тега — на языке старого адреса), и он будет следовать за ней при изменении.',
  origin: 'Как создана',
  origins: {
    automatic: 'Автоматически (адрес изменился)',
    manual: 'Вручную',
    imported: 'При импорте',
  },
  createdBy: 'Кто создал',
}
