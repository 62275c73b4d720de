/**
 * The planning calendar's words (`custom:planning:…`): the planned-date field and the calendar
 * view (`/admin/planning`, src/components/planning/). Variables as {{name}}. English is the
 * source; az and ru must match it key for key. Weekday and month names come from `Intl`.
 */
export const planningEn = {
  plannedAt: 'Planned for',
  plannedAtDescription:
    'When the desk plans to run it: a plan on the calendar, not a publication. Only scheduling publishes.',
  title: 'Planning',
  intro:
    'Scheduled publications and planned drafts by day, in the newsroom’s time zone ({{timeZone}}). Drag an item to another day, or use “Move to…”: it keeps its time of day.',
  week: 'Week',
  month: 'Month',
  previous: 'Previous',
  next: 'Next',
  today: 'Today',
  section: 'Section',
  language: 'Language',
  assignee: 'Assignee',
  anySection: 'All sections',
  anyLanguage: 'All languages',
  anyone: 'Everyone',
  clear: 'Clear filters',
  kindScheduled: 'Scheduled',
  kindPlanned: 'Planned',
  nobody: 'Unassigned',
  untitled: 'Untitled',
  nothing: 'Nothing',
  moveTo: 'Move to…',
  moveToDay: 'Move “{{title}}” to another day',
  move: 'Move',
  cancel: 'Cancel',
  moving: 'Moving…',
  moved: '“{{title}}” moved to {{day}}.',
  notMovable: 'You cannot move this item.',
  failed: 'The request failed. Try again.',
  more: 'More items than the calendar shows: {{count}} of {{total}} shown. Narrow the filters.',
  weekOf: 'Week of {{day}}',
}
