import type { Shape } from '../dictionary'
import type { planningEn } from './en'

/** Russian: the same keys as English (planning/en.ts). */
export const planningRu: Shape<typeof planningEn> = {
  plannedAt: 'Плановая дата',
  plannedAtDescription:
    'Когда редакция планирует выпустить материал: это план в календаре, а не публикация. Публикует только расписание.',
  title: 'Планирование',
  intro:
    'Публикации по расписанию и запланированные черновики по дням, в часовом поясе редакции ({{timeZone}}). Перетащите материал на другой день или нажмите «Перенести…»: время суток сохранится.',
  week: 'Неделя',
  month: 'Месяц',
  previous: 'Назад',
  next: 'Вперёд',
  today: 'Сегодня',
  section: 'Рубрика',
  language: 'Язык',
  assignee: 'Исполнитель',
  anySection: 'Все рубрики',
  anyLanguage: 'Все языки',
  anyone: 'Все',
  clear: 'Сбросить фильтры',
  kindScheduled: 'По расписанию',
  kindPlanned: 'В плане',
  nobody: 'Не назначен',
  untitled: 'Без заголовка',
  nothing: 'Ничего нет',
  moveTo: 'Перенести…',
  moveToDay: 'Перенести «{{title}}» на другой день',
  move: 'Перенести',
  cancel: 'Отмена',
  moving: 'Переносим…',
  moved: '«{{title}}» перенесён на {{day}}.',
  notMovable: 'Вы не можете перенести этот материал.',
  failed: 'Запрос не выполнен. Попробуйте ещё раз.',
  more: 'Материалов больше, чем помещается в календаре: показано {{count}} из {{total}}. Сузьте фильтры.',
  weekOf: 'Неделя с {{day}}',
}
