import type { Shape } from '../dictionary'
import type { messagesEn } from './en'

/** Russian: the same keys as English (messages/en.ts). */
export const messagesRu: Shape<typeof messagesEn> = {
  languages: {
    en: 'английский',
    az: 'азербайджанский',
    ru: 'русский',
    none: 'ни одного языка',
  },
  server: {
    error: 'Что-то пошло не так.',
    malformedJson:
      'Запрос не является корректным JSON (его тело или параметр "where" либо "data").',
    malformedForm: 'Тело запроса — некорректная форма (multipart или urlencoded).',
  },
  query: {
    parameterNotInteger: 'Параметр "{{name}}" должен быть целым числом от {{min}} до {{max}}.',
    whereNotObject:
      'Параметр "where" должен быть объектом условий, например: where[title][equals]=x.',
    whereTooLarge:
      'В параметре "where" слишком много условий (не больше {{max}}, вложенность не глубже {{depth}}).',
    andOrNotList: '"{{key}}" в "where" должен быть списком условий.',
    conditionNotObject:
      'Условие для "{{path}}" должно состоять из оператора и значения, например: where[{{path}}][equals]=x.',
    unknownOperator:
      '"{{operator}}" — не оператор (для "{{path}}"). Используйте один из: {{operators}}.',
    valueIsObject: 'Для "{{operator}}" по "{{path}}" нужно значение, а не объект.',
    tooManyValues: '"{{operator}}" по "{{path}}" принимает не больше {{max}} значений.',
    notAnId:
      '"{{value}}" — не идентификатор (для "{{path}}"): идентификаторы — целые числа от 1 до {{max}}.',
    notANumber: '"{{value}}" — не число (для "{{path}}").',
    notAChoice: '"{{value}}" — не один из вариантов поля "{{path}}": {{choices}}.',
    textMatchOnStructured:
      '"{{operator}}" нельзя применять к полю "{{path}}": это поле типа «{{type}}».',
    geoOnNonPoint: '"{{operator}}" работает только с полями-точками, а "{{path}}" не такое поле.',
    nulInValue: 'Значение "{{operator}}" для "{{path}}" не должно содержать символ NUL.',
    nulInFieldName: 'Имя поля в "where" не должно содержать символ NUL.',
    nulInParameter: 'Параметр "{{name}}" не должен содержать символ NUL.',
    sortNotFields: 'Параметр "sort" должен называть поля, например: sort=-publishedAt,title.',
    selectNotFields: 'Параметр "select" должен называть поля, например: select[title]=true.',
    fieldTypes: {
      richText: 'форматированный текст',
      json: 'JSON',
      blocks: 'блоки',
      array: 'список',
      group: 'группа',
      tab: 'вкладка',
      join: 'связь',
      choice: 'выбор',
    },
  },
  ids: {
    notFound: 'Не найдено: {{name}} с идентификатором "{{id}}".',
  },
  access: {
    logIn: 'Сначала войдите в редакционную систему.',
    staffOnly: 'Это могут делать только сотрудники редакции.',
    notArticleId: '"{{id}}" — не идентификатор статьи.',
    noArticle: 'Статьи с идентификатором {{id}} нет.',
    notText: '"{{field}}" должно быть текстом.',
    tooLong: '"{{field}}" — не больше {{max}} символов.',
    cannotSort: 'Сортировать по "{{path}}" нельзя: такого поля нет или у вас нет права его читать.',
    cannotFilter:
      'Фильтровать по "{{path}}" нельзя: такого поля нет или у вас нет права его читать.',
  },
  locks: {
    editing:
      'Этот документ сейчас редактирует в админке другой сотрудник. Попросите его закрыть документ или перехватите редактирование в админке, затем сохраните снова.',
  },
  workflow: {
    unknownTransition:
      'Неизвестное действие "{{name}}". Из статуса {{stage}} доступно: {{allowed}}.',
    notAllowed:
      'Действие {{transition}} недоступно для статьи в статусе {{stage}}. Отсюда доступно: {{allowed}}.',
    noneForYou: 'для вас — ничего',
    needsNote: 'Для действия {{transition}} нужна заметка с объяснением причины.',
    needsFutureDate: 'Для действия {{transition}} нужна дата в будущем.',
    checklist: '{{transition}} пока нельзя. Не хватает: {{items}}.',
    sayWhich: 'Укажите, какое действие выполнить: { "transition": "submit" }.',
    logInToMove: 'Войдите в систему, чтобы перевести статью на другой этап.',
    notesOnlyYours: 'Заметки можно добавлять только к статьям, над которыми вы работаете.',
    noteEmpty: 'Заметка не может быть пустой.',
    restoreEditorsOnly: 'Восстановить прежнюю версию могут только редакторы.',
    restorePublished:
      'Статья опубликована: восстановите версию как черновик, затем опубликуйте её через редакционный процесс.',
    done: '{{transition}}: готово.',
    noteAdded: 'Заметка добавлена.',
  },
  checklist: {
    heroImage: 'главное фото',
    heroAlt: 'альтернативный текст главного фото',
    section: 'рубрика',
    dek: 'лид',
    author: 'хотя бы один автор',
  },
  uploads: {
    tooLarge: 'Размер файла — {{size}}; загружать можно файлы не больше {{max}}.',
    notImage:
      '«{{name}}» — не изображение, которое принимает сайт (JPEG, PNG, WebP, AVIF или GIF).',
    wrongFormat:
      'Формат файла «{{name}}»: {{format}}; принимаются только изображения JPEG, PNG, WebP, AVIF и GIF.',
    unknownFormat: 'неизвестный',
    tooManyPixels:
      '«{{name}}» — {{width}}×{{height}} пикселей; изображение может содержать не больше {{max}} пикселей.',
    megabytes: '{{count}} МБ',
    fileNameInvalid: 'Имя файла должно быть простым: без управляющих символов, косых черт и "..".',
    fileNameTooLong: 'Имя файла слишком длинное (не больше {{max}} байт).',
    fileNotFound: 'Файла с именем "{{name}}" нет.',
  },
  articles: {
    attachElsewhere: 'Привязать языковую версию к другому материалу могут только редакторы.',
    makeOriginal: 'Сделать языковую версию оригиналом могут только редакторы.',
    translatorLanguage:
      'Ваши языки: {{languages}}. Перевести языковую версию на язык «{{language}}» вы не можете.',
    translatorOriginal:
      'Переводчики работают с языковыми версиями: добавьте это как версию оригинала на одном из ваших языков.',
    writersOwn: 'Авторы работают со своими статьями: эта статья принадлежала бы другому.',
    slugTaken: 'Адрес "{{slug}}" уже занят другой статьёй (язык: {{language}}).',
    slugRequired: 'Нужен адрес (slug): заполните заголовок или введите адрес сами.',
  },
  links: {
    notText: 'Ссылка должна быть текстом.',
    spaces:
      'Ссылка не может содержать пробелы, табуляцию, переносы строк, управляющие символы и обратные косые черты.',
    absolute: 'Введите полную ссылку, начинающуюся с https://, http:// или mailto:.',
    absoluteOrPath:
      'Введите полную ссылку, начинающуюся с https://, http:// или mailto:, или путь на этом сайте, начинающийся с одной / (например, /en/pages/about).',
    sitePath: 'Путь на этом сайте начинается с одной / и не может вести на другой сайт.',
  },
  request: {
    notJson: 'Тело запроса должно быть в формате JSON.',
  },
}
