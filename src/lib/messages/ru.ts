import type { Shape } from '../dictionary'
import type { messagesEn } from './en'

/** Russian: the same keys as English (messages/en.ts). */
export const messagesRu: Shape<typeof messagesEn> = {
  request: {
    notJson: 'Тело запроса должно быть в формате JSON.',
  },
  translations: {
    notAnId: 'translationOf должен быть id статьи.',
    ofItself: 'Статья не может быть языковой версией самой себя.',
    mayNotAdd:
      'Добавить языковую версию ({{language}}) могут только редакторы и переводчики, работающие с этим языком.',
    noOriginal: 'Статьи {{id}}, которую нужно перевести, нет.',
    originalIsVersion:
      'Статья {{id}} сама является языковой версией; укажите её оригинал (статья {{originalId}}).',
    sameLanguage:
      'Оригинал написан на этом языке ({{language}}); языковая версия должна быть на другом.',
    languageTaken:
      'У этого материала уже есть версия на этом языке ({{language}}): статья {{id}}, «{{title}}». Работайте с ней.',
    hasVersions: 'У этой статьи есть свои языковые версии, поэтому она остаётся оригиналом.',
    originalGone: 'Оригинала этой версии (статья {{id}}) больше нет.',
    addFromOriginal: 'Это языковая версия; добавляйте переводы из оригинала (статья {{id}}).',
    whichLanguage: 'Укажите, какой язык добавить: {{languages}}.',
    onlyEditorsAssign: 'Поручать перевод другим могут только редакторы.',
    noSuchUser: 'Пользователя {{id}} нет.',
    created: 'Языковая версия создана: {{language}}.',
    notAVersion: 'Эта статья — оригинал, а не языковая версия.',
    mayNotMarkUpdated:
      'Отметить версию как обновлённую могут только переводчики этого языка и редакторы.',
    notUpdatedYet:
      'Текст этой версии не менялся с тех пор, как изменился оригинал: сначала обновите его, затем отметьте как обновлённый.',
    markedUpdated: 'Отмечено как соответствующее оригиналу.',
    versionsUnpublished: 'Снято с публикации языковых версий: {{count}}.',
  },
}
