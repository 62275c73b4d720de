/**
 * The Translations panel's words in the admin's languages (en, az, ru), picked by the language
 * the person chose for the admin (`useTranslation().i18n.language`). Stage names come from the
 * workflow's labels (src/components/workflow/labels.ts), the admin's one set of them.
 */

type Words = {
  translations: string
  saveFirst: string
  loading: string
  loadFailed: string
  retry: string
  original: string
  thisVersion: string
  missing: string
  needsUpdate: string
  open: string
  addTranslation: (code: string) => string
  adding: string
  translator: string
  assignToMe: string
  saveChangesFirst: string
  versionIn: (language: string) => string
  versionOf: string
  originalText: (language: string) => string
  originalTextHint: string
  emptyBody: string
  changedTitle: string
  changedSince: (when: string) => string
  changedIntro: string
  noTextChanges: string
  title: string
  dek: string
  paragraph: (n: number, kind: 'changed' | 'added' | 'removed') => string
  markUpdated: string
  marking: string
  markUpdatedHint: string
  markedUpdated: string
  failed: string
}

export type Dictionary = {
  words: Words
  languages: Record<string, string>
}

const en: Dictionary = {
  words: {
    translations: 'Translations',
    saveFirst: 'Save the article first; then its language versions can be added here.',
    loading: 'Loading…',
    loadFailed: 'Could not load the translations.',
    retry: 'Try again',
    original: 'Original',
    thisVersion: 'this version',
    missing: 'missing',
    needsUpdate: 'needs update',
    open: 'Open',
    addTranslation: (code) => `Add translation → ${code}`,
    adding: 'Adding…',
    translator: 'Translator',
    assignToMe: 'Me',
    saveChangesFirst: 'Save your changes first.',
    versionIn: (language) => `${language} version`,
    versionOf: 'Original article',
    originalText: (language) => `Original text (${language})`,
    originalTextHint: 'As the original reads now, to translate side by side.',
    emptyBody: 'The original has no body text yet.',
    changedTitle: 'The original has changed',
    changedSince: (when) => `Changes to the original since this version was made (${when}):`,
    changedIntro: 'Update the translation, save it, then mark it updated.',
    noTextChanges: 'The title, dek and body now read as they did; nothing to translate again.',
    title: 'Title',
    dek: 'Dek',
    paragraph: (n, kind) =>
      `Paragraph ${n} ${kind === 'changed' ? 'changed' : kind === 'added' ? 'added' : 'removed'}`,
    markUpdated: 'Mark updated',
    marking: 'Marking…',
    markUpdatedHint: 'Save your changes before marking the version updated.',
    markedUpdated: 'Marked as up to date with the original.',
    failed: 'The request failed. Try again.',
  },
  languages: { en: 'English', az: 'Azerbaijani', ru: 'Russian' },
}

const az: Dictionary = {
  words: {
    translations: 'Tərcümələr',
    saveFirst:
      'Əvvəlcə məqaləni yadda saxlayın; sonra burada onun dil versiyalarını əlavə etmək olar.',
    loading: 'Yüklənir…',
    loadFailed: 'Tərcümələri yükləmək mümkün olmadı.',
    retry: 'Yenidən cəhd edin',
    original: 'Orijinal',
    thisVersion: 'bu versiya',
    missing: 'yoxdur',
    needsUpdate: 'yenilənməlidir',
    open: 'Aç',
    addTranslation: (code) => `Tərcümə əlavə et → ${code}`,
    adding: 'Əlavə olunur…',
    translator: 'Tərcüməçi',
    assignToMe: 'Mən',
    saveChangesFirst: 'Əvvəlcə dəyişiklikləri yadda saxlayın.',
    versionIn: (language) => `${language} versiyası`,
    versionOf: 'Orijinal məqalə',
    originalText: (language) => `Orijinal mətn (${language})`,
    originalTextHint: 'Orijinalın indiki mətni: yan-yana tərcümə etmək üçün.',
    emptyBody: 'Orijinalın hələ mətni yoxdur.',
    changedTitle: 'Orijinal dəyişib',
    changedSince: (when) => `Bu versiya hazırlanandan (${when}) bəri orijinalda dəyişikliklər:`,
    changedIntro: 'Tərcüməni yeniləyin, yadda saxlayın, sonra yenilənmiş kimi qeyd edin.',
    noTextChanges: 'Başlıq, xülasə və mətn əvvəlki kimidir; yenidən tərcümə lazım deyil.',
    title: 'Başlıq',
    dek: 'Xülasə',
    paragraph: (n, kind) =>
      `Abzas ${n}: ${kind === 'changed' ? 'dəyişib' : kind === 'added' ? 'əlavə olunub' : 'silinib'}`,
    markUpdated: 'Yenilənmiş kimi qeyd et',
    marking: 'Qeyd olunur…',
    markUpdatedHint: 'Yenilənmiş kimi qeyd etməzdən əvvəl dəyişiklikləri yadda saxlayın.',
    markedUpdated: 'Orijinala uyğun yenilənmiş kimi qeyd olundu.',
    failed: 'Sorğu alınmadı. Yenidən cəhd edin.',
  },
  languages: { en: 'İngilis dili', az: 'Azərbaycan dili', ru: 'Rus dili' },
}

const ru: Dictionary = {
  words: {
    translations: 'Переводы',
    saveFirst: 'Сначала сохраните статью; затем здесь можно будет добавить её языковые версии.',
    loading: 'Загрузка…',
    loadFailed: 'Не удалось загрузить переводы.',
    retry: 'Повторить',
    original: 'Оригинал',
    thisVersion: 'эта версия',
    missing: 'нет',
    needsUpdate: 'нужно обновить',
    open: 'Открыть',
    addTranslation: (code) => `Добавить перевод → ${code}`,
    adding: 'Добавляем…',
    translator: 'Переводчик',
    assignToMe: 'Я',
    saveChangesFirst: 'Сначала сохраните изменения.',
    versionIn: (language) => `Версия: ${language}`,
    versionOf: 'Оригинальная статья',
    originalText: (language) => `Текст оригинала (${language})`,
    originalTextHint: 'Оригинал в его нынешнем виде, чтобы переводить рядом.',
    emptyBody: 'У оригинала пока нет текста.',
    changedTitle: 'Оригинал изменился',
    changedSince: (when) => `Изменения в оригинале с тех пор, как сделана эта версия (${when}):`,
    changedIntro: 'Обновите перевод, сохраните его и отметьте как обновлённый.',
    noTextChanges: 'Заголовок, лид и текст снова совпадают с прежними; переводить заново нечего.',
    title: 'Заголовок',
    dek: 'Лид',
    paragraph: (n, kind) =>
      `Абзац ${n} ${kind === 'changed' ? 'изменён' : kind === 'added' ? 'добавлен' : 'удалён'}`,
    markUpdated: 'Отметить как обновлённый',
    marking: 'Отмечаем…',
    markUpdatedHint: 'Сохраните изменения, прежде чем отмечать версию обновлённой.',
    markedUpdated: 'Отмечено как соответствующее оригиналу.',
    failed: 'Запрос не удался. Попробуйте ещё раз.',
  },
  languages: { en: 'Английский', az: 'Азербайджанский', ru: 'Русский' },
}

const DICTIONARIES: Record<string, Dictionary> = { en, az, ru }

/** The panel's dictionary for the admin's language, English for any other. */
export const translationsDictionary = (language: string | undefined): Dictionary =>
  DICTIONARIES[language ?? 'en'] ?? en
