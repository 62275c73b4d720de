/**
 * The workflow's words in the admin, in the admin's languages (en, az, ru). Stage and transition
 * names come from the admin dictionary (src/i18n/admin/), whose English the workflow table reads:
 * a stage or transition without a name in every language is a type error there.
 */
import { ADMIN_DICTIONARIES } from '@/i18n/admin'
import type { Language } from '@/lib/languages'
import type { Stage, TransitionName } from '@/workflow/table'

const en = {
  workflow: 'Workflow',
  saveFirst: 'Save the draft to start the workflow.',
  loading: 'Loading…',
  loadFailed: 'Could not load the workflow.',
  retry: 'Try again',
  assignee: 'Assignee',
  reviewer: 'Reviewer',
  nobody: 'Nobody yet',
  publishAt: 'Publishes at',
  expiresAt: 'Unpublishes at',
  checklist: 'Before publishing',
  checklistOk: 'Ready to publish: hero image with alt text, section, dek and author are set.',
  checklistMissing: 'Still missing:',
  actions: 'Actions',
  noActions: 'Nothing for you to do at this stage.',
  note: 'Note',
  noteRequiredFor: 'Note (needed to {actions})',
  notePlaceholder: 'What should change, or what the next person should know',
  whenFor: 'Publish at (to {actions})',
  needsNote: 'Write a note first.',
  needsDate: 'Pick a date and time in the future.',
  saveChangesFirst: 'Save your changes before moving the article on.',
  readOnlyHint: 'You can no longer edit the text at this stage.',
  addNote: 'Add note',
  noteAdded: 'Note added.',
  done: 'Done. The article is now: {stage}.',
  timeline: 'Timeline',
  noEvents: 'Nothing has happened yet.',
  system: 'Scheduler',
  kindNote: 'Note',
  kindRestore: 'Restored a version',
  failed: 'The request failed. Try again.',
  // Desk
  desk: 'Desk',
  deskIntro: 'Articles by stage. Filters apply to the columns and to the schedule.',
  section: 'Section',
  language: 'Language',
  anySection: 'All sections',
  anyLanguage: 'All languages',
  anyone: 'Everyone',
  mine: 'Mine',
  mineTitle: 'Assigned to me or created by me',
  needsUpdate: 'Needs update',
  needsUpdateTitle: 'Language versions whose original changed after they were made',
  clear: 'Clear filters',
  next24: 'Next 24 hours',
  nothingScheduled: 'Nothing is scheduled to publish in the next 24 hours.',
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  empty: 'None',
  more: '{count} more in the list',
  untitled: 'Untitled',
  updated: 'Updated',
}

export type WorkflowDictionary = typeof en

type Translations = { words: WorkflowDictionary }

const DICTIONARIES: Record<Language, Translations> = {
  en: {
    words: en,
  },
  az: {
    words: {
      workflow: 'İş axını',
      saveFirst: 'İş axınını başlatmaq üçün qaralamanı yadda saxlayın.',
      loading: 'Yüklənir…',
      loadFailed: 'İş axını yüklənmədi.',
      retry: 'Yenidən cəhd edin',
      assignee: 'İcraçı',
      reviewer: 'Redaktor-yoxlayıcı',
      nobody: 'Hələ təyin olunmayıb',
      publishAt: 'Dərc vaxtı',
      expiresAt: 'Dərcdən çıxma vaxtı',
      checklist: 'Dərcdən əvvəl',
      checklistOk: 'Dərcə hazırdır: alt mətni olan şəkil, bölmə, lid və müəllif var.',
      checklistMissing: 'Hələ çatışmır:',
      actions: 'Əməliyyatlar',
      noActions: 'Bu mərhələdə sizin üçün əməliyyat yoxdur.',
      note: 'Qeyd',
      noteRequiredFor: 'Qeyd ({actions} üçün mütləqdir)',
      notePlaceholder: 'Nə dəyişməlidir və ya növbəti şəxs nəyi bilməlidir',
      whenFor: 'Dərc vaxtı ({actions} üçün)',
      needsNote: 'Əvvəlcə qeyd yazın.',
      needsDate: 'Gələcəkdə bir tarix və vaxt seçin.',
      saveChangesFirst: 'Məqaləni irəli aparmazdan əvvəl dəyişiklikləri yadda saxlayın.',
      readOnlyHint: 'Bu mərhələdə mətni artıq redaktə edə bilməzsiniz.',
      addNote: 'Qeyd əlavə et',
      noteAdded: 'Qeyd əlavə olundu.',
      done: 'Hazırdır. Məqalənin mərhələsi: {stage}.',
      timeline: 'Tarixçə',
      noEvents: 'Hələ heç nə baş verməyib.',
      system: 'Planlayıcı',
      kindNote: 'Qeyd',
      kindRestore: 'Versiya bərpa olundu',
      failed: 'Sorğu alınmadı. Yenidən cəhd edin.',
      desk: 'Masa',
      deskIntro: 'Mərhələlər üzrə məqalələr. Filtrlər sütunlara və cədvələ tətbiq olunur.',
      section: 'Bölmə',
      language: 'Dil',
      anySection: 'Bütün bölmələr',
      anyLanguage: 'Bütün dillər',
      anyone: 'Hamı',
      mine: 'Mənimkilər',
      mineTitle: 'Mənə təyin olunan və ya mənim yaratdıqlarım',
      needsUpdate: 'Yenilənməlidir',
      needsUpdateTitle: 'Orijinalı sonradan dəyişmiş dil versiyaları',
      clear: 'Filtrləri sıfırla',
      next24: 'Növbəti 24 saat',
      nothingScheduled: 'Növbəti 24 saatda dərc planlaşdırılmayıb.',
      cancel: 'Ləğv et',
      cancelling: 'Ləğv olunur…',
      empty: 'Yoxdur',
      more: 'Siyahıda daha {count}',
      untitled: 'Başlıqsız',
      updated: 'Yenilənib',
    },
  },
  ru: {
    words: {
      workflow: 'Редакционный процесс',
      saveFirst: 'Сохраните черновик, чтобы начать работу с ним.',
      loading: 'Загрузка…',
      loadFailed: 'Не удалось загрузить процесс.',
      retry: 'Повторить',
      assignee: 'Исполнитель',
      reviewer: 'Рецензент',
      nobody: 'Пока не назначен',
      publishAt: 'Публикация',
      expiresAt: 'Снятие с публикации',
      checklist: 'Перед публикацией',
      checklistOk: 'Готово к публикации: есть фото с alt-текстом, рубрика, лид и автор.',
      checklistMissing: 'Ещё не хватает:',
      actions: 'Действия',
      noActions: 'На этом этапе у вас нет действий.',
      note: 'Заметка',
      noteRequiredFor: 'Заметка (обязательна для: {actions})',
      notePlaceholder: 'Что нужно изменить или что следует знать следующему',
      whenFor: 'Время публикации (для: {actions})',
      needsNote: 'Сначала напишите заметку.',
      needsDate: 'Выберите дату и время в будущем.',
      saveChangesFirst: 'Сохраните изменения, прежде чем двигать статью дальше.',
      readOnlyHint: 'На этом этапе текст больше нельзя редактировать.',
      addNote: 'Добавить заметку',
      noteAdded: 'Заметка добавлена.',
      done: 'Готово. Статус статьи: {stage}.',
      timeline: 'История',
      noEvents: 'Пока ничего не произошло.',
      system: 'Планировщик',
      kindNote: 'Заметка',
      kindRestore: 'Восстановлена версия',
      failed: 'Запрос не выполнен. Попробуйте ещё раз.',
      desk: 'Редакция',
      deskIntro: 'Статьи по этапам. Фильтры действуют на колонки и на расписание.',
      section: 'Рубрика',
      language: 'Язык',
      anySection: 'Все рубрики',
      anyLanguage: 'Все языки',
      anyone: 'Все',
      mine: 'Мои',
      mineTitle: 'Назначенные мне или созданные мной',
      needsUpdate: 'Нужно обновить',
      needsUpdateTitle: 'Языковые версии, чей оригинал изменился после перевода',
      clear: 'Сбросить фильтры',
      next24: 'Ближайшие 24 часа',
      nothingScheduled: 'В ближайшие 24 часа публикаций не запланировано.',
      cancel: 'Отменить',
      cancelling: 'Отмена…',
      empty: 'Нет',
      more: 'Ещё {count} в списке',
      untitled: 'Без заголовка',
      updated: 'Обновлено',
    },
  },
}

export type WorkflowLabels = {
  language: Language
  /** a phrase, with `{name}` placeholders filled from `values` */
  t: (key: keyof WorkflowDictionary, values?: Record<string, string | number>) => string
  stage: (stage: string | null | undefined) => string
  transition: (name: string, fallback?: string) => string
  /** a date and time in this language, in the viewer's time zone */
  dateTime: (value: string | Date | null | undefined) => string
  /** the same, short (no year), for cards and lists */
  shortDateTime: (value: string | Date | null | undefined) => string
}

/** The workflow's labels for the admin's current language (`useTranslation().i18n.language`). */
export const workflowLabels = (language: string | undefined): WorkflowLabels => {
  const code = language === 'az' || language === 'ru' ? language : 'en'
  const dictionary = DICTIONARIES[code]
  // The stages' and transitions' names are the admin dictionary's (src/i18n/admin/), the same
  // ones the stage field, its filter and the timeline's selects show.
  const { stages, transitions } = ADMIN_DICTIONARIES[code]
  const long = new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeStyle: 'short' })
  const short = new Intl.DateTimeFormat(code, {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  })
  const formatWith = (format: Intl.DateTimeFormat) => (value: string | Date | null | undefined) => {
    if (!value) return ''
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? '' : format.format(date)
  }
  return {
    language: code,
    t: (key, values) =>
      Object.entries(values ?? {}).reduce(
        (text, [name, value]) => text.replaceAll(`{${name}}`, String(value)),
        dictionary.words[key],
      ),
    stage: (stage) => (stage && stage in stages ? stages[stage as Stage] : (stage ?? '')),
    transition: (name, fallback) =>
      name in transitions ? transitions[name as TransitionName] : (fallback ?? name),
    dateTime: formatWith(long),
    shortDateTime: formatWith(short),
  }
}
